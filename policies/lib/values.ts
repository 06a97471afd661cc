/**
 * Reading resource properties as plain values.
 *
 * `@pulumi/policy` hands a policy its properties wrapped in a proxy that throws as soon as an
 * unknown value is read, which would abort the whole policy (and, for a stack policy, every other
 * resource with it). The policies here read the raw values instead and decide themselves what an
 * unknown means: usually "cannot be determined" for that one resource and that one check.
 */

/** Marker returned by the readers below for a value the engine does not know yet (preview). */
export const UNKNOWN = Symbol("unknown during preview");
export type Unknown = typeof UNKNOWN;

/** Plain resource properties: JSON values, asset/archive objects, and the engine's unknown sentinels. */
export type Props = Readonly<Record<string, unknown>>;

/**
 * The sentinels the engine sends for values it cannot know during preview, one per value type
 * (the engine mostly sends the string one; the SDKs define all seven).
 */
const UNKNOWN_SENTINELS: ReadonlySet<string> = new Set([
    "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
    "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7",
    "3eeb2bf0-c639-47a8-9e75-3b44932eb421",
    "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2",
    "030794c1-ac77-496b-92df-f27374a8bd58",
    "e48ece36-62e2-4504-bad9-02848725956a",
    "dd056dcd-154b-4c76-9bd3-c8f88648b5ff",
]);

/** The string sentinel, for code that has to hand the SDK an unknown value of its own. */
export const UNKNOWN_STRING_SENTINEL = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/**
 * Key under which the SDK's unknown-checking proxy returns the object it wraps (the SDK's own
 * serializer unwraps it the same way). A plain object, as unit code passes, is returned as is.
 */
const PROXY_TARGET_KEY = "__getSpecialProxyTarget";

export function rawProps(props: Record<string, unknown>): Props {
    const target = props[PROXY_TARGET_KEY];
    return isRecord(target) ? target : props;
}

export function isUnknown(value: unknown): boolean {
    return typeof value === "string" && UNKNOWN_SENTINELS.has(value);
}

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
