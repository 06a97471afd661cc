import * as fs from "node:fs";
import * as path from "node:path";
import { FUNCTIONS_DIR, HANDLER_SOURCE_FILE, packageFunction } from "../../packaging";
import { motoEndpoint, stopMoto } from "../moto/moto-server";
import { prepareHandlerEnvironment } from "./cold-start/handler-environment";
import { measureColdStart, measureNodeBoot } from "./cold-start/measure-cold-start";
import { UNPACK_ROOT } from "./cold-start/unpack";
import { describeMachine } from "./machine";
import { BenchUsageError, parseBenchOptions } from "./options";
import { buildPackages } from "./package-size/package-sizes";
import { markdownReport } from "./report/markdown";
import { checkPeerDir, measurePeer } from "./peer/measure-peer";
import { BenchResults, compareRuns, FunctionResult, PeerComparison, ScaleResult } from "./results";
import { measurePlan, PlanMeasurement } from "./scale/measure-plan";
import { measureSettingsRejection, settingsRejectionReport } from "./settings-rejection";
import { CODE_ZIP_ENV, FUNCTION_COUNT_ENV, STACK_TRACE_LIMIT_ENV } from "./scale/scale-inputs";
import { Distribution, ratio } from "./stats";

const REPO_ROOT = path.resolve(__dirname, "../..");
const RESULTS_DIR = path.join(REPO_ROOT, "bench");
const SCALE_PROGRAM = path.relative(REPO_ROOT, path.join(__dirname, "scale", "scale-program.ts"));
const PEER_DESIGN_PROGRAM = path.relative(REPO_ROOT, path.join(__dirname, "peer", "peer-design-program.ts"));
/** The stacks whose offline plan time is reported. */
const PLANNED_STACKS = ["dev", "production"];

/** `npm run bench`: see docs/bench.md. */
async function main(): Promise<void> {
    const started = performance.now();
    const options = parseBenchOptions(process.argv.slice(2));
    const machine = describeMachine();
    log(`node ${machine.nodeVersion} on ${machine.cpuModel} (${machine.cpuCount} cores, ${machine.totalMemoryMb} MB)`);
    log(settingsRejectionReport(measureSettingsRejection()));

    const peerDir = options.peerDir === undefined ? undefined : peerFolder(options.peerDir);
    const handlers = fs.readdirSync(FUNCTIONS_DIR).filter((dir) => fs.existsSync(path.join(FUNCTIONS_DIR, dir, HANDLER_SOURCE_FILE))).sort();
    if (handlers.length === 0) throw new Error(`no functions/<name>/${HANDLER_SOURCE_FILE} found: nothing to measure`);
    const { nodeBootMs, functions } = options.skipHandlers ? { nodeBootMs: null, functions: [] }
        : await measureFunctions(handlers, options.coldStartRuns);

    const planEnvironment: Record<string, string> = options.planStackTraceLimit === undefined ? {}
        : { [STACK_TRACE_LIMIT_ENV]: String(options.planStackTraceLimit) };
    const offlinePlan = await measureOfflinePlans(planEnvironment);
    const { sizes, peer } = await measureScale(options.scaleSizes, packageFunction(handlers[0]).zipPath, planEnvironment, peerDir);

    const results: BenchResults = {
        generatedAt: new Date().toISOString(),
        machine,
        benchSeconds: Math.round((performance.now() - started) / 1000),
        coldStartRuns: options.coldStartRuns,
        coldStartUnpackRoot: UNPACK_ROOT,
        planStackTraceLimit: options.planStackTraceLimit ?? null,
        nodeBootMs,
        functions,
        policyCheckScale: { sizes, ...scaleRatios(sizes) },
        peer: peerDir === undefined ? null : { dir: peerDir, sizes: peer },
        offlinePlan,
    };
    process.stdout.write(writeResults(results, options.resultsName));
}

/** Package sizes and cold starts of every handler, against one moto server holding what their init reads. */
async function measureFunctions(handlers: string[], runs: number): Promise<{ nodeBootMs: Distribution; functions: FunctionResult[] }> {
    try {
        const environmentOf = await prepareHandlerEnvironment(await motoEndpoint());
        const nodeBootMs = await measureNodeBoot(environmentOf("empty"), runs);
        log(`[cold start] empty handler (node boot): ${nodeBootMs.median} ms`);
        const results: FunctionResult[] = [];
        for (const source of handlers) {
            const { sizes, deployed, naive } = buildPackages(REPO_ROOT, source);
            if (sizes.naive.undeclaredImports.length > 0) {
                log(`[warning] ${source} imports ${sizes.naive.undeclaredImports.join(", ")} without declaring it in ` +
                    `functions/${source}/package.json: a naive package would fail at init; the bench adds it to compare like with like`);
            }
            const coldStart = await measureColdStart(deployed, naive, environmentOf(source), runs);
            results.push({ source, package: sizes, coldStart });
            log(`[cold start] ${source}: zipRatio ${sizes.zipRatio}, deployed ${coldStart.deployedMs.median} ms, ` +
                `naive ${coldStart.naiveMs.median} ms, coldStartRatio ${coldStart.coldStartRatio}`);
        }
        return { nodeBootMs, functions: results };
    } finally {
        await stopMoto();
    }
}

/** `npm run plan -- --stack <name>` of the real program, for each stack the README quotes. */
async function measureOfflinePlans(planEnvironment: Record<string, string>): Promise<Record<string, PlanMeasurement>> {
    const plans: Record<string, PlanMeasurement> = {};
    for (const stack of PLANNED_STACKS) {
        plans[stack] = await measurePlan(REPO_ROOT, ["--stack", stack], planEnvironment);
        log(`[plan] ${stack}: ${plans[stack].resources} resources in ${(plans[stack].elapsedMs / 1000).toFixed(1)} s`);
    }
    return plans;
}

/**
 * The generated program at each size, every function shipping `codeZip`; with `peerDir`, our plan of the
 * peer's design at that size, then the cdk-nag peer right after it (the two alternate, so both see the same
 * machine load).
 */
async function measureScale(functionCounts: number[], codeZip: string, planEnvironment: Record<string, string>,
    peerDir: string | undefined): Promise<{ sizes: ScaleResult[]; peer: PeerComparison[] }> {
    const sizes: ScaleResult[] = [];
    const peer: PeerComparison[] = [];
    const planOf = (program: string, functionCount: number) => measurePlan(REPO_ROOT, ["--program", program, "--stack", "bench"],
        { ...planEnvironment, [FUNCTION_COUNT_ENV]: String(functionCount), [CODE_ZIP_ENV]: codeZip })
        // A size the plan cannot handle is a result too: recorded with its error, and the bench goes on.
        .then((plan) => ({ plan, error: null }), (error: unknown) => ({ plan: null, error: errorMessage(error) }));
    for (const functionCount of functionCounts) {
        const size = { functions: functionCount, ...await planOf(SCALE_PROGRAM, functionCount) };
        sizes.push(size);
        log(`[scale] ${functionCount} functions: ${planSummary(size)}`);
        if (peerDir === undefined) continue;
        const ours = await planOf(PEER_DESIGN_PROGRAM, functionCount);
        log(`[peer design] ${functionCount} functions: ${planSummary(ours)}`);
        const comparison = await measurePeer(peerDir, functionCount).then(
            (measured): PeerComparison => ({ functions: functionCount, plan: ours.plan, planError: ours.error, peer: measured, error: null,
                ratio: ours.plan ? ratio(ours.plan.wallMs, measured.wallMs) : null }),
            (error: unknown): PeerComparison => ({ functions: functionCount, plan: ours.plan, planError: ours.error, peer: null, ratio: null,
                error: errorMessage(error) }));
        peer.push(comparison);
        log(comparison.peer
            ? `[peer] ${functionCount} functions: ${comparison.peer.resources} resources in ${(comparison.peer.wallMs / 1000).toFixed(1)} s, ` +
                `peak ${comparison.peer.peakRssMb} MB; ratio (our plan of its design / peer) ${comparison.ratio ?? "n/a"}`
            : `[peer] ${functionCount} functions: the peer failed: ${comparison.error}`);
    }
    return { sizes, peer };
}

function planSummary({ plan, error }: { plan: PlanMeasurement | null; error: string | null }): string {
    return plan
        ? `${plan.resources} resources in ${(plan.elapsedMs / 1000).toFixed(1)} s (process wall ${(plan.wallMs / 1000).toFixed(1)} s), peak ${plan.peakRssMb} MB`
        : `the plan failed: ${error}`;
}

/** A --peer folder the bench cannot use is a usage error: said before anything is measured. */
function peerFolder(dir: string): string {
    try {
        return checkPeerDir(dir);
    } catch (error) {
        throw new BenchUsageError(errorMessage(error));
    }
}

function errorMessage(error: unknown): string {
    return error instanceof Error ? error.message : String(error);
}

/**
 * Writes bench/<name>.json and bench/<name>.md; compares with the previous <name>.json first when it was
 * measured with the same options. Returns the Markdown report.
 */
function writeResults(results: BenchResults, name: string): string {
    const resultsJson = path.join(RESULTS_DIR, `${name}.json`);
    const previous = fs.existsSync(resultsJson) ? JSON.parse(fs.readFileSync(resultsJson, "utf8")) as BenchResults : undefined;
    if (previous && previous.coldStartRuns === results.coldStartRuns && previous.planStackTraceLimit === results.planStackTraceLimit) {
        results.reproducibility = compareRuns(previous, results);
    } else if (previous) {
        log(`[reproducibility] the previous ${name}.json was measured with other options: no comparison`);
    }
    fs.mkdirSync(RESULTS_DIR, { recursive: true });
    fs.writeFileSync(resultsJson, JSON.stringify(results, null, 2) + "\n");
    const report = markdownReport(results);
    fs.writeFileSync(path.join(RESULTS_DIR, `${name}.md`), report);
    return report;
}

/** Largest size against the size ten times smaller (1,000 vs 100 by default); null when that pair was not run. */
function scaleRatios(sizes: ScaleResult[]): { scaleRatio: number | null; policyCheckScaleRatio: number | null } {
    const largest = sizes.at(-1);
    const tenfoldSmaller = largest && sizes.find((size) => size.functions * 10 === largest.functions);
    if (!largest?.plan || !tenfoldSmaller?.plan) return { scaleRatio: null, policyCheckScaleRatio: null };
    return {
        scaleRatio: ratio(largest.plan.elapsedMs, tenfoldSmaller.plan.elapsedMs),
        policyCheckScaleRatio: ratio(largest.plan.policyCheckMs, tenfoldSmaller.plan.policyCheckMs),
    };
}

function log(message: string): void {
    process.stderr.write(`${message}\n`);
}

main().catch((error: unknown) => {
    process.stderr.write(error instanceof BenchUsageError ? `${error.message}\n`
        : `bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = error instanceof BenchUsageError ? 2 : 1;
});
