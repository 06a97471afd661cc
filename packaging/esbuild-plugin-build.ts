import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { MessageChannel, receiveMessageOnPort, Worker } from "node:worker_threads";
import type { BuildOptions, Metafile, OutputFile } from "esbuild";

/** The worker that runs esbuild with the bundle's plugin (plain CommonJS, see there). */
const WORKER_FILE = path.join(__dirname, "esbuild-worker.cjs");

/** Hash of the worker, plugin included: build caches key on it, so a change to the plugin rebuilds the zips. */
export const PLUGIN_BUILD_KEY = createHash("sha256").update(fs.readFileSync(WORKER_FILE)).digest("hex");

/** Longer than any bundle takes; a worker that never answers must not hang the program. */
const BUILD_TIMEOUT_MS = 5 * 60_000;

/** What a build in memory gives back. */
export interface InMemoryBuild {
    outputFiles: Pick<OutputFile, "path" | "contents">[];
    metafile: Metafile;
}

type WorkerReply = InMemoryBuild | { error: string };

/**
 * Runs one esbuild build with the bundle's plugin (eager imports, esbuild-worker.cjs) and returns when it is
 * done, so that packaging stays synchronous (buildAws packages while the Pulumi program is constructed).
 * esbuild runs plugins only in its asynchronous API, so the build runs in a worker thread while this one
 * waits on a shared flag: the way esbuild's own buildSync works, which refuses plugins because functions
 * cannot be handed to another thread. `options` must therefore hold plain values only.
 */
export function buildWithEagerImports(options: BuildOptions & { write: false; metafile: true }): InMemoryBuild {
    const done = new Int32Array(new SharedArrayBuffer(4));
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(WORKER_FILE, { workerData: { options, port: port2, done }, transferList: [port2], execArgv: [] });
    try {
        if (Atomics.wait(done, 0, 0, BUILD_TIMEOUT_MS) === "timed-out") {
            throw new Error(`esbuild did not finish within ${BUILD_TIMEOUT_MS / 60_000} minutes`);
        }
        const reply = receiveMessageOnPort(port1)?.message as WorkerReply | undefined;
        if (reply === undefined) throw new Error("the bundling worker stopped without an answer");
        if ("error" in reply) throw new Error(reply.error);
        return reply;
    } finally {
        port1.close();
        void worker.terminate();
    }
}
