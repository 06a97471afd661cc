import { parse } from "@aws-lambda-powertools/parser";
import { ApiGatewayV2Envelope } from "@aws-lambda-powertools/parser/envelopes/api-gatewayv2";
import type { APIGatewayProxyEventV2 } from "aws-lambda";
import type { z } from "zod";
import { BODY_FIELD, decodeUtf8, jsonText, Parsed, Problem, problemsFrom } from "../../contracts/schemas/bounds";

/** Why a request was refused before any work: the status to answer and the problems to name. */
export interface Refusal {
    status: 400 | 413 | 415;
    problems: Problem[];
}

export type BodyResult<T> = { ok: true; value: T } | { ok: false; refusal: Refusal };

const refuse = (status: Refusal["status"], field: string, message: string): BodyResult<never> =>
    ({ ok: false, refusal: { status, problems: [{ field, message }] } });

/** The event an HTTP API (payload 2.0) sent, whose envelope itself failed its schema: not a client error. */
export class MalformedEventError extends Error {
    override name = "MalformedEventError";
}

/**
 * The JSON body of an HTTP API event, parsed with the Powertools parser's API Gateway v2 envelope and the
 * request's zod schema, within bounds: at most `maxBytes` bytes, UTF-8, sent as application/json, nested
 * at most BODY_LIMITS.maxDepth levels. Problems in the body name their field; an envelope that does not
 * match API Gateway's own schema is thrown, since no client can cause it.
 */
export function parseHttpApiBody<T extends z.ZodType>(event: APIGatewayProxyEventV2, schema: T, maxBytes: number): BodyResult<z.output<T>> {
    const raw = event.body ?? "";
    const bytes = event.isBase64Encoded ? Buffer.from(raw, "base64") : Buffer.from(raw, "utf8");
    if (bytes.byteLength > maxBytes) return refuse(413, BODY_FIELD, `is ${bytes.byteLength} bytes; the limit is ${maxBytes} bytes`);
    if (raw !== "" && !isJsonContentType(event.headers?.["content-type"])) {
        return refuse(415, "headers.content-type", "must be application/json");
    }
    const text: Parsed<string> = event.isBase64Encoded ? decodeUtf8(bytes) : { ok: true, value: raw };
    if (!text.ok) return { ok: false, refusal: { status: 400, problems: text.problems } };
    const result = parse({ ...event, body: text.value, isBase64Encoded: false }, ApiGatewayV2Envelope, jsonText(schema), true);
    if (result.success) return { ok: true, value: result.data as z.output<T> };
    const issues = (result.error.cause as z.ZodError).issues;
    if (issues.some((issue) => issue.path[0] !== "body")) {
        throw new MalformedEventError(`the event is not an HTTP API payload 2.0 event: ${problemsFrom(issues).map((p) => p.field).join(", ")}`);
    }
    return { ok: false, refusal: { status: 400, problems: problemsFrom(issues, ["body"]) } };
}

function isJsonContentType(value: string | undefined): boolean {
    return value !== undefined && /^application\/json\s*(;|$)/i.test(value);
}
