import * as fc from "fast-check";

/**
 * Generators of what a hostile or careless client sends to an HTTP handler, shared by the property
 * suites: arbitrary JSON and bytes, deep nesting, huge strings, prototype keys, lone surrogates, wrong
 * content types, and valid requests with one field broken. Bodies are JSON *texts*, so keys such as
 * `__proto__` reach the handler exactly as a client can send them.
 */

/** Every run of the suites uses this seed (reproducible); FC_SEED overrides it to explore further. */
export const PROPERTY_SEED = Number(process.env.FC_SEED ?? 16);

/**
 * Parameters of one property: the suite's seed, and a report that keeps the counterexample short (a
 * failing 40 KB body must not flood the test output) while naming the seed and path that replay it.
 */
export function runs<T>(numRuns: number): fc.Parameters<T> {
    return {
        seed: PROPERTY_SEED, numRuns, endOnFailure: true,
        reporter: (details) => {
            if (!details.failed) return;
            const example = fc.stringify(details.counterexample);
            throw new Error(`property failed after ${details.numRuns} runs (replay: seed ${details.seed}, path "${details.counterexamplePath}"): ` +
                `${details.errorInstance instanceof Error ? details.errorInstance.message.slice(0, 1500) : String(details.errorInstance)}\n` +
                `counterexample (${example.length} characters): ${example.slice(0, 600)}`);
        },
    };
}

/** A single UTF-16 surrogate with no partner: valid in a JS string and in JSON (`\ud800`), not in UTF-8. */
export const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code));

/** A string holding at least one lone surrogate somewhere. */
export const stringWithLoneSurrogate = fc.tuple(fc.string({ maxLength: 20 }), loneSurrogate, fc.string({ maxLength: 20 }))
    .map(([before, surrogate, after]) => `${before}${surrogate}${after}`);

/** JSON text of arrays or objects nested `depth` levels deep. */
export const deepNesting = fc.tuple(fc.integer({ min: 17, max: 8000 }), fc.boolean())
    .map(([depth, objects]) => objects ? `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}` : `${"[".repeat(depth)}${"]".repeat(depth)}`);

/** A string far longer than any field allows (sometimes longer than any body limit). */
export const hugeString = fc.tuple(fc.integer({ min: 300, max: 70_000 }), fc.constantFrom("x", "é", "😀", " "))
    .map(([length, unit]) => unit.repeat(length));

/** Keys that touch Object.prototype when a parser or a schema is careless with them. */
const PROTOTYPE_KEYS = ["__proto__", "constructor", "prototype", "hasOwnProperty", "toString", "__defineGetter__"];

export const prototypeKey = fc.constantFrom(...PROTOTYPE_KEYS);

/** The prototype key a JSON text quotes first, or "" when it quotes none. */
export function prototypeKeyIn(jsonText: string): string {
    const found = PROTOTYPE_KEYS.map((key) => ({ key, at: jsonText.indexOf(`"${key}"`) })).filter(({ at }) => at >= 0);
    return found.sort((a, b) => a.at - b.at)[0]?.key ?? "";
}

/** Content types a client may send instead of application/json (undefined: no header). */
export const wrongContentType = fc.constantFrom("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
    "application/jsonp", "application/xml", "", "json", "text/json", undefined);

/** Any JSON value as text, scalars and containers, including unusual but valid numbers and escapes. */
export const anyJsonText = fc.oneof(fc.json({ maxDepth: 4 }), fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)));

/** Text that may or may not be JSON, in any Unicode (lone surrogates included). */
export const anyText = fc.oneof(fc.string({ unit: "binary", maxLength: 200 }), fc.string({ maxLength: 200 }), stringWithLoneSurrogate);

/** Raw bytes: most are not UTF-8, some are. */
export const anyBytes = fc.uint8Array({ maxLength: 2000 });

/** A JSON object text with one entry whose key is a prototype key and whose value is any JSON value. */
export function withPrototypeKey(valid: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<string> {
    return fc.tuple(valid, prototypeKey, fc.jsonValue({ maxDepth: 2 }), fc.boolean()).map(([object, key, value, nested]) => {
        const entry = `${JSON.stringify(key)}:${JSON.stringify(value)}`;
        const text = JSON.stringify(object);
        if (nested) {
            // Inside the first object-valued field when there is one, else at the top.
            const match = /:\{/.exec(text);
            if (match) return `${text.slice(0, match.index + 2)}${entry}${text[match.index + 2] === "}" ? "" : ","}${text.slice(match.index + 2)}`;
        }
        return `{${entry}${text === "{}" ? "" : ","}${text.slice(1)}`;
    });
}

/** A valid request with one field replaced by a hostile value (JSON text). */
export function withOneFieldBroken(valid: fc.Arbitrary<Record<string, unknown>>, fields: readonly string[]): fc.Arbitrary<{ field: string; text: string }> {
    const hostileValue = fc.oneof(
        stringWithLoneSurrogate.map((s) => JSON.stringify(s)),
        hugeString.map((s) => JSON.stringify(s)),
        deepNesting,
        fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)),
    );
    return fc.tuple(valid, fc.constantFrom(...fields), hostileValue).map(([object, field, value]) => {
        const rest = Object.fromEntries(Object.entries(object).filter(([key]) => key !== field));
        const text = JSON.stringify(rest);
        return { field, text: `{${JSON.stringify(field)}:${value}${text === "{}" ? "" : ","}${text.slice(1)}` };
    });
}
