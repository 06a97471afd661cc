import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { loadPolicyConfigFile, PolicyConfigError, reconcilePolicyConfig } from "../../tools/policy-pack";
import { policyPack } from "../policies/support/pack";
import { planInProcess } from "../plan/run-plan-cli";
import { sharedPack } from "./shared-pack";

/** A policy config file with exactly this text (JSON.stringify cannot write 1e400). */
function policyConfigText(text: string): string {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "policy-config-")), "policy.json");
    fs.writeFileSync(file, text);
    return file;
}

describe("policy config input: own property names only, finite numbers only", () => {
    for (const inherited of ["constructor", "toString", "hasOwnProperty", "__proto__"]) {
        it(`rejects the inherited name "${inherited}" as a property, naming it and the policy's settings`, async () => {
            const { info } = await policyPack();
            const file = policyConfigText(`{"cost-budget": {"enforcementLevel": "mandatory", "${inherited}": 5}}`);
            assert.throws(() => reconcilePolicyConfig(info, loadPolicyConfigFile(file)), new PolicyConfigError(
                `policy "cost-budget": property "${inherited}" is not a setting of this policy; its settings are: monthlyBudgetUsd.`));
        });
    }

    it("rejects a number that overflows to Infinity, naming the file, the policy and the property", () => {
        const file = policyConfigText(`{"cost-budget": {"enforcementLevel": "mandatory", "monthlyBudgetUsd": 1e400}}`);
        assert.throws(() => loadPolicyConfigFile(file), new PolicyConfigError(`${file}: policy "cost-budget": property ` +
            `"monthlyBudgetUsd" is not a finite number (it overflows to Infinity); write a finite number.`));
    });

    it("rejects an overflowing number nested in a list, with its path", () => {
        const file = policyConfigText(`{"vpc-requires-nat": {"endpointOnlySubnets": [1, -1e999]}}`);
        assert.throws(() => loadPolicyConfigFile(file), (error: Error) => error instanceof PolicyConfigError &&
            error.message === `${file}: policy "vpc-requires-nat": property "endpointOnlySubnets" (at /1) is not a finite number ` +
            "(it overflows to Infinity); write a finite number.");
    });

    it("still accepts the largest finite budget", async () => {
        const { info } = await policyPack();
        const file = policyConfigText(`{"cost-budget": {"monthlyBudgetUsd": 1.7976931348623157e308}}`);
        assert.equal(reconcilePolicyConfig(info, loadPolicyConfigFile(file))["cost-budget"].properties.monthlyBudgetUsd, Number.MAX_VALUE);
    });

    it("makes the plan exit 2 on either defect, naming the property, without a stack trace", async () => {
        for (const text of [`{"cost-budget": {"enforcementLevel": "mandatory", "constructor": 5}}`,
            `{"cost-budget": {"monthlyBudgetUsd": 1e400}}`]) {
            const file = policyConfigText(text);
            const plan = await planInProcess(["--stack", "dev", "--policy-config", file], sharedPack);
            assert.equal(plan.code, 2, plan.stderr);
            assert.match(plan.stderr, /^error: .*policy "cost-budget": property "(constructor|monthlyBudgetUsd)"/);
            assert.doesNotMatch(plan.stderr, /\n\s+at /);
        }
    });
});
