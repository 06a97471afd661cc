import { DynamoDBClient, TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
import { PAYMENT_ERROR, Payment, sagaKeys, sagaTableName, ORDER_STATUS } from "../../contracts/schemas/order-saga-state";
import { parseSagaState } from "../shared/saga-state";

/** The step's business failure; the state machine catches it by this name and releases the inventory. */
export class PaymentError extends Error {
    override name = PAYMENT_ERROR;
}

const documents = DynamoDBDocumentClient.from(new DynamoDBClient({}));

/**
 * ProcessPayment: in one transaction, debit the order total from the customer's balance (on condition
 * that it covers it) and move the order from RESERVED to PAID. An uncovered or missing balance throws
 * PaymentError; a retry of a payment that already went through returns it unchanged.
 */
export async function handler(input: unknown): Promise<Payment> {
    const state = parseSagaState(input);
    const tableName = sagaTableName();
    const payment: Payment = { paymentId: `PAY-${state.orderId}`, amount: state.amount };
    try {
        await documents.send(new TransactWriteCommand({
            TransactItems: [
                {
                    Update: {
                        TableName: tableName,
                        Key: sagaKeys.account(state.customerId),
                        UpdateExpression: "SET balance = balance - :amount",
                        ConditionExpression: "balance >= :amount",
                        ExpressionAttributeValues: { ":amount": state.amount },
                    },
                },
                {
                    Update: {
                        TableName: tableName,
                        Key: sagaKeys.order(state.orderId),
                        UpdateExpression: "SET #status = :paid, paymentId = :paymentId",
                        ConditionExpression: "#status = :reserved",
                        ExpressionAttributeNames: { "#status": "status" },
                        ExpressionAttributeValues: { ":paid": ORDER_STATUS.paid, ":reserved": ORDER_STATUS.reserved, ":paymentId": payment.paymentId },
                    },
                },
            ],
        }));
    } catch (error) {
        if (!(error instanceof TransactionCanceledException)) throw error;
        const [balanceShort, orderNotReserved] = (error.CancellationReasons ?? [])
            .map((reason) => reason.Code === "ConditionalCheckFailed");
        // The order check comes first: after a successful charge the balance may no longer cover a retry.
        if (orderNotReserved) return existingPayment(tableName, state.orderId, payment);
        if (balanceShort) {
            throw new PaymentError(`order ${state.orderId}: the balance of customer ${state.customerId} ` +
                `does not cover ${state.amount}`);
        }
        throw error;
    }
    return payment;
}

/** The order is no longer RESERVED: a retry of this step finds it PAID by itself; anything else is a bug upstream. */
async function existingPayment(tableName: string, orderId: string, payment: Payment): Promise<Payment> {
    const { Item } = await documents.send(new GetCommand({ TableName: tableName, Key: sagaKeys.order(orderId) }));
    if (Item?.status !== ORDER_STATUS.paid || Item.paymentId !== payment.paymentId) {
        throw new Error(`order ${orderId} has status ${String(Item?.status)}; only a RESERVED order can be paid`);
    }
    return payment;
}
