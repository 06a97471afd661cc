import * as fs from "node:fs";
import * as path from "node:path";
import { estimateMonthlyCost } from "../../policies/lib/cost";
import type { CostEstimate } from "../../policies/lib/cost";
import type { ProgramRun, RecordedResource } from "../harness";
import { stackConfigOf } from "../harness/stack-config";
import { encodeStackRequest, loadPolicyConfigFile, PolicyConfigFile, PolicyPackProcess, PolicyViolation } from "../policy-pack";
import { forAnalyze, forAnalyzeStack, forCost } from "./engine-resources";
import { PlanOptions } from "./options";
import { ProgramTarget, programTarget, shownPath } from "./program-target";
import { Progress } from "./progress";
import { releaseUnusedMemory } from "./release-memory";

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

/**
 * Starts the policy pack with a config; tests pass one that reuses a running pack. `signal` aborts a start
 * still in progress (the program failed: the plan ends now, not once the pack is up).
 */
export type PackStarter = (options: { packDir: string; policyConfig?: PolicyConfigFile; signal?: AbortSignal }) => Promise<PolicyPackProcess>;

/** This repository's policy pack: the default whatever program or folder is planned. */
const OWN_POLICY_PACK = path.resolve(__dirname, "..", "..", "policies");

/** `--policy-pack` (relative to the working directory), else this repository's pack. */
function packDirFor(options: PlanOptions, target: ProgramTarget): string {
    return options.policyPack === undefined ? OWN_POLICY_PACK : path.resolve(target.workDir, options.policyPack);
}

/** `--policy-config`, else <pack>/config/<stack>.json when it exists, else schema defaults. */
function policyConfigFor(options: PlanOptions, target: ProgramTarget, packDir: string): PolicyConfigFile | undefined {
    if (options.policyConfig !== undefined) return loadPolicyConfigFile(path.resolve(target.workDir, options.policyConfig));
    const stackFile = path.join(packDir, "config", `${options.stack}.json`);
    return fs.existsSync(stackFile) ? loadPolicyConfigFile(stackFile) : undefined;
}

/**
 * The offline plan: stack config -> program under the mock runtime -> policy pack (Analyze per resource,
 * AnalyzeStack once) -> cost estimate. The pack starts while the program runs (its start-up is mostly
 * ts-node type-checking in another process) and is always stopped before returning.
 */
export async function runPlan(options: PlanOptions, startDir: string, startPack: PackStarter, progress: Progress): Promise<PlanResult> {
    const started = Date.now();
    const target = programTarget(options, startDir);
    const program = shownPath(target.programFile, startDir);
    const config = stackConfigOf(target.project, options.stack, options.config && path.resolve(target.workDir, options.config));
    const packDir = packDirFor(options, target);
    const policyConfig = policyConfigFor(options, target, packDir);
    const abortPackStart = new AbortController();
    const packStart = startPack({ packDir, policyConfig, signal: abortPackStart.signal })
        .then((pack) => withProjectFolder(pack, policyConfig, target.project.dir));
    // Reported through `await packStart` below; this keeps an early failure from being "unhandled" meanwhile.
    packStart.catch(() => undefined);

    // Each resource is analyzed as soon as it registers, as the engine does: the pack (another process)
    // works while the program is still running (its client keeps a bounded number of calls in flight).
    const analyses: Promise<PolicyViolation[]>[] = [];
    let analyzed = 0;
    const analyzeWhenRegistered = (resource: RecordedResource) => {
        const analysis = (async () => {
            const violations = await (await packStart).analyze(forAnalyze(resource));
            progress.count("analyzing resources", ++analyzed, analyses.length);
            return violations;
        })();
        // Awaited after the run; meanwhile a failure (the pack did not start) must not count as the program's.
        analysis.catch(() => undefined);
        analyses.push(analysis);
    };

    let run: ProgramRun;
    try {
        // Loaded only now: the Pulumi SDKs take seconds to load, which the pack's start-up overlaps.
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const { runProgram }: typeof import("../harness/run-program") = require("../harness/run-program");
        progress.step(`running ${program} for stack ${options.stack}${options.preview ? " (preview)" : ""}`);
        run = await runProgram({ program: target.programFile, projectDir: target.project.dir, preload: target.project.preload,
            config, preview: options.preview, onResource: analyzeWhenRegistered });
    } catch (error) {
        abortPackStart.abort();
        await Promise.allSettled(analyses);
        await packStart.then((pack) => pack.close(), () => undefined);
        throw error;
    }
    const programMs = Date.now() - started;
    progress.step("starting the policy pack");
    const pack = await packStart;
    const packReadyMs = Date.now() - started;
    try {
        // The estimate is computed while the pack still works on the last Analyze calls: off the plan's critical path.
        let cost: CostEstimate | undefined;
        const violations = await analyzeAll(pack, run, analyses, progress, () => { cost = estimateMonthlyCost(run.resources.map(forCost)); });
        const timings = { programMs, packReadyMs, totalMs: Date.now() - started };
        return { run, violations, cost: cost as CostEstimate, timings };
    } finally {
        await pack.close();
    }
}

/** The config property by which a policy resolves the program's relative paths (archives): its project folder. */
const PROJECT_FOLDER_PROPERTY = "projectDir";

/**
 * Relative paths in a program (`new FileArchive("./app")`) are relative to its project folder, which the
 * pack cannot know: every policy that declares a `projectDir` setting gets the planned project's folder,
 * unless the policy config file sets it.
 */
async function withProjectFolder(pack: PolicyPackProcess, file: PolicyConfigFile | undefined, projectDir: string): Promise<PolicyPackProcess> {
    const config: PolicyConfigFile = { ...file };
    let changed = false;
    for (const policy of pack.info.policies) {
        if (!policy.configSchema?.properties[PROJECT_FOLDER_PROPERTY]) continue;
        const entry = config[policy.name];
        if (typeof entry === "object" && entry[PROJECT_FOLDER_PROPERTY] !== undefined) continue;
        config[policy.name] = { ...(typeof entry === "string" ? { enforcementLevel: entry } : entry), [PROJECT_FOLDER_PROPERTY]: projectDir };
        changed = true;
    }
    if (changed) await pack.configure(config);
    return pack;
}

/**
 * The per-resource answers (registration order), then AnalyzeStack once over the outputs. Its request is
 * encoded while the last Analyze answers come in, then `meanwhile` runs (this process would only wait); the
 * request is sent after the answers, as the engine does, once the program's garbage is given back.
 */
async function analyzeAll(pack: PolicyPackProcess, run: ProgramRun, analyses: Promise<PolicyViolation[]>[],
    progress: Progress, meanwhile: () => void): Promise<PolicyViolation[]> {
    const stackRequest = encodeStackRequest(run.resources.map(forAnalyzeStack));
    // Awaited below; this keeps a failure from being "unhandled" if an Analyze call fails first.
    stackRequest.catch(() => undefined);
    const allAnswered = Promise.all(analyses);
    allAnswered.catch(() => undefined);
    await stackRequest.catch(() => undefined);
    meanwhile();
    const perResource = await allAnswered;
    // Most of the heap is the program's garbage by now. It is given back before AnalyzeStack, on which the pack
    // needs its own most: beside it, the collection's threads would take the cores the pack runs on (measured
    // at 1,000 functions: AnalyzeStack 0.4-0.9 s longer, and a higher peak, the pack growing while this
    // process has not shrunk yet), and beside the last Analyze answers it slows those instead.
    releaseUnusedMemory();
    progress.step("analyzing the stack");
    const stackViolations = await pack.analyzeStack(await stackRequest);
    return [...perResource.flat(), ...stackViolations];
}
