/** The traffic a function app expects, as the cost model reads it (contract 2). */
export interface TrafficTags {
    requestsPerMonth: number;
    avgDurationMs: number;
    payloadKb: number;
}

/** Tags the cost estimate reads from every function (string values of integers). */
export function costTags(traffic: TrafficTags): Record<string, string> {
    return {
        "cost-requests-per-month": String(Math.round(traffic.requestsPerMonth)),
        "cost-avg-duration-ms": String(Math.round(traffic.avgDurationMs)),
        "cost-payload-kb": String(Math.round(traffic.payloadKb)),
    };
}
