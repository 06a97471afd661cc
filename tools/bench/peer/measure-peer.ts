import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runMeasuredProcess } from "../scale/measured-process";

/** The peer app's entry point in its folder (`node app.js N`), and the line it prints (see its header). */
const PEER_APP = "app.js";
interface PeerReport {
    N: number;
    resources: number;
    constructMs: number;
    synthAndNagMs: number;
    totalMs: number;
    byRule: Record<string, number>;
}

/** One run of the cdk-nag peer at one size. Times in ms, memory in MB. */
export interface PeerMeasurement {
    functions: number;
    /** CloudFormation resources in the synthesized templates. */
    resources: number;
    /** Spawn to exit of the peer's process (Node start-up and loading aws-cdk-lib included), like the plan's wallMs. */
    wallMs: number;
    /** The peer's own timings: building the constructs, then synth with cdk-nag's ServerlessChecks. */
    constructMs: number;
    synthAndNagMs: number;
    /** Highest resident memory of the peer's process tree (sampled from /proc every 100 ms). */
    peakRssMb: number;
    /** cdk-nag findings by rule (violating resources). */
    findingsByRule: Record<string, number>;
}

/** Far above what the peer needs for 1,000 functions: only a stuck run reaches it. */
const PEER_TIMEOUT_MS = 300_000;

/**
 * Checks that `dir` holds the peer app with its dependencies installed; throws a message saying what
 * to do otherwise (the project itself has no CDK dependency: the peer lives in its own folder).
 */
export function checkPeerDir(dir: string): string {
    const absolute = path.resolve(dir);
    if (!fs.existsSync(path.join(absolute, PEER_APP))) {
        throw new Error(`--peer ${dir}: no ${PEER_APP} there; copy the peer app (app.js and package.json) into a folder and run npm install in it`);
    }
    if (!fs.existsSync(path.join(absolute, "node_modules", "aws-cdk-lib")) || !fs.existsSync(path.join(absolute, "node_modules", "cdk-nag"))) {
        throw new Error(`--peer ${dir}: aws-cdk-lib or cdk-nag is not installed there; run npm install in ${absolute}`);
    }
    return absolute;
}

/**
 * Runs `node app.js <functions>` in the peer's folder with the Node that runs the bench (the same Node
 * as the plans), its synth output in a fresh temporary folder that is removed afterwards.
 */
export async function measurePeer(peerDir: string, functions: number): Promise<PeerMeasurement> {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "bench-peer-"));
    try {
        const run = await runMeasuredProcess([PEER_APP, String(functions)],
            { cwd: peerDir, env: { ...process.env, OUT: out }, reportOn: "stdout", timeoutMs: PEER_TIMEOUT_MS });
        const report = lastJsonLine(run.report);
        if (run.code === 0 && report && report.N === functions) {
            return { functions, resources: report.resources, wallMs: run.wallMs, constructMs: report.constructMs,
                synthAndNagMs: report.synthAndNagMs, peakRssMb: run.peakRssMb, findingsByRule: report.byRule };
        }
        const why = run.timedOut ? `did not finish within ${PEER_TIMEOUT_MS / 1000} s` : `exited with code ${run.code}`;
        throw new Error(`peer ${PEER_APP} ${functions} ${why}${report ? "" : " without its JSON report line"}:\n${run.stderrTail.trim()}`);
    } finally {
        fs.rmSync(out, { recursive: true, force: true });
    }
}

/** The peer's report: the last line it prints, as JSON. */
function lastJsonLine(stdout: string): PeerReport | undefined {
    try {
        return JSON.parse(stdout.trim().split("\n").at(-1) ?? "") as PeerReport;
    } catch {
        return undefined;
    }
}
