import { ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";

const REPO_ROOT = join(__dirname, "..", "..", "..");
const ENTRY = join(REPO_ROOT, "functions", "churn-api", "src", "server.ts");

/** The service as Cloud Run runs it: its own process, configured only by environment variables. */
export interface ChurnApiProcess {
    child: ChildProcess;
    /** Every stdout line so far, parsed (the service logs JSON only). */
    logs: Record<string, unknown>[];
    /** Resolves with the first log line matching, or rejects after timeoutMs naming what was awaited. */
    waitForLog(predicate: (line: Record<string, unknown>) => boolean, what: string, timeoutMs?: number): Promise<Record<string, unknown>>;
    exited: Promise<number | null>;
}

export function spawnChurnApi(env: Record<string, string>): ChurnApiProcess {
    const child = spawn(process.execPath, ["--require", "tsx/cjs", ENTRY], {
        cwd: REPO_ROOT,
        env: { PATH: process.env.PATH ?? "", ...env },
        stdio: ["ignore", "pipe", "pipe"],
    });
    const logs: Record<string, unknown>[] = [];
    const waiters: { predicate: (line: Record<string, unknown>) => boolean; resolve: (line: Record<string, unknown>) => void }[] = [];
    let pending = "";
    let stderr = "";
    child.stderr?.on("data", (chunk: Buffer) => { stderr += chunk.toString(); });
    child.stdout?.on("data", (chunk: Buffer) => {
        pending += chunk.toString();
        const lines = pending.split("\n");
        pending = lines.pop() ?? "";
        for (const text of lines.filter((l) => l.trim() !== "")) {
            const line = JSON.parse(text) as Record<string, unknown>;
            logs.push(line);
            for (const waiter of waiters.filter((w) => w.predicate(line))) {
                waiters.splice(waiters.indexOf(waiter), 1);
                waiter.resolve(line);
            }
        }
    });
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    const waitForLog = (predicate: (line: Record<string, unknown>) => boolean, what: string, timeoutMs = 10_000) => {
        const seen = logs.find(predicate);
        if (seen) return Promise.resolve(seen);
        return new Promise<Record<string, unknown>>((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`churn-api never logged ${what} within ${timeoutMs} ms; stdout: ${JSON.stringify(logs)} stderr: ${stderr}`)), timeoutMs);
            waiters.push({ predicate, resolve: (line) => { clearTimeout(timer); resolve(line); } });
        });
    };
    return { child, logs, waitForLog, exited };
}
