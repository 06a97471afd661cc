import * as nodeModule from "node:module";

/**
 * Process settings of an offline plan (the CLI and the benchmark's plan probe use the same ones, so what
 * the bench times is what `npm run plan` runs).
 */
export function configurePlanProcess(verbose: boolean): void {
    // Start-up: the Pulumi SDKs are large; V8's on-disk compile cache spares recompiling them on every plan.
    nodeModule.enableCompileCache?.();
    if (!verbose) {
        // The Pulumi SDK records a stack trace for every promise it makes. With source maps on (tsx turns
        // them on) each trace costs a source-map lookup, and any trace costs time and memory: a third of the
        // program's time on a large stack. Traces matter only with --verbose (resource source positions are
        // unaffected: the SDK lifts the limit itself when it reads them).
        process.setSourceMapsEnabled(false);
        Error.stackTraceLimit = 0;
    }
    // A failing program rejects several of the Pulumi runtime's promises with the same error; the plan
    // reports it once (exit 2), so the copies nobody awaits must not crash the process with a stack trace.
    process.on("unhandledRejection", () => undefined);
}
