import * as nodeModule from "node:module";
import { main } from "./main";

// Start-up: the Pulumi SDKs are large; V8's on-disk compile cache spares recompiling them on every plan.
nodeModule.enableCompileCache?.();
// The Pulumi SDK records a stack trace for every promise it makes; with source maps on (tsx turns them on)
// each trace costs a source-map lookup, seconds in all for a large stack. Traces matter only with --verbose.
if (!process.argv.includes("--verbose")) process.setSourceMapsEnabled(false);

// A failing program rejects several of the Pulumi runtime's promises with the same error; main reports it
// once (exit 2), so the copies nobody awaits must not crash the process with a stack trace.
process.on("unhandledRejection", () => undefined);

/** `npm run plan -- [options]`: see docs/plan.md. */
main(process.argv.slice(2), { projectDir: process.cwd(), stdout: process.stdout, stderr: process.stderr })
    .then((code) => { process.exitCode = code; });
