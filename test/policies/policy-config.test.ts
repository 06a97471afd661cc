import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { loadPolicyConfigFile, PolicyConfigError, reconcilePolicyConfig } from "../../tools/policy-pack";
import { analyzeStack, policyPack, withConfig } from "./support/pack";
import { arn, lambdaFunction } from "./support/fixtures";

describe("policy config reconciliation (as the Pulumi CLI does it before Configure)", () => {
    it("starts from each policy's schema defaults and default level", async () => {
        const config = reconcilePolicyConfig((await policyPack()).info);
        assert.deepEqual(config["cost-budget"], { enforcementLevel: "mandatory", properties: { monthlyBudgetUsd: 1000 } });
        assert.deepEqual(config["tracing-required"], { enforcementLevel: "advisory", properties: {} });
    });

    it("lets \"all\" set every level and a policy's own entry override it, keeping defaults it does not set", async () => {
        const config = reconcilePolicyConfig((await policyPack()).info, {
            all: "disabled",
            "package-size-limit": { enforcementLevel: "mandatory", softLimitMb: 20 },
        });
        assert.deepEqual(config["package-size-limit"], { enforcementLevel: "mandatory", properties: { softLimitMb: 20, hardLimitMb: 250, projectDir: ".." } });
        assert.equal(config["dlq-required"].enforcementLevel, "disabled");
    });

    it("sends the reconciled config to the pack: a disabled policy stops reporting", async () => {
        const unreserved = lambdaFunction("api", arn.role("r"), { reservedConcurrentExecutions: -1 });
        const found = await withConfig({ "reserved-concurrency-required": "disabled" },
            () => analyzeStack([unreserved], "reserved-concurrency-required"));
        assert.deepEqual(found, []);
    });

    it("rejects a property value outside its schema, naming the policy, the property and what is allowed", async () => {
        const { info } = await policyPack();
        assert.throws(() => reconcilePolicyConfig(info, { "cost-budget": { monthlyBudgetUsd: -5 } }), new PolicyConfigError(
            `policy "cost-budget": property "monthlyBudgetUsd" must be >= 0; allowed: number >= 0.`));
        assert.throws(() => reconcilePolicyConfig(info, { "package-size-limit": { softLimitMb: "fifty" } }), new PolicyConfigError(
            `policy "package-size-limit": property "softLimitMb" must be number; allowed: number >= 1 <= 250.`));
    });

    it("rejects an unknown policy, an unknown property and an invalid level", async () => {
        const { info } = await policyPack();
        assert.throws(() => reconcilePolicyConfig(info, { "dlq-requried": "advisory" }), /^PolicyConfigError: policy "dlq-requried" is not in this pack; known policies: dlq-required, /);
        assert.throws(() => reconcilePolicyConfig(info, { "cost-budget": { budget: 10 } }), new PolicyConfigError(
            `policy "cost-budget": property "budget" is not a setting of this policy; its settings are: monthlyBudgetUsd.`));
        assert.throws(() => reconcilePolicyConfig(info, { "cost-budget": "strict" as never }), new PolicyConfigError(
            `policy "cost-budget": "strict" is not an enforcement level (allowed: advisory, mandatory, remediate, disabled).`));
    });

    it("names the file when it is not JSON", () => {
        const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "policy-config-")), "broken.json");
        fs.writeFileSync(file, "{ not json");
        assert.throws(() => loadPolicyConfigFile(file), (error: Error) => error instanceof PolicyConfigError && error.message.startsWith(`${file}: not valid JSON (`));
        fs.rmSync(path.dirname(file), { recursive: true });
    });
});
