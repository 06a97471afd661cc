import { ColdStartComparison } from "./cold-start/measure-cold-start";
import { MachineInfo } from "./machine";
import { PackageComparison } from "./package-size/package-sizes";
import { PeerMeasurement } from "./peer/measure-peer";
import { PlanMeasurement } from "./scale/measure-plan";
import { Distribution } from "./stats";

/** One Lambda handler: its two packages and their cold starts. */
export interface FunctionResult {
    source: string;
    package: PackageComparison;
    coldStart: ColdStartComparison;
}

export interface ScaleResult {
    /** Functions in the generated program (see tools/bench/scale/scale-program.ts). */
    functions: number;
    /** null when the plan failed. */
    plan: PlanMeasurement | null;
    /** Why the plan failed (its message), null when it ran. */
    error: string | null;
}

/**
 * The cdk-nag peer at one size, measured right after our plan of the same design at that size
 * (tools/bench/peer/peer-design-program.ts).
 */
export interface PeerComparison {
    functions: number;
    /** Our plan of the peer's design; null when it failed. */
    plan: PlanMeasurement | null;
    /** Why our plan of the peer's design failed, null when it ran. */
    planError: string | null;
    /** null when the peer failed. */
    peer: PeerMeasurement | null;
    /** Our plan's process wall / the peer's process wall at this size; null when either one failed. */
    ratio: number | null;
    /** Why the peer failed, null when it ran. */
    error: string | null;
}

/** The contents of bench/results.json. Times in ms, sizes in bytes, memory in MB. */
export interface BenchResults {
    generatedAt: string;
    machine: MachineInfo;
    /** Wall-clock seconds of the whole `npm run bench`. */
    benchSeconds: number;
    coldStartRuns: number;
    /** Folder the cold starts unpack into (/dev/shm, memory-backed, when the machine has it). */
    coldStartUnpackRoot: string;
    /** `--plan-stack-trace-limit` of this run; null: the plans ran exactly as `npm run plan` runs them. */
    planStackTraceLimit: number | null;
    /** Cold start of an empty handler: node's boot, paid by every package (ms); null with --skip-handlers. */
    nodeBootMs: Distribution | null;
    functions: FunctionResult[];
    policyCheckScale: {
        sizes: ScaleResult[];
        /** elapsedMs of the largest size / elapsedMs of the size 10 times smaller (linear growth: about 10). */
        scaleRatio: number | null;
        /** Same ratio for the policy check alone (Analyze of every resource + AnalyzeStack). */
        policyCheckScaleRatio: number | null;
    };
    /** `--peer DIR`: the cdk-nag app at each scale size, in the same run; null without --peer. */
    peer?: { dir: string; sizes: PeerComparison[] } | null;
    /** `npm run plan -- --stack <name>` of the real program. */
    offlinePlan: Record<string, PlanMeasurement>;
    /** The key numbers of this run next to those of the run before it (absent on a first run). */
    reproducibility?: Reproducibility;
}

export interface KeyNumberChange {
    key: string;
    previous: number;
    current: number;
    /** |current - previous| / previous. */
    relativeChange: number;
}

export interface Reproducibility {
    previousGeneratedAt: string;
    /** The run-to-run tolerance the acceptance asks for. */
    tolerance: number;
    changes: KeyNumberChange[];
    /** Keys whose change exceeds the tolerance. */
    outside: string[];
}

export const REPRODUCIBILITY_TOLERANCE = 0.2;

/** The numbers the README quotes, by a key that says what each one is. */
export function keyNumbers(results: BenchResults): Record<string, number> {
    const numbers: Record<string, number> = {};
    for (const fn of results.functions) {
        numbers[`${fn.source}.zipRatio`] = fn.package.zipRatio;
        numbers[`${fn.source}.coldStartRatio`] = fn.coldStart.coldStartRatio;
        numbers[`${fn.source}.processRatio`] = fn.coldStart.processRatio;
        numbers[`${fn.source}.deployedColdStartMedianMs`] = fn.coldStart.deployedMs.median;
        numbers[`${fn.source}.naiveColdStartMedianMs`] = fn.coldStart.naiveMs.median;
    }
    for (const { functions, plan } of results.policyCheckScale.sizes) {
        if (!plan) continue;
        numbers[`scale.${functions}.elapsedMs`] = plan.elapsedMs;
        numbers[`scale.${functions}.peakRssMb`] = plan.peakRssMb;
    }
    if (results.policyCheckScale.scaleRatio !== null) numbers["scale.scaleRatio"] = results.policyCheckScale.scaleRatio;
    for (const { functions, plan, peer, ratio } of results.peer?.sizes ?? []) {
        if (plan) numbers[`peerDesign.${functions}.wallMs`] = Math.round(plan.wallMs);
        if (!peer || ratio === null) continue;
        numbers[`peer.${functions}.wallMs`] = Math.round(peer.wallMs);
        numbers[`peer.${functions}.ratio`] = ratio;
    }
    for (const [stack, plan] of Object.entries(results.offlinePlan)) numbers[`plan.${stack}.elapsedMs`] = plan.elapsedMs;
    return numbers;
}

/** Compares the key numbers both runs have; a key only one run has (other sizes, new handler) is left out. */
export function compareRuns(previous: BenchResults, current: BenchResults): Reproducibility {
    const before = keyNumbers(previous);
    const now = keyNumbers(current);
    const changes = Object.keys(now)
        .filter((key) => key in before && before[key] !== 0)
        .map((key) => ({
            key,
            previous: before[key],
            current: now[key],
            relativeChange: Math.round((Math.abs(now[key] - before[key]) / Math.abs(before[key])) * 1000) / 1000,
        }));
    return {
        previousGeneratedAt: previous.generatedAt,
        tolerance: REPRODUCIBILITY_TOLERANCE,
        changes,
        outside: changes.filter((change) => change.relativeChange > REPRODUCIBILITY_TOLERANCE).map((change) => change.key),
    };
}
