import { createHash } from "node:crypto";
import * as fs from "node:fs";

/**
 * Reuses a function's zip while none of the files that went into it changed. Bundling one handler
 * with the AWS SDK's ES module builds reads about a thousand files and takes over a second; the tests,
 * the offline plan and the benchmark package every function, so an unchanged handler is not rebuilt.
 * Next to each zip, `<zip>.inputs.json` records the bundle options and a hash of every input file;
 * any difference (edited handler, upgraded package, other options) means a fresh build.
 */
interface CacheRecord {
    key: string;
    inputs: Record<string, string>;
}

const recordPath = (zipPath: string) => `${zipPath}.inputs.json`;
const fileHash = (file: string) => createHash("sha256").update(fs.readFileSync(file)).digest("hex");

/** The cached zip when its record matches the key and every input file is unchanged. */
export function readCachedZip(zipPath: string, key: string): Uint8Array | undefined {
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
export function writeCachedZip(zipPath: string, key: string, zip: Uint8Array, inputs: string[]): void {
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
