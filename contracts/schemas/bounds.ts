import sjson from "secure-json-parse";
// zod/mini through ./zod (see there why); a namespace import, so the bundler keeps only the functions in use.
import * as z from "./zod";

/**
 * Limits every request and message body meets before any schema sees it. The largest legitimate body
 * (an order of 50 lines, a saga state after five steps) is a few KB and 4 levels deep; these bounds
 * leave ample room for it and none for a body built to exhaust the stack or the heap.
 */
export const BODY_LIMITS = {
    /** Nesting depth of objects and arrays: `{"a": [1]}` is 2 deep. */
    maxDepth: 16,
} as const;

/** A problem with one field of a request; `field` is a path such as `items[0].sku`, or `body` for the whole. */
export interface Problem {
    field: string;
    message: string;
}

/** The JSON error every handler answers a client error with: a summary plus one entry per field. */
export interface ClientErrorBody {
    error: string;
    problems: Problem[];
}

export function clientErrorBody(problems: readonly Problem[], summary = "invalid request"): ClientErrorBody {
    const first = problems[0];
    return { error: first ? `${summary}: ${first.field} ${first.message}` : summary, problems: [...problems] };
}

/** The root of a body in a problem's `field`. */
export const BODY_FIELD = "body";

export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

const bodyProblem = (message: string): Parsed<never> => ({ ok: false, problems: [{ field: BODY_FIELD, message }] });

/** ES2024's String.prototype.isWellFormed (Node 22 has it; the project compiles against the ES2023 lib). */
const nativeIsWellFormed = (String.prototype as unknown as { isWellFormed(this: string): boolean }).isWellFormed;

/** True when the string holds no lone UTF-16 surrogate (which no UTF-8 store or JSON encoder round-trips). */
export function isWellFormed(value: string): boolean {
    return nativeIsWellFormed.call(value);
}

const fatalUtf8 = new TextDecoder("utf-8", { fatal: true });

/** The body's bytes as text; invalid UTF-8 is a client error rather than silently replaced. */
export function decodeUtf8(bytes: Uint8Array): Parsed<string> {
    try {
        return { ok: true, value: fatalUtf8.decode(bytes) };
    } catch {
        return bodyProblem("is not valid UTF-8");
    }
}

/**
 * Nesting depth of a JSON text, found by one scan of the characters (never by recursion), stopping as
 * soon as it passes `limit`. Brackets inside strings do not count.
 */
export function jsonDepthExceeds(text: string, limit: number): boolean {
    let depth = 0;
    let inString = false;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (inString) {
            if (c === 0x5c) i++; // backslash: skip the escaped character
            else if (c === 0x22) inString = false;
        } else if (c === 0x22) {
            inString = true;
        } else if (c === 0x5b || c === 0x7b) {
            if (++depth > limit) return true;
        } else if (c === 0x5d || c === 0x7d) {
            depth--;
        }
    }
    return false;
}

/**
 * Parses a JSON body within BODY_LIMITS: its depth is checked before anything is built, and a
 * `__proto__` key is refused (secure-json-parse, as fastify parses), so no schema ever sees one.
 */
export function parseJsonText(text: string, maxDepth: number = BODY_LIMITS.maxDepth): Parsed<unknown> {
    if (text.trim() === "") return bodyProblem("is required: send a JSON object");
    if (jsonDepthExceeds(text, maxDepth)) return bodyProblem(`nests deeper than ${maxDepth} levels`);
    let value: unknown;
    try {
        value = JSON.parse(text);
    } catch {
        return bodyProblem("is not valid JSON");
    }
    try {
        if (typeof value === "object" && value !== null) sjson.scan(value, { protoAction: "error", constructorAction: "error" });
        return { ok: true, value };
    } catch {
        return bodyProblem("holds a __proto__ key (or constructor.prototype), which is never accepted");
    }
}

/**
 * A JSON text as a zod schema (the Powertools parser's `JSONStringified`, with the depth bound): for a
 * body inside an event envelope (API Gateway, SQS, SNS) that arrives as a string.
 */
export function jsonText<T extends z.core.$ZodType>(schema: T, maxDepth: number = BODY_LIMITS.maxDepth) {
    const parsed = z.transform((text: string, ctx) => {
        const json = parseJsonText(text, maxDepth);
        if (json.ok) return json.value;
        for (const problem of json.problems) ctx.issues.push({ code: "custom", message: problem.message, input: text });
        return z.NEVER;
    });
    return z.pipe(z.pipe(z.string(), parsed), schema);
}

/** A string of bounded length that is well-formed Unicode. */
export function text(options: { min?: number; max: number; what?: string }) {
    const min = options.min ?? 1;
    const what = options.what ?? "a string";
    const shape = `must be ${what} of ${min} to ${options.max} characters`;
    // A length problem aborts the string's later checks (a lone surrogate in a too-long string is one problem).
    return z.string({ error: shape }).check(
        z.minLength(min, { error: shape, abort: true }),
        z.maxLength(options.max, { error: shape, abort: true }),
        z.refine(isWellFormed, { error: "must be well-formed Unicode (it holds a lone UTF-16 surrogate)", abort: true }),
    );
}

/** A string matching a pattern (which bounds its length), well-formed by construction of the pattern. */
export function pattern(regex: RegExp, shape: string) {
    return z.string({ error: `must be ${shape}` }).check(z.regex(regex, `must be ${shape}`));
}

type PathKey = PropertyKey | { key: PropertyKey };

/** `["items", 0, "sku"]` -> `items[0].sku`; the empty path is the whole body. */
export function fieldPath(path: readonly PathKey[] | undefined): string {
    let field = "";
    for (const segment of path ?? []) {
        const key = typeof segment === "object" && segment !== null ? segment.key : segment;
        field += typeof key === "number" ? `[${key}]` : `${field === "" ? "" : "."}${String(key)}`;
    }
    return field === "" ? BODY_FIELD : field;
}

interface IssueLike {
    path?: readonly PathKey[];
    message: string;
    code?: string;
    keys?: readonly string[];
}

/**
 * Problems from schema issues (zod's or any Standard Schema's), one per field: the first issue of a field
 * wins (zod may add a length issue after the type issue of the same value). An unknown key is named itself.
 * `dropPrefix` removes the envelope's own path (e.g. `body` of an API Gateway event).
 */
export function problemsFrom(issues: readonly IssueLike[], dropPrefix: readonly PropertyKey[] = []): Problem[] {
    const problems = issues.flatMap((issue) => {
        const path = [...(issue.path ?? [])];
        const startsWithPrefix = dropPrefix.every((key, i) => {
            const segment = path[i];
            return (typeof segment === "object" && segment !== null ? segment.key : segment) === key;
        });
        const relative = startsWithPrefix ? path.slice(dropPrefix.length) : path;
        if (issue.code === "unrecognized_keys" && issue.keys) {
            return issue.keys.map((key) => ({ field: fieldPath([...relative, key]), message: "is not a known field" }));
        }
        return [{ field: fieldPath(relative), message: issue.message }];
    });
    const fields = new Set<string>();
    return problems.filter((problem) => !fields.has(problem.field) && fields.add(problem.field) !== undefined);
}
