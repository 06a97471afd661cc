"use strict";
// The gRPC client of the plan's policy pack, in a thread of its own (see unary-relay.ts). It only moves
// bytes: requests arrive in batches, each already encoded with its method's path; each answer goes back as
// the response's bytes, decoded by the thread that asked. Plain CommonJS on purpose: a worker does not
// inherit the TypeScript loader of the thread that starts it, and this needs none.
//
// The calls are gRPC unary calls as the protocol defines them (HTTP/2 POST of the method's path,
// `application/grpc`, one length-prefixed message each way, the status in the trailers), made on one
// HTTP/2 connection with Node's own http2 module. @grpc/grpc-js does the same with a channel, call stack,
// filters and metadata per call, which the plan's calls do not use (no compression, deadline, metadata or
// retry; the pack is a local process): measured on 14,000 calls, 1.2-2.2 s of this thread against
// 0.6-0.8 s. The pack's side is @grpc/grpc-js's server, as under the Pulumi CLI.
const http2 = require("node:http2");
const { parentPort, workerData } = require("node:worker_threads");

/** gRPC status codes used here, and the names grpc-js puts in an error's message ("14 UNAVAILABLE: ..."). */
const STATUS_NAMES = ["OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED", "NOT_FOUND", "ALREADY_EXISTS",
    "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION", "ABORTED", "OUT_OF_RANGE", "UNIMPLEMENTED", "INTERNAL",
    "UNAVAILABLE", "DATA_LOSS", "UNAUTHENTICATED"];
const INTERNAL = 13;
const UNAVAILABLE = 14;

/** The length prefix of a gRPC message: a compression flag byte, then the length (big-endian uint32). */
const PREFIX_BYTES = 5;

const session = http2.connect(`http://${workerData.address}`, {
    // A whole AnalyzeStack request is tens of megabytes on a large stack: the session may buffer it.
    maxSessionMemory: 1024,
});
// A session error fails the streams open on it (each reports its own close); nothing to do here.
session.on("error", () => undefined);

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

function fail(id, code, details) {
    answer({ id, error: { message: `${code} ${STATUS_NAMES[code] ?? "UNKNOWN"}: ${details}`, code, details } });
}

/** grpc-message is percent-encoded (gRPC over HTTP/2, "Responses"). */
function decodeMessage(text) {
    try {
        return decodeURIComponent(text);
    } catch {
        return text;
    }
}

function call({ id, path, bytes }) {
    let stream;
    try {
        stream = session.request({ ":method": "POST", ":path": path, "content-type": "application/grpc", te: "trailers" });
    } catch (error) {
        fail(id, UNAVAILABLE, error.message);
        return;
    }
    const prefix = Buffer.alloc(PREFIX_BYTES);
    prefix.writeUInt32BE(bytes.byteLength, 1);
    stream.write(prefix);
    stream.end(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    const chunks = [];
    let status;
    let details = "";
    const readStatus = (headers) => {
        if (headers["grpc-status"] === undefined) return;
        status = Number(headers["grpc-status"]);
        details = decodeMessage(String(headers["grpc-message"] ?? ""));
    };
    // A failed call may answer with its status in the response headers alone ("Trailers-Only").
    stream.on("response", readStatus);
    stream.on("trailers", readStatus);
    stream.on("data", (chunk) => chunks.push(chunk));
    let streamError;
    stream.on("error", (error) => { streamError = error; });
    stream.on("close", () => {
        if (status === undefined) {
            fail(id, UNAVAILABLE, streamError ? streamError.message : `the stream closed without a status (HTTP/2 code ${stream.rstCode})`);
            return;
        }
        if (status !== 0) {
            fail(id, status, details);
            return;
        }
        const body = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
        const length = body.length >= PREFIX_BYTES ? body.readUInt32BE(1) : -1;
        if (length < 0 || body[0] !== 0 || body.length !== PREFIX_BYTES + length) {
            fail(id, INTERNAL, "the response is not one uncompressed gRPC message");
            return;
        }
        // A copy of its own: a view would carry its whole underlying buffer across threads.
        answer({ id, bytes: new Uint8Array(body.subarray(PREFIX_BYTES)) });
    });
}

parentPort.on("message", (requests) => {
    for (const request of requests) call(request);
});
