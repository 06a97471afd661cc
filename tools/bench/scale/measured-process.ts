import { spawn } from "node:child_process";
import { watchTreeMemory } from "./process-tree-memory";

/** How a measured process ended: its report, the tail of its stderr, its wall time and the peak RSS of its tree. */
export interface MeasuredRun {
    code: number | null;
    /** True when it was killed for running past its timeout. */
    timedOut: boolean;
    report: string;
    stderrTail: string;
    wallMs: number;
    peakRssMb: number;
}

export interface MeasuredProcessOptions {
    cwd: string;
    env: NodeJS.ProcessEnv;
    /** Where the process writes its report: stdout, or file descriptor 3 (stdout then goes nowhere). */
    reportOn: "stdout" | "fd3";
    timeoutMs: number;
}

/**
 * Runs `process.execPath args` as one measurement: wall time from spawn to close, the peak resident memory
 * of the process and its children, sampled while it runs, and a SIGKILL past the timeout.
 */
export function runMeasuredProcess(args: string[], options: MeasuredProcessOptions): Promise<MeasuredRun> {
    return new Promise((resolve, reject) => {
        const started = performance.now();
        const child = spawn(process.execPath, args, {
            cwd: options.cwd,
            env: options.env,
            stdio: options.reportOn === "stdout" ? ["ignore", "pipe", "pipe"] : ["ignore", "ignore", "pipe", "pipe"],
        });
        const memory = watchTreeMemory(child.pid as number);
        let report = "";
        let stderrTail = "";
        (options.reportOn === "stdout" ? child.stdout : child.stdio[3])?.on("data", (chunk: Buffer) => { report += chunk.toString(); });
        // Only the tail can explain a failure (cdk-nag, for one, prints every finding on stderr).
        child.stderr?.on("data", (chunk: Buffer) => { stderrTail = (stderrTail + chunk.toString()).slice(-4000); });
        const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs);
        child.once("error", (error) => { clearTimeout(timer); memory.stop(); reject(error); });
        child.once("close", (code, signal) => {
            clearTimeout(timer);
            const wallMs = performance.now() - started;
            resolve({ code, timedOut: signal === "SIGKILL", report, stderrTail, wallMs, peakRssMb: memory.stop() });
        });
    });
}
