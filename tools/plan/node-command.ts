import * as path from "node:path";

/**
 * How `npm run plan` starts Node (package.json's `plan` script, checked by a test): a larger young
 * generation (far less garbage collection on large stacks) and the plan's module loader (node-loader.cjs).
 * The benchmark and the tests start plans with the same arguments, by absolute path.
 */
export const PLAN_NODE_FLAGS = ["--max-semi-space-size=64"] as const;
export const PLAN_LOADER = path.join(__dirname, "node-loader.cjs");

/** Node's arguments before the plan's entry file, the loader by absolute path (any working directory). */
export function planNodeArguments(): string[] {
    return [...PLAN_NODE_FLAGS, "--require", PLAN_LOADER];
}
