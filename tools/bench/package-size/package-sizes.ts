import * as fs from "node:fs";
import { BUNDLE_ENTRY_FILE, deterministicZip, FUNCTIONS_DIR, packageFunction } from "../../../packaging";
import { StartablePackage } from "../cold-start/measure-cold-start";
import { ratio } from "../stats";
import { naivePackage } from "./naive-package";

export interface PackageSize {
    zipBytes: number;
    /** Sum of the file sizes once unpacked (what Lambda's 250 MB limit counts). */
    unzippedBytes: number;
    files: number;
}

export interface PackageComparison {
    deployed: PackageSize;
    /** Handler compiled file by file + production node_modules (see naivePackage). */
    naive: PackageSize & { nodeModulesPackages: number; undeclaredImports: string[] };
    /** deployed zip bytes / naive zip bytes. */
    zipRatio: number;
    /** deployed unzipped bytes / naive unzipped bytes. */
    unzippedRatio: number;
}

/** Both packages of one handler: the zip Pulumi uploads (made by packaging/) and the naive one. */
export function buildPackages(repoRoot: string, source: string): { sizes: PackageComparison; deployed: StartablePackage; naive: StartablePackage } {
    const built = packageFunction(source);
    const deployedZip = fs.readFileSync(built.zipPath);
    const naiveFiles = naivePackage(repoRoot, FUNCTIONS_DIR, source);
    const naiveZip = deterministicZip(naiveFiles.files);
    const naiveUnzipped = Object.values(naiveFiles.files).reduce((sum, file) => sum + file.byteLength, 0);
    return {
        sizes: {
            deployed: { zipBytes: built.zipBytes, unzippedBytes: built.unzippedBytes, files: built.entries.length },
            naive: { zipBytes: naiveZip.byteLength, unzippedBytes: naiveUnzipped, files: Object.keys(naiveFiles.files).length,
                nodeModulesPackages: naiveFiles.packageCount, undeclaredImports: naiveFiles.undeclaredImports },
            zipRatio: ratio(built.zipBytes, naiveZip.byteLength),
            unzippedRatio: ratio(built.unzippedBytes, naiveUnzipped),
        },
        deployed: { zip: deployedZip, handlerModule: BUNDLE_ENTRY_FILE },
        naive: { zip: naiveZip, handlerModule: naiveFiles.handlerModule },
    };
}
