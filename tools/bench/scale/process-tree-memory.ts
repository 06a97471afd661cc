import * as fs from "node:fs";

/** Page size Linux reports RSS in, in /proc/<pid>/statm. */
const PAGE_BYTES = 4096;
const SAMPLE_INTERVAL_MS = 100;

/**
 * Samples the resident memory of a process and all its descendants (the plan and the policy pack it
 * spawns) from /proc every 100 ms; `stop()` returns the highest total seen, in MB. Linux only.
 */
export function watchTreeMemory(rootPid: number): { stop(): number } {
    let peakBytes = 0;
    const sample = () => {
        const total = descendantsOf(rootPid).reduce((sum, pid) => sum + residentBytes(pid), 0);
        peakBytes = Math.max(peakBytes, total);
    };
    sample();
    const timer = setInterval(sample, SAMPLE_INTERVAL_MS);
    return {
        stop: () => {
            clearInterval(timer);
            return Math.round(peakBytes / 2 ** 20);
        },
    };
}

/** The pid and every process whose parent chain leads to it. */
function descendantsOf(rootPid: number): number[] {
    const children = new Map<number, number[]>();
    for (const entry of fs.readdirSync("/proc")) {
        if (!/^\d+$/.test(entry)) continue;
        const parent = parentPid(Number(entry));
        if (parent !== undefined) children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    }
    const tree: number[] = [];
    const pending = [rootPid];
    while (pending.length > 0) {
        const pid = pending.pop() as number;
        tree.push(pid);
        pending.push(...(children.get(pid) ?? []));
    }
    return tree;
}

/** Field 4 of /proc/<pid>/stat, read after the command name (which may contain spaces and parentheses). */
function parentPid(pid: number): number | undefined {
    const stat = readProc(`/proc/${pid}/stat`);
    if (stat === undefined) return undefined;
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
}

function residentBytes(pid: number): number {
    const statm = readProc(`/proc/${pid}/statm`);
    return statm === undefined ? 0 : Number(statm.split(" ")[1]) * PAGE_BYTES;
}

/** A process may exit between listing and reading: it then counts as gone. */
function readProc(file: string): string | undefined {
    try {
        return fs.readFileSync(file, "utf8");
    } catch {
        return undefined;
    }
}
