import * as pulumi from "@pulumi/pulumi";
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { isUnknown, UNKNOWN } from "./values";
import { unzippedSize } from "./zip-size";

/** The unzipped size of what a function deploys, or why it cannot be known. */
export type Measured = { bytes: number } | { undetermined: string };

async function directorySize(dir: string): Promise<number> {
    let total = 0;
    for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) total += await directorySize(full);
        else total += (await fs.stat(full)).size;
    }
    return total;
}

/** A FileArchive path: a directory (summed), a .zip/.jar (its central directory), anything else cannot be measured. */
async function measurePath(file: string): Promise<Measured> {
    let stat;
    try {
        stat = await fs.stat(file);
    } catch {
        return { undetermined: `the archive ${file} does not exist on this machine` };
    }
    if (stat.isDirectory()) return { bytes: await directorySize(file) };
    if (/\.(zip|jar)$/i.test(file)) {
        const bytes = await unzippedSize(file);
        return bytes === undefined ? { undetermined: `${file} is not a readable zip archive` } : { bytes };
    }
    return { undetermined: `${file} is neither a directory nor a .zip archive, so its unzipped size is not measured` };
}

/** A FileAsset, StringAsset or RemoteAsset inside an AssetArchive. */
async function measureAsset(asset: unknown, baseDir: string): Promise<Measured> {
    const value = asset as { path?: Promise<string>; text?: Promise<string>; uri?: Promise<string> };
    if (value.path) return measureFile(path.resolve(baseDir, await value.path));
    if (value.text) return { bytes: Buffer.byteLength(await value.text) };
    return { undetermined: `a remote asset (${await value.uri}) cannot be measured` };
}

async function measureFile(file: string): Promise<Measured> {
    try {
        return { bytes: (await fs.stat(file)).size };
    } catch {
        return { undetermined: `the asset ${file} does not exist on this machine` };
    }
}

/**
 * What archive paths measured, by resolved path: functions often ship the same bundle (one folder or zip for
 * many handlers), and a stack of a thousand of them would otherwise read it a thousand times. Keep one for one
 * policy run only, during which the files are taken not to change.
 */
export type MeasuredPaths = Map<string, Promise<Measured>>;

function measurePathOnce(file: string, paths: MeasuredPaths): Promise<Measured> {
    let result = paths.get(file);
    if (result === undefined) {
        result = measurePath(file);
        paths.set(file, result);
    }
    return result;
}

/**
 * Unzipped bytes of a Lambda `code` value as the engine sends it (the SDK's archive objects):
 * FileArchive of a directory or a .zip, AssetArchive of files, strings and nested archives.
 * Relative paths are resolved against `baseDir`, the Pulumi project folder.
 */
export async function measureArchive(archive: unknown, baseDir: string, paths: MeasuredPaths = new Map()): Promise<Measured> {
    if (archive === UNKNOWN || isUnknown(archive)) return { undetermined: "the code archive is unknown" };
    if (!pulumi.asset.Archive.isInstance(archive)) return { undetermined: "the code is not an archive" };
    // Read by shape rather than instanceof: the archive objects may come from another copy of the SDK.
    const shape = archive as { path?: Promise<string>; assets?: Promise<Record<string, unknown>> };
    if (shape.path) return measurePathOnce(path.resolve(baseDir, await shape.path), paths);
    if (shape.assets) {
        let total = 0;
        for (const member of Object.values(await shape.assets)) {
            const measured = pulumi.asset.Archive.isInstance(member)
                ? await measureArchive(member, baseDir, paths)
                : await measureAsset(member, baseDir);
            if ("undetermined" in measured) return measured;
            total += measured.bytes;
        }
        return { bytes: total };
    }
    return { undetermined: "a remote archive cannot be measured" };
}
