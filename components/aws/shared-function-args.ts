import { ServerlessFunctionArgs } from "./function";

/**
 * The ServerlessFunction arguments every function of a stack shares, spread into each function's own:
 * `new ServerlessFunction(`${name}-cancel`, { ...shared, code, sizing })`.
 */
export type SharedFunctionArgs = Pick<ServerlessFunctionArgs,
    "environment" | "architecture" | "logLevel" | "logRetentionDays" | "alarms" | "network">;
