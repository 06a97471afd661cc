import { parseTraceParentHeader, parseXCloudTraceHeader } from "@google-cloud/logging/build/src/utils/context";
import { createGcpLoggingPinoConfig } from "@google-cloud/pino-logging-gcp-config";
import { pino, type DestinationStream, type Logger } from "pino";

export const LOG_LEVELS = ["DEBUG", "INFO", "WARN", "ERROR"] as const;
export type LogLevel = typeof LOG_LEVELS[number];

export interface LoggerOptions {
    level: LogLevel;
    /** Forms the trace resource name (`projects/<id>/traces/<trace>`); without it lines carry the bare trace id. */
    projectId?: string;
    /** Where lines go; stdout (written synchronously, so nothing is lost when the process exits) by default. */
    destination?: DestinationStream;
}

/**
 * pino configured for Cloud Logging by Google's own config (@google-cloud/pino-logging-gcp-config):
 * `severity`, `message`, `timestamp`, and the `logging.googleapis.com/trace` fields made from the
 * `trace_id`, `span_id` and `trace_flags` a request's child logger carries (see traceBindings).
 */
export function createLogger(options: LoggerOptions): Logger {
    const config = createGcpLoggingPinoConfig({
        // Both given, so the config never probes the metadata server for them.
        serviceContext: { service: "churn-api" },
        traceGoogleCloudProjectId: options.projectId ?? "",
        inihibitDiagnosticMessage: true,
    }, { level: options.level.toLowerCase() });
    return pino(config, options.destination ?? pino.destination({ sync: true }));
}

/** The log bindings that attach a request's lines to its trace. */
export interface TraceBindings {
    trace_id: string;
    span_id?: string;
    /** W3C trace flags as hex; bit 0 set means sampled. */
    trace_flags: string;
}

/**
 * Reads the trace Cloud Run forwards with Google's own header parsers: W3C `traceparent` first, then
 * `X-Cloud-Trace-Context` (`TRACE_ID/SPAN_ID;o=1`, its span id in decimal, which Cloud Logging wants as 16
 * hex digits). Malformed headers are ignored rather than failing a request.
 */
export function traceBindings(headers: Readonly<Record<string, string | string[] | undefined>>): TraceBindings | undefined {
    const wrapper = { getHeader: (name: string) => single(headers[name]), setHeader: () => undefined };
    const w3c = parseTraceParentHeader(wrapper);
    if (w3c?.trace) return { trace_id: w3c.trace, span_id: w3c.spanId, trace_flags: w3c.traceSampled ? "01" : "00" };
    const google = parseXCloudTraceHeader(wrapper);
    if (!google?.trace || !/^[0-9a-f]{32}$/.test(google.trace)) return undefined;
    const spanId = google.spanId && /^\d{1,20}$/.test(google.spanId) ? BigInt(google.spanId).toString(16).padStart(16, "0") : undefined;
    return { trace_id: google.trace, span_id: spanId, trace_flags: google.traceSampled ? "01" : "00" };
}

function single(value: string | string[] | undefined): string | undefined {
    return Array.isArray(value) ? value[0] : value;
}
