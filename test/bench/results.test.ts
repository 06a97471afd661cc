import * as assert from "node:assert/strict";
import { acceptanceChecks } from "../../tools/bench/report/acceptance";
import { BenchResults, compareRuns, keyNumbers } from "../../tools/bench/results";
import { PlanMeasurement } from "../../tools/bench/scale/measure-plan";

const plan = (elapsedMs: number): PlanMeasurement => ({
    elapsedMs, programMs: elapsedMs / 2, packReadyMs: 5000, policyCheckMs: elapsedMs / 2, analyzeStackMs: 100, resources: 1301,
    mandatoryViolations: 0, advisoryViolations: 0, wallMs: elapsedMs + 3000, peakRssMb: 400,
});

function run(generatedAt: string, coldStartMs: number, scaleMs: number, extraSize?: number): BenchResults {
    const dist = (median: number) => ({ median, p90: median * 1.2, runs: 15 });
    return {
        generatedAt,
        machine: { nodeVersion: "v22.23.3", cpuModel: "test cpu", cpuCount: 2, totalMemoryMb: 4096, platform: "linux" },
        benchSeconds: 300,
        coldStartRuns: 15,
        coldStartUnpackRoot: "/dev/shm",
        planStackTraceLimit: null,
        nodeBootMs: dist(40),
        functions: [{
            source: "customer-api",
            package: {
                deployed: { zipBytes: 100, unzippedBytes: 300, files: 1 },
                naive: { zipBytes: 4000, unzippedBytes: 12000, files: 4000, nodeModulesPackages: 50, undeclaredImports: [] },
                zipRatio: 0.025, unzippedRatio: 0.025,
            },
            coldStart: {
                deployedMs: dist(coldStartMs), naiveMs: dist(400), coldStartRatio: coldStartMs / 400,
                deployedUnpackMs: dist(2), naiveUnpackMs: dist(300),
                deployedProcessMs: dist(coldStartMs - 2), naiveProcessMs: dist(100), processRatio: (coldStartMs - 2) / 100,
                deployedInitMs: dist(coldStartMs - 40), naiveInitMs: dist(60), initRatio: (coldStartMs - 40) / 60,
                deployedModuleLoadMs: dist(50), naiveModuleLoadMs: dist(300), moduleLoadRatio: 0.167,
                initResponses: [200], dominantImports: [],
            },
        }],
        policyCheckScale: {
            sizes: [{ functions: 100, plan: plan(scaleMs), error: null },
                ...(extraSize ? [{ functions: extraSize, plan: plan(scaleMs * 9), error: null }] : [])],
            scaleRatio: extraSize ? 9 : null,
            policyCheckScaleRatio: extraSize ? 9 : null,
        },
        offlinePlan: { dev: plan(8000) },
    };
}

describe("bench run-to-run comparison", () => {
    it("names each key number after what it measures", () => {
        assert.deepEqual(Object.keys(keyNumbers(run("a", 100, 10_000, 1000))), [
            "customer-api.zipRatio", "customer-api.coldStartRatio", "customer-api.processRatio",
            "customer-api.deployedColdStartMedianMs", "customer-api.naiveColdStartMedianMs",
            "scale.100.elapsedMs", "scale.100.peakRssMb", "scale.1000.elapsedMs", "scale.1000.peakRssMb",
            "scale.scaleRatio", "plan.dev.elapsedMs",
        ]);
    });

    it("flags a key number that moved more than 20% between two runs and only that one", () => {
        const comparison = compareRuns(run("first", 100, 10_000), run("second", 125, 11_000));
        assert.deepEqual(comparison.outside, ["customer-api.coldStartRatio", "customer-api.processRatio", "customer-api.deployedColdStartMedianMs"]);
        const scale = comparison.changes.find((change) => change.key === "scale.100.elapsedMs");
        assert.deepEqual(scale, { key: "scale.100.elapsedMs", previous: 10_000, current: 11_000, relativeChange: 0.1 });
        assert.equal(comparison.previousGeneratedAt, "first");
    });

    it("leaves out key numbers only one of the two runs measured", () => {
        const comparison = compareRuns(run("first", 100, 10_000), run("second", 100, 10_000, 1000));
        assert.equal(comparison.changes.some((change) => change.key.startsWith("scale.1000")), false);
        assert.deepEqual(comparison.outside, []);
    });
});

describe("bench acceptance checks", () => {
    it("checks every issue limit against the measured numbers, the per-handler ones on the worst handler", () => {
        const results = run("now", 100, 10_000, 1000);
        results.functions.push({ ...results.functions[0], source: "slow-api",
            coldStart: { ...results.functions[0].coldStart, coldStartRatio: 0.31 } });
        assert.deepEqual(acceptanceChecks(results), [
            { name: "zipRatio, every handler", limit: "<= 0.05", measured: "0.025 (worst: customer-api)", met: true },
            { name: "coldStartRatio, every handler", limit: "<= 0.25", measured: "0.31 (worst: slow-api)", met: false },
            { name: "scaleRatio (plan time, 1000 / 100 functions)", limit: "<= 11", measured: "9", met: true },
            { name: "plan of 1000 functions", limit: "< 60 s", measured: "90 s (process wall 93 s)", met: false },
            { name: "peak RSS, plan + pack, 1000 functions, platform design", limit: "<= 1536 MB", measured: "400 MB", met: true },
        ]);
    });

    it("checks the ratio of our plan of the peer's design to the cdk-nag peer at 100 and 1,000 functions, a failed side as unmet", () => {
        const results = run("now", 100, 10_000, 1000);
        const peer = (functions: number, wallMs: number) => ({ functions, resources: functions * 10, wallMs, constructMs: 500,
            synthAndNagMs: wallMs - 1500, peakRssMb: 900, findingsByRule: {} });
        // The platform design's plan (13 s at 100 functions) is not what the ratio compares: the peer's design is.
        const peerDesign = { ...plan(6_000), peakRssMb: 1_600 };
        results.peer = { dir: "/tmp/peer", sizes: [
            { functions: 100, plan: plan(7_000), planError: null, peer: peer(100, 12_500), ratio: 0.8, error: null },
            { functions: 1000, plan: peerDesign, planError: null, peer: null, ratio: null,
                error: "peer app.js 1000 exited with code 1:\nError: out of memory" },
        ] };
        assert.deepEqual(acceptanceChecks(results).filter((check) => check.name.includes("peer")), [
            { name: "plan / cdk-nag peer at 100 functions, same design (process wall)", limit: "<= 0.8",
                measured: "0.8 (10.0 s vs 12.5 s)", met: true },
            { name: "plan / cdk-nag peer at 1000 functions, same design (process wall)", limit: "<= 0.8",
                measured: "not measured: Error: out of memory", met: false },
            { name: "peak RSS, plan + pack, 1000 functions, peer's design", limit: "<= 1536 MB", measured: "1600 MB", met: false },
        ]);
        assert.equal(keyNumbers(results)["peer.100.ratio"], 0.8);
        assert.equal(keyNumbers(results)["peerDesign.1000.wallMs"], 9_000);
        assert.equal("peer.1000.ratio" in keyNumbers(results), false);
    });

    it("reports a failed plan of the peer's design as the reason the ratio was not measured", () => {
        const results = run("now", 100, 10_000, 1000);
        results.peer = { dir: "/tmp/peer", sizes: [{ functions: 100, plan: null,
            planError: "plan --program p exited with code 2:\nError: the policy pack did not print its port within 60000 ms.",
            peer: { functions: 100, resources: 1000, wallMs: 3000, constructMs: 500, synthAndNagMs: 1500, peakRssMb: 500, findingsByRule: {} },
            ratio: null, error: null }] };
        assert.deepEqual(acceptanceChecks(results).find((check) => check.name.includes("cdk-nag")), {
            name: "plan / cdk-nag peer at 100 functions, same design (process wall)", limit: "<= 0.8",
            measured: "not measured: Error: the policy pack did not print its port within 60000 ms.", met: false });
    });

    it("reports a size whose plan failed as unmet, with the error line of the plan's output, and no scale ratio", () => {
        const results = run("now", 100, 10_000);
        results.policyCheckScale.sizes.push({ functions: 1000, plan: null, error: "plan --program x exited with code 2:\n" +
            "Error: the policy pack did not print its port within 60000 ms.\n    at fail (start.ts:34:20)" });
        assert.deepEqual(acceptanceChecks(results).at(-1), { name: "plan of 1000 functions", limit: "< 60 s",
            measured: "failed: Error: the policy pack did not print its port within 60000 ms.", met: false });
        assert.equal(Object.keys(keyNumbers(results)).some((key) => key.startsWith("scale.1000")), false);
    });
});
