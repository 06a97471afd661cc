// Child process of the scale bench: one offline plan through the plan's own code (runPlan), with its
// progress steps timestamped, reported as one JSON line on fd 3. Arguments are `npm run plan` arguments.
import * as fs from "node:fs";
import { startPolicyPack } from "../../policy-pack";
import { parsePlanOptions } from "../../plan/options";
import { Progress } from "../../plan/progress";
import { runPlan } from "../../plan/run-plan";
import { PlanProbeResult } from "./plan-probe-result";

/** Progress steps of runPlan that start each phase (matched by prefix). */
const PHASE_STEPS = { program: "running ", policyCheck: "starting the policy pack", analyzeStack: "analyzing the stack" };

async function probe(): Promise<PlanProbeResult> {
    const stepTimes = new Map<string, number>();
    const progress: Progress = {
        step: (message) => {
            for (const [phase, prefix] of Object.entries(PHASE_STEPS)) if (message.startsWith(prefix)) stepTimes.set(phase, performance.now());
        },
        count: () => undefined,
        done: () => undefined,
    };
    const started = performance.now();
    const result = await runPlan(parsePlanOptions(process.argv.slice(2)), process.cwd(), startPolicyPack, progress);
    const ended = performance.now();
    const at = (phase: keyof typeof PHASE_STEPS) => {
        const time = stepTimes.get(phase);
        if (time === undefined) throw new Error(`runPlan never reported the step "${PHASE_STEPS[phase]}"; update PHASE_STEPS in ${__filename}`);
        return time;
    };
    return {
        elapsedMs: ended - started,
        programMs: at("policyCheck") - at("program"),
        policyCheckMs: ended - at("policyCheck"),
        analyzeStackMs: ended - at("analyzeStack"),
        resources: result.run.resources.length,
        mandatoryViolations: result.violations.filter((v) => v.level === "mandatory").length,
        advisoryViolations: result.violations.filter((v) => v.level === "advisory").length,
    };
}

probe().then(
    (result) => fs.writeSync(3, JSON.stringify(result) + "\n"),
    (error: unknown) => {
        process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
        process.exitCode = 2;
    },
);
