import { strict as assert } from "node:assert";
import { planInProcess } from "../plan/run-plan-cli";
import { BROKEN_CONFIGS } from "./broken-configs";
import { sharedPack } from "./shared-pack";
import { harnessFailure, stackFile } from "./stack-files";

/** A stack trace line, or one of our internal paths: neither belongs in a message about the user's config. */
const INTERNALS = /\n\s+at |node_modules|tools\/harness|components\/settings\/[a-z-]+\.ts/;

describe("broken stack configs: one defect each, rejected before any resource with the key, the value and what is allowed", () => {
    it("covers every group of settings with at least 40 configs", () => {
        assert.ok(BROKEN_CONFIGS.length >= 40, `${BROKEN_CONFIGS.length} configs`);
        assert.deepEqual([...new Set(BROKEN_CONFIGS.map((c) => c.group))].sort(), ["AWS", "Azure", "GCP", "general", "traffic"]);
    });

    for (const broken of BROKEN_CONFIGS) {
        it(`${broken.group}: ${broken.defect}`, async () => {
            const file = stackFile(broken.text);

            const { error, registered } = await harnessFailure(file);
            assert.ok(["SettingsError", "StackConfigError"].includes(error.name), `${error.name}: ${error.message}`);
            assert.ok(error.message.includes(broken.key), `key ${broken.key} not in:\n${error.message}`);
            assert.ok(error.message.includes(broken.value), `value ${broken.value} not in:\n${error.message}`);
            assert.match(error.message, broken.allowed);
            assert.ok(error.message.includes(file), `file ${file} not in:\n${error.message}`);
            assert.doesNotMatch(error.message, /Pulumi\.dev\.yaml/);
            // A settings error stops the program before its first resource; a stack file error before it starts.
            if (registered) assert.deepEqual(registered, ["pulumi:pulumi:Stack"]);
            else assert.equal(error.name, "StackConfigError");

            const plan = await planInProcess(["--stack", "dev", "--config", file], sharedPack);
            assert.equal(plan.code, 2, plan.stderr);
            assert.equal(plan.stdout, "");
            assert.ok(plan.stderr.startsWith("error: "), plan.stderr);
            assert.ok(plan.stderr.includes(broken.key) && plan.stderr.includes(broken.value) && plan.stderr.includes(file), plan.stderr);
            assert.match(plan.stderr, broken.allowed);
            assert.doesNotMatch(plan.stderr, INTERNALS);
        });
    }
});
