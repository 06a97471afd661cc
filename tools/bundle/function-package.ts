import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { BUNDLE_ENTRY_FILE, bundleHandler, BundleOptions } from "./esbuild-bundle";
import { deterministicZip } from "./zip";

/** Folder holding one sub-folder per deployable function. */
export const FUNCTIONS_DIR = path.resolve(__dirname, "../../functions");
/** Where the zips Pulumi uploads are written (git-ignored). */
export const LAMBDA_BUILD_DIR = path.resolve(__dirname, "../../.build/lambda");
/** Every Lambda handler file exports `handler` from this file of its function folder. */
export const HANDLER_SOURCE_FILE = "handler.ts";
/** The `handler` setting of every bundled function. */
export const LAMBDA_HANDLER = `${path.basename(BUNDLE_ENTRY_FILE, ".js")}.handler`;

/** A function's deployment package: the zip on disk that Pulumi uploads, and facts about it. */
export interface FunctionPackage {
    /** The function folder under functions/. */
    source: string;
    /** Absolute path of the zip; the Lambda code is `new FileArchive(zipPath)`. */
    zipPath: string;
    /** Base64 SHA-256 of the zip, as Lambda reports `CodeSha256`. */
    sha256Base64: string;
    zipBytes: number;
    /** Sum of the uncompressed file sizes (what Lambda's 250 MB limit counts). */
    unzippedBytes: number;
    /** Paths inside the zip, sorted. */
    entries: string[];
}

/**
 * Bundles `functions/<source>/handler.ts` and writes its deterministic zip to `.build/lambda/`. This is
 * the only way a Lambda package is made: the ServerlessFunction component, the tests and the benchmark
 * all call it, so what the tests inspect is byte for byte what Pulumi uploads.
 */
export function packageFunction(source: string, options: BundleOptions = {}): FunctionPackage {
    const files = bundleHandler(handlerEntry(source), options);
    const zip = deterministicZip(files);
    const zipPath = path.join(LAMBDA_BUILD_DIR, `${source}${options.sourceMap ? "-sourcemap" : ""}.zip`);
    writeIfChanged(zipPath, zip);
    return {
        source,
        zipPath,
        sha256Base64: createHash("sha256").update(zip).digest("base64"),
        zipBytes: zip.byteLength,
        unzippedBytes: Object.values(files).reduce((sum, file) => sum + file.byteLength, 0),
        entries: Object.keys(files).sort(),
    };
}

/** The handler file of a function folder, or an error naming the folders that do have one. */
function handlerEntry(source: string): string {
    const entry = path.join(FUNCTIONS_DIR, source, HANDLER_SOURCE_FILE);
    if (/^[a-z0-9-]+$/.test(source) && fs.existsSync(entry)) return entry;
    const available = fs.readdirSync(FUNCTIONS_DIR)
        .filter((dir) => fs.existsSync(path.join(FUNCTIONS_DIR, dir, HANDLER_SOURCE_FILE)));
    throw new Error(`no Lambda handler for "${source}": expected functions/${source}/${HANDLER_SOURCE_FILE}. ` +
        `Function folders with a handler: ${available.join(", ") || "none"}`);
}

/**
 * Leaves an identical zip untouched, otherwise writes through a temporary file and a rename, so a
 * concurrent reader (another test process, the benchmark) never sees a half-written zip.
 */
function writeIfChanged(zipPath: string, zip: Uint8Array): void {
    if (fs.existsSync(zipPath) && Buffer.from(zip).equals(fs.readFileSync(zipPath))) return;
    fs.mkdirSync(path.dirname(zipPath), { recursive: true });
    const temporary = `${zipPath}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, zip);
    fs.renameSync(temporary, zipPath);
}
