/**
 * The data contract of the order saga: what an execution starts with, what each step adds to the state,
 * and the error names the state machine catches. The state machine definition, the five step handlers
 * and the tests all import it, so a renamed field or error breaks the build instead of a live execution.
 * No Pulumi import: the handlers bundle this module.
 */

/** Thrown by ReserveInventory when stock is short; caught by the state machine -> CancelOrder. */
export const INVENTORY_ERROR = "InventoryError";
/** Thrown by ProcessPayment when the customer cannot pay; caught -> ReleaseInventory -> CancelOrder. */
export const PAYMENT_ERROR = "PaymentError";

export interface OrderLine {
    sku: string;
    /** Whole units, at least 1. */
    quantity: number;
}

/** The input of an execution. */
export interface OrderSagaInput {
    orderId: string;
    customerId: string;
    /** Order total in the shop's currency, charged to the customer's account balance. */
    amount: number;
    items: OrderLine[];
}

export interface Reservation { reservationId: string; items: OrderLine[] }
export interface Payment { paymentId: string; amount: number }
export interface Shipment { shipmentId: string }
export interface Release { releasedItems: OrderLine[] }
export interface Cancellation { status: "CANCELLED"; reason: string }

/** What Step Functions puts at a Catch's ResultPath: the error name and its cause. */
export interface SagaFailure { Error: string; Cause: string }

/**
 * The execution state as it flows through the steps: the input plus each step's result at its own
 * ResultPath (see saga-definition.ts), so compensation steps still know the order they undo.
 */
export interface OrderSagaState extends OrderSagaInput {
    reservation?: Reservation;
    payment?: Payment;
    shipment?: Shipment;
    release?: Release;
    error?: SagaFailure;
    cancellation?: Cancellation;
}

/**
 * Order status in the saga table. Each step moves it along exactly one edge, with a condition on the
 * previous status, so a retried step either finds its own work done or fails loudly.
 */
export type OrderStatus = "RESERVED" | "PAID" | "SHIPPED" | "RELEASED" | "CANCELLED";

/** Partition key attribute of the single saga table. */
export const SAGA_TABLE_PARTITION_KEY = "pk";

/** Keys of the single saga table: stock per SKU, balance per customer, one row per order. */
export const sagaKeys = {
    sku: (sku: string) => ({ pk: `SKU#${sku}` }),
    account: (customerId: string) => ({ pk: `ACCOUNT#${customerId}` }),
    order: (orderId: string) => ({ pk: `ORDER#${orderId}` }),
};

/** Environment variable holding the saga table's name in every step function. */
export const SAGA_TABLE_ENV = "ORDER_SAGA_TABLE";

/** The saga table's name in a step function; a missing variable names who should have set it. */
export function sagaTableName(): string {
    const name = process.env[SAGA_TABLE_ENV];
    if (!name) throw new Error(`${SAGA_TABLE_ENV} is not set; the saga component sets it to the saga table's name`);
    return name;
}
