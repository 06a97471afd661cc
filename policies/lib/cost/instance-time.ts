import { SECONDS_PER_MONTH } from "./price-book";
import { Traffic } from "./types";

/**
 * Instance-seconds billed by a platform that bills instance time while requests run (Cloud Run, Azure
 * Flex): requests overlap on one instance only as much as the average load allows, so low traffic is
 * billed request by request and high traffic shares instances up to their concurrency.
 */
export function billedInstanceSeconds(traffic: Traffic, perInstanceConcurrency: number): number {
    const busySeconds = traffic.requestsPerMonth * traffic.avgDurationMs / 1000;
    const averageConcurrency = busySeconds / SECONDS_PER_MONTH;
    const overlap = Math.min(Math.max(1, averageConcurrency), Math.max(1, perInstanceConcurrency));
    return busySeconds / overlap;
}
