import { strict as assert } from "node:assert";
import * as path from "node:path";
import { settingsFromConfig, SettingsError } from "../../components/settings";
import { ENVIRONMENT_MAX_LENGTH } from "../../components/settings/environment";
import { loadStackConfig, ProgramRunError, runProgram } from "../../tools/harness";
import { REPO_ROOT } from "../support/stack";
import { NS } from "./stack-files";

/** The real program on Pulumi.yaml's defaults (AWS only) for a stack of this name. */
const runStack = (stack: string) => runProgram({ program: path.join(REPO_ROOT, "index.ts"), config: loadStackConfig({ projectDir: REPO_ROOT, stack }) });

describe("the stack name (the environment)", () => {
    it("plans a stack whose name has the longest length allowed: every function name fits", async () => {
        const run = await runStack("e".repeat(ENVIRONMENT_MAX_LENGTH));
        assert.ok(run.resources.some((r) => r.type === "aws:lambda/function:Function"));
    });

    it("refuses one character more before any resource, naming the limit and why", async () => {
        const stack = "e".repeat(ENVIRONMENT_MAX_LENGTH + 1);
        await assert.rejects(runStack(stack), (error: ProgramRunError) => {
            assert.equal((error.cause as Error).name, "SettingsError");
            assert.match((error.cause as Error).message, new RegExp(`the stack name "${stack}" must be 1 to ${ENVIRONMENT_MAX_LENGTH} letters, ` +
                "digits, - or _ for a stack that deploys to AWS: it prefixes every Lambda function name"));
            assert.deepEqual(error.registered.map((r) => r.type), ["pulumi:pulumi:Stack"]);
            return true;
        });
    });

    it("refuses a dot, which Pulumi allows in stack names and Lambda does not, only for a stack on AWS", () => {
        const values = (clouds: string[]) => ({ ...loadStackConfig({ projectDir: REPO_ROOT, stack: "my.stack" }).values,
            [`${NS}:clouds`]: JSON.stringify(clouds) });
        assert.throws(() => settingsFromConfig(values(["aws"]), "my.stack"), SettingsError);
        assert.deepEqual(settingsFromConfig(values(["gcp", "azure"]), "my.stack").clouds, ["gcp", "azure"]);
    });

    it("refuses a name without a letter or digit for a stack on GCP, whose service is named after it", () => {
        const values = { ...loadStackConfig({ projectDir: REPO_ROOT, stack: "__" }).values, [`${NS}:clouds`]: JSON.stringify(["gcp"]) };
        assert.throws(() => settingsFromConfig(values, "__"), (error: Error) => error instanceof SettingsError &&
            error.message.includes(`the stack name "__" must contain a letter or a digit for a stack that deploys to GCP`));
    });
});
