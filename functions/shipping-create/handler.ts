import { ConditionalCheckFailedException, DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, GetCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { sagaKeys, sagaTableName, Shipment, ORDER_STATUS } from "../../contracts/schemas/order-saga-state";
import { parseSagaState } from "../shared/saga-state";

const documents = DynamoDBDocumentClient.from(new DynamoDBClient({}));

/**
 * ShipOrder: create the shipment of a PAID order and mark the order SHIPPED. The shipment id derives from
 * the order id, so a retry finds its own shipment instead of shipping twice.
 */
export async function handler(input: unknown): Promise<Shipment> {
    const state = parseSagaState(input);
    const tableName = sagaTableName();
    const shipment: Shipment = { shipmentId: `SHP-${state.orderId}` };
    try {
        await documents.send(new UpdateCommand({
            TableName: tableName,
            Key: sagaKeys.order(state.orderId),
            UpdateExpression: "SET #status = :shipped, shipmentId = :shipmentId",
            ConditionExpression: "#status = :paid",
            ExpressionAttributeNames: { "#status": "status" },
            ExpressionAttributeValues: { ":shipped": ORDER_STATUS.shipped, ":paid": ORDER_STATUS.paid, ":shipmentId": shipment.shipmentId },
        }));
    } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
        const { Item } = await documents.send(new GetCommand({ TableName: tableName, Key: sagaKeys.order(state.orderId) }));
        if (Item?.status !== ORDER_STATUS.shipped) {
            throw new Error(`order ${state.orderId} has status ${String(Item?.status)}; only a PAID order ships`);
        }
    }
    return shipment;
}
