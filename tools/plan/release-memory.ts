import * as v8 from "node:v8";
import { runInNewContext } from "node:vm";

/**
 * A program's run leaves most of the plan's heap garbage: on a stack of thousands of resources V8 has grown
 * it to about a gigabyte by the end, for a few hundred megabytes still alive, and keeps it. The policy
 * pack peaks on AnalyzeStack right after, so both processes would hold their most at once (measured at
 * 1,000 functions: the plan's 1.2-1.3 GB with the pack's 0.45 GB; about 600 MB for the plan once released).
 *
 * V8's garbage collection of last resort (what it runs before giving up on an allocation) collects and
 * compacts everything and returns the freed memory to the operating system. It is reached through V8's
 * `gc` function, enabled only long enough to take it from a fresh context, so no program sees it (as Jest's
 * leak detector does). It blocks this thread for up to a second or two per gigabyte (it collects until
 * nothing more is freed), so the plan runs it only for a large heap, between the last Analyze answer and
 * the AnalyzeStack call.
 */
type GarbageCollection = (options: { type: "major"; execution: "sync"; flavor: "last-resort" }) => void;

/** Below this, a heap is left as it is. */
const LARGE_HEAP_BYTES = 512 * 1024 * 1024;

let collect: GarbageCollection | undefined;

/** Collects all garbage and gives the memory back, if the heap is at least `minimumHeapBytes`. */
export function releaseUnusedMemory(minimumHeapBytes = LARGE_HEAP_BYTES): void {
    if (v8.getHeapStatistics().total_heap_size < minimumHeapBytes) return;
    if (!collect) {
        v8.setFlagsFromString("--expose-gc");
        collect = runInNewContext("gc") as GarbageCollection;
        v8.setFlagsFromString("--no-expose-gc");
    }
    collect({ type: "major", execution: "sync", flavor: "last-resort" });
}
