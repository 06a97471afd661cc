import { displayValue, SettingSpec, SettingValue } from "./schema";

/**
 * What the offline plan's harness hands a program for a `secure:` value it cannot decrypt without the
 * stack's secrets provider (tools/harness/stack-config.ts SECRET_PLACEHOLDER; a test keeps both equal).
 * The Pulumi CLI always hands the decrypted value.
 */
export const UNDECRYPTED_SECRET = "[secret]";

/** Where the raw config came from: which keys are secrets. */
export interface RawConfig {
    values: Readonly<Record<string, string>>;
    secretKeys: ReadonlySet<string>;
}

export interface ParsedSettings<V> {
    /** Every setting that parsed and passed its own rule (the others have a problem). */
    values: Partial<V>;
    /** Settings whose value is a secret, to be handed on as secret outputs. */
    secrets: Set<string>;
    /** Secrets the offline plan cannot read, replaced by the spec's placeholder. */
    placeholders: Map<string, SettingValue>;
    problems: string[];
}

/**
 * Parses and validates raw config strings (as the Pulumi runtime hands them over: numbers, booleans and
 * arrays JSON-encoded) against the declared specs. Collects every problem rather than stopping at the
 * first, so one run shows the user everything to fix.
 */
export function parseSettingValues<S extends Record<string, SettingSpec<never>>>(specs: S, raw: RawConfig, namespace: string,
): ParsedSettings<{ [K in keyof S]: S[K] extends SettingSpec<infer T> ? T : never }> {
    const problems: string[] = [];
    const values: Record<string, SettingValue> = {};
    const secrets = new Set<string>();
    const placeholders = new Map<string, SettingValue>();
    for (const [name, spec] of Object.entries(specs) as [string, SettingSpec][]) {
        const path = `${namespace}:${name}`;
        const text = raw.values[path];
        if (text === undefined) {
            problems.push(`${path} is missing: declare it with a default in Pulumi.yaml's config block`);
            continue;
        }
        if (raw.secretKeys.has(path)) {
            if (!spec.secret) {
                problems.push(`${path} is a secure (secret) value, but this setting is not secret: write it in plain text`);
                continue;
            }
            secrets.add(name);
            if (text === UNDECRYPTED_SECRET) {
                placeholders.set(name, spec.secret.placeholder);
                values[name] = spec.secret.placeholder;
                continue;
            }
        }
        // A secret's value never appears in a message.
        const shown = secrets.has(name) ? "(secret)" : displayValue(text);
        if (text.length > spec.maxLength) {
            problems.push(`${path} = ${shown} is ${text.length} characters long, more than the ${spec.maxLength} this ` +
                `setting reads; it must be ${spec.rule.allowed}`);
            continue;
        }
        const parsed = parseValue(spec.kind, text);
        if ("expected" in parsed) {
            problems.push(`${path} = ${shown} ${parsed.expected}; it must be ${spec.rule.allowed}`);
            continue;
        }
        const problem = (spec.rule.problem as (v: SettingValue) => string | undefined)(parsed.value);
        if (problem) {
            problems.push(`${path} = ${secrets.has(name) ? shown : displayValue(parsed.value)} must be ${problem}`);
            continue;
        }
        values[name] = parsed.value;
    }
    return { values: values as Partial<{ [K in keyof S]: S[K] extends SettingSpec<infer T> ? T : never }>, secrets, placeholders, problems };
}

/** Plain decimal, optionally with a fraction or exponent (what YAML and JSON write for a number). */
const DECIMAL_NUMBER = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/;

/** The typed value, or what the text is not (completing "<key> = <value> ..."). */
function parseValue(kind: SettingSpec["kind"], text: string): { value: SettingValue } | { expected: string } {
    switch (kind) {
        case "string":
            return { value: text };
        case "integer": {
            const trimmed = text.trim();
            if (/^[+-]?(Infinity|inf|\.inf|NaN|nan|\.nan)$/i.test(trimmed)) return { expected: "is not a finite number" };
            if (!DECIMAL_NUMBER.test(trimmed)) return { expected: "is not a number" };
            const n = Number(trimmed);
            if (!Number.isFinite(n)) return { expected: "is not a finite number (it overflows a double)" };
            return Number.isInteger(n) ? { value: n } : { expected: "is not an integer" };
        }
        case "boolean":
            return text === "true" ? { value: true } : text === "false" ? { value: false } : { expected: "is not a boolean" };
        case "stringArray": {
            let parsed: unknown;
            try {
                parsed = JSON.parse(text);
            } catch {
                return { expected: "is not a list" };
            }
            if (!Array.isArray(parsed)) return { expected: "is not a list" };
            const bad = parsed.findIndex((e) => typeof e !== "string");
            return bad < 0 ? { value: parsed as string[] } : { expected: `has element [${bad}], ${kindOf(parsed[bad])}, which is not a string` };
        }
    }
}

/** What a non-string list element is, without serializing it (it may nest deeper than the call stack). */
function kindOf(value: unknown): string {
    if (Array.isArray(value)) return "a list";
    if (value === null) return "null";
    if (typeof value === "object") return "a mapping";
    return `the ${typeof value} ${displayValue(value)}`;
}
