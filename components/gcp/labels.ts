/** Expected traffic of a service, carried as labels for the cost estimate (contract 2). */
export interface CostTraffic {
    requestsPerMonth: number;
    avgDurationMs: number;
    payloadKb: number;
}

/**
 * The cost labels the cost model and the `cost-budget` policy read. GCP label values allow only
 * [a-z0-9_-], so the numbers are written as plain integers.
 */
export function costLabels(traffic: CostTraffic): Record<string, string> {
    return {
        "cost-requests-per-month": integerLabel(traffic.requestsPerMonth),
        "cost-avg-duration-ms": integerLabel(traffic.avgDurationMs),
        "cost-payload-kb": integerLabel(traffic.payloadKb),
    };
}

function integerLabel(value: number): string {
    return Math.round(value).toFixed(0);
}

/**
 * A GCP label value or resource id part made from free text (a stack name): lowercase, only [a-z0-9-],
 * at most `maxLength` characters, no leading or trailing dash.
 */
export function gcpSafeName(text: string, maxLength: number): string {
    return text.toLowerCase().replace(/[^a-z0-9-]+/g, "-").slice(0, maxLength).replace(/^-+|-+$/g, "");
}
