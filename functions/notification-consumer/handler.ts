import { PublishCommand, SNSClient } from "@aws-sdk/client-sns";
import { fanoutEnv, OrderEvent, OrderEventType } from "../../contracts/schemas/order-events";
import { orderEventConsumer } from "../shared/order-event-consumer";

const sns = new SNSClient({});
const notificationsTopicArn = fanoutEnv("CUSTOMER_NOTIFICATIONS_TOPIC_ARN");

/** What the customer reads for each event type this consumer's filter lets through. */
const MESSAGES: Partial<Record<OrderEventType, (event: OrderEvent) => string>> = {
    ORDER_SHIPPED: (event) => `Your order ${event.order_id} has shipped.`,
    ORDER_CANCELLED: (event) => `Your order ${event.order_id} was cancelled; ${event.amount} will not be charged.`,
};

/**
 * Publishes the customer's message to the notifications topic, with `customer_id` as a message attribute
 * so each delivery channel (email, SMS, push) subscribes with its own filter.
 */
async function notify(event: OrderEvent): Promise<string> {
    const message = MESSAGES[event.event_type];
    if (!message) throw new Error(`no customer message for ${event.event_type}; the queue's filter policy should drop it`);
    const { MessageId } = await sns.send(new PublishCommand({
        TopicArn: notificationsTopicArn,
        Message: message(event),
        MessageAttributes: { customer_id: { DataType: "String", StringValue: event.customer_id } },
    }));
    return MessageId ?? "";
}

/** Sends one customer message per event id, so a redelivered event never notifies twice; failed messages are retried. */
export const handler = orderEventConsumer({ serviceName: "notification-consumer", work: notify, failureMessage: "customer not notified" });
