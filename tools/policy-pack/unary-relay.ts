import * as path from "node:path";
// Node's own timers, not the globals: while a program runs, the harness wraps those (program-timers.ts) and
// records a call stack for every timer set, one per batch of calls here.
import { clearTimeout, setTimeout } from "node:timers";
import * as v8 from "node:v8";
import { Worker } from "node:worker_threads";

/**
 * The plan's gRPC calls to the policy pack, made from a thread of their own. The plan process runs the
 * program on its main thread and sends an Analyze call for every registration: on a stack of thousands of
 * resources the gRPC client's own work per call (channel, call stack, HTTP/2 stream and frames, and their
 * garbage) was about a fifth of that thread's time, on the one core the program can use, while the
 * machine's other core mostly waited for the pack. Here the main thread encodes each request and hands
 * its bytes over; the relay's thread (unary-relay-worker.cjs) makes the gRPC unary call on the method's
 * path and hands the response's bytes back. The pack receives the same calls as before.
 */

/** A call as the relay's thread receives it (in arrays). */
interface RelayRequest {
    id: number;
    path: string;
    bytes: Uint8Array;
}

/**
 * Calls handed to the relay's thread in one message. A message costs the sending thread more than the
 * request it carries (the plan sends one per registration, one registration per turn of its event loop);
 * with this many in flight the pack never waits for a batch, and the last few wait at most POST_DELAY_MS.
 */
const POST_BATCH = 16;
const POST_DELAY_MS = 2;

/** An answer as the relay's thread posts it. */
type RelayAnswer =
    | { id: number; bytes: Uint8Array }
    | { id: number; error: { message: string; code?: number; details?: string } };

/** How a call is handed to the relay's thread. */
export interface CallOptions {
    /**
     * Hand it over as soon as it may be in flight, with the calls waiting for a batch, rather than within
     * POST_DELAY_MS: for a call no other will join, whose answer this thread then only waits for (the plan's
     * last call, AnalyzeStack), or before work that keeps this thread from its event loop for a while.
     */
    now?: boolean;
}

interface Call {
    id: number;
    now: boolean;
    method: string;
    request: Uint8Array;
    resolve(bytes: Buffer): void;
    reject(error: Error): void;
}

/** A failed call, reported as @grpc/grpc-js reports one: "<code> <NAME>: <details>", the status code and the details. */
export class RelayedCallError extends Error {
    constructor(message: string, readonly code: number | undefined, readonly details: string | undefined) {
        super(message);
        this.name = "RelayedCallError";
    }
}

/** Run with no execArgv of this process: the relay needs no module loader. */
const WORKER_FILE = path.join(__dirname, "unary-relay-worker.cjs");

/**
 * The relay thread's heap. Its live data is a few calls' worth (at most `maxInFlight` are handed over), so
 * a small young generation is plenty; with the plan's own (`--max-semi-space-size=64`, sized for a
 * program) the thread held about 140 MB, nearly all of it garbage, at 1,000 functions.
 */
const RELAY_HEAP_LIMITS = { maxYoungGenerationSizeMb: 8 };

/** V8's flag that, when this process was started with it, overrides a worker's young generation limit. */
const SEMI_SPACE_FLAG = /^--max-semi-space-size=(\d+)$/;

/**
 * Starts the relay's thread with RELAY_HEAP_LIMITS in effect. V8 flags are the process's, and V8 lets
 * `--max-semi-space-size` win over a worker's resource limits: it is cleared while the thread's heap is
 * set up (in the new thread, before it runs any code), then set back. Only heaps created meanwhile see
 * it; this process's own heap was configured at start-up.
 */
function startRelayThread(address: string): Worker {
    const semiSpace = process.execArgv.map((argument) => SEMI_SPACE_FLAG.exec(argument)?.[1]).find((size) => size !== undefined);
    if (semiSpace !== undefined) v8.setFlagsFromString("--max-semi-space-size=0");
    const worker = new Worker(WORKER_FILE, { workerData: { address }, execArgv: [], resourceLimits: RELAY_HEAP_LIMITS });
    if (semiSpace !== undefined) {
        const restore = () => v8.setFlagsFromString(`--max-semi-space-size=${semiSpace}`);
        worker.once("online", restore).once("error", restore);
    }
    return worker;
}

export class UnaryRelay {
    private readonly worker: Worker;
    /** Calls handed to the relay's thread and not answered yet, by id. */
    private readonly inFlight = new Map<number, Call>();
    /** Calls waiting for a place in flight, oldest first. */
    private readonly queued: (Call | undefined)[] = [];
    private queueHead = 0;
    private nextId = 0;
    /** Calls in flight not handed to the relay's thread yet: they go together (see POST_BATCH). */
    private outbox: RelayRequest[] = [];
    private postTimer: NodeJS.Timeout | undefined;
    /** Why the relay's thread stopped (it failed, or close() was called): later calls fail with it. */
    private stopped: Error | undefined;

    /**
     * @param address the pack's `host:port`.
     * @param maxInFlight calls in flight at once; later ones wait here, in the order they were made.
     */
    constructor(address: string, private readonly maxInFlight: number) {
        this.worker = startRelayThread(address);
        this.worker.unref();
        this.worker.on("message", (answers: RelayAnswer[]) => this.settle(answers));
        this.worker.on("error", (error) => this.stop(error));
        this.worker.on("exit", (code) => this.stop(new Error(`the policy pack's gRPC client thread stopped (exit code ${code})`)));
    }

    /** Calls `method` (its full path, `/pulumirpc.Analyzer/Analyze`) with an encoded request; resolves with the response's bytes. */
    call(method: string, request: Uint8Array, options: CallOptions = {}): Promise<Buffer> {
        if (this.stopped) return Promise.reject(this.stopped);
        return new Promise<Buffer>((resolve, reject) => {
            const call = { id: this.nextId++, now: options.now === true, method, request, resolve, reject };
            if (this.inFlight.size < this.maxInFlight && this.queueHead === this.queued.length) this.send(call);
            else this.queued.push(call);
        });
    }

    /** Stops the relay's thread; calls not answered yet fail. */
    async close(): Promise<void> {
        if (this.stopped) return;
        this.stop(new Error("the policy pack's connection was closed"));
        await this.worker.terminate();
    }

    private send(call: Call): void {
        // While calls are in flight the thread keeps this process alive, as the client's socket would.
        if (this.inFlight.size === 0) this.worker.ref();
        this.inFlight.set(call.id, call);
        this.outbox.push({ id: call.id, path: call.method, bytes: call.request });
        if (call.now || this.outbox.length >= POST_BATCH) this.post();
        else this.postTimer ??= setTimeout(this.post, POST_DELAY_MS);
    }

    /** Hands the calls in the outbox to the relay's thread, in one message. */
    private readonly post = (): void => {
        if (this.postTimer) clearTimeout(this.postTimer);
        this.postTimer = undefined;
        if (this.outbox.length === 0) return;
        this.worker.postMessage(this.outbox);
        this.outbox = [];
    };

    private settle(answers: RelayAnswer[]): void {
        for (const answer of answers) {
            const call = this.inFlight.get(answer.id);
            if (!call) continue;
            this.inFlight.delete(answer.id);
            if ("error" in answer) call.reject(new RelayedCallError(answer.error.message, answer.error.code, answer.error.details));
            // A Buffer arrives as a plain Uint8Array: the same bytes, seen as a Buffer again without a copy.
            else call.resolve(Buffer.from(answer.bytes.buffer, answer.bytes.byteOffset, answer.bytes.byteLength));
        }
        while (this.inFlight.size < this.maxInFlight && this.queueHead < this.queued.length) {
            const next = this.queued[this.queueHead] as Call;
            this.queued[this.queueHead++] = undefined; // sent: not held until the queue empties
            this.send(next);
        }
        if (this.queueHead === this.queued.length) {
            this.queued.length = 0;
            this.queueHead = 0;
        }
        if (this.inFlight.size === 0) this.worker.unref();
    }

    private stop(reason: Error): void {
        this.stopped ??= reason;
        if (this.postTimer) clearTimeout(this.postTimer);
        this.postTimer = undefined;
        this.outbox = [];
        const unanswered = [...this.inFlight.values(), ...this.queued.slice(this.queueHead) as Call[]];
        this.inFlight.clear();
        this.queued.length = 0;
        this.queueHead = 0;
        for (const call of unanswered) call.reject(this.stopped);
        this.worker.unref();
    }
}
