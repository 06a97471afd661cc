import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { unzipSync } from "fflate";
import { cachedZip } from "./build-cache";
import { Bundle, BUNDLE_ENTRY_FILE, bundleCacheKey, bundleHandler, BundleOptions } from "./esbuild-bundle";
import { deterministicZip } from "./zip";

/** Folder holding one sub-folder per deployable function. */
export const FUNCTIONS_DIR = path.resolve(__dirname, "../functions");
/** Where the zips Pulumi uploads are written (git-ignored). */
export const LAMBDA_BUILD_DIR = path.resolve(__dirname, "../.build/lambda");
/** Every Lambda handler file exports `handler` from this file of its function folder. */
export const HANDLER_SOURCE_FILE = "handler.ts";
/** The `handler` setting of every bundled function. */
export const LAMBDA_HANDLER = `${path.basename(BUNDLE_ENTRY_FILE, ".js")}.handler`;

/**
 * AWS SDK modules left out of every Lambda bundle: the credential providers of the SDK's default chain but the
 * environment one, and the STS, SSO and sign-in clients only they use. Lambda gives every function its execution
 * role's credentials in the environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN) and the
 * chain reads the environment first, so it never imports these there; were it ever to (AWS_PROFILE set on a
 * function), the Node.js runtime provides them with the SDK it ships. Bundled, they were a third of a bundle
 * (about 120 KB) that V8 parsed at every cold start for nothing (docs/bench.md, "Cold start").
 */
export const LAMBDA_RUNTIME_PROVIDED_MODULES = [
    "@aws-sdk/credential-provider-http",
    "@aws-sdk/credential-provider-ini",
    "@aws-sdk/credential-provider-login",
    "@aws-sdk/credential-provider-process",
    "@aws-sdk/credential-provider-sso",
    "@aws-sdk/credential-provider-web-identity",
    "@aws-sdk/nested-clients",
    "@aws-sdk/token-providers",
    "@smithy/credential-provider-imds",
];

/**
 * AWS SDK modules its protocols import on demand, for a capability only some services have, and that a Lambda
 * bundle leaves out unless a bundled module imports them statically. Event streams: the SDK's HTTP protocol
 * imports `@smithy/core/event-streams` with `await import()` when an operation's input or output is an event
 * stream, and the client of every service that has such an operation imports the module statically (its
 * runtime config's `eventStreamSerdeProvider`), so it is bundled for those. For the others nothing reaches
 * the dynamic import; bundled anyway (the eager-imports rule of esbuild-worker.cjs), it added 14 KB and
 * `node:zlib` (event-message CRC32) to every cold start, which the naive package never loads either. Left
 * out, the import stays a run-time require, answered by the SDK the Node.js runtime ships if ever reached.
 */
export const LAMBDA_ON_DEMAND_SDK_MODULES = ["@smithy/core/event-streams"];

export interface PackageOptions extends BundleOptions {
    /** Folder holding the function folders. @default functions/ of this repository */
    functionsDir?: string;
    /** Folder the zips are written to. @default .build/lambda/ of this repository */
    buildDir?: string;
}

/** A function's deployment package: the zip on disk that Pulumi uploads, and facts read back from it. */
export interface FunctionPackage {
    /** The function folder name. */
    source: string;
    /** Absolute path of the zip; the Lambda code is `new FileArchive(zipPath)`. */
    zipPath: string;
    /** Base64 SHA-256 of the zip, as Lambda reports `CodeSha256`. */
    sha256Base64: string;
    /** The Lambda `handler` setting that loads the bundle. */
    handler: string;
    /** The zip ships `index.js.map`: the function must run with `--enable-source-maps`. */
    sourceMap: boolean;
    zipBytes: number;
    /** Sum of the uncompressed file sizes (what Lambda's 250 MB limit counts). */
    unzippedBytes: number;
    /** Paths inside the zip, sorted. */
    entries: string[];
    /** true when no input changed since the zip was built, so it was reused as is. */
    reusedCachedBuild: boolean;
}

/**
 * Bundles `<functionsDir>/<source>/handler.ts` and writes its deterministic zip to the build folder.
 * This is the only way a Lambda package is made: buildAws, the tests and the benchmark all call it, so
 * what the tests inspect is byte for byte what Pulumi uploads.
 */
export function packageFunction(source: string, options: PackageOptions = {}): FunctionPackage {
    const { functionsDir = FUNCTIONS_DIR, buildDir = LAMBDA_BUILD_DIR, external = [], ...rest } = options;
    const bundleOptions: BundleOptions = { ...rest, external: [...LAMBDA_RUNTIME_PROVIDED_MODULES, ...external] };
    const entry = handlerEntry(functionsDir, source);
    const zipPath = path.join(buildDir, `${source}${bundleOptions.sourceMap ? "-sourcemap" : ""}.zip`);
    const cacheKey = bundleCacheKey(entry, { ...bundleOptions, onDemand: LAMBDA_ON_DEMAND_SDK_MODULES });
    const { zip, reusedCachedBuild } = cachedZip(zipPath, cacheKey, () => {
        const bundle = bundleWithoutUnusedOnDemandModules(entry, bundleOptions);
        return { zip: deterministicZip(bundle.files), inputs: bundle.inputs };
    });
    const contents = unzipSync(zip);
    return {
        source,
        zipPath,
        sha256Base64: createHash("sha256").update(zip).digest("base64"),
        handler: LAMBDA_HANDLER,
        sourceMap: bundleOptions.sourceMap ?? false,
        zipBytes: zip.byteLength,
        unzippedBytes: Object.values(contents).reduce((sum, file) => sum + file.byteLength, 0),
        entries: Object.keys(contents).sort(),
        reusedCachedBuild,
    };
}

/**
 * Bundles with the on-demand SDK modules left out; when a bundled module imports one of them statically (the
 * handler uses a service that has the capability), bundles again with that one in.
 */
function bundleWithoutUnusedOnDemandModules(entry: string, options: BundleOptions): Bundle {
    const withoutOnDemand = bundleHandler(entry, { ...options, external: [...(options.external ?? []), ...LAMBDA_ON_DEMAND_SDK_MODULES] });
    const used = LAMBDA_ON_DEMAND_SDK_MODULES.filter((module) => withoutOnDemand.staticExternalImports.includes(module));
    if (used.length === 0) return withoutOnDemand;
    const leftOut = LAMBDA_ON_DEMAND_SDK_MODULES.filter((module) => !used.includes(module));
    return bundleHandler(entry, { ...options, external: [...(options.external ?? []), ...leftOut] });
}

/** The handler file of a function folder, or an error naming the folders that do have one. */
function handlerEntry(functionsDir: string, source: string): string {
    const entry = path.join(functionsDir, source, HANDLER_SOURCE_FILE);
    if (/^[a-z0-9-]+$/.test(source) && fs.existsSync(entry)) return entry;
    const available = fs.readdirSync(functionsDir)
        .filter((dir) => fs.existsSync(path.join(functionsDir, dir, HANDLER_SOURCE_FILE)));
    throw new Error(`no Lambda handler for "${source}": expected ${path.join(functionsDir, source, HANDLER_SOURCE_FILE)}. ` +
        `Function folders with a handler: ${available.join(", ") || "none"}`);
}
