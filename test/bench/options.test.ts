import * as assert from "node:assert/strict";
import { parseBenchOptions } from "../../tools/bench/options";

describe("npm run bench options", () => {
    it("defaults to 15 cold starts per package and programs of 10, 100 and 1,000 functions", () => {
        assert.deepEqual(parseBenchOptions([]), { coldStartRuns: 15, scaleSizes: [10, 100, 1000], resultsName: "results" });
    });

    it("reads --runs, --sizes, --plan-stack-trace-limit and --results", () => {
        assert.deepEqual(parseBenchOptions(["--runs", "20", "--sizes", "5, 50", "--plan-stack-trace-limit", "1", "--results", "trial-2"]),
            { coldStartRuns: 20, scaleSizes: [5, 50], planStackTraceLimit: 1, resultsName: "trial-2" });
    });

    it("reads the peer folder and --skip-handlers", () => {
        assert.deepEqual(parseBenchOptions(["--peer", "../peer-cdk-nag", "--skip-handlers", "--sizes", "100,1000"]),
            { coldStartRuns: 15, scaleSizes: [100, 1000], resultsName: "results", peerDir: "../peer-cdk-nag", skipHandlers: true });
    });

    it("rejects a results name that is a path, so results stay in bench/", () => {
        assert.throws(() => parseBenchOptions(["--results", "../x"]), /--results "\.\.\/x" must be a file name of lowercase letters/);
    });

    it("rejects a run count that is not a whole number, naming the flag and the usage", () => {
        assert.throws(() => parseBenchOptions(["--runs", "1.5"]), /--runs "1\.5" must be a whole number of at least 1; usage: npm run bench/);
    });

    it("rejects sizes out of order, since the scale ratio compares the largest with the one ten times smaller", () => {
        assert.throws(() => parseBenchOptions(["--sizes", "100,10"]), /--sizes 100,10 must list function counts in ascending order/);
    });

    it("rejects an unknown flag with the usage", () => {
        assert.throws(() => parseBenchOptions(["--fast"]), /Unknown option '--fast'.*usage: npm run bench/);
    });
});
