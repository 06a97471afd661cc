import * as nodeModule from "node:module";

/**
 * Frames kept per stack trace when not --verbose: enough to reach the program's own frame under a
 * library's (a failure is reported at the program's file and line), far fewer than a full trace.
 */
const STACK_FRAMES = 30;

/**
 * Process settings of an offline plan (the CLI and the benchmark's plan probe use the same ones, so what
 * the bench times is what `npm run plan` runs).
 */
export function configurePlanProcess(verbose: boolean): void {
    // Start-up: the Pulumi SDKs are large; V8's on-disk compile cache spares recompiling them on every plan.
    nodeModule.enableCompileCache?.();
    if (!verbose) {
        // The Pulumi SDK records a stack trace for every resource. With source maps on (tsx turns them on)
        // each trace costs a source-map lookup per frame: a large part of the program's time on a large
        // stack. A failure's line is mapped by the harness instead (program-location.ts); --verbose keeps
        // Node's source-mapped traces.
        process.setSourceMapsEnabled(false);
        Error.stackTraceLimit = STACK_FRAMES;
    }
}
