/** Environment variables that size the generated scale program (bench inputs, not stack config). */
export const FUNCTION_COUNT_ENV = "BENCH_SCALE_FUNCTIONS";
export const CODE_ZIP_ENV = "BENCH_SCALE_ZIP";
/**
 * Set by `npm run bench -- --plan-stack-trace-limit N`: overrides the Error.stackTraceLimit the plan process
 * sets for itself (0 unless --verbose), to measure what stack traces cost.
 */
export const STACK_TRACE_LIMIT_ENV = "BENCH_PLAN_STACK_TRACE_LIMIT";
