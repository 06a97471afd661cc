import * as path from "node:path";

/**
 * How `npm run plan` starts Node (package.json's `plan` script, checked by a test), and the benchmark and
 * the tests with it (the loader by absolute path):
 * - a larger young generation: far less garbage collection on large stacks;
 * - the old generation grown by a fixed factor of 1.4 between full collections, where V8 otherwise lets it
 *   grow up to 4 times: a program's registrations leave most of the heap garbage (at 1,000 functions about
 *   200 MB of an 800 MB old generation is alive when the program ends). Measured at 1,000 functions, plan
 *   process peak: V8's own factor about 1.5 GB, 2 about 1.15-1.2 GB, 1.4 about 1.05-1.1 GB, 1.2 0.96 GB;
 *   CPU of all its threads within noise of each other up to 1.4, about 20% more at 1.2;
 * - the plan's module loader (node-loader.cjs).
 */
export const PLAN_NODE_FLAGS = ["--max-semi-space-size=64", "--heap-growing-percent=40"] as const;
export const PLAN_LOADER = path.join(__dirname, "node-loader.cjs");

/** Node's arguments before the plan's entry file, the loader by absolute path (any working directory). */
export function planNodeArguments(): string[] {
    return [...PLAN_NODE_FLAGS, "--require", PLAN_LOADER];
}
