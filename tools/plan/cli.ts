import { main } from "./main";
import { configurePlanProcess } from "./process-settings";

configurePlanProcess(process.argv.includes("--verbose"));

/** `npm run plan -- [options]`: see docs/plan.md. */
main(process.argv.slice(2), { projectDir: process.cwd(), stdout: process.stdout, stderr: process.stderr })
    .then((code) => { process.exitCode = code; });
