import { spawn } from "node:child_process";
import * as path from "node:path";
import { PlanProbeResult } from "./plan-probe-result";
import { watchTreeMemory } from "./process-tree-memory";

export interface PlanMeasurement extends PlanProbeResult {
    /** Spawn to exit of the plan process: what `npm run plan` costs a user (Node and TypeScript start-up included). */
    wallMs: number;
    /** Highest resident memory of the plan process and the policy pack together, MB (sampled every 100 ms). */
    peakRssMb: number;
}

const PLAN_PROBE = path.join(__dirname, "plan-probe.ts");
/** The Node flags of package.json's `plan` script (a larger young generation: far less GC on big stacks). */
const PLAN_NODE_FLAGS = ["--max-semi-space-size=64"];
/** Far above the 60 s the acceptance allows for 1,000 functions: only a stuck plan reaches it. */
const PLAN_TIMEOUT_MS = 300_000;

/**
 * Runs one offline plan in a fresh process (Node with the tsx loader, as `npm run plan` runs it) from
 * the repository root with `planArguments` (the same flags as `npm run plan --`).
 */
export function measurePlan(repoRoot: string, planArguments: string[], extraEnvironment: Record<string, string> = {}): Promise<PlanMeasurement> {
    return new Promise((resolve, reject) => {
        const started = performance.now();
        const child = spawn(process.execPath, [...PLAN_NODE_FLAGS, "--require", "tsx/cjs", PLAN_PROBE, ...planArguments], {
            cwd: repoRoot,
            env: { ...process.env, ...extraEnvironment },
            stdio: ["ignore", "ignore", "pipe", "pipe"],
        });
        const memory = watchTreeMemory(child.pid as number);
        let stderr = "";
        let report = "";
        child.stderr?.on("data", (chunk: Buffer) => { stderr = (stderr + chunk.toString()).slice(-4000); });
        child.stdio[3]?.on("data", (chunk: Buffer) => { report += chunk.toString(); });
        const timer = setTimeout(() => child.kill("SIGKILL"), PLAN_TIMEOUT_MS);
        child.once("error", (error) => { clearTimeout(timer); memory.stop(); reject(error); });
        child.once("close", (code, signal) => {
            clearTimeout(timer);
            const wallMs = performance.now() - started;
            const peakRssMb = memory.stop();
            if (code === 0 && report.trim() !== "") {
                resolve({ ...(JSON.parse(report) as PlanProbeResult), wallMs, peakRssMb });
                return;
            }
            const why = signal === "SIGKILL" ? `did not finish within ${PLAN_TIMEOUT_MS / 1000} s` : `exited with code ${code}`;
            reject(new Error(`plan ${planArguments.join(" ")} ${why}:\n${stderr.trim()}`));
        });
    });
}
