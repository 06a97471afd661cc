import { DynamoDBClient, TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
import { Release, sagaKeys, sagaTableName, ORDER_STATUS } from "../../contracts/schemas/order-saga-state";
import { parseSagaState } from "../shared/saga-state";

const documents = DynamoDBDocumentClient.from(new DynamoDBClient({}));

/**
 * ReleaseInventory (compensation after a failed payment): in one transaction, move the order from
 * RESERVED to RELEASED and put each reserved quantity back in stock. A retry finds the order RELEASED
 * and returns without adding the stock twice.
 */
export async function handler(input: unknown): Promise<Release> {
    const state = parseSagaState(input);
    const tableName = sagaTableName();
    const items = state.reservation?.items ?? [];
    try {
        await documents.send(new TransactWriteCommand({
            TransactItems: [
                {
                    Update: {
                        TableName: tableName,
                        Key: sagaKeys.order(state.orderId),
                        UpdateExpression: "SET #status = :released",
                        ConditionExpression: "#status = :reserved",
                        ExpressionAttributeNames: { "#status": "status" },
                        ExpressionAttributeValues: { ":released": ORDER_STATUS.released, ":reserved": ORDER_STATUS.reserved },
                    },
                },
                ...items.map((line) => ({
                    Update: {
                        TableName: tableName,
                        Key: sagaKeys.sku(line.sku),
                        UpdateExpression: "SET available = available + :quantity",
                        ExpressionAttributeValues: { ":quantity": line.quantity },
                    },
                })),
            ],
        }));
    } catch (error) {
        if (!(error instanceof TransactionCanceledException)) throw error;
        const { Item } = await documents.send(new GetCommand({ TableName: tableName, Key: sagaKeys.order(state.orderId) }));
        if (Item?.status !== ORDER_STATUS.released) {
            throw new Error(`order ${state.orderId} has status ${String(Item?.status)}; only a RESERVED order ` +
                "can release its stock");
        }
    }
    return { releasedItems: items };
}
