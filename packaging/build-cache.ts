import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";

/**
 * Reuses a package's zip while none of the files that went into it changed. Bundling one handler
 * with the AWS SDK's ES module builds reads about a thousand files and takes over a second; the tests,
 * the offline plan and the benchmark package every function, so an unchanged handler is not rebuilt.
 * Next to each zip, `<zip>.inputs.json` records the build options and a hash of every input file;
 * any difference (edited handler, upgraded package, other options) means a fresh build.
 */
interface CacheRecord {
    key: string;
    inputs: Record<string, string>;
}

/** What one build made: the zip and every file that went into it. */
export interface BuiltZip {
    zip: Uint8Array;
    /** Absolute paths of the input files; a change to any of them invalidates the zip. */
    inputs: string[];
}

/** A zip read from the cache or freshly built, and which of the two. */
export interface CachedZip {
    zip: Uint8Array;
    reusedCachedBuild: boolean;
}

/**
 * The zip at `zipPath` when it was built with the same `key` from unchanged inputs; otherwise runs `build`
 * and caches its result there.
 */
export function cachedZip(zipPath: string, key: string, build: () => BuiltZip): CachedZip {
    const cached = readCachedZip(zipPath, key);
    if (cached) return { zip: cached, reusedCachedBuild: true };
    const built = build();
    fs.mkdirSync(path.dirname(zipPath), { recursive: true });
    writeCachedZip(zipPath, key, built.zip, built.inputs);
    return { zip: built.zip, reusedCachedBuild: false };
}

const recordPath = (zipPath: string) => `${zipPath}.inputs.json`;
const fileHash = (file: string) => createHash("sha256").update(fs.readFileSync(file)).digest("hex");

/** The cached zip when its record matches the key and every input file is unchanged. */
function readCachedZip(zipPath: string, key: string): Uint8Array | undefined {
    let record: CacheRecord;
    try {
        record = JSON.parse(fs.readFileSync(recordPath(zipPath), "utf8")) as CacheRecord;
    } catch {
        return undefined;
    }
    if (record.key !== key || !fs.existsSync(zipPath)) return undefined;
    for (const [file, hash] of Object.entries(record.inputs)) {
        if (!fs.existsSync(file) || fileHash(file) !== hash) return undefined;
    }
    return fs.readFileSync(zipPath);
}

/** Writes the zip, then its record (a reader that sees the record always finds the matching zip). */
function writeCachedZip(zipPath: string, key: string, zip: Uint8Array, inputs: string[]): void {
    writeAtomically(zipPath, zip);
    const record: CacheRecord = { key, inputs: Object.fromEntries(inputs.map((file) => [file, fileHash(file)])) };
    writeAtomically(recordPath(zipPath), JSON.stringify(record));
}

/** Through a temporary file and a rename, so a concurrent reader never sees half a file. */
function writeAtomically(file: string, contents: Uint8Array | string): void {
    const temporary = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, contents);
    fs.renameSync(temporary, file);
}
