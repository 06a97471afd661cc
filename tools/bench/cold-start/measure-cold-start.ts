import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { distribution, Distribution, ratio, round } from "../stats";
import { ProbeResult, runProbe } from "./probe-process";
import { unpackToFreshDir } from "./unpack";

/** A deployment package to start: its zip and the handler module inside it. */
export interface StartablePackage {
    zip: Uint8Array;
    handlerModule: string;
}

export interface ColdStartComparison {
    /** Unpack of the zip into a fresh folder + fresh node process to init done, ms: the cold start as Lambda pays it. */
    deployedMs: Distribution;
    naiveMs: Distribution;
    /** Median deployed cold start / median naive cold start. */
    coldStartRatio: number;
    /** The unpack alone, ms. */
    deployedUnpackMs: Distribution;
    naiveUnpackMs: Distribution;
    /** Fresh node process to init done (node boot + module load + async init such as the secret fetch), ms. */
    deployedProcessMs: Distribution;
    naiveProcessMs: Distribution;
    processRatio: number;
    /** `require()` start to init done (module load + async init; node's own boot left out), ms. */
    deployedInitMs: Distribution;
    naiveInitMs: Distribution;
    initRatio: number;
    /** `require()` of the handler module alone (module init), ms. */
    deployedModuleLoadMs: Distribution;
    naiveModuleLoadMs: Distribution;
    moduleLoadRatio: number;
    /** HTTP statuses answered during one init (the same for both packages): `[200]` is a secret fetched. */
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
 * Cold starts of one handler, deployed package vs naive package, each start as Lambda pays it: the zip
 * unpacked into a fresh folder, then a fresh `node` process that loads the handler and finishes its
 * init. One untimed start of each comes first (the bench's own code and the OS caches warm up alike for
 * both), then the timed runs alternate between the two so that a slower minute of a shared machine
 * hits both alike.
 */
export async function measureColdStart(deployed: StartablePackage, naive: StartablePackage,
    environment: Record<string, string>, runs: number): Promise<ColdStartComparison> {
    const deployedWarmUp = await timedStart(deployed, environment);
    const naiveWarmUp = await timedStart(naive, environment);
    assertSameInit(deployedWarmUp, naiveWarmUp, naive.handlerModule);
    const deployedRuns: TimedStart[] = [];
    const naiveRuns: TimedStart[] = [];
    for (let run = 0; run < runs; run++) {
        deployedRuns.push(await timedStart(deployed, environment));
        naiveRuns.push(await timedStart(naive, environment));
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
        initResponses: deployedWarmUp.initResponses,
        dominantImports: await profileImports(naive, environment),
    };
}

/** Unpack into a fresh folder (timed), start once, remove the folder (not timed: Lambda discards it later). */
async function timedStart(pkg: StartablePackage, environment: Record<string, string>): Promise<TimedStart> {
    const started = performance.now();
    const dir = unpackToFreshDir(pkg.zip, "cold-start");
    const unpackMs = performance.now() - started;
    try {
        return { ...(await runProbe(dir, pkg.handlerModule, environment)), unpackMs };
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}

/** Both packages must do the same init work, or the comparison would compare different things. */
function assertSameInit(deployed: ProbeResult, naive: ProbeResult, handlerModule: string): void {
    const failed = [...deployed.initResponses, ...naive.initResponses].filter((status) => status >= 300);
    if (failed.length > 0 || deployed.initResponses.length !== naive.initResponses.length) {
        throw new Error(`${handlerModule}: init requests differ or failed (deployed ${JSON.stringify(deployed.initResponses)}, ` +
            `naive ${JSON.stringify(naive.initResponses)}); check the environment the bench gives the handler`);
    }
}

async function profileImports(naive: StartablePackage, environment: Record<string, string>): Promise<{ module: string; ms: number }[]> {
    const dir = unpackToFreshDir(naive.zip, "profile");
    try {
        const profiles: ProbeResult[] = [];
        for (let run = 0; run < PROFILE_RUNS; run++) {
            profiles.push(await runProbe(dir, naive.handlerModule, environment, { profileImports: true }));
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

/** Cold start of an empty handler, `runs` times: what any package pays before its own code runs. */
export async function measureNodeBoot(environment: Record<string, string>, runs: number): Promise<Distribution> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-empty-"));
    try {
        fs.writeFileSync(path.join(dir, "index.js"), EMPTY_HANDLER);
        const times: number[] = [];
        for (let run = 0; run < runs; run++) times.push((await runProbe(dir, "index.js", environment)).coldStartMs);
        return distribution(times);
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}
