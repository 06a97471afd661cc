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
    /** Process start to init done (node boot + module load + async init such as the secret fetch), ms. */
    deployedMs: Distribution;
    naiveMs: Distribution;
    /** Median deployed cold start / median naive cold start. */
    coldStartRatio: number;
    /** `require()` of the handler module alone, ms. */
    deployedModuleLoadMs: Distribution;
    naiveModuleLoadMs: Distribution;
    moduleLoadRatio: number;
    /** `require()` start to init done (module load + async init, node's own boot left out), ms. */
    deployedInitMs: Distribution;
    naiveInitMs: Distribution;
    initRatio: number;
    /** HTTP statuses answered during one init (the same for both packages): `[200]` is a secret fetched. */
    initResponses: number[];
    /** Packages the naive handler imports, slowest first, with their median inclusive load time in ms. */
    dominantImports: { module: string; ms: number }[];
}

/** Import profiling adds a hook to every require: it runs apart from the timed runs, this many times. */
const PROFILE_RUNS = 3;
const DOMINANT_IMPORTS_SHOWN = 5;

/**
 * Cold starts of one handler, deployed package vs naive package. Each is unpacked once into a fresh
 * folder; one untimed start of each then puts both on an equal footing in the OS file cache (Lambda's
 * own code cache is not something a laptop can reproduce), and the timed runs alternate between the
 * two so that a slower minute of the machine hits both alike.
 */
export async function measureColdStart(deployed: StartablePackage, naive: StartablePackage,
    environment: Record<string, string>, runs: number): Promise<ColdStartComparison> {
    const deployedDir = unpackToFreshDir(deployed.zip, "deployed");
    const naiveDir = unpackToFreshDir(naive.zip, "naive");
    try {
        const startDeployed = () => runProbe(deployedDir, deployed.handlerModule, environment);
        const startNaive = () => runProbe(naiveDir, naive.handlerModule, environment);
        const [deployedWarmUp, naiveWarmUp] = [await startDeployed(), await startNaive()];
        assertSameInit(deployedWarmUp, naiveWarmUp, naive.handlerModule);
        const deployedRuns: ProbeResult[] = [];
        const naiveRuns: ProbeResult[] = [];
        for (let run = 0; run < runs; run++) {
            deployedRuns.push(await startDeployed());
            naiveRuns.push(await startNaive());
        }
        const profiles: ProbeResult[] = [];
        for (let run = 0; run < PROFILE_RUNS; run++) {
            profiles.push(await runProbe(naiveDir, naive.handlerModule, environment, { profileImports: true }));
        }
        const deployedMs = distribution(deployedRuns.map((r) => r.coldStartMs));
        const naiveMs = distribution(naiveRuns.map((r) => r.coldStartMs));
        const deployedModuleLoadMs = distribution(deployedRuns.map((r) => r.moduleLoadMs));
        const naiveModuleLoadMs = distribution(naiveRuns.map((r) => r.moduleLoadMs));
        const deployedInitMs = distribution(deployedRuns.map((r) => r.initMs));
        const naiveInitMs = distribution(naiveRuns.map((r) => r.initMs));
        return {
            deployedMs,
            naiveMs,
            coldStartRatio: ratio(deployedMs.median, naiveMs.median),
            deployedModuleLoadMs,
            naiveModuleLoadMs,
            moduleLoadRatio: ratio(deployedModuleLoadMs.median, naiveModuleLoadMs.median),
            deployedInitMs,
            naiveInitMs,
            initRatio: ratio(deployedInitMs.median, naiveInitMs.median),
            initResponses: deployedWarmUp.initResponses,
            dominantImports: dominantImports(profiles),
        };
    } finally {
        fs.rmSync(deployedDir, { recursive: true, force: true });
        fs.rmSync(naiveDir, { recursive: true, force: true });
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
