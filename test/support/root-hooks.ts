import { stopMoto } from "../../tools/moto/moto-server";

/** Mocha root hooks: shared test servers are stopped once, after every spec file has run. */
export const mochaHooks = {
    async afterAll(): Promise<void> {
        await stopMoto();
    },
};
