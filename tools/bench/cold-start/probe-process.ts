import { spawn } from "node:child_process";
import * as path from "node:path";

/** What one fresh `node` process reports about loading a handler (see probe.cjs). */
export interface ProbeResult {
    /** Process start to init done: node boot + module load + the async init the module started. */
    coldStartMs: number;
    /** `require()` of the handler module alone (synchronous module evaluation). */
    moduleLoadMs: number;
    /** `require()` start to init done (module load + async init such as the secret fetch). */
    initMs: number;
    /** With profileImports: inclusive load time of each package the project files import. */
    importMs: Record<string, number>;
    /** HTTP status of every response received during init. */
    initResponses: number[];
}

const PROBE_SCRIPT = path.join(__dirname, "probe.cjs");
/** A cold start that takes longer than this is stuck (an init that never lets the event loop empty). */
const PROBE_TIMEOUT_MS = 30_000;

/**
 * Starts a fresh `node` (the one running the bench, so Node 22 under npm) in `packageDir`, loads the
 * handler module and waits for its init to finish. Only `environment` is passed: no inherited variables.
 */
export function runProbe(packageDir: string, handlerModule: string, environment: Record<string, string>,
    options: { profileImports?: boolean } = {}): Promise<ProbeResult> {
    const args = [PROBE_SCRIPT, path.join(packageDir, handlerModule), ...(options.profileImports ? ["--profile-imports"] : [])];
    return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, args, { cwd: packageDir, env: environment, stdio: ["ignore", "ignore", "pipe", "pipe"] });
        let stderr = "";
        let report = "";
        child.stderr?.on("data", (chunk: Buffer) => { stderr = (stderr + chunk.toString()).slice(-4000); });
        child.stdio[3]?.on("data", (chunk: Buffer) => { report += chunk.toString(); });
        const timer = setTimeout(() => child.kill("SIGKILL"), PROBE_TIMEOUT_MS);
        child.once("error", (error) => { clearTimeout(timer); reject(error); });
        child.once("close", (code, signal) => {
            clearTimeout(timer);
            if (code === 0 && report.trim() !== "") {
                resolve(JSON.parse(report) as ProbeResult);
                return;
            }
            const why = signal === "SIGKILL" ? `did not finish its init within ${PROBE_TIMEOUT_MS / 1000} s` : `exited with code ${code}`;
            reject(new Error(`cold start of ${handlerModule} in ${packageDir} ${why}:\n${readableTail(stderr)}`));
        });
    });
}

/** Node prints the offending source line of an error; in a minified bundle that is one huge line: cut it. */
function readableTail(stderr: string): string {
    return stderr.trim().split("\n").slice(-12).map((line) => (line.length > 240 ? `${line.slice(0, 240)}...` : line)).join("\n");
}
