import { HttpRequest, HttpResponseInit, InvocationContext } from "@azure/functions";
import { QueueClient } from "@azure/storage-queue";
import { BODY_FIELD, clientErrorBody, decodeUtf8, parseJsonText, Problem, problemsFrom } from "../../../contracts/schemas/bounds";
import { ORDER_INTAKE_MAX_BODY_BYTES, OrderSchema } from "../../../contracts/schemas/order-intake";
import { errorMessage, LogLevel, structuredLogger } from "./log";

export { ORDER_INTAKE_MAX_BODY_BYTES as MAX_BODY_BYTES };

export interface OrderIntakeDependencies {
    /** The orders queue; the processor is triggered by it. */
    queue: QueueClient;
    logLevel: LogLevel;
}

/**
 * POST /api/orders: validates the order (contracts/schemas/order-intake.ts, within the JSON bounds) and
 * enqueues the request body unchanged (the queue carries exactly what the client sent; the processor
 * validates it again). Answers 202 once the message is stored; 400/413/415 with a JSON error naming the
 * field on bad input (nothing enqueued); 500 without internals when the queue is unavailable.
 */
export function createOrderIntake(deps: OrderIntakeDependencies): (request: HttpRequest, context: InvocationContext) => Promise<HttpResponseInit> {
    return async (request, context) => {
        const log = structuredLogger(context, deps.logLevel);
        const refuse = (status: number, reason: string, problems: Problem[]) => {
            log.warn("order rejected", { reason, problems: problems.map((p) => `${p.field} ${p.message}`).join("; ") });
            return jsonResponse(status, clientErrorBody(problems, "invalid order"));
        };
        const declaredBytes = Number(request.headers.get("content-length") ?? "0");
        const bytes = declaredBytes > ORDER_INTAKE_MAX_BODY_BYTES ? undefined : new Uint8Array(await request.arrayBuffer());
        if (bytes === undefined || bytes.byteLength > ORDER_INTAKE_MAX_BODY_BYTES) {
            const size = bytes?.byteLength ?? declaredBytes;
            return refuse(413, "too large", [{ field: BODY_FIELD, message: `is ${size} bytes; the limit is ${ORDER_INTAKE_MAX_BODY_BYTES} bytes` }]);
        }
        if (!/^application\/json\s*(;|$)/i.test(request.headers.get("content-type") ?? "")) {
            return refuse(415, "not JSON", [{ field: "headers.content-type", message: "must be application/json" }]);
        }
        const text = decodeUtf8(bytes);
        if (!text.ok) return refuse(400, "not UTF-8", text.problems);
        const parsed = parseJsonText(text.value);
        if (!parsed.ok) return refuse(400, "not JSON", parsed.problems);
        const order = OrderSchema.safeParse(parsed.value);
        if (!order.success) return refuse(400, "invalid", problemsFrom(order.error.issues));
        const { orderId, customerId } = order.data;
        try {
            const sent = await deps.queue.sendMessage(text.value);
            log.info("order queued", { orderId, customerId, messageId: sent.messageId });
        } catch (error) {
            log.error("order could not be queued", { orderId, error: errorMessage(error) });
            return jsonResponse(500, { error: "the order could not be accepted; retry later", invocationId: context.invocationId });
        }
        return jsonResponse(202, { orderId, status: "queued" });
    };
}

function jsonResponse(status: number, body: object): HttpResponseInit {
    return { status, jsonBody: body };
}
