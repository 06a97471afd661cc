import type { ProgramRunError } from "../harness";
import { programLocation, programMessage } from "../harness/program-location";
import { StackConfigError } from "../harness/stack-config";
import { PolicyConfigError } from "../policy-pack";
import { UsageError } from "./options";
import { shownPath } from "./program-target";

/**
 * What a user reads when the plan cannot run (exit 2): for a failing program its own message and the
 * program's file and line (a settings error names the key path), the file and key for a config error.
 * No stack trace or internal path unless `verbose`. `startDir` makes the program's file relative.
 */
export function describeFailure(error: unknown, verbose: boolean, startDir: string): string {
    if (isProgramRunError(error)) return describeProgramFailure(error.cause, verbose, startDir);
    const known = error instanceof UsageError || error instanceof StackConfigError || error instanceof PolicyConfigError;
    const message = error instanceof Error ? error.message : String(error);
    const detail = verbose && error instanceof Error && error.stack ? `\n${error.stack}` : "";
    return `error: ${known ? "" : "the plan failed: "}${message}${detail}\n`;
}

/** A program failure reported outside a run too (a throw in a timer after its last registration). */
export function describeProgramFailure(cause: unknown, verbose: boolean, startDir: string): string {
    const detail = verbose && cause instanceof Error && cause.stack ? `\n${cause.stack}` : "";
    // Pulumi's runner prints a RunError's message alone: the program raised it to tell the user what to fix.
    if (isRunError(cause)) return `error: ${cause.message}${detail}\n`;
    const location = programLocation(cause);
    const where = location ? `\n  location: ${shownPath(location.file, startDir)}:${location.line}:${location.column}` : "";
    const hint = isMissingModule(cause) ? "\n  hint: install the program's dependencies (npm install in its folder)" : "";
    return `error: the program failed: ${programMessage(cause)}${where}${hint}${detail}\n`;
}

/** `pulumi.RunError`, recognised as the SDK recognises it (by its marker: the program may load another SDK copy). */
function isRunError(error: unknown): error is Error {
    return error instanceof Error && (error as { __pulumiRunError?: unknown }).__pulumiRunError === true;
}

function isMissingModule(error: unknown): boolean {
    return error instanceof Error && (error as NodeJS.ErrnoException).code === "MODULE_NOT_FOUND";
}

/** By name: importing the class would load the Pulumi SDK before the policy pack starts (see run-plan.ts). */
function isProgramRunError(error: unknown): error is ProgramRunError {
    return error instanceof Error && error.name === "ProgramRunError";
}
