import { isUnknownSentinel } from "../../../contracts/unknown-value";
import { COST_TAGS, DEFAULT_COST_PAYLOAD_KB } from "../../../contracts/cost-tags";
import { Traffic } from "./types";

/** Whether a value is one the engine does not know until the resource exists (first preview). */
export function isUnknown(value: unknown): boolean {
    return isUnknownSentinel(value);
}

/** The value at a property path, or undefined when any step is missing or not an object. */
export function at(value: unknown, ...path: (string | number)[]): unknown {
    let current = value;
    for (const key of path) {
        if (current === null || typeof current !== "object") return undefined;
        current = (current as Record<string | number, unknown>)[key];
    }
    return current;
}

/** A number, or a string holding one (tags carry numbers as strings); undefined otherwise. */
export function numberAt(value: unknown, ...path: (string | number)[]): number | undefined {
    const found = at(value, ...path);
    if (typeof found === "number" && Number.isFinite(found)) return found;
    if (typeof found === "string" && found.trim() !== "" && Number.isFinite(Number(found))) return Number(found);
    return undefined;
}

export function stringAt(value: unknown, ...path: (string | number)[]): string | undefined {
    const found = at(value, ...path);
    return typeof found === "string" && !isUnknown(found) ? found : undefined;
}

export function arrayAt(value: unknown, ...path: (string | number)[]): unknown[] {
    const found = at(value, ...path);
    return Array.isArray(found) ? found : [];
}


/**
 * The traffic a function or service declares in its tags/labels, or a note saying why there is none.
 * Requests and duration are both needed; the payload defaults to 1 KB.
 */
export function readTraffic(tags: unknown): { traffic?: Traffic; note?: string } {
    if (isUnknown(tags)) return { note: "tags are unknown during preview: request-based charges not estimated" };
    const requestsPerMonth = numberAt(tags, COST_TAGS.requestsPerMonth);
    const avgDurationMs = numberAt(tags, COST_TAGS.avgDurationMs);
    if (requestsPerMonth === undefined || avgDurationMs === undefined) {
        return { note: `no ${COST_TAGS.requestsPerMonth}/${COST_TAGS.avgDurationMs} tags: request-based charges not estimated` };
    }
    return { traffic: { requestsPerMonth, avgDurationMs, payloadKb: numberAt(tags, COST_TAGS.payloadKb) ?? DEFAULT_COST_PAYLOAD_KB } };
}
