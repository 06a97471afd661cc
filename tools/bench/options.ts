import { parseArgs } from "node:util";

export interface BenchOptions {
    /** Timed cold starts per package (the issue asks for at least 15). */
    coldStartRuns: number;
    /** Function counts of the generated scale program, ascending. */
    scaleSizes: number[];
    /** Overrides the Error.stackTraceLimit of the plan processes; undefined keeps the plan's own (0 unless --verbose). */
    planStackTraceLimit?: number;
    /** Base name of the result files in bench/: `<name>.json` and `<name>.md`. */
    resultsName: string;
    /** `--peer DIR`: the folder of the cdk-nag peer app (npm-installed), run at every scale size. */
    peerDir?: string;
    /** `--skip-handlers`: no package sizes or cold starts (the plan and scale measurements only). */
    skipHandlers?: boolean;
}

export const BENCH_USAGE = "usage: npm run bench -- [--runs N (default 15)] [--sizes 10,100,1000] [--plan-stack-trace-limit N] " +
    "[--results NAME (default results)] [--peer DIR] [--skip-handlers]";
const DEFAULTS: BenchOptions = { coldStartRuns: 15, scaleSizes: [10, 100, 1000], resultsName: "results" };

/** A command line the bench cannot run; the message says what to type instead. */
export class BenchUsageError extends Error {
    constructor(message: string) {
        super(`${message}; ${BENCH_USAGE}`);
        this.name = "BenchUsageError";
    }
}

export function parseBenchOptions(argv: readonly string[]): BenchOptions {
    let values: { runs?: string; sizes?: string; "plan-stack-trace-limit"?: string; results?: string; peer?: string; "skip-handlers"?: boolean };
    try {
        values = parseArgs({ args: [...argv], strict: true, options: {
            runs: { type: "string" }, sizes: { type: "string" }, "plan-stack-trace-limit": { type: "string" }, results: { type: "string" },
            peer: { type: "string" }, "skip-handlers": { type: "boolean" },
        } }).values;
    } catch (error) {
        throw new BenchUsageError((error as Error).message.split("\n")[0]);
    }
    const coldStartRuns = values.runs === undefined ? DEFAULTS.coldStartRuns : wholeNumber(values.runs, "--runs");
    const scaleSizes = values.sizes === undefined ? DEFAULTS.scaleSizes
        : values.sizes.split(",").map((size) => wholeNumber(size.trim(), "--sizes"));
    if (scaleSizes.some((size, index) => index > 0 && size <= scaleSizes[index - 1])) {
        throw new BenchUsageError(`--sizes ${values.sizes} must list function counts in ascending order`);
    }
    const resultsName = values.results ?? DEFAULTS.resultsName;
    if (!/^[a-z0-9][a-z0-9-]*$/.test(resultsName)) {
        throw new BenchUsageError(`--results "${resultsName}" must be a file name of lowercase letters, digits and "-" (no extension)`);
    }
    const limit = values["plan-stack-trace-limit"];
    return {
        coldStartRuns,
        scaleSizes,
        resultsName,
        ...(limit === undefined ? {} : { planStackTraceLimit: wholeNumber(limit, "--plan-stack-trace-limit") }),
        ...(values.peer === undefined ? {} : { peerDir: values.peer }),
        ...(values["skip-handlers"] ? { skipHandlers: true } : {}),
    };
}

function wholeNumber(text: string, flag: string): number {
    const value = Number(text);
    if (!/^\d+$/.test(text) || value < 1) throw new BenchUsageError(`${flag} ${JSON.stringify(text)} must be a whole number of at least 1`);
    return value;
}
