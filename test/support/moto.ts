import { MotoServer, startMotoServer } from "../../tools/moto/moto-server";

export { MOTO_ACCOUNT_ID, MOTO_REGION } from "../../tools/moto/moto-server";

/**
 * One moto server per test process, started on first use and stopped by the root hook when mocha
 * finishes (the server itself is tools/moto/moto-server.ts, which the bench uses too).
 */
let starting: Promise<MotoServer> | undefined;

/** Endpoint URL of the shared moto server, starting it if needed. Also sets fake AWS credentials. */
export async function motoEndpoint(): Promise<string> {
    starting ??= startMotoServer();
    return (await starting).endpoint;
}

/** Stops the shared moto server if one was started. Called from the mocha root hook. */
export async function stopMoto(): Promise<void> {
    const server = starting;
    starting = undefined;
    // A server that failed to start has nothing left to stop (the failure was reported to its caller).
    const running = await server?.catch(() => undefined);
    await running?.stop();
}

/** Wipes every resource in the moto server so a test starts from a clean account. */
export async function resetMoto(): Promise<void> {
    const endpoint = await motoEndpoint();
    const response = await fetch(`${endpoint}/moto-api/reset`, { method: "POST" });
    if (!response.ok) throw new Error(`moto reset failed with HTTP ${response.status}`);
}
