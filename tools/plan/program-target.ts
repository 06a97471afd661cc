import * as fs from "node:fs";
import * as path from "node:path";
import { findProjectDir, programEntry, PulumiProject, readProject } from "../harness/project";
import { PlanOptions, UsageError } from "./options";

/** The program a plan runs and the project it belongs to, found the way the Pulumi CLI finds them. */
export interface ProgramTarget {
    project: PulumiProject;
    /** Absolute path of the file the Node.js runtime would run. */
    programFile: string;
    /** The folder relative paths of the command line resolve against (`--cwd`, else where the plan started). */
    workDir: string;
}

/**
 * `--program FILE|DIR`: the project is the nearest Pulumi.yaml at or above it (else the file's folder, a
 * project named after it). No `--program`: the project found at or above the working directory (`--cwd`),
 * and its `main`.
 */
export function programTarget(options: PlanOptions, startDir: string): ProgramTarget {
    const workDir = options.cwd === undefined ? startDir : path.resolve(startDir, options.cwd);
    if (options.cwd !== undefined && !isDirectory(workDir)) {
        throw new UsageError(`--cwd ${options.cwd}: no such folder; give the folder of a Pulumi project (its Pulumi.yaml)`);
    }
    if (options.program === undefined) {
        const project = readProject(findProjectDir(workDir) ?? workDir);
        return { project, programFile: programEntry(project), workDir };
    }
    const target = path.resolve(workDir, options.program);
    if (!fs.existsSync(target)) {
        throw new UsageError(`--program ${options.program}: no such file; give a Pulumi TypeScript program (default index.ts)`);
    }
    const folder = isDirectory(target) ? target : path.dirname(target);
    const project = readProject(findProjectDir(folder) ?? folder);
    if (!isDirectory(target)) return { project, programFile: target, workDir };
    const main = target === project.dir ? project.main : path.relative(project.dir, target);
    return { project, programFile: programEntry({ ...project, main }), workDir };
}

function isDirectory(file: string): boolean {
    return fs.existsSync(file) && fs.statSync(file).isDirectory();
}

/** A file as the user would name it: relative to where the plan started, unless its absolute path is shorter. */
export function shownPath(file: string, startDir: string): string {
    const relative = path.relative(startDir, file);
    return relative === "" || relative.length > file.length ? file : relative;
}
