import { ORDER_EVENT_TYPES, OrderEvent, OrderEventType } from "../../components/aws/order-events";

/** What a caller sends: the seed's order fields, and the event type (ORDER_CREATED when absent, as in the seed). */
export type PublishRequest = Pick<OrderEvent, "event_type" | "order_id" | "customer_id" | "amount">;

export class InvalidPublishRequestError extends Error {
    override name = "InvalidPublishRequestError";
}

/** Validates the invocation payload; the error names every bad field and what it accepts. */
export function parsePublishRequest(input: unknown): PublishRequest {
    const request = (typeof input === "object" && input !== null ? input : {}) as Record<string, unknown>;
    const eventType = request.event_type ?? "ORDER_CREATED";
    const problems: string[] = [];
    for (const field of ["order_id", "customer_id"] as const) {
        if (typeof request[field] !== "string" || request[field] === "") problems.push(`${field} must be a non-empty string`);
    }
    if (typeof request.amount !== "number" || !(request.amount >= 0)) problems.push("amount must be a number of at least 0");
    if (!ORDER_EVENT_TYPES.includes(eventType as OrderEventType)) {
        problems.push(`event_type must be one of ${ORDER_EVENT_TYPES.join(", ")} (default ORDER_CREATED)`);
    }
    if (problems.length > 0) throw new InvalidPublishRequestError(`invalid order event request: ${problems.join("; ")}`);
    return {
        event_type: eventType as OrderEventType,
        order_id: request.order_id as string,
        customer_id: request.customer_id as string,
        amount: request.amount as number,
    };
}
