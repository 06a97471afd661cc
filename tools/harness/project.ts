import * as fs from "node:fs";
import * as path from "node:path";
import { parseDocument } from "yaml";
import { describeYamlError } from "./stack-file-checks";

/** A Pulumi project as the CLI reads it from its Pulumi.yaml (or a folder without one). */
export interface PulumiProject {
    /** The project folder: the program runs from here, stack files and `main` are relative to it. */
    dir: string;
    /** The Pulumi.yaml read; undefined for a folder without one (a project named after the folder). */
    file?: string;
    name: string;
    /** Pulumi.yaml's `main`, relative to `dir`; undefined means the folder itself (package.json `main`, else index). */
    main?: string;
    /** Folder of the Pulumi.<stack>.yaml files (`stackConfigDir`, else the project folder). */
    stackConfigDir: string;
    /** Pulumi.yaml's `config:` block as written (stack-config.ts reads it). */
    config: unknown;
    /**
     * Modules `runtime.options.nodeargs` preloads (`--require X`, `-r X`), loaded before the program as
     * Node would. Its other flags tune or change Node itself, which the plan's process cannot take on.
     */
    preload: string[];
}

/** A user mistake in Pulumi.yaml or a stack file: message names the file, the key and the fix. */
export class StackConfigError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "StackConfigError";
    }
}

const PROJECT_FILES = ["Pulumi.yaml", "Pulumi.yml"];

/** The folder of the nearest Pulumi.yaml at or above `start` (a file or a folder), as the CLI finds its project. */
export function findProjectDir(start: string): string | undefined {
    let dir = path.resolve(start);
    if (fs.existsSync(dir) && !fs.statSync(dir).isDirectory()) dir = path.dirname(dir);
    for (;;) {
        if (PROJECT_FILES.some((name) => fs.existsSync(path.join(dir, name)))) return dir;
        const parent = path.dirname(dir);
        if (parent === dir) return undefined;
        dir = parent;
    }
}

/** Reads the project in `dir`; a folder without Pulumi.yaml is a project named after the folder, with no config block. */
export function readProject(dir: string): PulumiProject {
    const projectDir = path.resolve(dir);
    const file = PROJECT_FILES.map((name) => path.join(projectDir, name)).find((candidate) => fs.existsSync(candidate));
    if (!file) return { dir: projectDir, name: path.basename(projectDir), stackConfigDir: projectDir, config: undefined, preload: [] };
    const doc = readYamlFile(file);
    if (!isRecord(doc) || typeof doc.name !== "string" || doc.name.trim() === "") {
        throw new StackConfigError(`${file} has no project name: add a top-level "name:" key`);
    }
    checkRuntime(file, doc.runtime);
    if (doc.main !== undefined && typeof doc.main !== "string") {
        throw new StackConfigError(`${file}: "main" must be a path relative to the project folder (a file or a folder)`);
    }
    if (doc.stackConfigDir !== undefined && typeof doc.stackConfigDir !== "string") {
        throw new StackConfigError(`${file}: "stackConfigDir" must be a folder path relative to the project folder`);
    }
    return {
        dir: projectDir,
        file,
        name: doc.name,
        main: doc.main,
        stackConfigDir: path.resolve(projectDir, doc.stackConfigDir ?? "."),
        config: doc.config,
        preload: preloadedModules(file, doc.runtime),
    };
}

/** The `--require` / `-r` modules of `runtime.options.nodeargs` (a string of Node flags, as the CLI passes it). */
function preloadedModules(file: string, runtime: unknown): string[] {
    const nodeArgs = isRecord(runtime) && isRecord(runtime.options) ? runtime.options.nodeargs : undefined;
    if (nodeArgs === undefined) return [];
    if (typeof nodeArgs !== "string") throw new StackConfigError(`${file}: runtime.options.nodeargs must be a string of Node.js flags`);
    const args = nodeArgs.split(/\s+/).filter(Boolean);
    const modules: string[] = [];
    args.forEach((arg, index) => {
        const joined = /^--require=(.+)$/.exec(arg);
        if (joined) modules.push(joined[1]);
        else if ((arg === "--require" || arg === "-r") && args[index + 1] !== undefined) modules.push(args[index + 1]);
    });
    return modules;
}

/** The stack file the CLI reads for `stack`, next to the project file and with its extension. */
export function stackFileOf(project: PulumiProject, stack: string): string {
    const extension = project.file ? path.extname(project.file) : ".yaml";
    return path.join(project.stackConfigDir, `Pulumi.${stack}${extension}`);
}

/**
 * The file the Node.js runtime would run for this project: `main` (a file, or a folder resolved like the
 * runtime does: its package.json `main`, else index.ts / index.js), by default the project folder itself.
 */
export function programEntry(project: PulumiProject): string {
    const target = path.resolve(project.dir, project.main ?? ".");
    if (!fs.existsSync(target)) {
        throw new StackConfigError(`${project.file ?? project.dir}: the program's main "${project.main}" does not exist in ${project.dir}`);
    }
    return fs.statSync(target).isDirectory() ? folderEntry(target, project) : target;
}

function folderEntry(folder: string, project: PulumiProject): string {
    const manifest = path.join(folder, "package.json");
    if (fs.existsSync(manifest)) {
        const main = readPackageMain(manifest);
        if (main !== undefined) {
            const file = path.resolve(folder, main);
            if (fs.existsSync(file) && fs.statSync(file).isFile()) return file;
        }
    }
    const index = ["index.ts", "index.js"].map((name) => path.join(folder, name)).find((file) => fs.existsSync(file));
    if (index) return index;
    throw new StackConfigError(`${folder} has no program to run: add index.ts, a package.json "main", ` +
        `or a "main:" key in ${project.file ? path.basename(project.file) : "Pulumi.yaml"}; or pass --program FILE`);
}

/** package.json's entry point as the Node.js runtime reads it: `exports` (string or "."), else `main`. */
function readPackageMain(manifest: string): string | undefined {
    let pkg: unknown;
    try {
        pkg = JSON.parse(fs.readFileSync(manifest, "utf8"));
    } catch {
        return undefined; // the runtime ignores an unreadable manifest too
    }
    if (!isRecord(pkg)) return undefined;
    const exported = typeof pkg.exports === "string" ? pkg.exports
        : isRecord(pkg.exports) ? exportTarget(pkg.exports["."]) : undefined;
    return exported ?? (typeof pkg.main === "string" ? pkg.main : undefined);
}

function exportTarget(entry: unknown): string | undefined {
    if (typeof entry === "string") return entry;
    if (!isRecord(entry)) return undefined;
    for (const condition of ["default", "require", "import"]) {
        if (typeof entry[condition] === "string") return entry[condition] as string;
    }
    return undefined;
}

function checkRuntime(file: string, runtime: unknown): void {
    const name = isRecord(runtime) ? runtime.name : runtime;
    if (name === undefined || name === "nodejs") return;
    throw new StackConfigError(`${file}: runtime "${String(name)}" is not a Node.js program; ` +
        "the offline plan runs Pulumi TypeScript/JavaScript programs (runtime: nodejs)");
}

export function readYamlFile(file: string): unknown {
    let text: string;
    try {
        text = fs.readFileSync(file, "utf8");
    } catch {
        throw new StackConfigError(`cannot read ${file}: check the path (stack files are named Pulumi.<stack>.yaml)`);
    }
    const document = parseDocument(text, { uniqueKeys: true });
    if (document.errors.length > 0) throw new StackConfigError(describeYamlError(file, text, document.errors[0]));
    try {
        return document.toJS();
    } catch (err) {
        // Aliases are resolved here: an undefined anchor, or so many aliases the document would explode.
        throw new StackConfigError(`${file}: ${(err as Error).message}; fix the YAML anchors (&name) and aliases (*name)`);
    }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}
