import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { PolicyPackProcess, startPolicyPack } from "../../tools/policy-pack";
import { main } from "../../tools/plan/main";
import type { PlanDocument } from "../../tools/plan/json-output";
import { PackStarter } from "../../tools/plan/run-plan";
import { REPO_ROOT } from "../support/stack";

export interface PlanOutcome {
    code: number;
    stdout: string;
    stderr: string;
}

/** A pack starter that reconfigures one running pack instead of spawning a new one (start-up costs seconds). */
export function reusing(pack: PolicyPackProcess): PackStarter {
    return async ({ policyConfig }) => {
        await pack.configure(policyConfig);
        return { ...pack, close: async () => undefined };
    };
}

/** The real pack, started on first use and reconfigured for each later plan; `close` stops it (call it in `after`). */
export function packStartedOnce(): { start: PackStarter; close(): Promise<void> } {
    let pack: PolicyPackProcess | undefined;
    return {
        start: async (options) => {
            pack ??= await startPolicyPack(options);
            return reusing(pack)(options);
        },
        close: async () => {
            await pack?.close();
        },
    };
}

/** Runs `npm run plan -- argv` in this process, capturing its output and exit code. */
export async function planInProcess(argv: string[], startPack: PackStarter): Promise<PlanOutcome> {
    let stdout = "";
    let stderr = "";
    const code = await main(argv, {
        projectDir: REPO_ROOT,
        stdout: { write: (text: string) => (stdout += text) },
        stderr: { write: (text: string) => (stderr += text), isTTY: false },
        startPack,
    });
    return { code, stdout, stderr };
}

/** The `--json` document of a plan that printed one. */
export function planJson(outcome: PlanOutcome): PlanDocument {
    return JSON.parse(outcome.stdout) as PlanDocument;
}

/** A policy config file with this content, in a fresh temporary folder. */
export function policyConfigFile(content: unknown): string {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "plan-policy-")), "policy-config.json");
    fs.writeFileSync(file, JSON.stringify(content));
    return file;
}
