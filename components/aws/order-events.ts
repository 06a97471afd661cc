/**
 * The order-event contract of the fan-out, as plain data: the event types the publisher may send, the
 * message attribute SNS filters on, and which consumer receives which types. The Pulumi component builds
 * its subscriptions from these objects and the tests route real messages with the same objects, so the
 * filters under test are the filters that ship. No Pulumi import: handlers import this module too.
 */

/** Every event type the order publisher may publish. */
export const ORDER_EVENT_TYPES = ["ORDER_CREATED", "ORDER_SHIPPED", "ORDER_CANCELLED"] as const;
export type OrderEventType = typeof ORDER_EVENT_TYPES[number];

/** The SNS message attribute the seed's publisher sets and every subscription filters on. */
export const EVENT_TYPE_ATTRIBUTE = "event_type";

/** The message body, in the seed's snake_case field names plus an id that makes redelivery detectable. */
export interface OrderEvent {
    /** Unique per published event; consumers use it as their idempotency key. */
    event_id: string;
    event_type: OrderEventType;
    order_id: string;
    customer_id: string;
    /** Order total in the shop's currency, e.g. 42.5. */
    amount: number;
    /** ISO 8601 time the publisher accepted the event. */
    occurred_at: string;
}

/** The consumers of the fan-out; each has its own queue, dead-letter queue and function. */
export const ORDER_CONSUMERS = ["billing", "notification", "analytics"] as const;
export type OrderConsumer = typeof ORDER_CONSUMERS[number];

/** Which event types each consumer's queue receives (the only input of its filter policy). */
export const CONSUMER_EVENT_TYPES: Record<OrderConsumer, readonly OrderEventType[]> = {
    /** Invoices are issued when an order is created and voided when it is cancelled. */
    billing: ["ORDER_CREATED", "ORDER_CANCELLED"],
    /** The customer already saw the confirmation at checkout; they hear when the order ships or is cancelled. */
    notification: ["ORDER_SHIPPED", "ORDER_CANCELLED"],
    /** Daily counters of every order event. */
    analytics: ["ORDER_CREATED", "ORDER_SHIPPED", "ORDER_CANCELLED"],
};

/** An SNS subscription filter policy on message attributes (FilterPolicyScope MessageAttributes). */
export type FilterPolicy = Record<typeof EVENT_TYPE_ATTRIBUTE, string[]>;

/** The filter policy of one consumer's subscription: exact match on the event types it handles. */
export function filterPolicyFor(consumer: OrderConsumer): FilterPolicy {
    return { [EVENT_TYPE_ATTRIBUTE]: [...CONSUMER_EVENT_TYPES[consumer]] };
}


/**
 * Reads one message body as an OrderEvent. A body that is not one (bad JSON, a missing field, an event
 * type nobody publishes) throws an error naming the problem: the consumer reports that message as failed
 * and, after maxReceiveCount receives, SQS moves it to the queue's dead-letter queue for a human to read.
 */
export function parseOrderEvent(body: string): OrderEvent {
    let value: unknown;
    try {
        value = JSON.parse(body);
    } catch {
        throw new Error(`order event is not JSON: ${body.slice(0, 80)}`);
    }
    const event = (typeof value === "object" && value !== null ? value : {}) as Record<string, unknown>;
    const problems: string[] = [];
    for (const field of ["event_id", "order_id", "customer_id", "occurred_at"] as const) {
        if (typeof event[field] !== "string" || event[field] === "") problems.push(`${field} must be a non-empty string`);
    }
    if (!ORDER_EVENT_TYPES.includes(event.event_type as OrderEventType)) {
        problems.push(`event_type must be one of ${ORDER_EVENT_TYPES.join(", ")}`);
    }
    if (typeof event.amount !== "number" || !Number.isFinite(event.amount)) problems.push("amount must be a number");
    if (problems.length > 0) throw new Error(`invalid order event: ${problems.join("; ")}`);
    return event as unknown as OrderEvent;
}

/** Environment variables the fan-out component sets on its functions, with what each holds. */
export const FANOUT_ENV = {
    ORDER_TOPIC_ARN: "the order events topic's ARN",
    IDEMPOTENCY_TABLE: "the consumers' idempotency table name",
    INVOICES_TABLE: "the billing consumer's invoices table name",
    CUSTOMER_NOTIFICATIONS_TOPIC_ARN: "the customer notifications topic's ARN",
    ORDER_METRICS_TABLE: "the analytics consumer's daily metrics table name",
} as const;
export type FanoutEnvName = keyof typeof FANOUT_ENV;

/** Reads one of those variables; a missing one names what the fan-out component should have put there. */
export function fanoutEnv(name: FanoutEnvName): string {
    const value = process.env[name];
    if (!value) throw new Error(`${name} is not set; the fan-out component sets it to ${FANOUT_ENV[name]}`);
    return value;
}

/** Partition key of each fan-out table: the component declares them, the consumers and tests use them. */
export const FANOUT_TABLE_KEYS = {
    /** Powertools idempotency's default key attribute. */
    idempotency: "id",
    invoices: "orderId",
    metrics: "day",
} as const;

/** Attribute holding an idempotency record's expiry (epoch seconds); the table's TTL deletes old records. */
export const IDEMPOTENCY_EXPIRY_ATTRIBUTE = "expiration";
