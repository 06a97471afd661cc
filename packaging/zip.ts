import { zipSync, Zippable } from "fflate";

/**
 * A fixed modification time for every entry. fflate converts it with local-time getters, so it is built
 * from local-time fields: the DOS timestamp written is 1980-01-01 00:00 in every time zone.
 */
const FIXED_MTIME = new Date(1980, 0, 1, 0, 0, 0);

/** Unix regular file, rw-r--r--: readable by the Lambda runtime user, which is not the owner. */
const FILE_ATTRIBUTES = { os: 3, attrs: (0o100644 << 16) >>> 0 };

/**
 * Zips files so that identical contents always give identical bytes: entries in sorted order, one fixed
 * timestamp, fixed permissions and compression level. The zip's hash then only changes when a file does,
 * so an unchanged handler never makes Pulumi update the function.
 */
export function deterministicZip(files: Record<string, Uint8Array>): Uint8Array {
    const entries: Zippable = {};
    for (const name of Object.keys(files).sort()) {
        entries[name] = [files[name], { ...FILE_ATTRIBUTES, mtime: FIXED_MTIME, level: 9 }];
    }
    return zipSync(entries);
}
