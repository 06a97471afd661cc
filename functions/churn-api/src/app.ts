import { IncomingMessage, ServerResponse } from "node:http";
import { Logger, traceFromHeaders } from "./logger";
import { churnProbability, riskLevel, roundProbability } from "./model";
import { ModelHolder } from "./model-state";
import { parsePredictionRequest } from "./prediction-request";

/** Prediction bodies are a customer id and a handful of numbers; anything larger is refused unread. */
export const MAX_BODY_BYTES = 16 * 1024;

export interface AppContext {
    model: ModelHolder;
    logger: Logger;
    /** True once SIGTERM arrived: answers still go out, but keep-alive connections are closed after them. */
    draining: () => boolean;
}

/** A client-facing failure: its message is safe to show and says what to change. */
class HttpError extends Error {
    constructor(readonly status: number, message: string, readonly problems?: string[], readonly headers: Record<string, string> = {}) {
        super(message);
    }
}

/** The churn API's request handler: GET /health and POST /predict, JSON in and out. */
export function createRequestHandler(context: AppContext): (req: IncomingMessage, res: ServerResponse) => void {
    return (req, res) => {
        const started = process.hrtime.bigint();
        const logger = context.logger.withTrace(traceFromHeaders(req.headers));
        route(req, context)
            .catch((error: unknown) => {
                if (error instanceof HttpError) {
                    const body = { error: error.message, ...(error.problems ? { problems: error.problems } : {}) };
                    return { status: error.status, body, headers: error.headers };
                }
                logger.error("unexpected error while answering a request", { error: (error as Error).stack ?? String(error) });
                return { status: 500, body: { error: "internal error" } };
            })
            .then(({ status, body, headers }) => {
                // Checked when answering, not on arrival: a request that began before SIGTERM must not keep its connection open.
                send(res, status, body, context.draining() ? { ...headers, connection: "close" } : headers);
                const latencySeconds = Number(process.hrtime.bigint() - started) / 1e9;
                const log = status >= 500 ? logger.error : status >= 400 ? logger.warn : logger.info;
                log(`${req.method} ${req.url} ${status}`, {
                    httpRequest: { requestMethod: req.method, requestUrl: req.url, status, latency: `${latencySeconds.toFixed(6)}s`, userAgent: req.headers["user-agent"] },
                });
            });
    };
}

interface Answer {
    status: number;
    body: unknown;
    headers?: Record<string, string>;
}

async function route(req: IncomingMessage, context: AppContext): Promise<Answer> {
    const path = (req.url ?? "/").split("?")[0];
    if (path === "/health") {
        allowMethod(req, "GET");
        return health(context);
    }
    if (path === "/predict") {
        allowMethod(req, "POST");
        return predict(req, context);
    }
    throw new HttpError(404, `no route ${path}: use GET /health or POST /predict`);
}

function allowMethod(req: IncomingMessage, method: string): void {
    if (req.method !== method) throw new HttpError(405, `${req.url} accepts only ${method}`, undefined, { allow: method });
}

/** Healthy only when the model loaded and checked out: a failed load must keep traffic away. */
function health(context: AppContext): Answer {
    const state = context.model.state;
    switch (state.status) {
        case "ready":
            return { status: 200, body: { status: "healthy", model_version: state.model.version } };
        case "loading":
            return { status: 503, body: { status: "starting", detail: `loading the model from ${state.source}` } };
        case "failed":
            return { status: 503, body: { status: "unhealthy", detail: `the model from ${state.source} could not be loaded: ${state.reason}` } };
    }
}

async function predict(req: IncomingMessage, context: AppContext): Promise<Answer> {
    const state = context.model.state;
    if (state.status !== "ready") throw new HttpError(503, "the model is not loaded; see GET /health");
    const contentType = req.headers["content-type"] ?? "";
    if (!/^application\/json\s*(;|$)/i.test(contentType)) {
        throw new HttpError(415, `send the body as JSON with "Content-Type: application/json" (got ${JSON.stringify(contentType)})`);
    }
    const body = parseJsonBody(await readBody(req));
    const parsed = parsePredictionRequest(body, state.model);
    if (!parsed.ok) throw new HttpError(400, "invalid prediction request", parsed.problems);
    const probability = roundProbability(churnProbability(state.model, parsed.request.features));
    return {
        status: 200,
        body: {
            customer_id: parsed.request.customer_id,
            churn_probability: probability,
            risk_level: riskLevel(probability),
            model_version: state.model.version,
        },
    };
}

function parseJsonBody(text: string): unknown {
    try {
        return JSON.parse(text);
    } catch (error) {
        throw new HttpError(400, `the body is not valid JSON: ${(error as Error).message}`);
    }
}

async function readBody(req: IncomingMessage): Promise<string> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
        size += (chunk as Buffer).length;
        // The rest of the body is not read, so the connection cannot carry another request.
        if (size > MAX_BODY_BYTES) throw new HttpError(413, `the body is larger than ${MAX_BODY_BYTES} bytes`, undefined, { connection: "close" });
        chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks).toString("utf8");
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    const text = JSON.stringify(body);
    res.writeHead(status, { ...headers, "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(text) });
    res.end(text);
}
