/**
 * The traffic assumptions every function and service carries as tags (AWS, Azure) or labels (GCP), which
 * the cost estimate and the `cost-budget` policy read back (contract 2).
 */

/** Tag (label) name of each traffic figure. */
export const COST_TAGS = {
    requestsPerMonth: "cost-requests-per-month",
    avgDurationMs: "cost-avg-duration-ms",
    payloadKb: "cost-payload-kb",
} as const;

/** Request plus response size assumed when a function or service does not declare one. */
export const DEFAULT_COST_PAYLOAD_KB = 1;

/** The traffic a function or service expects. */
export interface CostTraffic {
    requestsPerMonth: number;
    avgDurationMs: number;
    /** @default 1 (DEFAULT_COST_PAYLOAD_KB) */
    payloadKb?: number;
}

/**
 * The cost tags of one function or service. Values are whole numbers written with digits only, the one
 * form every cloud accepts (GCP label values allow only [a-z0-9_-]).
 */
export function costTags(traffic: CostTraffic): Record<string, string> {
    return {
        [COST_TAGS.requestsPerMonth]: integerText(traffic.requestsPerMonth),
        [COST_TAGS.avgDurationMs]: integerText(traffic.avgDurationMs),
        [COST_TAGS.payloadKb]: integerText(traffic.payloadKb ?? DEFAULT_COST_PAYLOAD_KB),
    };
}

function integerText(value: number): string {
    return Math.round(value).toFixed(0);
}
