import { InvocationContext } from "@azure/functions";
import { errorMessage, LogLevel, structuredLogger } from "./log";
import { ORDERS_POISON_QUEUE } from "../../../contracts/order-intake-storage";
import { parseJsonText, problemsFrom } from "../../../contracts/schemas/bounds";
import { Order, OrderSchema } from "../../../contracts/schemas/order-intake";
import { OrderStore } from "./order-store";

export interface OrderProcessorDependencies {
    store: OrderStore;
    logLevel: LogLevel;
    /** Injected so tests can pin the recorded timestamp. */
    now?: () => Date;
}

/** A queue message that can never succeed; it is rethrown like any failure so it ends in the poison queue. */
export class InvalidQueuedOrderError extends Error {}

/**
 * Queue-triggered: records each order once (see OrderStore). Any failure is logged and RETHROWN: the host then
 * leaves the message in the queue, retries it after `visibilityTimeout`, and after `maxDequeueCount`
 * deliveries moves it to the poison queue. Catching the error here would delete the message and lose the order.
 */
export function createOrderProcessor(deps: OrderProcessorDependencies): (queueEntry: unknown, context: InvocationContext) => Promise<void> {
    const now = deps.now ?? (() => new Date());
    return async (queueEntry, context) => {
        const log = structuredLogger(context, deps.logLevel);
        const dequeueCount = Number(context.triggerMetadata?.dequeueCount ?? 1);
        try {
            const order = queuedOrder(queueEntry);
            const outcome = await deps.store.recordOnce(order, now());
            log.info(outcome === "recorded" ? "order recorded" : "duplicate delivery ignored", {
                orderId: order.orderId, customerId: order.customerId, outcome, dequeueCount,
            });
        } catch (error) {
            log.error("order processing failed; the host will retry the message", {
                error: errorMessage(error), dequeueCount, poisonQueue: ORDERS_POISON_QUEUE,
            });
            throw error;
        }
    };
}

/** The host hands over a JSON message already parsed, other messages as text. */
function queuedOrder(queueEntry: unknown): Order {
    let value = queueEntry;
    if (typeof queueEntry === "string") {
        const parsed = parseJsonText(queueEntry);
        if (!parsed.ok) throw new InvalidQueuedOrderError(`the queue message is not a JSON order: ${parsed.problems[0].message}`);
        value = parsed.value;
    }
    const order = OrderSchema.safeParse(value);
    if (!order.success) {
        const problems = problemsFrom(order.error.issues).map((problem) => `${problem.field} ${problem.message}`);
        throw new InvalidQueuedOrderError(`the queue message is not a valid order: ${problems.join("; ")}`);
    }
    return order.data;
}
