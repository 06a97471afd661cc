// zod/mini through ./zod (see there why); a namespace import, so the bundler keeps only the functions in use.
import * as z from "./zod";
import { text } from "./bounds";

/**
 * The order-event contract of the fan-out: the event schema (zod), the event types the publisher may
 * send, the message attribute SNS filters on, and which consumer receives which types. The Pulumi
 * component builds its subscriptions from these objects and the tests route real messages with the same
 * objects, so the filters under test are the filters that ship. No Pulumi or cloud SDK import: handlers
 * bundle this module.
 */

/** Every event type the order publisher may publish. */
export const ORDER_EVENT_TYPES = ["ORDER_CREATED", "ORDER_SHIPPED", "ORDER_CANCELLED"] as const;
export type OrderEventType = typeof ORDER_EVENT_TYPES[number];

/** The SNS message attribute the seed's publisher sets and every subscription filters on. */
export const EVENT_TYPE_ATTRIBUTE = "event_type";

/** Ids of orders and customers as the publisher's callers send them. */
const orderId = text({ max: 128 });

/** The fields a caller of the order publisher sends: the seed's order fields and the event type. */
export const PublishRequestSchema = z.strictObject({
    /** ORDER_CREATED when absent, as in the seed. */
    event_type: z._default(z.enum(ORDER_EVENT_TYPES, { error: `must be one of ${ORDER_EVENT_TYPES.join(", ")}` }), "ORDER_CREATED"),
    order_id: orderId,
    customer_id: orderId,
    /** Order total in the shop's currency, e.g. 42.5. */
    amount: z.number({ error: "must be a number of at least 0" }).check(z.gte(0, "must be a number of at least 0")),
});
export type PublishRequest = z.infer<typeof PublishRequestSchema>;

/**
 * The message body, in the seed's snake_case field names plus an id that makes redelivery detectable.
 * Unknown fields are dropped rather than refused, so a publisher may add one before every consumer reads it.
 */
export const OrderEventSchema = z.object({
    /** Unique per published event; consumers use it as their idempotency key. */
    event_id: text({ max: 128 }),
    event_type: z.enum(ORDER_EVENT_TYPES, { error: `must be one of ${ORDER_EVENT_TYPES.join(", ")}` }),
    order_id: orderId,
    customer_id: orderId,
    amount: z.number(),
    /** ISO 8601 time the publisher accepted the event. */
    occurred_at: z.iso.datetime({ offset: true }),
});
export type OrderEvent = z.infer<typeof OrderEventSchema>;

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
