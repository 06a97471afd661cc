import { createServer } from "node:http";
import { AddressInfo } from "node:net";
import { createRequestHandler } from "./app";
import { Logger } from "./logger";
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
    const model = new ModelHolder(options.modelSource, options.modelVersion);
    let draining = false;
    let inFlight = 0;
    const server = createServer(createRequestHandler({ model, logger: options.logger, draining: () => draining }));
    server.on("request", (_req, res) => {
        inFlight += 1;
        res.once("close", () => { inFlight -= 1; });
    });
    await new Promise<void>((resolve, reject) => {
        server.once("error", reject);
        server.listen(options.port, options.host, () => resolve());
    });
    const port = (server.address() as AddressInfo).port;
    options.logger.info(`churn-api listening on ${options.host}:${port}`, { modelVersion: options.modelVersion });

    const modelLoaded = model.load().then((state) => {
        if (state.status === "ready") options.logger.info(`model ${state.model.version} loaded from ${state.source}`);
        else if (state.status === "failed") options.logger.error(`model could not be loaded from ${state.source}: ${state.reason}`);
        return state;
    });

    const shutdown = (graceMs: number) => {
        draining = true;
        options.logger.info(`shutting down: draining ${inFlight} in-flight requests`, { inFlight });
        return new Promise<{ drained: boolean }>((resolve) => {
            const deadline = setTimeout(() => {
                options.logger.error(`${inFlight} requests still running after ${graceMs} ms; closing their connections`, { inFlight });
                server.closeAllConnections();
                resolve({ drained: false });
            }, graceMs);
            server.close(() => {
                clearTimeout(deadline);
                options.logger.info("shut down: every request answered");
                resolve({ drained: true });
            });
            // Keep-alive connections with no request in progress would otherwise hold close() open.
            server.closeIdleConnections();
        });
    };
    return { port, modelLoaded, shutdown };
}
