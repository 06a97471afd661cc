import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { distribution, Distribution, ratio, round } from "../stats";
import { firstInvocationProblem } from "./first-invocations";
import { HandlerSetup } from "./handler-environment";
import { ProbeResult, runProbe } from "./probe-process";
import { unpackToFreshDir } from "./unpack";

/** A deployment package to start: its zip and the handler module inside it. */
export interface StartablePackage {
    zip: Uint8Array;
    handlerModule: string;
}

export interface ColdStartComparison {
    /**
     * Unpack of the zip into a fresh folder + fresh node process to the first invocation's response, ms: the
     * cold start as the first caller waits for it.
     */
    deployedMs: Distribution;
    naiveMs: Distribution;
    /** Median deployed cold start / median naive cold start. */
    coldStartRatio: number;
    /** The unpack alone, ms. */
    deployedUnpackMs: Distribution;
    naiveUnpackMs: Distribution;
    /** Fresh node process to the first response (node boot + module load + first invocation, which awaits the secret fetch), ms. */
    deployedProcessMs: Distribution;
    naiveProcessMs: Distribution;
    processRatio: number;
    /** `require()` start to the first response (module load + first invocation; node's own boot left out), ms. */
    deployedInitMs: Distribution;
    naiveInitMs: Distribution;
    initRatio: number;
    /** `require()` of the handler module alone (module init), ms. */
    deployedModuleLoadMs: Distribution;
    naiveModuleLoadMs: Distribution;
    moduleLoadRatio: number;
    /**
     * HTTP statuses answered during one init and first invocation (the same count for both packages, none
     * failed): customer-api's `[200, 200]` is the secret fetched and the customer written.
     */
    initResponses: number[];
    /** Packages the naive handler imports, slowest first, with their median inclusive load time in ms. */
    dominantImports: { module: string; ms: number }[];
}

/** One timed cold start: the probe's report plus the unpack before it. */
interface TimedStart extends ProbeResult {
    unpackMs: number;
}

/** Import profiling adds a hook to every require: it runs apart from the timed runs, this many times. */
const PROFILE_RUNS = 3;
const DOMINANT_IMPORTS_SHOWN = 5;

/**
 * Cold starts of one handler, deployed package vs naive package, each start as the first caller waits
 * for it: the zip unpacked into a fresh folder, then a fresh `node` process that loads the handler and
 * answers its first invocation (the same kind of event for both, seeded alike in moto). One untimed start
 * of each comes first (the bench's own code and the OS caches warm up alike for both), then the timed
 * runs alternate between the two so that a slower minute of a shared machine hits both alike. Every
 * start's invocation must succeed: a failed one would time an error path.
 */
export async function measureColdStart(deployed: StartablePackage, naive: StartablePackage,
    setup: HandlerSetup, runs: number): Promise<ColdStartComparison> {
    const deployedWarmUp = await timedStart(deployed, setup);
    const naiveWarmUp = await timedStart(naive, setup);
    assertSameInit(deployedWarmUp, naiveWarmUp, setup.source);
    const deployedRuns: TimedStart[] = [];
    const naiveRuns: TimedStart[] = [];
    for (let run = 0; run < runs; run++) {
        deployedRuns.push(await timedStart(deployed, setup));
        naiveRuns.push(await timedStart(naive, setup));
    }
    const compare = (measure: (start: TimedStart) => number) => {
        const deployedValues = distribution(deployedRuns.map(measure));
        const naiveValues = distribution(naiveRuns.map(measure));
        return { deployed: deployedValues, naive: naiveValues, ratio: ratio(deployedValues.median, naiveValues.median) };
    };
    const total = compare((start) => start.unpackMs + start.coldStartMs);
    const unpack = compare((start) => start.unpackMs);
    const processOnly = compare((start) => start.coldStartMs);
    const init = compare((start) => start.initMs);
    const moduleLoad = compare((start) => start.moduleLoadMs);
    return {
        deployedMs: total.deployed, naiveMs: total.naive, coldStartRatio: total.ratio,
        deployedUnpackMs: unpack.deployed, naiveUnpackMs: unpack.naive,
        deployedProcessMs: processOnly.deployed, naiveProcessMs: processOnly.naive, processRatio: processOnly.ratio,
        deployedInitMs: init.deployed, naiveInitMs: init.naive, initRatio: init.ratio,
        deployedModuleLoadMs: moduleLoad.deployed, naiveModuleLoadMs: moduleLoad.naive, moduleLoadRatio: moduleLoad.ratio,
        initResponses: deployedWarmUp.responses,
        dominantImports: await profileImports(naive, setup),
    };
}

/**
 * Seeds the start's first invocation and unpacks into a fresh folder (only the unpack is timed), starts
 * once, removes the folder (not timed: Lambda discards it later).
 */
async function timedStart(pkg: StartablePackage, setup: HandlerSetup): Promise<TimedStart> {
    const event = await setup.nextEvent();
    const started = performance.now();
    const dir = unpackToFreshDir(pkg.zip, "cold-start");
    const unpackMs = performance.now() - started;
    try {
        const result = await runProbe(dir, pkg.handlerModule, event, setup.environment);
        assertAnswered(result, setup.source);
        return { ...result, unpackMs };
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}

function assertAnswered(result: ProbeResult, source: string): void {
    const problem = firstInvocationProblem(result);
    if (problem) {
        throw new Error(`${source}: the first invocation of a cold start failed (${problem}); check the environment and ` +
            "the resources the bench gives the handler (tools/bench/cold-start/handler-environment.ts, first-invocations.ts)");
    }
}

/** Both packages must do the same work, or the comparison would compare different things. */
function assertSameInit(deployed: ProbeResult, naive: ProbeResult, source: string): void {
    if (deployed.responses.length !== naive.responses.length) {
        throw new Error(`${source}: the two packages made different AWS requests during init and the first invocation ` +
            `(deployed ${JSON.stringify(deployed.responses)}, naive ${JSON.stringify(naive.responses)})`);
    }
}

async function profileImports(naive: StartablePackage, setup: HandlerSetup): Promise<{ module: string; ms: number }[]> {
    const dir = unpackToFreshDir(naive.zip, "profile");
    try {
        const profiles: ProbeResult[] = [];
        for (let run = 0; run < PROFILE_RUNS; run++) {
            profiles.push(await runProbe(dir, naive.handlerModule, await setup.nextEvent(), setup.environment, { profileImports: true }));
        }
        return dominantImports(profiles);
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}

/** Median inclusive load time of each imported package over the profile runs, slowest first. */
export function dominantImports(profiles: Pick<ProbeResult, "importMs">[]): { module: string; ms: number }[] {
    const modules = [...new Set(profiles.flatMap((profile) => Object.keys(profile.importMs)))];
    return modules
        .map((module) => ({ module, ms: round(distribution(profiles.map((p) => p.importMs[module] ?? 0)).median) }))
        .sort((a, b) => b.ms - a.ms || a.module.localeCompare(b.module))
        .slice(0, DOMINANT_IMPORTS_SHOWN);
}

/** A handler module that does nothing: its cold start is node's own boot plus the probe, the floor of every cold start. */
const EMPTY_HANDLER = "exports.handler = async () => undefined;\n";

/** Cold start of an empty handler (its invocation answers at once), `runs` times: what any package pays before its own code runs. */
export async function measureNodeBoot(setup: Pick<HandlerSetup, "environment">, runs: number): Promise<Distribution> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-empty-"));
    try {
        fs.writeFileSync(path.join(dir, "index.js"), EMPTY_HANDLER);
        const times: number[] = [];
        for (let run = 0; run < runs; run++) times.push((await runProbe(dir, "index.js", {}, setup.environment)).coldStartMs);
        return distribution(times);
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}
