/** Environment variables that size the generated scale program (bench inputs, not stack config). */
export const FUNCTION_COUNT_ENV = "BENCH_SCALE_FUNCTIONS";
export const CODE_ZIP_ENV = "BENCH_SCALE_ZIP";
/** Resources one generated function registers (see scale-program.ts), and those shared by all of them. */
export const RESOURCES_PER_FUNCTION = 13;
/**
 * Set by `npm run bench -- --plan-stack-trace-limit N`: Error.stackTraceLimit of the plan process. An
 * experiment (the Pulumi SDK records a stack trace for every promise it makes), not what `npm run plan` does.
 */
export const STACK_TRACE_LIMIT_ENV = "BENCH_PLAN_STACK_TRACE_LIMIT";
