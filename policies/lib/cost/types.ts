/** Shapes of the cost model (contract 2 in the team's contracts). */

/** A resource as the cost model reads it: the plan's recorded resource or a stack policy's resource. */
export interface CostResource {
    urn: string;
    type: string;
    name: string;
    /** Plain JSON; values not known yet are the engine's unknown sentinel string. */
    properties: Record<string, unknown>;
    /** For each property, the URNs its value came from: links resources when their ids are unknown (preview). */
    propertyDependencies?: Record<string, readonly string[]>;
}

/** One priced quantity of a line item, e.g. 2,000,000 requests at 0.0000002 USD. */
export interface CostCharge {
    description: string;
    quantity: number;
    unit: string;
    unitPriceUsd: number;
    monthlyUsd: number;
}

/** Monthly traffic a function or service declares through its cost tags/labels. */
export interface Traffic {
    requestsPerMonth: number;
    avgDurationMs: number;
    payloadKb: number;
}

/** Where an always-on VM able to hold one instance of the function becomes the cheaper option. */
export interface BreakEven {
    vm: string;
    vmMonthlyUsd: number;
    /** Requests per day above which the VM is cheaper; 0 when the fixed serverless cost already exceeds it. */
    requestsPerDay: number;
}

export type Cloud = "aws" | "gcp" | "azure";

export interface CostItem {
    urn: string;
    name: string;
    type: string;
    cloud: Cloud;
    /** Priced service, e.g. "Lambda", "HTTP API", "Cloud Run". */
    service: string;
    monthlyUsd: number;
    charges: CostCharge[];
    /** Functions and services only: the traffic their estimate assumes. */
    traffic?: Traffic;
    /** Functions and services only. */
    breakEven?: BreakEven;
    /** Why part of the estimate is missing or approximate (no tags, unknown during preview, ...). */
    notes: string[];
}

export interface CostEstimate {
    monthlyUsd: number;
    currency: "USD";
    /** Date of the list prices (prices.json). */
    pricesAsOf: string;
    items: CostItem[];
}
