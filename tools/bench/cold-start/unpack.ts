import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { unzipSync } from "fflate";

/**
 * Unpacks a deployment zip into a new temporary folder, as Lambda unpacks the code into a fresh
 * execution environment; returns the folder (the caller removes it).
 */
export function unpackToFreshDir(zip: Uint8Array, label: string): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `bench-${label}-`));
    for (const [name, contents] of Object.entries(unzipSync(zip))) {
        if (name.endsWith("/")) continue;
        const target = path.join(dir, name);
        if (!target.startsWith(dir + path.sep)) throw new Error(`zip entry ${name} points outside the folder it is unpacked into`);
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.writeFileSync(target, contents);
    }
    return dir;
}
