/**
 * The data contract of the order saga: what an execution starts with, what each step adds to the state,
 * and the error names the state machine catches. The state machine definition, the five step handlers
 * and the tests all import it, so a renamed field or error breaks the build instead of a live execution.
 * Schemas in zod, types inferred from them; no Pulumi or cloud SDK import: the handlers bundle this module.
 */
// zod/mini through ./zod (see there why); a namespace import, so the bundler keeps only the functions in use.
import * as z from "./zod";
import { text } from "./bounds";

/** Thrown by ReserveInventory when stock is short; caught by the state machine -> CancelOrder. */
export const INVENTORY_ERROR = "InventoryError";
/** Thrown by ProcessPayment when the customer cannot pay; caught -> ReleaseInventory -> CancelOrder. */
export const PAYMENT_ERROR = "PaymentError";

/** A DynamoDB transaction holds 100 operations: the order row plus one stock update per line. */
export const MAX_ORDER_LINES = 99;

const id = text({ max: 128 });

export const OrderLineSchema = z.strictObject({
    sku: text({ max: 64 }),
    /** Whole units, at least 1. */
    quantity: z.int({ error: "must be a whole number of at least 1" }).check(z.gte(1, "must be a whole number of at least 1"), z.lte(1_000_000)),
});
export type OrderLine = z.infer<typeof OrderLineSchema>;

/** The input of an execution; it came from outside, so every problem is named before any stock is touched. */
export const OrderSagaInputSchema = z.strictObject({
    orderId: id,
    customerId: id,
    /** Order total in the shop's currency, charged to the customer's account balance. */
    amount: z.number({ error: "must be a number above 0" }).check(z.positive("must be a number above 0")),
    items: z.array(OrderLineSchema, { error: "must be a non-empty list of { sku, quantity }" }).check(
        z.minLength(1, "must be a non-empty list of { sku, quantity }"),
        z.maxLength(MAX_ORDER_LINES, `must hold at most ${MAX_ORDER_LINES} lines: that is what fits in one reservation`),
        z.superRefine((items, ctx) => {
            const skus = items.map((line) => line.sku);
            const repeated = [...new Set(skus.filter((sku, index) => skus.indexOf(sku) !== index))];
            if (repeated.length > 0) ctx.addIssue({ code: "custom", message: `list ${repeated.join(", ")} more than once; merge the lines` });
        }),
    ),
});
export type OrderSagaInput = z.infer<typeof OrderSagaInputSchema>;

export const ReservationSchema = z.object({ reservationId: z.string(), items: z.array(OrderLineSchema) });
export type Reservation = z.infer<typeof ReservationSchema>;
export const PaymentSchema = z.object({ paymentId: z.string(), amount: z.number() });
export type Payment = z.infer<typeof PaymentSchema>;
export const ShipmentSchema = z.object({ shipmentId: z.string() });
export type Shipment = z.infer<typeof ShipmentSchema>;
export const ReleaseSchema = z.object({ releasedItems: z.array(OrderLineSchema) });
export type Release = z.infer<typeof ReleaseSchema>;
export const CancellationSchema = z.object({ status: z.literal("CANCELLED"), reason: z.string() });
export type Cancellation = z.infer<typeof CancellationSchema>;

/** What Step Functions puts at a Catch's ResultPath: the error name and its cause. */
export const SagaFailureSchema = z.object({ Error: z.string(), Cause: z.string() });
export type SagaFailure = z.infer<typeof SagaFailureSchema>;

/**
 * The execution state as it flows through the steps: the input plus each step's result at its own
 * ResultPath (see saga-definition.ts), so compensation steps still know the order they undo.
 */
export const OrderSagaStateSchema = z.object({
    ...OrderSagaInputSchema.shape,
    reservation: z.optional(ReservationSchema),
    payment: z.optional(PaymentSchema),
    shipment: z.optional(ShipmentSchema),
    release: z.optional(ReleaseSchema),
    error: z.optional(SagaFailureSchema),
    cancellation: z.optional(CancellationSchema),
});
export type OrderSagaState = z.infer<typeof OrderSagaStateSchema>;

/**
 * Order status in the saga table. Each step moves it along exactly one edge, with a condition on the
 * previous status, so a retried step either finds its own work done or fails loudly.
 */
export const ORDER_STATUS = {
    reserved: "RESERVED",
    paid: "PAID",
    shipped: "SHIPPED",
    released: "RELEASED",
    cancelled: "CANCELLED",
} as const;

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
