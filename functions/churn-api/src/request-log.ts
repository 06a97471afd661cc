import { FastifyReply, FastifyRequest, LogController } from "fastify";
import { traceBindings, TraceBindings } from "./log";

/**
 * fastify's request logging shaped for Cloud Run: one line per request, when it completes, in Cloud
 * Logging's `httpRequest` shape with the request's trace; its level follows the status. Nothing is
 * logged when a request arrives.
 */
export class CloudRunRequestLog extends LogController {
    private readonly traces = new WeakMap<FastifyRequest, TraceBindings | undefined>();

    /** The trace fields to put on every line logged for this request. */
    traceOf(request: FastifyRequest): TraceBindings | Record<string, never> {
        if (!this.traces.has(request)) this.traces.set(request, traceBindings(request.headers));
        return this.traces.get(request) ?? {};
    }

    override incomingRequest(): void {
        // The completion line carries everything the arrival line would.
    }

    override requestCompleted(_error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
        const status = reply.statusCode;
        const level = status >= 500 ? "error" : status >= 400 ? "warn" : "info";
        const path = request.url.split("?")[0];
        request.log[level]({
            ...this.traceOf(request),
            httpRequest: {
                requestMethod: request.method,
                requestUrl: path,
                status,
                latency: `${(reply.elapsedTime / 1000).toFixed(6)}s`,
                userAgent: request.headers["user-agent"],
            },
        }, `${request.method} ${path} ${status}`);
    }
}
