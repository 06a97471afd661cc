import { DynamoDBClient, TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
import {
    INVENTORY_ERROR, ORDER_STATUS, OrderLine, OrderSagaInput, Reservation, sagaKeys, sagaTableName,
} from "../../contracts/schemas/order-saga-state";
import { parseOrder } from "./parse-order";

/** The step's business failure; the state machine catches it by this name and cancels the order. */
export class InventoryError extends Error {
    override name = INVENTORY_ERROR;
}

const documents = DynamoDBDocumentClient.from(new DynamoDBClient({}));

/**
 * ReserveInventory: in one transaction, record the order as RESERVED and take each line's quantity out
 * of its SKU's stock, on condition that the stock covers it. Short stock throws InventoryError; a retry
 * of a reservation that already went through returns it unchanged.
 */
export async function handler(input: unknown): Promise<Reservation> {
    const order = parseOrder(input);
    const tableName = sagaTableName();
    try {
        await documents.send(new TransactWriteCommand({
            TransactItems: [
                {
                    Put: {
                        TableName: tableName,
                        Item: { ...sagaKeys.order(order.orderId), status: ORDER_STATUS.reserved, customerId: order.customerId,
                            amount: order.amount, items: order.items },
                        ConditionExpression: "attribute_not_exists(pk)",
                    },
                },
                ...order.items.map((line) => ({
                    Update: {
                        TableName: tableName,
                        Key: sagaKeys.sku(line.sku),
                        UpdateExpression: "SET available = available - :quantity",
                        ConditionExpression: "available >= :quantity",
                        ExpressionAttributeValues: { ":quantity": line.quantity },
                    },
                })),
            ],
        }));
    } catch (error) {
        if (!(error instanceof TransactionCanceledException)) throw error;
        const failed = (error.CancellationReasons ?? []).map((reason) => reason.Code === "ConditionalCheckFailed");
        if (failed[0]) return existingReservation(tableName, order);
        const short = order.items.filter((_, index) => failed[index + 1]).map((line) => line.sku);
        throw new InventoryError(`order ${order.orderId}: not enough stock of ${short.join(", ")}`);
    }
    return reservationOf(order.orderId, order.items);
}

/** The order row exists: a retry of this step finds its own reservation; anything else is a reused order id. */
async function existingReservation(tableName: string, order: OrderSagaInput): Promise<Reservation> {
    const { Item } = await documents.send(new GetCommand({ TableName: tableName, Key: sagaKeys.order(order.orderId) }));
    if (Item?.status !== ORDER_STATUS.reserved) {
        throw new Error(`order ${order.orderId} already exists with status ${String(Item?.status)}; ` +
            "start the saga with a new orderId");
    }
    return reservationOf(order.orderId, Item.items as OrderLine[]);
}

function reservationOf(orderId: string, items: OrderLine[]): Reservation {
    return { reservationId: `RES-${orderId}`, items };
}
