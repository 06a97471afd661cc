import * as nodeModule from "node:module";
import * as path from "node:path";

/** This repository's packages: a program without its own node_modules resolves what it lacks from here. */
const OWN_NODE_MODULES = path.resolve(__dirname, "..", "..", "node_modules");

interface ModulePaths {
    /** Re-reads NODE_PATH into the resolver's global folders (Node's own start-up step). */
    _initPaths(): void;
}

/**
 * Runs the program the way the CLI does: from its project folder (process working directory), its
 * modules resolved from its own node_modules first and from this repository's after them (so a program
 * that was never `npm install`ed plans too). Returns the function that restores both.
 */
export function enterProgramFolder(projectDir: string): () => void {
    const previousDir = process.cwd();
    const previousNodePath = process.env.NODE_PATH;
    process.chdir(projectDir);
    // Global folders come after every node_modules walked up from the requiring file, hence "after".
    process.env.NODE_PATH = [previousNodePath, OWN_NODE_MODULES].filter(Boolean).join(path.delimiter);
    (nodeModule as unknown as ModulePaths)._initPaths();
    return () => {
        process.chdir(previousDir);
        if (previousNodePath === undefined) delete process.env.NODE_PATH;
        else process.env.NODE_PATH = previousNodePath;
        (nodeModule as unknown as ModulePaths)._initPaths();
    };
}

/** Where a module resolves from the program's folder first, then from this repository. */
export function resolveFromProgram(request: string, programDir: string): string {
    try {
        return require.resolve(request, { paths: [programDir] });
    } catch {
        return require.resolve(request);
    }
}
