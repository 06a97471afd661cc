import { ConditionalCheckFailedException, DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { Cancellation, sagaKeys, sagaTableName, ORDER_STATUS } from "../../contracts/schemas/order-saga-state";
import { parseSagaState } from "../shared/saga-state";

const documents = DynamoDBDocumentClient.from(new DynamoDBClient({}));

/**
 * CancelOrder (the end of every compensation path): record the order as CANCELLED with the error that
 * stopped it. The order holds neither stock nor payment at this point: either the reservation never
 * happened (no row yet) or ReleaseInventory ran. Cancelling twice is harmless; cancelling an order that
 * still holds stock or money is refused.
 */
export async function handler(input: unknown): Promise<Cancellation> {
    const state = parseSagaState(input);
    const tableName = sagaTableName();
    const cancellation: Cancellation = {
        status: ORDER_STATUS.cancelled,
        reason: state.error ? `${state.error.Error}: ${state.error.Cause}` : "cancelled without an error",
    };
    try {
        await documents.send(new UpdateCommand({
            TableName: tableName,
            Key: sagaKeys.order(state.orderId),
            UpdateExpression: "SET #status = :cancelled, cancelReason = :reason, customerId = :customerId, amount = :amount",
            ConditionExpression: "attribute_not_exists(pk) OR #status IN (:released, :cancelled)",
            ExpressionAttributeNames: { "#status": "status" },
            ExpressionAttributeValues: {
                ":cancelled": ORDER_STATUS.cancelled, ":released": ORDER_STATUS.released, ":reason": cancellation.reason,
                ":customerId": state.customerId, ":amount": state.amount,
            },
        }));
    } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
        throw new Error(`order ${state.orderId} still holds stock or a payment; release them before cancelling`);
    }
    return cancellation;
}
