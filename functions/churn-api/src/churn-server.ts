import type { Logger } from "pino";
import { buildChurnApp } from "./app";
import { ModelHolder, ModelState } from "./model-state";
import { ModelSource } from "./model-source";

export interface ChurnServerOptions {
    host: string;
    /** 0 picks a free port (tests). */
    port: number;
    modelVersion: string;
    modelSource: ModelSource;
    logger: Logger;
}

export interface ChurnServer {
    port: number;
    /** Settles when the model is loaded or has failed to load. */
    modelLoaded: Promise<ModelState>;
    /**
     * Stops accepting connections and waits for in-flight requests to finish, up to graceMs; then closes
     * whatever is left. Resolves to whether every request finished in time.
     */
    shutdown(graceMs: number): Promise<{ drained: boolean }>;
}

/**
 * Listens first and loads the model after, so a probe sees "starting" (503) rather than a refused
 * connection, and a load failure is reported by /health instead of crashing into a restart loop.
 */
export async function startChurnServer(options: ChurnServerOptions): Promise<ChurnServer> {
    const { logger } = options;
    const model = new ModelHolder(options.modelSource, options.modelVersion);
    let draining = false;
    let inFlight = 0;
    const app = buildChurnApp({ model, logger, draining: () => draining });
    app.addHook("onRequest", async (_request, reply) => {
        inFlight += 1;
        reply.raw.once("close", () => { inFlight -= 1; });
    });
    await app.listen({ host: options.host, port: options.port, listenTextResolver: (address) => `churn-api listening on ${address}` });
    const address = app.server.address();
    const port = typeof address === "object" && address !== null ? address.port : options.port;

    const modelLoaded = model.load().then((state) => {
        if (state.status === "ready") logger.info(`model ${state.model.version} loaded from ${state.source}`);
        else if (state.status === "failed") logger.error(`model could not be loaded from ${state.source}: ${state.reason}`);
        return state;
    });

    const shutdown = (graceMs: number) => {
        draining = true;
        logger.info({ inFlight }, `shutting down: draining ${inFlight} in-flight requests`);
        return new Promise<{ drained: boolean }>((resolve) => {
            const deadline = setTimeout(() => {
                logger.error({ inFlight }, `${inFlight} requests still running after ${graceMs} ms; closing their connections`);
                app.server.closeAllConnections();
                resolve({ drained: false });
            }, graceMs);
            // fastify stops listening, closes idle keep-alive connections and waits for the requests in flight.
            void app.close().then(() => {
                clearTimeout(deadline);
                logger.info("shut down: every request answered");
                resolve({ drained: true });
            });
        });
    };
    return { port, modelLoaded, shutdown };
}
