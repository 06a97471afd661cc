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
 * - no full collection before the old generation reaches 900 MB. While a program runs, its pending
 *   registrations are alive and each full collection marks all of them: at 1,000 functions V8 ran about six
 *   during the run, on up to 600 MB alive, mostly on the threads that share the cores with the pack. The plan
 *   gives the program's garbage back in one collection once the run is over (release-memory.ts). Measured
 *   at 1,000 functions (14,002 resources): CPU of both processes about 15% less, peak of both about
 *   1.43 GB instead of 1.25-1.3 GB; a plan of 100 functions never reaches the limit;
 * - the plan's module loader (node-loader.cjs).
 */
export const PLAN_NODE_FLAGS = ["--max-semi-space-size=64", "--heap-growing-percent=40", "--initial-old-space-size=900"] as const;
export const PLAN_LOADER = path.join(__dirname, "node-loader.cjs");

/** Node's arguments before the plan's entry file, the loader by absolute path (any working directory). */
export function planNodeArguments(): string[] {
    return [...PLAN_NODE_FLAGS, "--require", PLAN_LOADER];
}
