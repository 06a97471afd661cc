import { strict as assert } from "node:assert";

/** A response as the property suites see it, whatever the handler's own response type. */
export interface ObservedResponse {
    status: number;
    contentType: string | undefined;
    bodyText: string;
}

/**
 * What a response may never show unless the request itself contained it: stack frames, source or
 * package paths, and error class names.
 */
const INTERNALS: readonly RegExp[] = [
    /\bat [\w.<>$]+ \(/g,
    /\n\s+at /g,
    /[\w.-]*\/[\w./-]*\.(?:ts|js|cjs|mjs)\b/g,
    /node_modules/g,
    /file:\/\//g,
    /\b[A-Z][A-Za-z0-9]*(?:Error|Exception)\b/g,
    /\bFST_ERR_\w+/g,
    /\bstack\b/gi,
];

export interface Problem { field: string; message: string }

/**
 * The contract every HTTP handler keeps towards clients, whatever they send: never a 5xx for a client
 * error, never internals in the body, and a 4xx is JSON `{ error, problems: [{ field, message }] }`
 * naming at least one field. Returns the problems of a 4xx (empty for a success).
 */
export function assertClientContract(response: ObservedResponse, request: string, what: string): Problem[] {
    assert.ok(response.status < 500, `${what}: status ${response.status} for a client's request; body ${response.bodyText.slice(0, 300)}`);
    assert.match(response.contentType ?? "", /^application\/json/i, `${what}: content type ${response.contentType}`);
    let body: unknown;
    assert.doesNotThrow(() => { body = JSON.parse(response.bodyText); }, `${what}: the body is not JSON: ${response.bodyText.slice(0, 300)}`);
    for (const pattern of INTERNALS) {
        for (const match of response.bodyText.matchAll(pattern)) {
            assert.ok(request.includes(match[0]), `${what}: the body shows internals (${JSON.stringify(match[0])}): ${response.bodyText.slice(0, 300)}`);
        }
    }
    if (response.status < 400) return [];
    const error = body as { error?: unknown; problems?: unknown };
    assert.equal(typeof error.error, "string", `${what}: no "error" string in ${response.bodyText.slice(0, 300)}`);
    assert.ok(Array.isArray(error.problems) && error.problems.length > 0, `${what}: no problems in ${response.bodyText.slice(0, 300)}`);
    for (const problem of error.problems as Problem[]) {
        assert.ok(typeof problem.field === "string" && problem.field !== "", `${what}: a problem names no field: ${JSON.stringify(problem)}`);
        assert.ok(typeof problem.message === "string" && problem.message !== "", `${what}: a problem has no message: ${JSON.stringify(problem)}`);
    }
    return error.problems as Problem[];
}

/** The problems name this field (or, for a body that never reached the schema, the body as a whole). */
export function assertNames(problems: readonly Problem[], fields: readonly string[], what: string): void {
    assert.ok(problems.some((problem) => fields.includes(problem.field)),
        `${what}: expected a problem naming ${fields.join(" or ")}, got ${JSON.stringify(problems)}`);
}
