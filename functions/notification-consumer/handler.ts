import { BatchProcessor, EventType, processPartialResponse } from "@aws-lambda-powertools/batch";
import { IdempotencyConfig, makeIdempotent } from "@aws-lambda-powertools/idempotency";
import { DynamoDBPersistenceLayer } from "@aws-lambda-powertools/idempotency/dynamodb";
import { Logger } from "@aws-lambda-powertools/logger";
import { PublishCommand, SNSClient } from "@aws-sdk/client-sns";
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from "aws-lambda";
import { fanoutEnv, OrderEvent, OrderEventType, parseOrderEvent } from "../../components/aws/order-events";

const logger = new Logger({ serviceName: "notification-consumer" });
const processor = new BatchProcessor(EventType.SQS);
const sns = new SNSClient({});
const notificationsTopicArn = fanoutEnv("CUSTOMER_NOTIFICATIONS_TOPIC_ARN");
const idempotency = new IdempotencyConfig({ eventKeyJmesPath: "event_id" });

/** What the customer reads for each event type this consumer's filter lets through. */
const MESSAGES: Partial<Record<OrderEventType, (event: OrderEvent) => string>> = {
    ORDER_SHIPPED: (event) => `Your order ${event.order_id} has shipped.`,
    ORDER_CANCELLED: (event) => `Your order ${event.order_id} was cancelled; ${event.amount} will not be charged.`,
};

/** Sends one customer message per event id, so a redelivered event never notifies twice. */
const notifyOnce = makeIdempotent(notify, {
    persistenceStore: new DynamoDBPersistenceLayer({ tableName: fanoutEnv("IDEMPOTENCY_TABLE") }),
    config: idempotency,
});

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

async function handleRecord(record: SQSRecord): Promise<string> {
    try {
        return await notifyOnce(parseOrderEvent(record.body));
    } catch (error) {
        logger.error("customer not notified; the event stays in the queue for a retry", { messageId: record.messageId, error });
        throw error;
    }
}

/** Notifies for each message of the batch; only the failed ones are reported back to SQS (ReportBatchItemFailures). */
export async function handler(event: SQSEvent, context: Context): Promise<SQSBatchResponse> {
    idempotency.registerLambdaContext(context);
    return processPartialResponse(event, handleRecord, processor, { context });
}
