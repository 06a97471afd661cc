import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { fanoutEnv, OrderEvent } from "../../contracts/schemas/order-events";
import { orderEventConsumer } from "../shared/order-event-consumer";

const dynamodb = new DynamoDBClient({});
const documents = DynamoDBDocumentClient.from(dynamodb);
const metricsTable = fanoutEnv("ORDER_METRICS_TABLE");

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

/** Counts each event id once (a redelivered event must not inflate the day's figures); failed messages are retried. */
export const handler = orderEventConsumer({
    serviceName: "analytics-consumer", work: count, failureMessage: "order event not counted", dynamodb,
});
