import * as path from "node:path";
import { loadStackConfig, ProgramRun, RecordedResource, runProgram } from "../../tools/harness";

export const REPO_ROOT = path.resolve(__dirname, "..", "..");

const runs = new Map<string, Promise<ProgramRun>>();

/**
 * Runs the real program (index.ts) for a stack with its real YAML config under the mock harness.
 * Memoized per stack and mode: several spec files read the same plan without paying for it twice
 * (treat the result as read-only).
 */
export function planStack(stack: string, options: { preview?: boolean } = {}): Promise<ProgramRun> {
    const key = `${stack}:${options.preview ? "preview" : "update"}`;
    let run = runs.get(key);
    if (!run) {
        run = runProgram({
            program: path.join(REPO_ROOT, "index.ts"),
            config: loadStackConfig({ projectDir: REPO_ROOT, stack }),
            preview: options.preview,
        });
        runs.set(key, run);
    }
    return run;
}

/** Resources of one type, e.g. `ofType(run, "aws:lambda/function:Function")`. */
export function ofType(run: ProgramRun, type: string): RecordedResource[] {
    return run.resources.filter((r) => r.type === type);
}

/** The single resource with this type and logical name; fails with the names that do exist. */
export function resource(run: ProgramRun, type: string, name: string): RecordedResource {
    const matches = ofType(run, type).filter((r) => r.name === name);
    if (matches.length !== 1) {
        throw new Error(`expected one ${type} named ${name}, found ${matches.length}; ` +
            `names of that type: ${ofType(run, type).map((r) => r.name).join(", ") || "none"}`);
    }
    return matches[0];
}
