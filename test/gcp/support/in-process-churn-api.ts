import { Writable } from "node:stream";
import { ChurnServer, startChurnServer } from "../../../functions/churn-api/src/churn-server";
import { createLogger } from "../../../functions/churn-api/src/log";
import { ModelState } from "../../../functions/churn-api/src/model-state";
import { fileModelSource, ModelSource } from "../../../functions/churn-api/src/model-source";

export const SHIPPED_MODEL_FILE = `${__dirname}/../../../functions/churn-api/model/churn-model-v3.json`;
export const ONE_FEATURE_MODEL_FILE = `${__dirname}/../fixtures/one-feature-model-v1.json`;

/** The real server on a free 127.0.0.1 port in this process, with its log lines captured as parsed JSON. */
export interface RunningChurnApi {
    baseUrl: string;
    logs: Record<string, unknown>[];
    modelState: ModelState;
    server: ChurnServer;
}

/** A pino destination that keeps each JSON line, parsed. */
export function capturingLogger(level: "DEBUG" | "ERROR", projectId?: string): { logger: ReturnType<typeof createLogger>; logs: Record<string, unknown>[] } {
    const logs: Record<string, unknown>[] = [];
    const destination = new Writable({
        write(chunk: Buffer, _encoding, done) {
            for (const line of chunk.toString("utf8").split("\n").filter((l) => l !== "")) logs.push(JSON.parse(line) as Record<string, unknown>);
            done();
        },
    });
    return { logger: createLogger({ level, projectId, destination }), logs };
}

export async function startInProcess(options: { modelVersion: string; modelSource?: ModelSource; modelFile?: string; projectId?: string }): Promise<RunningChurnApi> {
    const { logger, logs } = capturingLogger("DEBUG", options.projectId);
    const server = await startChurnServer({
        host: "127.0.0.1",
        port: 0,
        modelVersion: options.modelVersion,
        modelSource: options.modelSource ?? fileModelSource(options.modelFile ?? SHIPPED_MODEL_FILE),
        logger,
    });
    const modelState = await server.modelLoaded;
    return { baseUrl: `http://127.0.0.1:${server.port}`, logs, modelState, server };
}

export async function postJson(baseUrl: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: Record<string, unknown> }> {
    return postText(baseUrl, JSON.stringify(body), headers);
}

export async function postText(baseUrl: string, text: string, headers: Record<string, string> = {}): Promise<{ status: number; body: Record<string, unknown> }> {
    const response = await fetch(`${baseUrl}/predict`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: text });
    return { status: response.status, body: await response.json() as Record<string, unknown> };
}
