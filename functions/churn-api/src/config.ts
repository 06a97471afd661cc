import { LOG_LEVELS, LogLevel } from "./log";

/** The service's settings, all from environment variables (Cloud Run sets PORT; the stack sets the rest). */
export interface ServiceConfig {
    host: string;
    port: number;
    modelVersion: string;
    /** The bucket holding the artifacts (on Cloud Run), or a local artifact file (tests, workstations). */
    model: { bucket: string } | { file: string };
    logLevel: LogLevel;
    projectId?: string;
}

export type ConfigResult = { ok: true; config: ServiceConfig } | { ok: false; problems: string[] };

/** Reads and checks the environment; every problem names the variable and what it must hold. */
export function configFromEnv(env: NodeJS.ProcessEnv): ConfigResult {
    const problems: string[] = [];
    const port = Number(env.PORT ?? "8080");
    if (!Number.isInteger(port) || port < 1 || port > 65535) problems.push(`PORT must be a TCP port from 1 to 65535, got ${JSON.stringify(env.PORT)}`);
    const modelVersion = env.MODEL_VERSION ?? "";
    if (!/^v\d+$/.test(modelVersion)) problems.push(`MODEL_VERSION must be "v" followed by a number (e.g. v3), got ${JSON.stringify(env.MODEL_VERSION)}`);
    const model = env.MODEL_BUCKET && !env.MODEL_FILE ? { bucket: env.MODEL_BUCKET }
        : env.MODEL_FILE && !env.MODEL_BUCKET ? { file: env.MODEL_FILE }
        : undefined;
    if (model === undefined) {
        problems.push("set exactly one of MODEL_BUCKET (the bucket holding churn-model-<version>.json) or MODEL_FILE (a local artifact path)");
    }
    const logLevel = (env.LOG_LEVEL ?? "INFO").toUpperCase();
    if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}, got ${JSON.stringify(env.LOG_LEVEL)}`);
    if (problems.length > 0 || model === undefined) return { ok: false, problems };
    return {
        ok: true,
        config: {
            host: env.HOST || "0.0.0.0",
            port,
            modelVersion,
            model,
            logLevel: logLevel as LogLevel,
            projectId: env.GOOGLE_CLOUD_PROJECT || undefined,
        },
    };
}
