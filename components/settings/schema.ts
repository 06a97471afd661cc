/**
 * The vocabulary for declaring settings: each stack setting has a kind (how its raw config string is
 * parsed) and a rule (what values are allowed). Defaults are NOT here: they live once, in Pulumi.yaml's
 * `config:` block, which the Pulumi CLI (and the offline plan's harness) applies before the program runs.
 */

export type SettingValue = string | number | boolean | string[];

export type SettingKind = "string" | "integer" | "boolean" | "stringArray";

/** Returns undefined when the value is allowed, or the sentence that says what is allowed. */
export type SettingRule<T extends SettingValue> = (value: T) => string | undefined;

export interface SettingSpec<T extends SettingValue = SettingValue> {
    kind: SettingKind;
    /** What the setting controls, shown in Pulumi.yaml and in error messages. */
    description: string;
    rule?: SettingRule<T>;
}

export const integerSetting = (description: string, rule?: SettingRule<number>): SettingSpec<number> =>
    ({ kind: "integer", description, rule });
export const stringSetting = (description: string, rule?: SettingRule<string>): SettingSpec<string> =>
    ({ kind: "string", description, rule });
export const booleanSetting = (description: string): SettingSpec<boolean> => ({ kind: "boolean", description });
export const stringArraySetting = (description: string, rule?: SettingRule<string[]>): SettingSpec<string[]> =>
    ({ kind: "stringArray", description, rule });

/** An integer in [min, max]; `why` names the platform limit the range comes from. */
export function between(min: number, max: number, why?: string): SettingRule<number> {
    return (value) => value >= min && value <= max
        ? undefined
        : `an integer from ${min} to ${max}${why ? ` (${why})` : ""}`;
}

/** The value is one of `allowed` (the rule applies to the raw string or integer, before narrowing). */
export function oneOf<T extends string | number>(allowed: readonly T[], why?: string): SettingRule<T extends string ? string : number> {
    return (value) => (allowed as readonly (string | number)[]).includes(value)
        ? undefined
        : `one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}${why ? ` (${why})` : ""}`;
}

export function matches(pattern: RegExp, shape: string): SettingRule<string> {
    return (value) => pattern.test(value) ? undefined : shape;
}

/** Every element passes `rule`; the message names the first bad element's index. */
export function eachElement(rule: SettingRule<string>): SettingRule<string[]> {
    return (values) => {
        for (const [index, value] of values.entries()) {
            const problem = rule(value);
            if (problem) return `element [${index}] ${JSON.stringify(value)} must be ${problem}`;
        }
        return undefined;
    };
}
