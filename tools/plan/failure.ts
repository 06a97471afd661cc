import type { ProgramRunError } from "../harness";
import { StackConfigError } from "../harness/stack-config";
import { PolicyConfigError } from "../policy-pack";
import { UsageError } from "./options";

/**
 * The one line a user reads when the plan cannot run (exit 2): the user's own error for a failing program
 * (a settings error names the key path), the file and key for a config error. Stack trace only with --verbose.
 */
export function describeFailure(error: unknown, verbose: boolean): string {
    const programFailed = isProgramRunError(error);
    const cause = programFailed ? error.cause : error;
    const known = error instanceof UsageError || error instanceof StackConfigError || error instanceof PolicyConfigError;
    const message = cause instanceof Error ? cause.message : String(cause);
    const prefix = programFailed ? "the program failed: " : known ? "" : "the plan failed: ";
    const detail = verbose && cause instanceof Error && cause.stack ? `\n${cause.stack}` : "";
    return `error: ${prefix}${message}${detail}\n`;
}

/** By name: importing the class would load the Pulumi SDK before the policy pack starts (see run-plan.ts). */
function isProgramRunError(error: unknown): error is ProgramRunError {
    return error instanceof Error && error.name === "ProgramRunError";
}
