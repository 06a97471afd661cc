import * as path from "node:path";
import { planNodeArguments } from "../../plan/node-command";
import { PlanProbeResult } from "./plan-probe-result";
import { runMeasuredProcess } from "./measured-process";

export interface PlanMeasurement extends PlanProbeResult {
    /** Spawn to exit of the plan process: what `npm run plan` costs a user (Node and TypeScript start-up included). */
    wallMs: number;
    /** Highest resident memory of the plan process and the policy pack together, MB (sampled every 100 ms). */
    peakRssMb: number;
}

const PLAN_PROBE = path.join(__dirname, "plan-probe.ts");
/** Far above the 60 s the acceptance allows for 1,000 functions: only a stuck plan reaches it. */
const PLAN_TIMEOUT_MS = 300_000;

/**
 * Runs one offline plan in a fresh process (Node with the plan's flags and loader, as `npm run plan` runs it) from
 * the repository root with `planArguments` (the same flags as `npm run plan --`).
 */
export async function measurePlan(repoRoot: string, planArguments: string[], extraEnvironment: Record<string, string> = {}): Promise<PlanMeasurement> {
    const run = await runMeasuredProcess([...planNodeArguments(), PLAN_PROBE, ...planArguments],
        { cwd: repoRoot, env: { ...process.env, ...extraEnvironment }, reportOn: "fd3", timeoutMs: PLAN_TIMEOUT_MS });
    if (run.code === 0 && run.report.trim() !== "") {
        return { ...(JSON.parse(run.report) as PlanProbeResult), wallMs: run.wallMs, peakRssMb: run.peakRssMb };
    }
    const why = run.timedOut ? `did not finish within ${PLAN_TIMEOUT_MS / 1000} s` : `exited with code ${run.code}`;
    throw new Error(`plan ${planArguments.join(" ")} ${why}:\n${run.stderrTail.trim()}`);
}
