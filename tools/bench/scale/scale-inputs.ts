import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";

/** Environment variables that size the generated scale program (bench inputs, not stack config). */
export const FUNCTION_COUNT_ENV = "BENCH_SCALE_FUNCTIONS";
export const CODE_ZIP_ENV = "BENCH_SCALE_ZIP";
/**
 * Set by `npm run bench -- --plan-stack-trace-limit N`: overrides the Error.stackTraceLimit the plan process
 * sets for itself (0 unless --verbose), to measure what stack traces cost.
 */
export const STACK_TRACE_LIMIT_ENV = "BENCH_PLAN_STACK_TRACE_LIMIT";

/** What a generated program reads of its inputs: how many functions, and the zip each ships with its hash. */
export interface ScaleInputs {
    functionCount: number;
    zipPath: string;
    /** Base64 SHA-256 of the zip, as Lambda's `sourceCodeHash` takes it. */
    sha256Base64: string;
}

/** The generated programs' inputs from the environment; a missing or wrong one fails the program with its name. */
export function readScaleInputs(env: NodeJS.ProcessEnv = process.env): ScaleInputs {
    const value = env[FUNCTION_COUNT_ENV];
    const functionCount = Number(value);
    if (!Number.isInteger(functionCount) || functionCount < 1) {
        throw new Error(`${FUNCTION_COUNT_ENV} = ${JSON.stringify(value)} must be a whole number of at least 1`);
    }
    const zipPath = env[CODE_ZIP_ENV];
    if (!zipPath) throw new Error(`${CODE_ZIP_ENV} must name the deployment zip every generated function ships`);
    return { functionCount, zipPath, sha256Base64: createHash("sha256").update(readFileSync(zipPath)).digest("base64") };
}
