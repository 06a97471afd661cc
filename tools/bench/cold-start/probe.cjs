"use strict";
// Runs inside the fresh `node` process of one cold start, as Lambda's Node.js runtime would: load the
// handler module (init), then invoke its handler once with the event given and wait for the response.
// The cold start a caller waits for ends when that first response is back, so the span measured here
// is node boot + module init + first invocation answered (a secret fetch started at init and awaited by
// the invocation is inside it either way). Plain CommonJS on purpose: loading a TypeScript loader here
// would be part of what is measured.
// Usage: node probe.cjs <handler module> <event JSON> [--profile-imports]; the result is one JSON line on fd 3.
const fs = require("node:fs");
const path = require("node:path");
const Module = require("node:module");
const { performance } = require("node:perf_hooks");
const diagnostics = require("node:diagnostics_channel");

const handlerModule = path.resolve(process.argv[2]);
const event = JSON.parse(process.argv[3]);
const profileImports = process.argv.includes("--profile-imports");
const importMs = {};
// Status of every HTTP response received during init and the first invocation, so the bench can tell a
// secret fetch or a table write that worked from one that failed.
const responses = [];
diagnostics.subscribe("http.client.response.finish", ({ response }) => responses.push(response.statusCode));

if (profileImports) {
    // Inclusive load time of each package the handler's own files import (not their nested imports).
    const load = Module._load;
    Module._load = function timedLoad(request, parent, isMain) {
        const fromProjectFile = parent && parent.filename && !parent.filename.includes(`${path.sep}node_modules${path.sep}`);
        const isPackage = !request.startsWith(".") && !path.isAbsolute(request) && !request.startsWith("node:") && !Module.isBuiltin(request);
        if (!fromProjectFile || !isPackage) return load.apply(this, arguments);
        const started = performance.now();
        try {
            return load.apply(this, arguments);
        } finally {
            importMs[request] = (importMs[request] || 0) + performance.now() - started;
        }
    };
}

/** The context object Lambda's Node.js runtime passes, with the fields Powertools reads. */
function lambdaContext() {
    const functionName = process.env.AWS_LAMBDA_FUNCTION_NAME || "cold-start-probe";
    const deadline = Date.now() + 30_000;
    return {
        callbackWaitsForEmptyEventLoop: true,
        functionName,
        functionVersion: "$LATEST",
        invokedFunctionArn: `arn:aws:lambda:${process.env.AWS_REGION || "eu-west-1"}:123456789012:function:${functionName}`,
        memoryLimitInMB: "1024",
        awsRequestId: "00000000-0000-4000-8000-000000000001",
        logGroupName: `/aws/lambda/${functionName}`,
        logStreamName: "cold-start-probe",
        getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    };
}

async function main() {
    const requireStarted = performance.now();
    const handler = require(handlerModule);
    const requireEnded = performance.now();
    if (typeof handler.handler !== "function") {
        throw new Error(`${handlerModule} does not export a function named handler`);
    }
    let outcome;
    try {
        outcome = { response: await handler.handler(event, lambdaContext()) };
    } catch (error) {
        outcome = { error: `${error && error.name}: ${error && error.message}` };
    }
    const answered = performance.now();
    fs.writeSync(3, JSON.stringify({
        // performance.now() counts from the start of this process: node boot + module init + first invocation.
        coldStartMs: answered,
        moduleLoadMs: requireEnded - requireStarted,
        initMs: answered - requireStarted,
        invocationMs: answered - requireEnded,
        importMs,
        responses,
        ...outcome,
    }) + "\n");
    // The measurement is over: what the handler left running (keep-alive sockets, timers) is not waited for.
    process.exit(0);
}

main();
