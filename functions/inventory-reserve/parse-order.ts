import { OrderLine, OrderSagaInput } from "../../components/aws/order-saga-state";

/** The saga's input came from outside: reject it with every problem named before touching any stock. */
export class InvalidOrderError extends Error {
    override name = "InvalidOrderError";
}

/** A DynamoDB transaction holds 100 operations: the order row plus one stock update per line. */
const MAX_LINES = 99;

/** Validates an execution input and returns it typed; the error lists each bad field and what is allowed. */
export function parseOrder(input: unknown): OrderSagaInput {
    const order = (typeof input === "object" && input !== null ? input : {}) as Record<string, unknown>;
    const problems: string[] = [];
    for (const field of ["orderId", "customerId"] as const) {
        if (typeof order[field] !== "string" || order[field] === "") problems.push(`${field} must be a non-empty string`);
    }
    if (typeof order.amount !== "number" || !(order.amount > 0)) problems.push("amount must be a number above 0");
    const items = Array.isArray(order.items) ? order.items as unknown[] : [];
    if (items.length === 0) problems.push("items must be a non-empty list of { sku, quantity }");
    if (items.length > MAX_LINES) problems.push(`items has ${items.length} lines; at most ${MAX_LINES} fit in one reservation`);
    items.forEach((item, index) => problems.push(...lineProblems(item, index)));
    const skus = items.map((item) => (item as Partial<OrderLine>).sku);
    const repeated = skus.filter((sku, index) => skus.indexOf(sku) !== index);
    if (repeated.length > 0) problems.push(`items list ${[...new Set(repeated)].join(", ")} more than once; merge the lines`);
    if (problems.length > 0) throw new InvalidOrderError(`invalid order input: ${problems.join("; ")}`);
    return {
        orderId: order.orderId as string,
        customerId: order.customerId as string,
        amount: order.amount as number,
        items: (items as OrderLine[]).map(({ sku, quantity }) => ({ sku, quantity })),
    };
}

function lineProblems(item: unknown, index: number): string[] {
    const line = (typeof item === "object" && item !== null ? item : {}) as Record<string, unknown>;
    const problems: string[] = [];
    if (typeof line.sku !== "string" || line.sku === "") problems.push(`items[${index}].sku must be a non-empty string`);
    if (!Number.isInteger(line.quantity) || (line.quantity as number) < 1) {
        problems.push(`items[${index}].quantity must be a whole number of at least 1`);
    }
    return problems;
}
