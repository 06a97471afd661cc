/**
 * The vocabulary for declaring settings: each stack setting has a kind (how its raw config string is
 * parsed) and a rule (what values are allowed, in words the README and every error message share).
 * Defaults are NOT here: they live once, in Pulumi.yaml's `config:` block, which the Pulumi CLI (and the
 * offline plan's harness) applies before the program runs.
 *
 * Every check is linear in the length of the value: a raw value longer than its kind's cap is refused
 * before it is parsed or matched, and no rule uses a pattern that can backtrack.
 */

export type SettingValue = string | number | boolean | string[];

export type SettingKind = "string" | "integer" | "boolean" | "stringArray";

export interface SettingRule<T extends SettingValue> {
    /** What is allowed, completing "must be ..." (also the README's "allowed" column). */
    readonly allowed: string;
    /** undefined when `value` is allowed; otherwise what is wrong with it, completing "must be ...". */
    readonly problem: (value: T) => string | undefined;
}

export interface SettingSpec<T extends SettingValue = SettingValue> {
    kind: SettingKind;
    /** What the setting controls, shown in Pulumi.yaml and in error messages. */
    description: string;
    rule: SettingRule<T>;
    /** Longest raw value (characters) worth parsing; anything longer is refused unread. */
    maxLength: number;
    /** Present when the value may be a `secure:` secret (strings only): what the offline plan uses in its place. */
    secret?: { placeholder: string };
}

/** Integer settings are at most 16 significant digits (beyond that a double is no longer exact). */
const INTEGER_MAX_LENGTH = 32;
/** Lists hold short names; 64 KB is far beyond any real list and still parses in well under a millisecond. */
const LIST_MAX_LENGTH = 65536;

export const integerSetting = (description: string, rule: SettingRule<number>): SettingSpec<number> =>
    ({ kind: "integer", description, rule, maxLength: INTEGER_MAX_LENGTH });
export const stringSetting = (description: string, rule: SettingRule<string>, maxLength: number,
    secret?: { placeholder: string }): SettingSpec<string> =>
    ({ kind: "string", description, rule, maxLength, secret });
export const booleanSetting = (description: string): SettingSpec<boolean> =>
    ({ kind: "boolean", description, rule: { allowed: "true or false", problem: () => undefined }, maxLength: 5 });
export const stringArraySetting = (description: string, rule: SettingRule<string[]>): SettingSpec<string[]> =>
    ({ kind: "stringArray", description, rule, maxLength: LIST_MAX_LENGTH });

/** An integer in [min, max]; `why` names the platform limit the range comes from. */
export function between(min: number, max: number, why?: string): SettingRule<number> {
    const allowed = `an integer from ${min} to ${max}${why ? ` (${why})` : ""}`;
    return { allowed, problem: (value) => value >= min && value <= max ? undefined : allowed };
}

/** The value is one of `allowed`. */
export function oneOf<T extends string | number>(values: readonly T[], why?: string): SettingRule<T extends string ? string : number> {
    const set = new Set<string | number>(values);
    const allowed = `one of ${values.map((a) => JSON.stringify(a)).join(", ")}${why ? ` (${why})` : ""}`;
    return { allowed, problem: (value) => set.has(value) ? undefined : allowed };
}

/**
 * A string matching `pattern`, which must not backtrack (each character can be matched one way only);
 * the spec's length cap bounds the rest.
 */
export function matches(pattern: RegExp, allowed: string): SettingRule<string> {
    return { allowed, problem: (value) => pattern.test(value) ? undefined : allowed };
}

/** A string for which `test` holds; `allowed` says what it accepts. */
export function satisfies(test: (value: string) => boolean, allowed: string): SettingRule<string> {
    return { allowed, problem: (value) => test(value) ? undefined : allowed };
}

/** The empty string (meaning "none") or a value `rule` allows. */
export function emptyOr(rule: SettingRule<string>): SettingRule<string> {
    return { allowed: `empty or ${rule.allowed}`, problem: (value) => value === "" ? undefined : rule.problem(value) && `empty or ${rule.allowed}` };
}

/**
 * A list: at least `minItems` elements, each at most `maxElementLength` characters and allowed by `rule`,
 * optionally without repeats; the message names the first bad element's index.
 */
export function listOf(rule: SettingRule<string>, options: { minItems: number; distinct: boolean; maxElementLength: number }): SettingRule<string[]> {
    const { minItems, distinct, maxElementLength } = options;
    const size = minItems === 0 ? "" : minItems === 1 ? "non-empty " : `${minItems}-or-more-element `;
    const allowed = `a ${size}list of ${distinct ? "distinct " : ""}elements, each ${rule.allowed}`;
    return {
        allowed,
        problem: (values) => {
            if (values.length < minItems) return allowed;
            for (const [index, value] of values.entries()) {
                const problem = value.length > maxElementLength ? `at most ${maxElementLength} characters` : rule.problem(value);
                if (problem) return `${allowed}; element [${index}] ${displayValue(value)} must be ${problem}`;
            }
            if (distinct && new Set(values).size !== values.length) return `${allowed}; it repeats an element`;
            return undefined;
        },
    };
}

/** Longest value shown whole in a message; longer ones are cut (a 1 MB value must not make a 1 MB message). */
const DISPLAY_LENGTH = 80;

/** A value as a message shows it: JSON, cut after DISPLAY_LENGTH characters with its full length given. */
export function displayValue(value: unknown): string {
    if (typeof value === "number" && !Number.isFinite(value)) return String(value);
    if (typeof value === "string" && value.length > DISPLAY_LENGTH) {
        return `${JSON.stringify(value.slice(0, DISPLAY_LENGTH))}… (${value.length} characters)`;
    }
    const json = JSON.stringify(value);
    return json.length > DISPLAY_LENGTH ? `${json.slice(0, DISPLAY_LENGTH)}… (${json.length} characters)` : json;
}
