// Child process of the scale bench: one offline plan through the plan's own code (runPlan), reported as
// one JSON line on fd 3. Arguments are `npm run plan` arguments.
import * as fs from "node:fs";
import { startPolicyPack } from "../../policy-pack";
import { parsePlanOptions } from "../../plan/options";
import { configurePlanProcess } from "../../plan/process-settings";
import { Progress } from "../../plan/progress";
import { runPlan } from "../../plan/run-plan";
import { PlanProbeResult } from "./plan-probe-result";
import { STACK_TRACE_LIMIT_ENV } from "./scale-inputs";

// The process settings of `npm run plan`, so that what is timed is what users run; the experiment knob
// `--plan-stack-trace-limit` overrides the plan's own stack trace limit.
configurePlanProcess(false);
if (process.env[STACK_TRACE_LIMIT_ENV]) Error.stackTraceLimit = Number(process.env[STACK_TRACE_LIMIT_ENV]);

/** The progress step runPlan reports just before its single AnalyzeStack call. */
const ANALYZE_STACK_STEP = "analyzing the stack";

async function probe(): Promise<PlanProbeResult> {
    let analyzeStackStarted: number | undefined;
    const progress: Progress = {
        step: (message) => { if (message.startsWith(ANALYZE_STACK_STEP)) analyzeStackStarted = Date.now(); },
        count: () => undefined,
        done: () => undefined,
    };
    const started = Date.now();
    const result = await runPlan(parsePlanOptions(process.argv.slice(2)), process.cwd(), startPolicyPack, progress);
    const { programMs, packReadyMs, totalMs } = result.timings;
    if (analyzeStackStarted === undefined) {
        throw new Error(`runPlan never reported the step "${ANALYZE_STACK_STEP}"; update ANALYZE_STACK_STEP in ${__filename}`);
    }
    return {
        elapsedMs: totalMs,
        programMs,
        packReadyMs,
        // Analyze starts once both the program has run and the pack is up.
        policyCheckMs: totalMs - Math.max(programMs, packReadyMs),
        analyzeStackMs: started + totalMs - analyzeStackStarted,
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
