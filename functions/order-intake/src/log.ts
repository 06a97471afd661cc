import { InvocationContext } from "@azure/functions";

export type LogLevel = "DEBUG" | "INFO" | "WARN" | "ERROR";

const LEVEL_ORDER: readonly LogLevel[] = ["DEBUG", "INFO", "WARN", "ERROR"];

export type LogFields = Record<string, string | number | boolean | undefined>;

/** One JSON object per log line, so Application Insights queries can `parse_json(message)` (the seed's rule). */
export interface StructuredLogger {
    debug(message: string, fields?: LogFields): void;
    info(message: string, fields?: LogFields): void;
    warn(message: string, fields?: LogFields): void;
    error(message: string, fields?: LogFields): void;
}

/** Reads LOG_LEVEL as the stack sets it (DEBUG in dev, INFO in production); anything else means INFO. */
export function logLevelFrom(value: string | undefined): LogLevel {
    const upper = value?.toUpperCase();
    return LEVEL_ORDER.find((level) => level === upper) ?? "INFO";
}

/**
 * Writes through the invocation context (not console) so the host tags each line with the invocation and
 * maps the level to the trace severity; lines below `minimumLevel` are dropped.
 */
export function structuredLogger(context: InvocationContext, minimumLevel: LogLevel): StructuredLogger {
    const write = (level: LogLevel, message: string, fields: LogFields = {}) => {
        if (LEVEL_ORDER.indexOf(level) < LEVEL_ORDER.indexOf(minimumLevel)) return;
        const line = JSON.stringify({
            level,
            function: context.functionName,
            invocationId: context.invocationId,
            message,
            ...fields,
        });
        const sinks = { DEBUG: context.debug, INFO: context.info, WARN: context.warn, ERROR: context.error };
        sinks[level].call(context, line);
    };
    return {
        debug: (message, fields) => write("DEBUG", message, fields),
        info: (message, fields) => write("INFO", message, fields),
        warn: (message, fields) => write("WARN", message, fields),
        error: (message, fields) => write("ERROR", message, fields),
    };
}

/** The message of anything thrown, for a log field. */
export function errorMessage(error: unknown): string {
    return error instanceof Error ? error.message : String(error);
}
