/**
 * Reading resource properties as plain values.
 *
 * `@pulumi/policy` hands a policy its properties wrapped in a proxy that throws as soon as an
 * unknown value is read, which would abort the whole policy (and, for a stack policy, every other
 * resource with it). The policies here read the raw values instead and decide themselves what an
 * unknown means: usually "cannot be determined" for that one resource and that one check.
 */

import { isUnknownSentinel } from "../../contracts/unknown-value";

/** Marker returned by the readers below for a value the engine does not know yet (preview). */
export const UNKNOWN = Symbol("unknown during preview");
export type Unknown = typeof UNKNOWN;

/** Plain resource properties: JSON values, asset/archive objects, and the engine's unknown sentinels. */
export type Props = Readonly<Record<string, unknown>>;


/**
 * Key under which the SDK's unknown-checking proxy returns the object it wraps (the SDK's own
 * serializer unwraps it the same way). A plain object, as unit code passes, is returned as is.
 */
const PROXY_TARGET_KEY = "__getSpecialProxyTarget";

export function rawProps(props: Record<string, unknown>): Props {
    const target = props[PROXY_TARGET_KEY];
    return isRecord(target) ? target : props;
}

/** Whether a value is one of the engine's unknown sentinels. */
export const isUnknown = isUnknownSentinel;

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Follows `path` (object keys and array indices) from `value`. Returns UNKNOWN as soon as a step
 * is an unknown sentinel, undefined when a step is missing or has the wrong shape.
 */
export function at(value: unknown, ...path: ReadonlyArray<string | number>): unknown {
    let current: unknown = value;
    for (const step of path) {
        if (current === UNKNOWN || isUnknown(current)) return UNKNOWN;
        if (typeof step === "number") {
            if (!Array.isArray(current)) return undefined;
            current = current[step];
        } else {
            if (!isRecord(current)) return undefined;
            current = current[step];
        }
    }
    return isUnknown(current) ? UNKNOWN : current;
}

/** A known string, UNKNOWN, or undefined (missing, null or another type). */
export function str(value: unknown): string | Unknown | undefined {
    if (value === UNKNOWN || isUnknown(value)) return UNKNOWN;
    return typeof value === "string" ? value : undefined;
}

/** A known finite number (numeric strings accepted: some providers send numbers as strings), UNKNOWN, or undefined. */
export function num(value: unknown): number | Unknown | undefined {
    if (value === UNKNOWN || isUnknown(value)) return UNKNOWN;
    if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
    if (typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value);
    return undefined;
}

/** A known boolean ("true"/"false" strings accepted), UNKNOWN, or undefined. */
export function bool(value: unknown): boolean | Unknown | undefined {
    if (value === UNKNOWN || isUnknown(value)) return UNKNOWN;
    if (typeof value === "boolean") return value;
    if (value === "true" || value === "false") return value === "true";
    return undefined;
}

/** A known array, UNKNOWN, or undefined. Elements may still be unknown. */
export function list(value: unknown): readonly unknown[] | Unknown | undefined {
    if (value === UNKNOWN || isUnknown(value)) return UNKNOWN;
    return Array.isArray(value) ? value : undefined;
}

/** A known object (not an array), UNKNOWN, or undefined. Its values may still be unknown. */
export function record(value: unknown): Readonly<Record<string, unknown>> | Unknown | undefined {
    if (value === UNKNOWN || isUnknown(value)) return UNKNOWN;
    return isRecord(value) ? value : undefined;
}

/** The known strings of a string-or-list value (IAM `Action`, `Resource`), UNKNOWN if any element is unknown. */
export function stringList(value: unknown): string[] | Unknown | undefined {
    const single = str(value);
    if (single !== undefined) return single === UNKNOWN ? UNKNOWN : [single];
    const items = list(value);
    if (items === undefined || items === UNKNOWN) return items;
    const result: string[] = [];
    for (const item of items) {
        const text = str(item);
        if (text === UNKNOWN) return UNKNOWN;
        if (text !== undefined) result.push(text);
    }
    return result;
}

/** Whether a property is set: a known non-empty value, or an unknown one (set from another resource's output). */
export function isSet(value: unknown): boolean {
    if (value === UNKNOWN || isUnknown(value)) return true;
    if (value === undefined || value === null || value === "") return false;
    if (Array.isArray(value)) return value.length > 0;
    return true;
}

/** The parsed value of JSON text; UNKNOWN when the text is unknown; undefined when absent or not valid JSON. */
export function jsonOf(value: unknown): unknown {
    const text = str(value);
    if (text === UNKNOWN || text === undefined) return text;
    try {
        return JSON.parse(text);
    } catch {
        return undefined;
    }
}
