import { ConditionalCheckFailedException, DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, PutCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { fanoutEnv, OrderEvent } from "../../contracts/schemas/order-events";
import { orderEventConsumer } from "../shared/order-event-consumer";

const dynamodb = new DynamoDBClient({});
const documents = DynamoDBDocumentClient.from(dynamodb);
const invoicesTable = fanoutEnv("INVOICES_TABLE");

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

/** Applies each event id to its order's invoice once, whatever SNS and SQS redeliver; failed messages are retried. */
export const handler = orderEventConsumer({
    serviceName: "billing-consumer", work: bill, failureMessage: "order event not billed", dynamodb,
});
