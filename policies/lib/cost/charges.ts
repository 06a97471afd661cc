import { CostCharge, CostItem } from "./types";

/** One priced quantity; the cost is computed here so every line item multiplies the same way. */
export function charge(description: string, quantity: number, unit: string, unitPriceUsd: number): CostCharge {
    return { description, quantity, unit, unitPriceUsd, monthlyUsd: quantity * unitPriceUsd };
}

/** A line item whose total is the sum of its charges (charges of zero quantity are dropped). */
export function lineItem(fields: Omit<CostItem, "monthlyUsd" | "charges" | "notes"> & { notes?: string[] },
    charges: CostCharge[]): CostItem {
    const kept = charges.filter((c) => c.quantity > 0);
    return { ...fields, notes: fields.notes ?? [], charges: kept, monthlyUsd: kept.reduce((sum, c) => sum + c.monthlyUsd, 0) };
}

/** Billing chunks: a 100 KB message billed per 64 KB chunk counts as 2 requests. */
export function chunks(payloadKb: number, chunkKb: number): number {
    return Math.max(1, Math.ceil(payloadKb / chunkKb));
}
