/** Where the plan writes what is not its report. */
interface Writer {
    write(text: string): unknown;
}

/**
 * Sends what the program prints to stdout (console.log) to `diagnostics` until the returned function is
 * called: stdout carries only the plan's report (one JSON document with --json), as `pulumi preview`
 * shows a program's output as diagnostics, apart from its result.
 */
export function divertProgramOutput(diagnostics: Writer): () => void {
    const write = process.stdout.write;
    process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
        diagnostics.write(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
        const callback = rest.find((arg): arg is (error?: Error | null) => void => typeof arg === "function");
        callback?.(null);
        return true;
    }) as typeof process.stdout.write;
    return () => {
        process.stdout.write = write;
    };
}
