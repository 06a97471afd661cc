"use strict";
// Runs inside the fresh `node` process of one cold start, as Lambda's Node.js runtime would: load the
// handler module, then let its init work finish (clients constructed, the secret fetch it started).
// Plain CommonJS on purpose: loading a TypeScript loader here would be part of what is measured.
// Usage: node probe.cjs <handler module> [--profile-imports]; the result is one JSON line on fd 3.
const fs = require("node:fs");
const path = require("node:path");
const Module = require("node:module");
const { performance } = require("node:perf_hooks");
const diagnostics = require("node:diagnostics_channel");

const handlerModule = path.resolve(process.argv[2]);
const profileImports = process.argv.includes("--profile-imports");
const importMs = {};
// Status of every HTTP response received during init, so the bench can tell a secret fetch that worked.
const initResponses = [];
diagnostics.subscribe("http.client.response.finish", ({ response }) => initResponses.push(response.statusCode));

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

const requireStarted = performance.now();
const handler = require(handlerModule);
const requireEnded = performance.now();
if (typeof handler.handler !== "function") {
    throw new Error(`${handlerModule} does not export a function named handler`);
}

// The loop empties once the init work the module started is done: an SDK request in flight keeps it busy.
process.once("beforeExit", () => {
    const ready = performance.now();
    fs.writeSync(3, JSON.stringify({
        // performance.now() counts from the start of this process: node boot + module init + async init.
        coldStartMs: ready,
        moduleLoadMs: requireEnded - requireStarted,
        initMs: ready - requireStarted,
        importMs,
        initResponses,
    }) + "\n");
});
