import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";
import { HANDLER_SOURCE_FILE } from "../../../packaging";
import { isBuiltin } from "node:module";
import { declaredDependencies, productionClosure } from "./dependency-closure";

/** A package as a map of zip path -> contents, and the module Lambda's `handler` setting points at. */
export interface PackageFiles {
    files: Record<string, Uint8Array>;
    /** Zip path of the handler module, e.g. `functions/customer-api/handler.js`. */
    handlerModule: string;
    /** Packages of node_modules in the package (0 for a bundle). */
    packageCount: number;
    /**
     * Packages the compiled code requires that the function's package.json does not declare: npm would
     * not install them, so the naive package would fail at init. They are added anyway (so both packages
     * run the same code) and reported, since the package.json needs fixing.
     */
    undeclaredImports: string[];
}

/**
 * The package you get without a bundler: the handler compiled file by file as `tsc` would (with the
 * project modules it imports, at their repository paths so relative imports still resolve), the
 * function's package.json, and its production node_modules, everything each installed package contains,
 * as `new pulumi.asset.FileArchive(dir)` zips a folder after `npm install --omit=dev`.
 */
export function naivePackage(repoRoot: string, functionsDir: string, source: string): PackageFiles {
    const functionDir = path.join(functionsDir, source);
    const files: Record<string, Uint8Array> = {};
    const entry = path.join(functionDir, HANDLER_SOURCE_FILE);
    const required = new Set<string>();
    for (const file of localModuleGraph(entry)) {
        const output = ts.transpileModule(fs.readFileSync(file, "utf8"), {
            fileName: file,
            compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
        });
        files[zipPath(repoRoot, file).replace(/\.ts$/, ".js")] = Buffer.from(output.outputText);
        for (const name of requiredPackages(output.outputText)) required.add(name);
    }
    const declared = declaredDependencies(functionDir);
    const undeclaredImports = [...required].filter((name) => !declared.includes(name)).sort();
    const functionFolder = zipPath(repoRoot, functionDir);
    files[`${functionFolder}/package.json`] = fs.readFileSync(path.join(functionDir, "package.json"));
    const closure = productionClosure(functionDir, repoRoot, undeclaredImports);
    for (const installed of closure) {
        // At the zip root, where Node finds them from the handler's folder and from the project modules.
        for (const file of packageFiles(installed.dir)) {
            const target = `${installed.shippedDir}/${path.relative(installed.dir, file).split(path.sep).join("/")}`;
            files[target] = fs.readFileSync(file);
        }
    }
    return {
        files,
        handlerModule: zipPath(repoRoot, entry).replace(/\.ts$/, ".js"),
        packageCount: closure.length,
        undeclaredImports,
    };
}

/** The handler file and every project file it imports through relative paths, transitively. */
export function localModuleGraph(entry: string): string[] {
    const seen = new Set<string>();
    const pending = [entry];
    while (pending.length > 0) {
        const file = pending.pop() as string;
        if (seen.has(file)) continue;
        seen.add(file);
        const { importedFiles } = ts.preProcessFile(fs.readFileSync(file, "utf8"), true, false);
        for (const { fileName } of importedFiles) {
            if (fileName.startsWith(".")) pending.push(resolveTypeScript(path.resolve(path.dirname(file), fileName), file));
        }
    }
    return [...seen].sort();
}

/** Package names the compiled JavaScript requires (type-only imports are gone after compilation). */
function requiredPackages(javascript: string): string[] {
    const { importedFiles } = ts.preProcessFile(javascript, true, true);
    return importedFiles
        .map(({ fileName }) => fileName)
        .filter((specifier) => !specifier.startsWith(".") && !isBuiltin(specifier))
        .map((specifier) => specifier.split("/").slice(0, specifier.startsWith("@") ? 2 : 1).join("/"));
}

function resolveTypeScript(base: string, importer: string): string {
    for (const candidate of [`${base}.ts`, path.join(base, "index.ts")]) {
        if (fs.existsSync(candidate)) return candidate;
    }
    throw new Error(`${importer} imports ${base}, which has no .ts file`);
}

/** Every file of an installed package except its nested node_modules (those are packages of their own). */
function packageFiles(dir: string): string[] {
    const files: string[] = [];
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) {
            if (entry.name !== "node_modules") files.push(...packageFiles(full));
        } else if (entry.isFile() || (entry.isSymbolicLink() && fs.statSync(full).isFile())) {
            files.push(full);
        }
    }
    return files;
}

function zipPath(repoRoot: string, file: string): string {
    return path.relative(repoRoot, file).split(path.sep).join("/");
}
