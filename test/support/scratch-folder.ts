import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

/** Writes `files` (paths relative to the folder, subfolders created) into `dir`, a fresh temporary folder unless given. */
export function scratchFolder(files: Record<string, string>, dir = fs.mkdtempSync(path.join(os.tmpdir(), "scratch-"))): string {
    for (const [file, content] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        fs.writeFileSync(path.join(dir, file), content);
    }
    return dir;
}
