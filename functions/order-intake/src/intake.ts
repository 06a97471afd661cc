import { HttpRequest, HttpResponseInit, InvocationContext } from "@azure/functions";
import { QueueClient } from "@azure/storage-queue";
import { errorMessage, LogLevel, structuredLogger } from "./log";
import { validateOrder } from "./order";

/**
 * A queue message holds at most 64 KiB; the order schema (at most 50 items) stays far below this limit, so
 * anything larger is not an order.
 */
export const MAX_BODY_BYTES = 32 * 1024;

export interface OrderIntakeDependencies {
    /** The orders queue; the processor is triggered by it. */
    queue: QueueClient;
    logLevel: LogLevel;
}

/**
 * POST /api/orders: validates the order and enqueues the request body unchanged (the queue carries exactly
 * what the client sent; the processor validates it again). Answers 202 once the message is stored, 400/413
 * with a JSON error on bad input (nothing enqueued), 500 without internals when the queue is unavailable.
 */
export function createOrderIntake(deps: OrderIntakeDependencies): (request: HttpRequest, context: InvocationContext) => Promise<HttpResponseInit> {
    return async (request, context) => {
        const log = structuredLogger(context, deps.logLevel);
        const body = await request.text();
        const bodyBytes = Buffer.byteLength(body, "utf8");
        if (bodyBytes > MAX_BODY_BYTES) {
            log.warn("order rejected", { reason: "too large", bodyBytes });
            return jsonResponse(413, { error: `the order is ${bodyBytes} bytes; the limit is ${MAX_BODY_BYTES} bytes` });
        }
        const parsed = parseJson(body);
        if (!parsed.ok) {
            log.warn("order rejected", { reason: "not JSON" });
            return jsonResponse(400, { error: "the body must be a JSON order", problems: [parsed.problem] });
        }
        const validation = validateOrder(parsed.value);
        if (!validation.ok) {
            log.warn("order rejected", { reason: "invalid", problems: validation.problems.join("; ") });
            return jsonResponse(400, { error: "invalid order", problems: validation.problems });
        }
        const { orderId, customerId } = validation.order;
        try {
            const sent = await deps.queue.sendMessage(body);
            log.info("order queued", { orderId, customerId, messageId: sent.messageId });
        } catch (error) {
            log.error("order could not be queued", { orderId, error: errorMessage(error) });
            return jsonResponse(500, { error: "the order could not be accepted; retry later", invocationId: context.invocationId });
        }
        return jsonResponse(202, { orderId, status: "queued" });
    };
}

function parseJson(body: string): { ok: true; value: unknown } | { ok: false; problem: string } {
    try {
        return { ok: true, value: JSON.parse(body) };
    } catch (error) {
        return { ok: false, problem: errorMessage(error) };
    }
}

function jsonResponse(status: number, body: Record<string, unknown>): HttpResponseInit {
    return { status, jsonBody: body };
}
