import { strict as assert } from "node:assert";
import { terminalProgress } from "../../tools/plan/progress";

describe("offline plan progress indicator", () => {
    it("rewrites one terminal line in place, redraws counters at most every 80 ms (always the last) and erases itself", () => {
        const written: string[] = [];
        let now = 0;
        const progress = terminalProgress({ write: (text: string) => written.push(text) }, () => now);
        progress.step("running index.ts for stack dev");
        for (let done = 1; done <= 500; done++) {
            now += 1; // one resource analyzed per millisecond
            progress.count("analyzing resources", done, 500);
        }
        progress.done();
        assert.deepEqual(written.slice(0, 3), [
            "\r\x1b[2K| running index.ts for stack dev",
            "\r\x1b[2K/ analyzing resources 80/500",
            "\r\x1b[2K- analyzing resources 160/500",
        ]);
        assert.deepEqual(written.slice(-2), ["\r\x1b[2K\\ analyzing resources 500/500", "\r\x1b[2K"]);
        assert.equal(written.length, 9, "step + 6 throttled counts (80..480) + the last count + erase");
    });
});
