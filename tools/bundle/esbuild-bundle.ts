import * as path from "node:path";
import { buildSync, BuildOptions, BuildResult } from "esbuild";

/** Node.js major version of the Lambda runtime the bundle targets (runtime nodejs22.x). */
export const NODE_TARGET = "node22";

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
}

/**
 * Bundles one TypeScript handler and everything it imports, the AWS SDK v3 clients included, into a
 * single minified, tree-shaken CommonJS file. The SDK is bundled on purpose instead of using the copy
 * the runtime ships: the runtime's copy changes version without notice, while a bundled client is the
 * exact version the handler was tested with, and only the commands the handler imports are kept.
 */
export function bundleHandler(entryFile: string, options: BundleOptions = {}): Bundle {
    const workingDir = path.dirname(entryFile);
    const result = runEsbuild(entryFile, {
        entryPoints: [entryFile],
        absWorkingDir: workingDir,
        outfile: path.join(workingDir, BUNDLE_ENTRY_FILE),
        write: false,
        bundle: true,
        platform: "node",
        target: NODE_TARGET,
        format: "cjs",
        // Prefer the ES module builds of dependencies: tree-shaking only removes unused ES exports.
        mainFields: ["module", "main"],
        external: options.external ?? [],
        minify: true,
        treeShaking: true,
        sourcemap: options.sourceMap ? "external" : false,
        legalComments: "none",
        logLevel: "silent",
        metafile: true,
    });
    const files: BundledFiles = {};
    for (const output of result.outputFiles) files[path.basename(output.path)] = output.contents;
    const inputs = Object.keys(result.metafile.inputs).map((input) => path.resolve(workingDir, input));
    return { files, inputs };
}

/** buildSync throws an error listing every problem; restate it with the entry file so the user knows which function. */
function runEsbuild(entryFile: string, options: BuildOptions & { write: false; metafile: true }):
    BuildResult<BuildOptions & { write: false; metafile: true }> {
    try {
        return buildSync(options);
    } catch (error) {
        throw new Error(`esbuild could not bundle ${entryFile}: ${(error as Error).message}`);
    }
}
