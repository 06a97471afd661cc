"use strict";
// The gRPC client of the plan's policy pack, in a thread of its own (see unary-relay.ts). It only moves
// bytes: requests arrive in batches, each already encoded with its method's path; each answer goes back as
// the response's bytes, decoded by the thread that asked. Plain CommonJS on purpose: a worker does not
// inherit the TypeScript loader of the thread that starts it, and this needs none.
const grpc = require("@grpc/grpc-js");
const { parentPort, workerData } = require("node:worker_threads");

/** Requests and responses are whole AnalyzeStack messages on a large stack: tens of megabytes. */
const MAX_MESSAGE_BYTES = 400 * 1024 * 1024;

const client = new grpc.Client(workerData.address, grpc.credentials.createInsecure(), {
    "grpc.max_receive_message_length": MAX_MESSAGE_BYTES,
    "grpc.max_send_message_length": MAX_MESSAGE_BYTES,
});
const asBytes = (bytes) => bytes;

/** Answers not posted yet: sent back together once per turn of this thread's event loop. */
let answers = [];
function answer(reply) {
    if (answers.length === 0) setImmediate(flushAnswers);
    answers.push(reply);
}
function flushAnswers() {
    const batch = answers;
    answers = [];
    parentPort.postMessage(batch);
}

function call({ id, path, bytes }) {
    const request = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    client.makeUnaryRequest(path, asBytes, asBytes, request, (error, response) => {
        answer(error
            ? { id, error: { message: error.message, code: error.code, details: error.details } }
            : { id, bytes: response });
    });
}

parentPort.on("message", (requests) => {
    for (const request of requests) call(request);
});
