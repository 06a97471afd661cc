import { startChurnServer } from "./churn-server";
import { configFromEnv } from "./config";
import { createLogger } from "./log";
import { bucketModelSource, fileModelSource } from "./model-source";

/**
 * Cloud Run sends SIGTERM and kills the instance 10 s later; finishing in 9 s leaves time to exit cleanly.
 * https://cloud.google.com/run/docs/container-contract#instance-shutdown
 */
const SHUTDOWN_GRACE_MS = 9_000;

async function main(): Promise<void> {
    const result = configFromEnv(process.env);
    if (!result.ok) {
        createLogger({ level: "ERROR" }).error(`churn-api cannot start: ${result.problems.join("; ")}`);
        process.exitCode = 1;
        return;
    }
    const { config } = result;
    const logger = createLogger({ level: config.logLevel, projectId: config.projectId });
    const modelSource = "bucket" in config.model
        ? bucketModelSource(config.model.bucket, config.modelVersion)
        : fileModelSource(config.model.file);
    const server = await startChurnServer({ host: config.host, port: config.port, modelVersion: config.modelVersion, modelSource, logger });
    const stop = (signal: NodeJS.Signals) => {
        logger.info(`${signal} received`);
        void server.shutdown(SHUTDOWN_GRACE_MS).then(({ drained }) => process.exit(drained ? 0 : 1));
    };
    process.once("SIGTERM", stop);
    process.once("SIGINT", stop);
}

main().catch((error: unknown) => {
    createLogger({ level: "ERROR" }).error(`churn-api stopped: ${(error as Error).message}`);
    process.exit(1);
});
