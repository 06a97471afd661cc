import Fastify, { FastifyError, FastifyReply } from "fastify";
import { hasZodFastifySchemaValidationErrors, serializerCompiler, validatorCompiler, ZodTypeProvider } from "fastify-type-provider-zod";
import type { Logger } from "pino";
import { BODY_FIELD, clientErrorBody, decodeUtf8, parseJsonText, Problem, problemsFrom } from "../../../contracts/schemas/bounds";
import { CHURN_API_MAX_BODY_BYTES, PredictionRequestSchema } from "../../../contracts/schemas/churn-prediction";
import { churnProbability, riskLevel, roundProbability } from "./model";
import { ModelHolder } from "./model-state";
import { CloudRunRequestLog } from "./request-log";

export { CHURN_API_MAX_BODY_BYTES as MAX_BODY_BYTES };

export interface AppContext {
    model: ModelHolder;
    logger: Logger;
    /** True once SIGTERM arrived: answers still go out, but their connections are closed after them. */
    draining: () => boolean;
}

/** A client error found before the route's schema ran (body unreadable); its problems are safe to show. */
class ClientError extends Error {
    constructor(readonly statusCode: 400 | 404 | 405 | 413 | 415, readonly problems: Problem[], readonly summary = "invalid request") {
        super(summary);
    }
}

const ROUTES_HINT = "use GET /health or POST /predict";

/**
 * The churn API: GET /health and POST /predict, JSON in and out, on fastify. The body is read within
 * CHURN_API_MAX_BODY_BYTES, parsed within the JSON bounds, validated by the route's zod schema
 * (fastify-type-provider-zod), then against the loaded model's features. Client errors answer 4xx with
 * a JSON error naming the field; anything else is logged and answered 500 without internals.
 */
export function buildChurnApp(context: AppContext) {
    const requestLog = new CloudRunRequestLog();
    const app = Fastify({
        loggerInstance: context.logger,
        logController: requestLog,
        bodyLimit: CHURN_API_MAX_BODY_BYTES,
        // Cloud Run ends a request after the service's timeout anyway; a stalled client must not hold a connection longer.
        requestTimeout: 30_000,
    }).withTypeProvider<ZodTypeProvider>();
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    app.removeAllContentTypeParsers();
    app.addContentTypeParser("application/json", { parseAs: "buffer" }, (_request, body, done) => {
        const text = decodeUtf8(body as Buffer);
        const parsed = text.ok ? parseJsonText(text.value) : text;
        if (parsed.ok) done(null, parsed.value);
        else done(new ClientError(400, parsed.problems));
    });

    // Checked when answering, not on arrival: a request that began before SIGTERM must not keep its connection open.
    app.addHook("onSend", async (_request, reply) => {
        if (context.draining()) reply.header("connection", "close");
    });

    app.setErrorHandler((error: FastifyError, request, reply) => {
        const answer = clientError(error);
        if (answer) return reply.code(answer.status).send(answer.body);
        request.log.error({ ...requestLog.traceOf(request), err: error }, "unexpected error while answering a request");
        return reply.code(500).send({ error: "internal error" });
    });
    app.setNotFoundHandler((request, reply) => reply.code(404)
        .send(clientErrorBody([{ field: "url", message: `${request.url.split("?")[0]} is not a route: ${ROUTES_HINT}` }], "not found")));

    app.get("/health", async (_request, reply) => health(context, reply));
    app.post("/predict", { schema: { body: PredictionRequestSchema } }, async (request, reply) => {
        const state = context.model.state;
        if (state.status !== "ready") {
            return reply.code(503).send(clientErrorBody([{ field: "model", message: "is not loaded; see GET /health" }], "unavailable"));
        }
        const features = state.featuresSchema.safeParse(request.body.features);
        if (!features.success) {
            return reply.code(400).send(clientErrorBody(problemsFrom(features.error.issues.map((issue) => ({ ...issue, path: ["features", ...issue.path] })))));
        }
        const probability = roundProbability(churnProbability(state.model, features.data));
        return {
            customer_id: request.body.customer_id,
            churn_probability: probability,
            risk_level: riskLevel(probability),
            model_version: state.model.version,
        };
    });
    for (const [url, allowed] of [["/health", "GET"], ["/predict", "POST"]] as const) {
        const others = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"].filter((method) => method !== allowed);
        app.route({ method: others, url, handler: async (_request, reply) => reply.code(405).header("allow", allowed)
            .send(clientErrorBody([{ field: "method", message: `must be ${allowed} for ${url}` }], "method not allowed")) });
    }
    return app;
}

/** Healthy only when the model loaded and checked out: a failed load must keep traffic away. */
function health(context: AppContext, reply: FastifyReply) {
    const state = context.model.state;
    switch (state.status) {
        case "ready":
            return { status: "healthy", model_version: state.model.version };
        case "loading":
            return reply.code(503).send({ status: "starting", detail: `loading the model from ${state.source}` });
        case "failed":
            return reply.code(503).send({ status: "unhealthy", detail: `the model from ${state.source} could not be loaded: ${state.reason}` });
    }
}

/** The JSON answer to a client error, or undefined when the error is ours. Never echoes an error's own message. */
function clientError(error: FastifyError): { status: number; body: unknown } | undefined {
    if (error instanceof ClientError) return { status: error.statusCode, body: clientErrorBody(error.problems, error.summary) };
    if (hasZodFastifySchemaValidationErrors(error)) {
        const issues = error.validation.map((v) => ({
            message: v.message ?? "is invalid",
            code: v.keyword,
            keys: (v.params as { keys?: string[] }).keys,
            path: v.instancePath.split("/").slice(1).filter((segment) => segment !== ""),
        }));
        return { status: 400, body: clientErrorBody(problemsFrom(issues)) };
    }
    switch (error.code) {
        case "FST_ERR_CTP_BODY_TOO_LARGE":
            return { status: 413, body: clientErrorBody([{ field: BODY_FIELD, message: `is larger than ${CHURN_API_MAX_BODY_BYTES} bytes` }]) };
        case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
        case "FST_ERR_CTP_INVALID_CONTENT_LENGTH":
            return error.statusCode === 415
                ? { status: 415, body: clientErrorBody([{ field: "headers.content-type", message: "must be application/json" }]) }
                : { status: 400, body: clientErrorBody([{ field: "headers.content-length", message: "does not match the body" }]) };
    }
    const status = error.statusCode ?? 500;
    return status >= 400 && status < 500 ? { status, body: clientErrorBody([{ field: BODY_FIELD, message: "could not be read" }]) } : undefined;
}
