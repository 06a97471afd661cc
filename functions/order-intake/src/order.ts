/** An order as the intake accepts it and the queue carries it. */
export interface Order {
    /** Client-chosen id; also the idempotency key of the processor. */
    orderId: string;
    customerId: string;
    items: OrderItem[];
}

export interface OrderItem {
    sku: string;
    quantity: number;
    unitPriceCents: number;
}

export type OrderValidation = { ok: true; order: Order } | { ok: false; problems: string[] };

/** Ids become Table storage keys, which forbid `/ \ # ?` and control characters: allow a safe subset. */
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/;
const SKU_PATTERN = /^[A-Z0-9][A-Z0-9-]{0,31}$/;
const MAX_ITEMS = 50;
const MAX_QUANTITY = 1000;
const MAX_UNIT_PRICE_CENTS = 10_000_000;

const ORDER_KEYS = ["orderId", "customerId", "items"] as const;
const ITEM_KEYS = ["sku", "quantity", "unitPriceCents"] as const;

/** Checks a parsed JSON value; every problem names the field, the value and what is allowed. */
export function validateOrder(value: unknown): OrderValidation {
    if (!isRecord(value)) return { ok: false, problems: ["the order must be a JSON object"] };
    const problems = [
        ...unknownKeys(value, ORDER_KEYS, ""),
        ...idProblems(value.orderId, "orderId"),
        ...idProblems(value.customerId, "customerId"),
        ...itemsProblems(value.items),
    ];
    if (problems.length > 0) return { ok: false, problems };
    return { ok: true, order: value as unknown as Order };
}

/** Total price of an order in cents. */
export function orderTotalCents(order: Order): number {
    return order.items.reduce((sum, item) => sum + item.quantity * item.unitPriceCents, 0);
}

function itemsProblems(items: unknown): string[] {
    if (!Array.isArray(items) || items.length === 0 || items.length > MAX_ITEMS) {
        return [`items must be an array of 1 to ${MAX_ITEMS} items, got ${describe(items)}`];
    }
    return items.flatMap((item: unknown, index) => {
        const path = `items[${index}]`;
        if (!isRecord(item)) return [`${path} must be an object with ${ITEM_KEYS.join(", ")}`];
        return [
            ...unknownKeys(item, ITEM_KEYS, `${path}.`),
            ...patternProblems(item.sku, `${path}.sku`, SKU_PATTERN, "1 to 32 upper-case letters, digits or dashes"),
            ...integerProblems(item.quantity, `${path}.quantity`, 1, MAX_QUANTITY),
            ...integerProblems(item.unitPriceCents, `${path}.unitPriceCents`, 0, MAX_UNIT_PRICE_CENTS),
        ];
    });
}

function idProblems(value: unknown, path: string): string[] {
    return patternProblems(value, path, ID_PATTERN, "1 to 64 letters, digits or dashes, starting with a letter or digit");
}

function patternProblems(value: unknown, path: string, pattern: RegExp, shape: string): string[] {
    return typeof value === "string" && pattern.test(value) ? [] : [`${path} must be ${shape}, got ${describe(value)}`];
}

function integerProblems(value: unknown, path: string, min: number, max: number): string[] {
    return Number.isInteger(value) && (value as number) >= min && (value as number) <= max
        ? []
        : [`${path} must be an integer from ${min} to ${max}, got ${describe(value)}`];
}

function unknownKeys(value: Record<string, unknown>, allowed: readonly string[], prefix: string): string[] {
    return Object.keys(value)
        .filter((key) => !allowed.includes(key))
        .map((key) => `${prefix}${key} is not a known field (allowed: ${allowed.join(", ")})`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
    return value === undefined ? "nothing" : JSON.stringify(value);
}
