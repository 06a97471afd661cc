import * as grpc from "@grpc/grpc-js";
import * as assert from "node:assert/strict";
import { Worker } from "node:worker_threads";
import { RelayedCallError, UnaryRelay } from "../../tools/policy-pack/unary-relay";

/** A unary method that takes and answers raw bytes, as the relay sends them. */
const asBytes = (bytes: Buffer) => bytes;
const METHOD = {
    path: "/test.Bytes/Echo",
    requestStream: false,
    responseStream: false,
    requestSerialize: asBytes,
    requestDeserialize: asBytes,
    responseSerialize: asBytes,
    responseDeserialize: asBytes,
};

interface TestServer {
    address: string;
    /** Requests in the order the server received them. */
    received: string[];
    /** The most calls the server had open at once. */
    mostAtOnce(): number;
    stop(): Promise<void>;
}

/**
 * Echoes each request, reversed, after `delayMs` (so calls overlap); a request "fail" gets an error status.
 * On 127.0.0.1, a free port.
 */
async function startServer(delayMs = 0): Promise<TestServer> {
    // As the policy pack's server (@pulumi/policy), which takes messages of any size.
    const server = new grpc.Server({ "grpc.max_receive_message_length": -1, "grpc.max_send_message_length": -1 });
    const received: string[] = [];
    let open = 0;
    let most = 0;
    server.addService({ echo: METHOD }, {
        echo: (call: grpc.ServerUnaryCall<Buffer, Buffer>, callback: grpc.sendUnaryData<Buffer>) => {
            const text = call.request.toString();
            received.push(text);
            most = Math.max(most, ++open);
            setTimeout(() => {
                open--;
                if (text === "fail") callback({ code: grpc.status.INVALID_ARGUMENT, details: "no such thing" });
                else if (text === "fail in words") callback({ code: grpc.status.FAILED_PRECONDITION, details: "naïve: 100% sure\nsecond line" });
                else if (call.request.length > 1024) callback(null, call.request);
                else callback(null, Buffer.from([...text].reverse().join("")));
            }, delayMs);
        },
    });
    const port = await new Promise<number>((resolve, reject) =>
        server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve(bound))));
    return {
        address: `127.0.0.1:${port}`,
        received,
        mostAtOnce: () => most,
        stop: () => new Promise((resolve) => server.tryShutdown(() => resolve())),
    };
}

const request = (text: string) => new Uint8Array(Buffer.from(text));

describe("the policy pack client's relay thread", () => {
    let server: TestServer;
    let relay: UnaryRelay;

    afterEach(async () => {
        await relay?.close();
        await server?.stop();
    });

    it("answers every call with its own response's bytes", async () => {
        server = await startServer();
        relay = new UnaryRelay(server.address, 16);
        const texts = Array.from({ length: 200 }, (_, i) => `request-${i}`);
        const answers = await Promise.all(texts.map((text) => relay.call(METHOD.path, request(text))));
        assert.deepEqual(answers.map((bytes) => bytes.toString()), texts.map((text) => [...text].reverse().join("")));
        assert.ok(answers.every((bytes) => Buffer.isBuffer(bytes)));
    });

    it("hands a call made `now` to its thread at once, with the calls waiting for a batch; others wait for the batch", async () => {
        server = await startServer();
        relay = new UnaryRelay(server.address, 16);
        const posted: number[] = [];
        const postMessage = Worker.prototype.postMessage;
        Worker.prototype.postMessage = function (this: Worker, message: unknown, ...rest: []) {
            posted.push((message as unknown[]).length);
            return postMessage.call(this, message, ...rest);
        };
        try {
            const batched = relay.call(METHOD.path, request("batched"));
            assert.deepEqual(posted, [], "a call on its own waits for others to go with it");
            const urgent = relay.call(METHOD.path, request("urgent"), { now: true });
            assert.deepEqual(posted, [2], "handed over before the call returns, the waiting one with it");
            assert.deepEqual((await Promise.all([batched, urgent])).map(String), ["dehctab", "tnegru"]);
        } finally {
            Worker.prototype.postMessage = postMessage;
        }
    });

    it("keeps at most its bound in flight, and sends the others in the order they were made", async () => {
        server = await startServer(5);
        relay = new UnaryRelay(server.address, 4);
        const texts = Array.from({ length: 40 }, (_, i) => `${i}`);
        await Promise.all(texts.map((text) => relay.call(METHOD.path, request(text))));
        assert.equal(server.mostAtOnce(), 4);
        assert.deepEqual(server.received, texts);
    });

    it("rejects a failed call with gRPC's message, status code and details, and answers the others", async () => {
        server = await startServer();
        relay = new UnaryRelay(server.address, 8);
        const [ok, failed] = await Promise.allSettled([relay.call(METHOD.path, request("ok")), relay.call(METHOD.path, request("fail"))]);
        assert.equal(ok.status === "fulfilled" && ok.value.toString(), "ko");
        assert.equal(failed.status, "rejected");
        const error = (failed as PromiseRejectedResult).reason as RelayedCallError;
        assert.ok(error instanceof RelayedCallError);
        assert.equal(error.code, grpc.status.INVALID_ARGUMENT);
        assert.equal(error.details, "no such thing");
        assert.equal(error.message, "3 INVALID_ARGUMENT: no such thing");
    });

    it("carries a failure's details as the server wrote them (any text, percent-encoded on the wire)", async () => {
        server = await startServer();
        relay = new UnaryRelay(server.address, 8);
        await assert.rejects(relay.call(METHOD.path, request("fail in words")), (error: RelayedCallError) =>
            error.code === grpc.status.FAILED_PRECONDITION && error.details === "naïve: 100% sure\nsecond line");
    });

    it("carries a message of tens of megabytes each way, as an AnalyzeStack request on a large stack", async () => {
        server = await startServer();
        relay = new UnaryRelay(server.address, 8);
        const big = new Uint8Array(24 * 1024 * 1024).map((_, i) => i % 251);
        const answer = await relay.call(METHOD.path, big);
        assert.equal(answer.length, big.length);
        assert.ok(Buffer.from(big).equals(answer));
    });

    it("fails the calls still pending when it is closed, and any call made after", async () => {
        server = await startServer(200);
        relay = new UnaryRelay(server.address, 1);
        const outcomes = Promise.allSettled([relay.call(METHOD.path, request("in flight")), relay.call(METHOD.path, request("queued"))]);
        await relay.close();
        for (const outcome of await outcomes) {
            assert.equal(outcome.status, "rejected");
            assert.match(String((outcome as PromiseRejectedResult).reason), /connection was closed/);
        }
        await assert.rejects(relay.call(METHOD.path, request("late")), /connection was closed/);
    });

    it("fails a call with gRPC's own error when nothing listens at the address", async () => {
        server = await startServer();
        const address = server.address;
        await server.stop();
        relay = new UnaryRelay(address, 1);
        await assert.rejects(relay.call(METHOD.path, request("anyone?")), (error: RelayedCallError) =>
            error instanceof RelayedCallError && error.code === grpc.status.UNAVAILABLE);
    });
});
