import * as assert from "node:assert/strict";
import * as v8 from "node:v8";
import { releaseUnusedMemory } from "../../tools/plan/release-memory";

/** Leaves about `megabytes` of garbage in the old generation (it survives long enough to be promoted). */
function leaveGarbage(megabytes: number): void {
    let kept: string[][] = [];
    for (let round = 0; round < megabytes; round++) {
        kept.push(Array.from({ length: 8_000 }, (_, i) => `garbage ${round} ${i}`));
    }
    kept = [];
    assert.equal(kept.length, 0);
}

describe("giving the program's memory back after its run", () => {
    it("shrinks a heap left full of garbage, and leaves what is alive", () => {
        const alive = Array.from({ length: 1_000 }, (_, i) => ({ i }));
        leaveGarbage(200);
        const before = v8.getHeapStatistics().total_heap_size;
        releaseUnusedMemory(0);
        const after = v8.getHeapStatistics().total_heap_size;
        assert.ok(after < before - 100 * 1024 * 1024, `heap ${before} -> ${after} bytes`);
        assert.equal(alive[999].i, 999);
    });

    it("leaves a heap below its threshold as it is, and gives no program a gc function", () => {
        leaveGarbage(200);
        const before = v8.getHeapStatistics().total_heap_size;
        releaseUnusedMemory(before + 1);
        assert.ok(v8.getHeapStatistics().total_heap_size >= before - 1024 * 1024);
        assert.equal(typeof (globalThis as { gc?: unknown }).gc, "undefined");
    });
});
