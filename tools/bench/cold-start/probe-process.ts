import { spawn } from "node:child_process";
import * as path from "node:path";

/** What one fresh `node` process reports about loading a handler and answering its first invocation (see probe.cjs). */
export interface ProbeResult {
    /** Process start to the first invocation's response: node boot + module load + first invocation. */
    coldStartMs: number;
    /** `require()` of the handler module alone (synchronous module evaluation). */
    moduleLoadMs: number;
    /** `require()` start to the first invocation's response (node's own boot left out). */
    initMs: number;
    /** The first invocation alone: handler called to response back (it awaits what init started, such as the secret fetch). */
    invocationMs: number;
    /** With profileImports: inclusive load time of each package the project files import. */
    importMs: Record<string, number>;
    /** HTTP status of every response received during init and the first invocation. */
    responses: number[];
    /** What the first invocation returned (absent when it returned nothing or threw). */
    response?: unknown;
    /** `name: message` of the error the first invocation threw, if it did. */
    error?: string;
}

const PROBE_SCRIPT = path.join(__dirname, "probe.cjs");
/** A cold start that takes longer than this is stuck (an init or a first invocation that never answers). */
const PROBE_TIMEOUT_MS = 30_000;

/**
 * Starts a fresh `node` (the one running the bench, so Node 22 under npm) in `packageDir`, loads the
 * handler module, invokes its handler once with `event` and reports when the response is back. Only
 * `environment` is passed: no inherited variables.
 */
export function runProbe(packageDir: string, handlerModule: string, event: unknown, environment: Record<string, string>,
    options: { profileImports?: boolean } = {}): Promise<ProbeResult> {
    const args = [PROBE_SCRIPT, path.join(packageDir, handlerModule), JSON.stringify(event ?? null),
        ...(options.profileImports ? ["--profile-imports"] : [])];
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
            const why = signal === "SIGKILL" ? `did not answer its first invocation within ${PROBE_TIMEOUT_MS / 1000} s` : `exited with code ${code}`;
            reject(new Error(`cold start of ${handlerModule} in ${packageDir} ${why}:\n${readableTail(stderr)}`));
        });
    });
}

/** Node prints the offending source line of an error; in a minified bundle that is one huge line: cut it. */
function readableTail(stderr: string): string {
    return stderr.trim().split("\n").slice(-12).map((line) => (line.length > 240 ? `${line.slice(0, 240)}...` : line)).join("\n");
}
