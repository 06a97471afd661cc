import * as fs from "node:fs";
import * as path from "node:path";
import { startPolicyPack } from "../policy-pack";
import { describeFailure } from "./failure";
import { humanReport } from "./human-output";
import { planDocument } from "./json-output";
import { mermaidGraph } from "./mermaid";
import { parsePlanOptions, PlanOptions } from "./options";
import { divertProgramOutput } from "./program-output";
import { NO_PROGRESS, terminalProgress } from "./progress";
import { programTarget, shownPath } from "./program-target";
import { PackStarter, PlanResult, runPlan } from "./run-plan";

/** Where the plan reads and writes; the CLI passes the process's, tests their own. */
export interface PlanIo {
    projectDir: string;
    stdout: { write(text: string): unknown };
    /** A terminal (isTTY) gets a progress indicator; a pipe gets only errors. */
    stderr: { write(text: string): unknown; isTTY?: boolean };
    startPack?: PackStarter;
}

/** Exit codes of DESIGN.md: 0 no mandatory violation, 1 at least one, 2 the plan could not run. */
const EXIT = { ok: 0, mandatoryViolation: 1, cannotPlan: 2 } as const;

/** Runs `npm run plan -- ...argv` and returns its exit code. */
export async function main(argv: readonly string[], io: PlanIo): Promise<number> {
    let options: PlanOptions | undefined;
    const progress = io.stderr.isTTY ? terminalProgress(io.stderr) : NO_PROGRESS;
    let result: PlanResult;
    try {
        options = parsePlanOptions(argv);
        const restoreOutput = divertProgramOutput(io.stderr);
        try {
            result = await runPlan(options, io.projectDir, io.startPack ?? startPolicyPack, progress);
        } finally {
            restoreOutput();
        }
        if (options.graph) fs.writeFileSync(path.resolve(io.projectDir, options.cwd ?? ".", options.graph), mermaidGraph(result.run.resources));
    } catch (error) {
        progress.done();
        io.stderr.write(describeFailure(error, options?.verbose ?? argv.includes("--verbose"), io.projectDir));
        return EXIT.cannotPlan;
    }
    progress.done();
    io.stdout.write(options.json ? JSON.stringify(planDocument(result), null, 2) + "\n"
        : humanReport(result, shownPath(programTarget(options, io.projectDir).programFile, io.projectDir)));
    return result.violations.some((v) => v.level === "mandatory") ? EXIT.mandatoryViolation : EXIT.ok;
}
