import { TableClient, TransactionAction } from "@azure/data-tables";
import { Order, orderTotalCents } from "../../../contracts/schemas/order-intake";

export type RecordOutcome = "recorded" | "duplicate";

/** The running totals of one customer: the effect that must happen once per order. */
export interface CustomerTotals {
    orderCount: number;
    totalCents: number;
}

const TOTALS_ROW = "totals";

/** Order rows carry a prefix, so no order id can produce the totals row key. */
const orderRowKey = (orderId: string) => `order-${orderId}`;

/**
 * The processor's effect, made idempotent: the order row (keyed by orderId) and the customer's totals are
 * written in ONE entity-group transaction in the customer's partition. A redelivered message finds its order
 * row and changes nothing; a concurrent writer makes the transaction fail (conflict or etag mismatch) so the
 * message is retried instead of double-counted.
 */
export class OrderStore {
    constructor(private readonly table: TableClient) {}

    async recordOnce(order: Order, processedAt: Date): Promise<RecordOutcome> {
        if (await this.orderExists(order)) return "duplicate";
        const totals = await this.readTotals(order.customerId);
        const orderCents = orderTotalCents(order);
        const next = {
            partitionKey: order.customerId,
            rowKey: TOTALS_ROW,
            orderCount: (totals?.orderCount ?? 0) + 1,
            totalCents: (totals?.totalCents ?? 0) + orderCents,
        };
        const actions: TransactionAction[] = [
            ["create", {
                partitionKey: order.customerId,
                rowKey: orderRowKey(order.orderId),
                totalCents: orderCents,
                items: JSON.stringify(order.items),
                processedAt: processedAt.toISOString(),
            }],
            totals ? ["update", next, "Replace", { etag: totals.etag }] : ["create", next],
        ];
        try {
            await this.table.submitTransaction(actions);
            return "recorded";
        } catch (error) {
            // Two deliveries of the same message raced: the other one recorded it.
            if (await this.orderExists(order)) return "duplicate";
            throw error;
        }
    }

    /** The customer's totals, or undefined before their first order. */
    async totals(customerId: string): Promise<CustomerTotals | undefined> {
        const totals = await this.readTotals(customerId);
        return totals && { orderCount: totals.orderCount, totalCents: totals.totalCents };
    }

    private async orderExists(order: Order): Promise<boolean> {
        return (await this.readEntity(order.customerId, orderRowKey(order.orderId))) !== undefined;
    }

    private async readTotals(customerId: string): Promise<(CustomerTotals & { etag: string }) | undefined> {
        return this.readEntity<CustomerTotals>(customerId, TOTALS_ROW);
    }

    private async readEntity<T extends object>(partitionKey: string, rowKey: string): Promise<(T & { etag: string }) | undefined> {
        try {
            return await this.table.getEntity<T>(partitionKey, rowKey);
        } catch (error) {
            if (statusCodeOf(error) === 404) return undefined;
            throw error;
        }
    }
}

function statusCodeOf(error: unknown): number | undefined {
    return typeof error === "object" && error !== null && "statusCode" in error && typeof error.statusCode === "number"
        ? error.statusCode
        : undefined;
}
