import { BatchProcessor, EventType, processPartialResponse } from "@aws-lambda-powertools/batch";
import { IdempotencyConfig, makeIdempotent } from "@aws-lambda-powertools/idempotency";
import { DynamoDBPersistenceLayer } from "@aws-lambda-powertools/idempotency/dynamodb";
import { Logger } from "@aws-lambda-powertools/logger";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from "aws-lambda";
import { fanoutEnv, OrderEvent, parseOrderEvent } from "../../components/aws/order-events";

const logger = new Logger({ serviceName: "analytics-consumer" });
const processor = new BatchProcessor(EventType.SQS);
const documents = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const metricsTable = fanoutEnv("ORDER_METRICS_TABLE");
const idempotency = new IdempotencyConfig({ eventKeyJmesPath: "event_id" });

/** Counts each event id once: a redelivered event must not inflate the day's figures. */
const countOnce = makeIdempotent(count, {
    persistenceStore: new DynamoDBPersistenceLayer({ tableName: fanoutEnv("IDEMPOTENCY_TABLE") }),
    config: idempotency,
});

/**
 * Adds the event to its UTC day's row: one counter and one amount total per event type
 * (e.g. ORDER_CREATED_count, ORDER_CREATED_amount), with atomic ADD so concurrent batches do not race.
 */
async function count(event: OrderEvent): Promise<string> {
    const day = event.occurred_at.slice(0, 10);
    await documents.send(new UpdateCommand({
        TableName: metricsTable,
        Key: { day },
        UpdateExpression: "ADD #count :one, #amount :amount",
        ExpressionAttributeNames: { "#count": `${event.event_type}_count`, "#amount": `${event.event_type}_amount` },
        ExpressionAttributeValues: { ":one": 1, ":amount": event.amount },
    }));
    return day;
}

async function handleRecord(record: SQSRecord): Promise<string> {
    try {
        return await countOnce(parseOrderEvent(record.body));
    } catch (error) {
        logger.error("order event not counted; it stays in the queue for a retry", { messageId: record.messageId, error });
        throw error;
    }
}

/** Counts each message of the batch; only the failed ones are reported back to SQS (ReportBatchItemFailures). */
export async function handler(event: SQSEvent, context: Context): Promise<SQSBatchResponse> {
    idempotency.registerLambdaContext(context);
    return processPartialResponse(event, handleRecord, processor, { context });
}
