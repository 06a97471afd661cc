import { parse } from "@aws-lambda-powertools/parser";
import type { APIGatewayProxyEventV2 } from "aws-lambda";
import type * as z from "../../contracts/schemas/zod";
import { BODY_FIELD, decodeUtf8, jsonText, Parsed, Problem, problemsFrom } from "../../contracts/schemas/bounds";

/** Why a request was refused before any work: the status to answer and the problems to name. */
export interface Refusal {
    status: 400 | 413 | 415;
    problems: Problem[];
}

export type BodyResult<T> = { ok: true; value: T } | { ok: false; refusal: Refusal };

const refuse = (status: Refusal["status"], field: string, message: string): BodyResult<never> =>
    ({ ok: false, refusal: { status, problems: [{ field, message }] } });

/**
 * The JSON body of an HTTP API event, parsed with the Powertools parser and the request's zod schema,
 * within bounds: at most `maxBytes` bytes, UTF-8, sent as application/json, nested at most
 * BODY_LIMITS.maxDepth levels. Problems name their field.
 *
 * Not through the parser's ApiGatewayV2Envelope: its event schemas import zod as the `z` namespace
 * object, which keeps all of zod in the bundle, its 40 locales included (+470 KB, about +30 ms of CPU
 * at every cold start, measured), to check an event API Gateway itself built. Only the body, which the
 * client wrote, is checked.
 */
export function parseHttpApiBody<T extends z.core.$ZodType>(event: APIGatewayProxyEventV2, schema: T, maxBytes: number): BodyResult<z.output<T>> {
    const raw = event.body ?? "";
    const bytes = event.isBase64Encoded ? Buffer.from(raw, "base64") : Buffer.from(raw, "utf8");
    if (bytes.byteLength > maxBytes) return refuse(413, BODY_FIELD, `is ${bytes.byteLength} bytes; the limit is ${maxBytes} bytes`);
    if (raw !== "" && !isJsonContentType(event.headers?.["content-type"])) {
        return refuse(415, "headers.content-type", "must be application/json");
    }
    const text: Parsed<string> = event.isBase64Encoded ? decodeUtf8(bytes) : { ok: true, value: raw };
    if (!text.ok) return { ok: false, refusal: { status: 400, problems: text.problems } };
    const result = parse(text.value, undefined, jsonText(schema), true);
    if (result.success) return { ok: true, value: result.data as z.output<T> };
    return { ok: false, refusal: { status: 400, problems: problemsFrom(result.error.cause as readonly z.core.$ZodIssue[]) } };
}

function isJsonContentType(value: string | undefined): boolean {
    return value !== undefined && /^application\/json\s*(;|$)/i.test(value);
}
