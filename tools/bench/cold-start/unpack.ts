import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { unzipSync } from "fflate";

/**
 * Where packages are unpacked: a memory-backed folder when the machine has one. On a disk-backed
 * temporary folder of a small VM, creating a file costs about 1 ms of kernel time, which would turn the
 * naive package's thousands of files into seconds that say more about the VM's disk than about Lambda.
 */
export const UNPACK_ROOT = isWritableDir("/dev/shm") ? "/dev/shm" : os.tmpdir();

/**
 * Unpacks a deployment zip into a new folder, as Lambda unpacks the code into a fresh execution
 * environment; returns the folder (the caller removes it).
 */
export function unpackToFreshDir(zip: Uint8Array, label: string): string {
    const dir = fs.mkdtempSync(path.join(UNPACK_ROOT, `bench-${label}-`));
    const files = Object.entries(unzipSync(zip)).filter(([name]) => !name.endsWith("/"));
    const folders = new Set<string>();
    for (const [name] of files) {
        const target = path.join(dir, name);
        if (!target.startsWith(dir + path.sep)) throw new Error(`zip entry ${name} points outside the folder it is unpacked into`);
        folders.add(path.dirname(target));
    }
    for (const folder of folders) fs.mkdirSync(folder, { recursive: true });
    for (const [name, contents] of files) fs.writeFileSync(path.join(dir, name), contents);
    return dir;
}

function isWritableDir(dir: string): boolean {
    try {
        fs.accessSync(dir, fs.constants.W_OK);
        return fs.statSync(dir).isDirectory();
    } catch {
        return false;
    }
}
