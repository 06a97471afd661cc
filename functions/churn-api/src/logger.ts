/**
 * JSON lines on stdout in the shape Cloud Logging parses from Cloud Run: `severity`, `message`, `httpRequest`,
 * and the `logging.googleapis.com/trace` fields that attach a line to the request's trace.
 * https://cloud.google.com/logging/docs/structured-logging
 */

export const LOG_LEVELS = ["DEBUG", "INFO", "WARN", "ERROR"] as const;
export type LogLevel = typeof LOG_LEVELS[number];

/** Cloud Logging's name for each level (it has WARNING, not WARN). */
const SEVERITY: Record<LogLevel, string> = { DEBUG: "DEBUG", INFO: "INFO", WARN: "WARNING", ERROR: "ERROR" };

export interface TraceContext {
    traceId: string;
    spanId?: string;
    sampled: boolean;
}

export type LogFields = Record<string, unknown>;

export interface Logger {
    debug(message: string, fields?: LogFields): void;
    info(message: string, fields?: LogFields): void;
    warn(message: string, fields?: LogFields): void;
    error(message: string, fields?: LogFields): void;
    /** A logger whose lines carry this request's trace. */
    withTrace(trace: TraceContext | undefined): Logger;
}

export interface LoggerOptions {
    level: LogLevel;
    /** Needed to form the trace resource name; without it lines carry no trace link. */
    projectId?: string;
    write?: (line: string) => void;
}

export function createLogger(options: LoggerOptions, trace?: TraceContext): Logger {
    const threshold = LOG_LEVELS.indexOf(options.level);
    const write = options.write ?? ((line: string) => process.stdout.write(line));
    const traceFields = trace && options.projectId ? {
        "logging.googleapis.com/trace": `projects/${options.projectId}/traces/${trace.traceId}`,
        ...(trace.spanId ? { "logging.googleapis.com/spanId": trace.spanId } : {}),
        "logging.googleapis.com/trace_sampled": trace.sampled,
    } : {};
    const log = (level: LogLevel) => (message: string, fields: LogFields = {}) => {
        if (LOG_LEVELS.indexOf(level) < threshold) return;
        write(`${JSON.stringify({ severity: SEVERITY[level], message, time: new Date().toISOString(), ...traceFields, ...fields })}\n`);
    };
    return {
        debug: log("DEBUG"),
        info: log("INFO"),
        warn: log("WARN"),
        error: log("ERROR"),
        withTrace: (next) => createLogger(options, next),
    };
}

/**
 * Reads the trace Cloud Run forwards: W3C `traceparent` first, then Google's `X-Cloud-Trace-Context`
 * (`TRACE_ID/SPAN_ID;o=1`, span id in decimal). Malformed headers are ignored rather than failing a request.
 */
export function traceFromHeaders(headers: Readonly<Record<string, string | string[] | undefined>>): TraceContext | undefined {
    const traceparent = single(headers["traceparent"]);
    const w3c = traceparent && /^[0-9a-f]{2}-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/.exec(traceparent);
    if (w3c) return { traceId: w3c[1], spanId: w3c[2], sampled: (parseInt(w3c[3], 16) & 1) === 1 };
    const cloud = single(headers["x-cloud-trace-context"]);
    const google = cloud && /^([0-9a-f]{32})(?:\/(\d{1,20}))?(?:;o=([01]))?$/.exec(cloud);
    if (google) {
        return {
            traceId: google[1],
            spanId: google[2] ? BigInt(google[2]).toString(16).padStart(16, "0") : undefined,
            sampled: google[3] === "1",
        };
    }
    return undefined;
}

function single(value: string | string[] | undefined): string | undefined {
    return Array.isArray(value) ? value[0] : value;
}
