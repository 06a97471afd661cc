/**
 * Node reports a throw in a timer or event handler as an uncaught exception and a promise nobody awaits
 * as an unhandled rejection; Pulumi's runner fails the program on either, and on a program that exits
 * before it finished. While a program runs, all three go to the run instead of crashing the process,
 * being ignored, or ending the plan without a report.
 */
let active: ((error: unknown) => void) | undefined;

/** A program called `process.exit` while it ran: under the CLI its process would end there, unfinished. */
export class ProgramExitError extends Error {
    constructor(readonly code: number) {
        super(`it called process.exit(${code}) before it finished`);
        this.name = "ProgramExitError";
    }
}

/** Routes uncaught errors (and `process.exit`) to `onError` until the returned function is called. */
export function captureUncaughtErrors(onError: (error: unknown) => void): () => void {
    active = onError;
    const listener = (error: unknown) => active?.(error);
    process.on("uncaughtException", listener);
    process.on("unhandledRejection", listener);
    const exit = process.exit;
    process.exit = ((code?: number | string | null) => {
        const error = new ProgramExitError(Number(code ?? process.exitCode ?? 0));
        onError(error);
        // process.exit never returns: stop the program's code here too.
        throw error;
    }) as typeof process.exit;
    return () => {
        process.exit = exit;
        process.off("uncaughtException", listener);
        process.off("unhandledRejection", listener);
        active = undefined;
    };
}

/** True while a program run captures uncaught errors (process-wide handlers then leave them to it). */
export function programIsRunning(): boolean {
    return active !== undefined;
}
