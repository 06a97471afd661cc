import * as assert from "node:assert/strict";
import { distribution, percentile, ratio } from "../../tools/bench/stats";

describe("bench statistics", () => {
    it("reports the nearest-rank median and p90, so each is a measured value", () => {
        const runs = [50, 10, 40, 20, 30, 60, 70, 80, 90, 100, 110, 120, 130, 140, 150];
        assert.deepEqual(distribution(runs), { median: 80, p90: 140, runs: 15 });
    });

    it("takes the lower middle value as the median of an even sample", () => {
        assert.equal(percentile([4, 1, 3, 2], 50), 2);
    });

    it("refuses an empty sample instead of reporting NaN", () => {
        assert.throws(() => percentile([], 50), /empty sample/);
    });

    it("rounds ratios to three decimals so that 0.042 stays distinguishable from 0.05", () => {
        assert.equal(ratio(163_907, 4_641_689), 0.035);
    });
});
