import * as path from "node:path";

/**
 * How `npm run plan` starts Node (package.json's `plan` script, checked by a test), and the benchmark and
 * the tests with it (the loader by absolute path):
 * - a larger young generation: far less garbage collection on large stacks;
 * - the old generation grown by a fixed factor of 2 between full collections, where V8 otherwise lets it
 *   grow up to 4 times: a program's registrations leave most of the heap garbage, and at 1,000 functions
 *   the plan process peaked about 300 MB higher for about 5% less CPU;
 * - the plan's module loader (node-loader.cjs).
 */
export const PLAN_NODE_FLAGS = ["--max-semi-space-size=64", "--heap-growing-percent=100"] as const;
export const PLAN_LOADER = path.join(__dirname, "node-loader.cjs");

/** Node's arguments before the plan's entry file, the loader by absolute path (any working directory). */
export function planNodeArguments(): string[] {
    return [...PLAN_NODE_FLAGS, "--require", PLAN_LOADER];
}
