import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { unzipSync } from "fflate";
import { cachedZip } from "./build-cache";
import { BUNDLE_ENTRY_FILE, bundleCacheKey, bundleHandler } from "./esbuild-bundle";
import { deterministicZip } from "./zip";

/** Where the Functions app zips are written (git-ignored). */
export const AZURE_BUILD_DIR = path.resolve(__dirname, "../.build/azure");

/** The bundle's file inside the zip; the zip's package.json points `main` at it. */
export const APP_ENTRY_FILE = BUNDLE_ENTRY_FILE;

/**
 * The Node.js worker injects this module at run time (it is not on npm): it must stay outside the bundle.
 */
const WORKER_PROVIDED_MODULES = ["@azure/functions-core"];

export interface AppPackage {
    /** Absolute path of the zip OneDeploy uploads. */
    zipPath: string;
    /** Hex SHA-256 of the zip: a new value means new code to deploy. */
    sha256: string;
    zipBytes: number;
    /** Paths inside the zip, sorted. */
    entries: string[];
}

/**
 * Builds the ready-to-run package of a Functions app folder (`src/index.ts`, `host.json`, `package.json`):
 * one minified bundle with every dependency, so Flex Consumption runs it without a remote build. The zip is
 * deterministic and cached on its inputs, so an unchanged app never triggers a redeploy.
 */
export function packageFunctionsApp(appDir: string, buildDir = AZURE_BUILD_DIR): AppPackage {
    const entry = path.join(appDir, "src", "index.ts");
    const hostJson = path.join(appDir, "host.json");
    const packageJson = path.join(appDir, "package.json");
    for (const required of [entry, hostJson, packageJson]) {
        if (!fs.existsSync(required)) throw new Error(`cannot package the Functions app in ${appDir}: ${required} is missing`);
    }
    const zipPath = path.join(buildDir, `${path.basename(appDir)}.zip`);
    const options = { external: WORKER_PROVIDED_MODULES };
    const { zip } = cachedZip(zipPath, bundleCacheKey(entry, options), () => {
        const { files, inputs } = bundleHandler(entry, options);
        const manifest = JSON.parse(fs.readFileSync(packageJson, "utf8")) as { name: string; version: string };
        return {
            zip: deterministicZip({
                [APP_ENTRY_FILE]: files[APP_ENTRY_FILE],
                "host.json": fs.readFileSync(hostJson),
                // Dependencies are inside the bundle: the deployed manifest only names the entry point.
                "package.json": Buffer.from(JSON.stringify({ name: manifest.name, version: manifest.version, main: APP_ENTRY_FILE }, null, 2)),
            }),
            inputs: [...inputs, hostJson, packageJson],
        };
    });
    return {
        zipPath,
        sha256: createHash("sha256").update(zip).digest("hex"),
        zipBytes: zip.byteLength,
        entries: Object.keys(unzipSync(zip)).sort(),
    };
}
