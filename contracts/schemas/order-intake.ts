// zod/mini through ./zod (see there why); a namespace import, so the bundler keeps only the functions in use.
import * as z from "./zod";
import { pattern } from "./bounds";

/** An order as the Azure order intake accepts it and its queue carries it. */

/**
 * A queue message holds at most 64 KiB; an order (at most 50 items) stays far below, so anything larger
 * is not an order.
 */
export const ORDER_INTAKE_MAX_BODY_BYTES = 32 * 1024;

export const MAX_ORDER_ITEMS = 50;

/** Ids become Table storage keys, which forbid `/ \ # ?` and control characters: a safe subset. */
const id = pattern(/^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/, "1 to 64 letters, digits or dashes, starting with a letter or digit");

const integer = (min: number, max: number) => {
    const range = `must be an integer from ${min} to ${max}`;
    return z.int({ error: range }).check(z.gte(min, range), z.lte(max, range));
};

export const OrderItemSchema = z.strictObject({
    sku: pattern(/^[A-Z0-9][A-Z0-9-]{0,31}$/, "1 to 32 upper-case letters, digits or dashes"),
    quantity: integer(1, 1000),
    unitPriceCents: integer(0, 10_000_000),
}, { error: "must be an object with sku, quantity, unitPriceCents" });
export type OrderItem = z.infer<typeof OrderItemSchema>;

export const OrderSchema = z.strictObject({
    /** Client-chosen id; also the idempotency key of the processor. */
    orderId: id,
    customerId: id,
    items: z.array(OrderItemSchema, { error: `must be an array of 1 to ${MAX_ORDER_ITEMS} items` }).check(
        z.minLength(1, `must be an array of 1 to ${MAX_ORDER_ITEMS} items`),
        z.maxLength(MAX_ORDER_ITEMS, `must be an array of 1 to ${MAX_ORDER_ITEMS} items`),
    ),
}, { error: "must be a JSON order object with orderId, customerId and items" });
export type Order = z.infer<typeof OrderSchema>;

/** Total price of an order in cents. */
export function orderTotalCents(order: Order): number {
    return order.items.reduce((sum, item) => sum + item.quantity * item.unitPriceCents, 0);
}
