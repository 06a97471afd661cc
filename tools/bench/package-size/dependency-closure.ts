import * as fs from "node:fs";
import * as path from "node:path";

/** One installed package of a production dependency closure. */
export interface InstalledPackage {
    name: string;
    version: string;
    /** Absolute folder of the installed copy (its own nested node_modules excluded from its files). */
    dir: string;
    /** Where npm would put it inside the function folder's own tree, e.g. `node_modules/@smithy/core`. */
    shippedDir: string;
}

interface Manifest {
    name?: string;
    version?: string;
    dependencies?: Record<string, string>;
    optionalDependencies?: Record<string, string>;
    peerDependencies?: Record<string, string>;
    peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}

/**
 * The packages `npm install --omit=dev` would put in `functionDir/node_modules`, found in the installed
 * (hoisted workspace) tree: starting from the function's `dependencies`, each one resolved the way Node
 * resolves it (nearest `node_modules` upwards) and followed through its dependencies, optional
 * dependencies and peers. `extraRoots` are followed as if declared too. Only this tree is read: the
 * registry is never asked.
 */
export function productionClosure(functionDir: string, repoRoot: string, extraRoots: string[] = []): InstalledPackage[] {
    const found = new Map<string, InstalledPackage>();
    const visit = (name: string, fromDir: string, required: boolean, requiredBy: string) => {
        const dir = resolvePackageDir(name, fromDir, repoRoot);
        if (dir === undefined) {
            if (!required) return;
            throw new Error(`${requiredBy} depends on ${name}, which is not installed under ${fromDir} or above; ` +
                "run `npm install` at the repository root");
        }
        if (found.has(dir)) return;
        const manifest = readManifest(dir);
        found.set(dir, { name, version: manifest.version ?? "0.0.0", dir, shippedDir: shippedLocation(dir, functionDir, repoRoot) });
        for (const [dependency, isRequired] of dependenciesOf(manifest)) visit(dependency, dir, isRequired, name);
    };
    for (const [dependency] of dependenciesOf(readManifest(functionDir), { peers: false })) {
        visit(dependency, functionDir, true, path.relative(repoRoot, path.join(functionDir, "package.json")));
    }
    for (const dependency of extraRoots) visit(dependency, functionDir, true, path.relative(repoRoot, functionDir));
    return [...found.values()].sort((a, b) => a.shippedDir.localeCompare(b.shippedDir));
}

/** [name, required] pairs; optional dependencies and optional or uninstalled peers may be missing. */
function dependenciesOf(manifest: Manifest, options: { peers: boolean } = { peers: true }): [string, boolean][] {
    const pairs: [string, boolean][] = Object.keys(manifest.dependencies ?? {}).map((name) => [name, true]);
    for (const name of Object.keys(manifest.optionalDependencies ?? {})) pairs.push([name, false]);
    if (options.peers) {
        // npm 7+ installs peers; a peer nobody installed is treated as optional (the host supplies it).
        for (const name of Object.keys(manifest.peerDependencies ?? {})) pairs.push([name, false]);
    }
    return pairs;
}

/** Node's lookup: `<dir>/node_modules/<name>` from the requiring folder up to the repository root. */
function resolvePackageDir(name: string, fromDir: string, repoRoot: string): string | undefined {
    for (let dir = fromDir; ; dir = path.dirname(dir)) {
        const candidate = path.join(dir, "node_modules", name);
        if (fs.existsSync(path.join(candidate, "package.json"))) return fs.realpathSync(candidate);
        if (dir === repoRoot || path.dirname(dir) === dir) return undefined;
    }
}

/**
 * The installed copy sits under the repository's (hoisted) node_modules or the function's own; inside
 * the function's package it sits under `node_modules/`, keeping any nesting npm chose for version conflicts.
 */
function shippedLocation(dir: string, functionDir: string, repoRoot: string): string {
    for (const root of [functionDir, repoRoot]) {
        const relative = path.relative(path.join(root, "node_modules"), dir);
        if (!relative.startsWith("..") && !path.isAbsolute(relative)) return path.posix.join("node_modules", ...relative.split(path.sep));
    }
    throw new Error(`${dir} is outside every node_modules folder of ${functionDir}; a linked package cannot be shipped as is`);
}

function readManifest(dir: string): Manifest {
    return JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as Manifest;
}

/** Names in the function's package.json `dependencies`. */
export function declaredDependencies(functionDir: string): string[] {
    return Object.keys(readManifest(functionDir).dependencies ?? {});
}
