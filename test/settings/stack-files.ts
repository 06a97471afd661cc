import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parse as parseYaml, stringify as stringifyYaml } from "yaml";
import { loadStackConfig, ProgramRunError, runProgram, StackConfigError } from "../../tools/harness";
import { REPO_ROOT } from "../support/stack";

export const NS = "serverless-platform";

/** Pulumi.dev.yaml's config as a map, to change one key of. */
function devConfig(): Record<string, unknown> {
    return (parseYaml(fs.readFileSync(path.join(REPO_ROOT, "Pulumi.dev.yaml"), "utf8")) as { config: Record<string, unknown> }).config;
}

/** The text of Pulumi.dev.yaml with `overrides` set (a key whose value is undefined is removed). */
export function devWith(overrides: Record<string, unknown>): string {
    const config = devConfig();
    for (const [key, value] of Object.entries(overrides)) {
        if (value === undefined) delete config[key];
        else config[key] = value;
    }
    return stringifyYaml({ config }, { lineWidth: 0 });
}

/** The text of Pulumi.dev.yaml with raw YAML lines appended under `config:` (for defects YAML cannot express as data). */
export function devAppending(lines: string): string {
    return fs.readFileSync(path.join(REPO_ROOT, "Pulumi.dev.yaml"), "utf8").trimEnd() + "\n" + lines;
}

/** Writes a stack file in a fresh temporary folder and returns its absolute path. */
export function stackFile(text: string, name = "stack.yaml"): string {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "settings-")), name);
    fs.writeFileSync(file, text);
    return file;
}

export interface HarnessFailure {
    error: Error;
    /** Types of what the program registered before failing; undefined when the stack file stopped it from starting. */
    registered?: string[];
}

/** Loads `file` as the dev stack's config (like `--config FILE`) and runs the real program; it must fail. */
export async function harnessFailure(file: string): Promise<HarnessFailure> {
    let config;
    try {
        config = loadStackConfig({ projectDir: REPO_ROOT, stack: "dev", configFile: file });
    } catch (error) {
        assert.ok(error instanceof StackConfigError, String(error));
        return { error };
    }
    try {
        await runProgram({ program: path.join(REPO_ROOT, "index.ts"), config });
    } catch (error) {
        assert.ok(error instanceof ProgramRunError, String(error));
        assert.ok(error.cause instanceof Error, String(error.cause));
        return { error: error.cause, registered: error.registered.map((r) => r.type) };
    }
    return assert.fail(`the program accepted ${file}`);
}
