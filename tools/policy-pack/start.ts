import { AnalyzerService } from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { ChildProcess, spawn } from "node:child_process";
import * as path from "node:path";
import * as readline from "node:readline";
import { AnalyzerMethod, analyzeEncoded, callEncoded } from "./encoded-calls";
import { reconcilePolicyConfig } from "./policy-config";
import { encodeStackRequest } from "./stack-request";
import { AnalyzedResource, EncodedStackRequest, PolicyConfigFile, PolicyPackProcess, PolicyViolation } from "./types";
import { UnaryRelay } from "./unary-relay";
import { configureRequest, packInfoFromWire, violationsFromWire } from "./wire";

export interface StartPolicyPackOptions {
    /** Folder holding PulumiPolicy.yaml and the pack's index.ts. */
    packDir: string;
    /** The `--policy-pack-config` file's content; omitted means schema defaults and default levels. */
    policyConfig?: PolicyConfigFile;
    /** How long the pack may take to print its port (ts-node type-checks it first). */
    startTimeoutMs?: number;
    /** Stops a start still in progress (the pack is killed, the start rejects). */
    signal?: AbortSignal;
}

/**
 * A larger young generation than Node's default for the pack's process: AnalyzeStack over a stack of
 * thousands of resources allocates heavily. 16 MB per semi-space spends no more CPU in garbage collection
 * than 64 MB since the pack decodes requests itself (policies/lib/direct-request-decoding.ts), and keeps
 * about 100 MB less resident at 1,000 functions.
 */
const PACK_NODE_FLAGS = ["--max-semi-space-size=16"];

/**
 * Preloaded into the pack's process: it exits when its stdin (a pipe from the plan) closes, which the
 * operating system does when the plan process ends in any way, SIGKILL included, so no pack outlives it.
 */
const EXIT_WITH_PARENT = `--import=data:text/javascript,${encodeURIComponent(
    "process.stdin.on('end', () => process.exit(0)).on('error', () => process.exit(0)).resume();")}`;

/** Packs started by this process and still running: stopped when it exits, whatever the reason. */
const running = new Set<ChildProcess>();
process.on("exit", () => {
    for (const child of running) child.kill("SIGKILL");
});

/**
 * Calls kept in flight at once (Analyze, one per resource, sent as resources register). Each call is cheap,
 * so with few in flight the plan process and the pack mostly wait for each other (measured, 13,002
 * resources: 16 in flight 10-13 s, 256 in flight 7 s).
 */
const CALLS_IN_FLIGHT = 256;

/** The analyzer ignores the engine address it is given; the CLI passes its own, there is none here. */
const NO_ENGINE = "127.0.0.1:0";

/** Resolves with the first stdout line (the port), rejects with the pack's stderr if it exits or stalls first. */
function readPort(child: ChildProcess, timeoutMs: number): Promise<number> {
    let stderr = "";
    child.stderr?.on("data", (chunk: Buffer) => { stderr = (stderr + chunk.toString()).slice(-8000); });
    return new Promise((resolve, reject) => {
        const lines = readline.createInterface({ input: child.stdout! });
        let settled = false;
        // When this process is busy (a large program being planned), the timer can fire after the port line
        // has already arrived: let pending I/O run once (setImmediate comes after the poll phase) first.
        const timer = setTimeout(() => setImmediate(() => fail(`did not print its port within ${timeoutMs} ms`)), timeoutMs);
        function fail(why: string): void {
            if (settled) return;
            settled = true;
            clearTimeout(timer);
            lines.close();
            child.kill("SIGKILL");
            reject(new Error(`the policy pack ${why}.\n${stderr}`.trim()));
        }
        child.once("exit", (code) => fail(`exited with code ${code} before serving`));
        lines.once("line", (line) => {
            const port = Number(line.trim());
            if (!Number.isInteger(port) || port <= 0) return fail(`printed "${line}" where its port was expected`);
            if (settled) return;
            settled = true;
            clearTimeout(timer);
            resolve(port);
        });
    });
}

/** A unary call of one of the analyzer's methods with a message object: the method's own request encoding. */
function call<Req, Res>(relay: UnaryRelay, method: AnalyzerMethod<Res> & { requestSerialize(request: Req): Buffer }, request: Req): Promise<Res> {
    return callEncoded(relay, method, method.requestSerialize(request));
}

function stop(child: ChildProcess): Promise<void> {
    if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
    });
}

/**
 * Starts a policy pack the way the Pulumi CLI does: `@pulumi/pulumi/cmd/run-policy-pack` run from
 * the pack's folder (ts-node compiles and type-checks it), port read from its first stdout line,
 * then GetAnalyzerInfo and Configure with the config reconciled like the CLI.
 */
export async function startPolicyPack(options: StartPolicyPackOptions): Promise<PolicyPackProcess> {
    const packDir = path.resolve(options.packDir);
    const runner = require.resolve("@pulumi/pulumi/cmd/run-policy-pack", { paths: [packDir] });
    const child = spawn(process.execPath, [...PACK_NODE_FLAGS, EXIT_WITH_PARENT, runner, NO_ENGINE, "."],
        { cwd: packDir, stdio: ["pipe", "pipe", "pipe"] });
    running.add(child);
    child.once("exit", () => running.delete(child));
    const abort = () => child.kill("SIGKILL");
    if (options.signal?.aborted) abort();
    options.signal?.addEventListener("abort", abort, { once: true });
    let relay: UnaryRelay | undefined;
    try {
        const port = await readPort(child, options.startTimeoutMs ?? 60_000);
        relay = new UnaryRelay(`127.0.0.1:${port}`, CALLS_IN_FLIGHT);
        const analyzer = relay;
        const info = packInfoFromWire(await call(analyzer, AnalyzerService.getAnalyzerInfo, new Empty()));
        const configure = async (policyConfig?: PolicyConfigFile): Promise<void> => {
            await call(analyzer, AnalyzerService.configure, configureRequest(reconcilePolicyConfig(info, policyConfig)));
        };
        await configure(options.policyConfig);
        options.signal?.removeEventListener("abort", abort);
        return {
            info,
            configure,
            async analyze(resource: AnalyzedResource): Promise<PolicyViolation[]> {
                return analyzeEncoded(analyzer, resource);
            },
            async analyzeStack(stack: readonly AnalyzedResource[] | EncodedStackRequest): Promise<PolicyViolation[]> {
                const request = "bytes" in stack ? stack : await encodeStackRequest(stack);
                // The plan's last call: handed over at once, whatever this thread does next.
                return violationsFromWire(await callEncoded(analyzer, AnalyzerService.analyzeStack, request.bytes, { now: true }), null);
            },
            async close(): Promise<void> {
                await analyzer.close();
                await stop(child);
            },
        };
    } catch (error) {
        await relay?.close();
        await stop(child);
        throw error;
    }
}
