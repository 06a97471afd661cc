import * as path from "node:path";
import { BuildOptions, version as esbuildVersion } from "esbuild";
import { BUNDLE_NODE_TARGET } from "../contracts/runtimes";
import { eagerModuleWrappers } from "./eager-module-wrappers";
import { buildWithEagerImports, InMemoryBuild, PLUGIN_BUILD_KEY } from "./esbuild-plugin-build";


/** File name of the bundled handler module inside the zip; the Lambda handler is `index.handler`. */
export const BUNDLE_ENTRY_FILE = "index.js";

export interface BundleOptions {
    /** Also emit `index.js.map` (the function then needs NODE_OPTIONS=--enable-source-maps). @default false */
    sourceMap?: boolean;
    /** Modules the runtime provides that must stay outside the bundle. @default [] */
    external?: string[];
}

/** The bundled files, by path inside the zip. */
export type BundledFiles = Record<string, Uint8Array>;

export interface Bundle {
    files: BundledFiles;
    /** Absolute paths of every source file that went into the bundle (the build cache watches them). */
    inputs: string[];
    /** External modules a bundled file imports statically (import statement or require call), sorted. */
    staticExternalImports: string[];
}

/**
 * The esbuild settings every bundle shares. Build caches put them in their key (see bundleCacheKey), so a
 * change here rebuilds the zips instead of reusing ones made the old way.
 */
const BUNDLE_SETTINGS = {
    bundle: true,
    platform: "node",
    target: BUNDLE_NODE_TARGET,
    format: "cjs",
    // Prefer the ES module builds of dependencies: tree-shaking only removes unused ES exports.
    mainFields: ["module", "main"],
    // Those builds load some Node built-ins with `await import("node:http")` (the SDK's HTTP handler on its
    // first request). In a CommonJS bundle that starts Node's ES module loader during the cold start and
    // builds an ES facade of the module (node:http's pulls in undici). Compiled as require() instead.
    supported: { "dynamic-import": false },
    minify: true,
    treeShaking: true,
    legalComments: "none",
} as const satisfies BuildOptions;

/** What is done to esbuild's output (eager-module-wrappers.ts); in the cache key, so that a change rebuilds. */
const OUTPUT_REWRITES = ["eager-module-wrappers"];

/** The build cache key of one bundle: esbuild's version, the shared settings and plugin, and what differs per package. */
export function bundleCacheKey(entryFile: string, options: object): string {
    return JSON.stringify({ esbuildVersion, settings: BUNDLE_SETTINGS, plugin: PLUGIN_BUILD_KEY, rewrites: OUTPUT_REWRITES,
        entry: entryFile, options });
}

/**
 * Bundles one TypeScript handler and everything it imports, the AWS SDK v3 clients included, into a
 * single minified, tree-shaken CommonJS file. The SDK is bundled on purpose instead of using the copy
 * the runtime ships: the runtime's copy changes version without notice, while a bundled client is the
 * exact version the handler was tested with, and only the commands the handler imports are kept (a Lambda
 * package leaves out only the credential providers Lambda never runs: lambda-package.ts). Dynamic imports
 * of bundled modules become static ones (esbuild-worker.cjs says why), and the CommonJS modules' wrappers are
 * compiled with the bundle (eager-module-wrappers.ts says why).
 */
export function bundleHandler(entryFile: string, options: BundleOptions = {}): Bundle {
    const workingDir = path.dirname(entryFile);
    const result = runEsbuild(entryFile, {
        ...BUNDLE_SETTINGS,
        mainFields: [...BUNDLE_SETTINGS.mainFields],
        entryPoints: [entryFile],
        absWorkingDir: workingDir,
        outfile: path.join(workingDir, BUNDLE_ENTRY_FILE),
        write: false,
        external: options.external ?? [],
        sourcemap: options.sourceMap ? "external" : false,
        logLevel: "silent",
        metafile: true,
    });
    const files: BundledFiles = {};
    for (const output of result.outputFiles) {
        const name = path.basename(output.path);
        // A source map would no longer match rewritten code: a source-mapped bundle stays as esbuild wrote it.
        files[name] = name.endsWith(".js") && !options.sourceMap
            ? new TextEncoder().encode(eagerModuleWrappers(new TextDecoder().decode(output.contents)))
            : output.contents;
    }
    const inputs = Object.keys(result.metafile.inputs).map((input) => path.resolve(workingDir, input));
    const staticExternalImports = new Set(Object.values(result.metafile.inputs)
        .flatMap((input) => input.imports)
        .filter((imported) => imported.external && imported.kind !== "dynamic-import")
        .map((imported) => imported.path));
    return { files, inputs, staticExternalImports: [...staticExternalImports].sort() };
}

/** esbuild throws an error listing every problem; restate it with the entry file so the user knows which function. */
function runEsbuild(entryFile: string, options: BuildOptions & { write: false; metafile: true }): InMemoryBuild {
    try {
        return buildWithEagerImports(options);
    } catch (error) {
        throw new Error(`esbuild could not bundle ${entryFile}: ${(error as Error).message}`);
    }
}
