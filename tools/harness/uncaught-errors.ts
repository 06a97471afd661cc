/**
 * Node reports a throw in a timer or event handler as an uncaught exception and a promise nobody awaits
 * as an unhandled rejection; Pulumi's runner fails the program on either. While a program runs, both go
 * to the run instead of crashing the process (or, for rejections, being ignored).
 */
let active: ((error: unknown) => void) | undefined;

/** Routes uncaught errors to `onError` until the returned function is called. */
export function captureUncaughtErrors(onError: (error: unknown) => void): () => void {
    active = onError;
    const listener = (error: unknown) => active?.(error);
    process.on("uncaughtException", listener);
    process.on("unhandledRejection", listener);
    return () => {
        process.off("uncaughtException", listener);
        process.off("unhandledRejection", listener);
        active = undefined;
    };
}

/** True while a program run captures uncaught errors (process-wide handlers then leave them to it). */
export function programIsRunning(): boolean {
    return active !== undefined;
}
