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

