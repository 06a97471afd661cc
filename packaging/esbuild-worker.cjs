"use strict";
// One esbuild build with the bundle's plugin, run in a worker thread while the thread that packages waits
// (see esbuild-plugin-build.ts: esbuild runs plugins only in its asynchronous API). Plain CommonJS on purpose:
// a worker does not inherit a TypeScript loader registered inside the process (Pulumi registers ts-node so).
const fs = require("node:fs");
const path = require("node:path");
const { isBuiltin } = require("node:module");
const { workerData } = require("node:worker_threads");

/** `import("specifier")` with a literal specifier, not preceded by `.` or part of a longer name. */
const DYNAMIC_IMPORT = /(?<![\w$.])import\(\s*(["'])([^"'\n]+)\1\s*\)/g;
/** An ES module: only those may gain import statements (a CommonJS file would stop being one). */
const ES_MODULE = /^\s*(?:import|export)\b/m;

/**
 * A dynamic `import()` of a module the bundle holds becomes a static import of it. esbuild gives the target
 * of a dynamic import a lazy initializer, and with it every ES module that target imports: the AWS SDK's
 * HTTP protocol imports its event-stream support dynamically (its credential chain, its providers), and
 * those import most of the SDK's core, so about 160 of a handler bundle's modules ended up in initializers
 * (460 while the providers were bundled). V8 then parses each of those module bodies twice at a cold start
 * (pre-parsed with the bundle, fully parsed when its initializer runs). In one bundle file the dynamic
 * import saves no loading, only the evaluation of the modules it targets, which costs less than the double
 * parse (docs/bench.md, "Cold start"). Node built-ins, external and unresolvable modules are left as they are
 * (a Lambda bundle makes the event-stream support external unless a bundled client needs it: lambda-package.ts).
 */
const eagerImports = {
    name: "eager-imports",
    setup(build) {
        build.onLoad({ filter: /\.m?js$/ }, async (args) => {
            const source = await fs.promises.readFile(args.path, "utf8");
            if (!source.includes("import(") || !ES_MODULE.test(source)) return undefined;
            const resolveDir = path.dirname(args.path);
            const bundled = new Set();
            for (const [, , specifier] of source.matchAll(DYNAMIC_IMPORT)) {
                if (isBuiltin(specifier) || bundled.has(specifier)) continue;
                // Only what esbuild would bundle: an external or unresolvable module stays a dynamic import.
                const resolved = await build.resolve(specifier, { kind: "dynamic-import", resolveDir, importer: args.path });
                if (resolved.errors.length === 0 && !resolved.external) bundled.add(specifier);
            }
            if (bundled.size === 0) return undefined;
            const names = new Map([...bundled].map((specifier, index) => [specifier, `__eagerImport${index}`]));
            const contents = source.replace(DYNAMIC_IMPORT, (call, _quote, specifier) =>
                names.has(specifier) ? `Promise.resolve(${names.get(specifier)})` : call);
            const imports = [...names].map(([specifier, name]) => `import * as ${name} from ${JSON.stringify(specifier)};`);
            return { contents: `${imports.join("\n")}\n${contents}`, loader: "js", resolveDir };
        });
    },
};

async function run() {
    const { options, port, done } = workerData;
    let esbuild;
    try {
        esbuild = require("esbuild");
        const result = await esbuild.build({ ...options, plugins: [eagerImports] });
        port.postMessage({
            outputFiles: result.outputFiles.map((file) => ({ path: file.path, contents: file.contents })),
            metafile: result.metafile,
        });
    } catch (error) {
        port.postMessage({ error: error instanceof Error ? error.message : String(error) });
    } finally {
        await esbuild?.stop();
        Atomics.store(done, 0, 1);
        Atomics.notify(done, 0);
    }
}

run();
