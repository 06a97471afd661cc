import { programIsRunning } from "../harness/uncaught-errors";
import { describeProgramFailure } from "./failure";
import { main } from "./main";
import { configurePlanProcess } from "./process-settings";

/** Node's own exit: a program run replaces process.exit meanwhile (a program calling it fails), the plan's exits are real. */
const exit = process.exit.bind(process);
const verbose = process.argv.includes("--verbose");
configurePlanProcess(verbose);

/** Exit code of a plan stopped by a signal: the shell's convention, 128 + the signal's number. */
const SIGNAL_EXIT = { SIGINT: 130, SIGTERM: 143 } as const;

/**
 * Where the user started the plan, which relative paths and the project search start from: `npm run`
 * runs a script from the package's root and passes the folder it was started in as INIT_CWD.
 */
const startDir = process.env.npm_lifecycle_event === "plan" && process.env.INIT_CWD ? process.env.INIT_CWD : process.cwd();

let finishedWith: number | undefined;

/**
 * An error nobody caught outside a program run: the program's callbacks can still run after its last
 * registration (a timer, an event handler, a rejected promise), and Pulumi's runner fails the program
 * then too. Once the plan has reported a failure, later ones are echoes of it (the SDK rejects several
 * promises with the same error). Exiting stops the policy pack (start.ts stops it on exit).
 */
function failLate(error: unknown): void {
    if (programIsRunning()) return; // the run reports it
    if (finishedWith !== 2) process.stderr.write(describeProgramFailure(error, verbose, startDir));
    exit(2);
}
process.on("uncaughtException", failLate);
process.on("unhandledRejection", failLate);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
        process.stderr.write(`error: the plan was interrupted (${signal})\n`);
        exit(SIGNAL_EXIT[signal]);
    });
}

/**
 * `npm run plan -- [options]`: see docs/plan.md. Exits once the report is written, even if the program
 * left timers behind (an interval would otherwise keep the plan running forever).
 */
main(process.argv.slice(2), { projectDir: startDir, stdout: process.stdout, stderr: process.stderr })
    .then((code) => {
        finishedWith = code;
        process.stdout.write("", () => process.stderr.write("", () => exit(code)));
    });
