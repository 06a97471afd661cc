import { ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { planNodeArguments } from "../../tools/plan/node-command";
import { REPO_ROOT } from "../support/stack";
import { PlanOutcome } from "./run-plan-cli";

/** Environment variable that marks a plan and every process it starts (children inherit it). */
const MARKER_VARIABLE = "OFFLINE_PLAN_TEST_MARKER";

/** A plan started as its own process, exactly as `npm run plan` starts it (no wrapper process in between). */
export interface PlanProcess {
    child: ChildProcess;
    marker: string;
    outcome: Promise<PlanOutcome>;
}

export function startPlanProcess(argv: string[], options: { cwd?: string; env?: Record<string, string> } = {}): PlanProcess {
    const marker = randomUUID();
    const cli = path.join(REPO_ROOT, "tools", "plan", "cli.ts");
    const child = spawn(process.execPath, [...planNodeArguments(), cli, ...argv], {
        cwd: options.cwd ?? REPO_ROOT,
        env: { ...process.env, ...options.env, [MARKER_VARIABLE]: marker },
        stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const outcome = new Promise<PlanOutcome>((resolve, reject) => {
        child.on("error", reject);
        child.on("close", (code, signal) => resolve({ code: code ?? (signal ? -1 : -2), stdout, stderr }));
    });
    return { child, marker, outcome };
}

/** Live processes (zombies excluded) whose environment carries `marker`, other than `except`. */
export function processesMarked(marker: string, except?: number): { pid: number; command: string }[] {
    const found: { pid: number; command: string }[] = [];
    for (const entry of fs.readdirSync("/proc")) {
        const pid = Number(entry);
        if (!Number.isInteger(pid) || pid === except) continue;
        try {
            if (!fs.readFileSync(`/proc/${pid}/environ`, "utf8").includes(`${MARKER_VARIABLE}=${marker}`)) continue;
            if (/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, "utf8"))) continue;
            found.push({ pid, command: fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ") });
        } catch {
            // the process ended while being read, or belongs to someone else
        }
    }
    return found;
}

/** The policy pack process a plan started, once it exists. */
export function packProcess(plan: PlanProcess): { pid: number; command: string } | undefined {
    return processesMarked(plan.marker, plan.child.pid).find((p) => p.command.includes("run-policy-pack"));
}

/** Polls `probe` every 50 ms until it returns a value other than undefined; fails naming `what` after `timeoutMs`. */
export async function pollFor<T>(probe: () => T | undefined, what: string, timeoutMs = 60_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
        const value = probe();
        if (value !== undefined) return value;
        if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
    }
}
