import { SettingsError } from "./errors";
import { SettingSpec, SettingValue } from "./schema";

/**
 * Parses and validates raw config strings (as the Pulumi runtime hands them over: numbers, booleans and
 * arrays JSON-encoded) against the declared specs. Collects every problem before failing, so one run
 * shows the user everything to fix.
 */
export function parseSettingValues<S extends Record<string, SettingSpec<never>>>(
    specs: S, raw: Record<string, string>, namespace: string, stack: string,
): { [K in keyof S]: S[K] extends SettingSpec<infer T> ? T : never } {
    const problems: string[] = [];
    const values: Record<string, SettingValue> = {};
    const prefix = `${namespace}:`;
    for (const key of Object.keys(raw).filter((k) => k.startsWith(prefix)).sort()) {
        const name = key.slice(prefix.length);
        if (!(name in specs)) {
            problems.push(`${key} is not a known setting; remove it or use one of the settings declared in Pulumi.yaml`);
        }
    }
    for (const [name, spec] of Object.entries(specs)) {
        const path = `${prefix}${name}`;
        const text = raw[path];
        if (text === undefined) {
            problems.push(`${path} is missing: declare it with a default in Pulumi.yaml's config block`);
            continue;
        }
        const parsed = parseValue(spec, text);
        if (typeof parsed === "string" && spec.kind !== "string") {
            problems.push(`${path} = ${JSON.stringify(text)} must be ${parsed}`);
            continue;
        }
        const value = parsed as SettingValue;
        const problem = (spec.rule as ((v: SettingValue) => string | undefined) | undefined)?.(value);
        if (problem) {
            problems.push(`${path} = ${JSON.stringify(value)} must be ${problem}`);
            continue;
        }
        values[name] = value;
    }
    if (problems.length > 0) throw new SettingsError(problems, stack);
    return values as { [K in keyof S]: S[K] extends SettingSpec<infer T> ? T : never };
}

/** Returns the typed value, or (for non-string kinds) a string describing the expected type. */
function parseValue(spec: SettingSpec<never>, text: string): SettingValue | string {
    switch (spec.kind) {
        case "string":
            return text;
        case "integer": {
            const n = Number(text.trim());
            return text.trim() !== "" && Number.isInteger(n) ? n : "an integer";
        }
        case "boolean":
            return text === "true" ? true : text === "false" ? false : "true or false";
        case "stringArray": {
            let parsed: unknown;
            try {
                parsed = JSON.parse(text);
            } catch {
                return "a list of strings, e.g. [aws, gcp]";
            }
            return Array.isArray(parsed) && parsed.every((e) => typeof e === "string")
                ? parsed as string[] : "a list of strings, e.g. [aws, gcp]";
        }
    }
}
