import * as fs from "node:fs";
import * as path from "node:path";
import { estimateMonthlyCost } from "../../policies/lib/cost";
import type { CostEstimate } from "../../policies/lib/cost";
import type { ProgramRun } from "../harness";
import { loadStackConfig } from "../harness/stack-config";
import { loadPolicyConfigFile, PolicyConfigFile, PolicyPackProcess, PolicyViolation } from "../policy-pack";
import { forAnalyze, forAnalyzeStack, forCost } from "./engine-resources";
import { PlanOptions, UsageError } from "./options";
import { Progress } from "./progress";

export interface PlanResult {
    run: ProgramRun;
    violations: PolicyViolation[];
    cost: CostEstimate;
    timings: PlanTimings;
}

/** Wall-clock milliseconds since the plan started at which each phase ended (the pack starts in parallel). */
export interface PlanTimings {
    programMs: number;
    packReadyMs: number;
    /** The last policy answer: the whole plan, pack start-up included. */
    totalMs: number;
}

/** Starts the policy pack with a config; tests pass one that reuses a running pack. */
export type PackStarter = (options: { packDir: string; policyConfig?: PolicyConfigFile }) => Promise<PolicyPackProcess>;

/** Analyze requests kept in flight at once (measured: about half the per-resource cost of one at a time). */
const ANALYZE_IN_FLIGHT = 16;

/** `--policy-config`, else policies/config/<stack>.json when it exists, else schema defaults. */
function policyConfigFor(options: PlanOptions, projectDir: string): PolicyConfigFile | undefined {
    if (options.policyConfig !== undefined) return loadPolicyConfigFile(path.resolve(projectDir, options.policyConfig));
    const stackFile = path.join(projectDir, options.policyPack, "config", `${options.stack}.json`);
    return fs.existsSync(stackFile) ? loadPolicyConfigFile(stackFile) : undefined;
}

/**
 * The offline plan: stack config -> program under the mock runtime -> policy pack (Analyze per resource,
 * AnalyzeStack once) -> cost estimate. The pack starts while the program runs (its start-up is mostly
 * ts-node type-checking in another process) and is always stopped before returning.
 */
export async function runPlan(options: PlanOptions, projectDir: string, startPack: PackStarter, progress: Progress): Promise<PlanResult> {
    const started = Date.now();
    const programFile = path.resolve(projectDir, options.program);
    if (!fs.existsSync(programFile)) {
        throw new UsageError(`--program ${options.program}: no such file; give a Pulumi TypeScript program (default index.ts)`);
    }
    const config = loadStackConfig({ projectDir, stack: options.stack, configFile: options.config && path.resolve(projectDir, options.config) });
    const policyConfig = policyConfigFor(options, projectDir);
    const packStart = startPack({ packDir: path.resolve(projectDir, options.policyPack), policyConfig });
    // Reported through `await packStart` below; this keeps an early failure from being "unhandled" meanwhile.
    packStart.catch(() => undefined);

    let run: ProgramRun;
    try {
        // Loaded only now: the Pulumi SDKs take seconds to load, which the pack's start-up overlaps.
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const { runProgram }: typeof import("../harness/run-program") = require("../harness/run-program");
        progress.step(`running ${options.program} for stack ${options.stack}${options.preview ? " (preview)" : ""}`);
        run = await runProgram({ program: programFile, config, preview: options.preview });
    } catch (error) {
        await packStart.then((pack) => pack.close(), () => undefined);
        throw error;
    }
    const programMs = Date.now() - started;
    progress.step("starting the policy pack");
    const pack = await packStart;
    const packReadyMs = Date.now() - started;
    try {
        const violations = await analyze(pack, run, progress);
        const timings = { programMs, packReadyMs, totalMs: Date.now() - started };
        return { run, violations, cost: estimateMonthlyCost(run.resources.map(forCost)), timings };
    } finally {
        await pack.close();
    }
}

/** Analyze for every resource (a few requests in flight, results kept in registration order), then AnalyzeStack once. */
async function analyze(pack: PolicyPackProcess, run: ProgramRun, progress: Progress): Promise<PolicyViolation[]> {
    const perResource: PolicyViolation[][] = new Array(run.resources.length);
    let next = 0;
    let done = 0;
    const worker = async () => {
        while (next < run.resources.length) {
            const position = next++;
            perResource[position] = await pack.analyze(forAnalyze(run.resources[position]));
            progress.count("analyzing resources", ++done, run.resources.length);
        }
    };
    await Promise.all(Array.from({ length: ANALYZE_IN_FLIGHT }, worker));
    progress.step("analyzing the stack");
    const stackViolations = await pack.analyzeStack(run.resources.map(forAnalyzeStack));
    return [...perResource.flat(), ...stackViolations];
}
