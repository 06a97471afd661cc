import * as assert from "node:assert/strict";
import { estimateMonthlyCost } from "../../policies/lib/cost";
import { AnalyzedResource } from "../../tools/policy-pack";
import { analyzeStack, PRODUCTION_CONFIG, undetermined, withConfig } from "./support/pack";
import { arn, lambdaFunction, withProps } from "./support/fixtures";
import { UNKNOWN } from "./support/wire-values";

const POLICY = "cost-budget";

/** A busy function: 100 M requests a month of 1 s at 1 GB, declared through the cost tags components set. */
const busy = lambdaFunction("ingest", arn.role("r"), {
    memorySize: 1024,
    tags: { "cost-requests-per-month": "100000000", "cost-avg-duration-ms": "1000", "cost-payload-kb": "1" },
});

/** The figure the policy compares, from the shared cost model (owned and tested with the offline plan). */
function estimatedUsd(resource: AnalyzedResource = busy): string {
    const estimate = estimateMonthlyCost([{ urn: resource.urn, type: resource.type, name: resource.name, properties: resource.properties }]);
    return `${estimate.monthlyUsd.toFixed(2)} USD`;
}

describe("cost-budget", () => {
    it("passes a stack whose estimate is within the production budget", async () => {
        assert.deepEqual(await analyzeStack([lambdaFunction("api", arn.role("r"))], POLICY), []);
    });

    it("flags a stack estimated above monthlyBudgetUsd, naming the largest items", async () => {
        const tight = { ...PRODUCTION_CONFIG, [POLICY]: { monthlyBudgetUsd: 100 } };
        const found = await withConfig(tight, () => analyzeStack([busy], POLICY));
        assert.deepEqual(found, [{
            policy: POLICY, level: "mandatory", urn: null,
            detail: `The stack is estimated at ${estimatedUsd()} per month (list prices of ${estimateMonthlyCost([]).pricesAsOf}), ` +
                `above the budget of 100.00 USD. Largest items: Lambda "ingest" ${estimatedUsd()}. Lower provisioned capacity ` +
                `or memory, or raise monthlyBudgetUsd in this stack's policy config if the spend is intended.`,
        }]);
    });

    it("reports 'cannot be determined' when the stack is within budget only because traffic tags are unknown", async () => {
        const unknownTraffic = withProps(busy, { tags: { "cost-requests-per-month": UNKNOWN, "cost-avg-duration-ms": "1000" } });
        const tight = { ...PRODUCTION_CONFIG, [POLICY]: { monthlyBudgetUsd: 100 } };
        assert.deepEqual(await withConfig(tight, () => analyzeStack([unknownTraffic], POLICY)), [
            undetermined(POLICY, null, `the estimate of ${estimatedUsd(unknownTraffic)} leaves out the traffic of "ingest", whose cost tags are unknown`),
        ]);
    });
});
