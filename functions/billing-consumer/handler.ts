import { BatchProcessor, EventType, processPartialResponse } from "@aws-lambda-powertools/batch";
import { IdempotencyConfig, makeIdempotent } from "@aws-lambda-powertools/idempotency";
import { DynamoDBPersistenceLayer } from "@aws-lambda-powertools/idempotency/dynamodb";
import { Logger } from "@aws-lambda-powertools/logger";
import { ConditionalCheckFailedException, DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, PutCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from "aws-lambda";
import { fanoutEnv, OrderEvent, parseOrderEvent } from "../../components/aws/order-events";

const logger = new Logger({ serviceName: "billing-consumer" });
const processor = new BatchProcessor(EventType.SQS);
const documents = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const invoicesTable = fanoutEnv("INVOICES_TABLE");
const idempotency = new IdempotencyConfig({ eventKeyJmesPath: "event_id" });

/** Applies one event to its order's invoice once per event id, whatever SNS and SQS redeliver. */
const billOnce = makeIdempotent(bill, {
    persistenceStore: new DynamoDBPersistenceLayer({ tableName: fanoutEnv("IDEMPOTENCY_TABLE") }),
    config: idempotency,
});

/**
 * ORDER_CREATED issues the order's invoice; ORDER_CANCELLED voids it. SNS does not order deliveries, so a
 * cancellation may come first: it writes the voided invoice and the late creation leaves it voided.
 */
async function bill(event: OrderEvent): Promise<string> {
    if (event.event_type === "ORDER_CANCELLED") {
        await documents.send(new UpdateCommand({
            TableName: invoicesTable,
            Key: { orderId: event.order_id },
            UpdateExpression: "SET #status = :voided, customerId = :customerId, amount = :amount, voidedAt = :at",
            ExpressionAttributeNames: { "#status": "status" },
            ExpressionAttributeValues: { ":voided": "VOIDED", ":customerId": event.customer_id, ":amount": event.amount,
                ":at": event.occurred_at },
        }));
        return "VOIDED";
    }
    try {
        await documents.send(new PutCommand({
            TableName: invoicesTable,
            Item: { orderId: event.order_id, status: "ISSUED", customerId: event.customer_id, amount: event.amount,
                issuedAt: event.occurred_at },
            ConditionExpression: "attribute_not_exists(orderId)",
        }));
        return "ISSUED";
    } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return "KEPT_EXISTING";
        throw error;
    }
}

async function handleRecord(record: SQSRecord): Promise<string> {
    try {
        return await billOnce(parseOrderEvent(record.body));
    } catch (error) {
        logger.error("order event not billed; it stays in the queue for a retry", { messageId: record.messageId, error });
        throw error;
    }
}

/** Bills each message of the batch; only the failed ones are reported back to SQS (ReportBatchItemFailures). */
export async function handler(event: SQSEvent, context: Context): Promise<SQSBatchResponse> {
    idempotency.registerLambdaContext(context);
    return processPartialResponse(event, handleRecord, processor, { context });
}
