/** Environment variables that size the generated scale program (bench inputs, not stack config). */
export const FUNCTION_COUNT_ENV = "BENCH_SCALE_FUNCTIONS";
export const CODE_ZIP_ENV = "BENCH_SCALE_ZIP";
/** Resources one generated function registers (see scale-program.ts), and those shared by all of them. */
export const RESOURCES_PER_FUNCTION = 13;
