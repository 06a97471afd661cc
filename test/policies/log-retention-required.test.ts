import * as assert from "node:assert/strict";
import { analyzeStack, PRODUCTION_CONFIG, undetermined, withConfig } from "./support/pack";
import { arn, compliantEventStack, lambdaFunction, logGroup, replacing, resource, T, withProps } from "./support/fixtures";
import { UNKNOWN } from "./support/wire-values";

const POLICY = "log-retention-required";

describe("log-retention-required", () => {
    it("passes a function writing to its own log group with 30 days of retention", async () => {
        assert.deepEqual(await analyzeStack(compliantEventStack().all(), POLICY), []);
    });

    it("flags a log group without retention (kept forever)", async () => {
        const stack = compliantEventStack();
        const forever = withProps(stack.consumerLogs, { retentionInDays: 0 });
        assert.deepEqual(await analyzeStack(replacing(stack.all(), forever), POLICY), [{
            policy: POLICY, level: "mandatory", urn: forever.urn,
            detail: `Log group "consumer" has no retention, so its logs are kept (and billed) forever. Set retentionInDays.`,
        }]);
    });

    it("flags retention below the configured minimum (production asks for 7 days)", async () => {
        const stack = compliantEventStack();
        const short = withProps(stack.consumerLogs, { retentionInDays: 3 });
        assert.deepEqual((await analyzeStack(replacing(stack.all(), short), POLICY)).map((f) => f.detail), [
            `Log group "consumer" keeps logs 3 day(s), less than the required 7. Raise retentionInDays.`,
        ]);
        const lenient = { ...PRODUCTION_CONFIG, [POLICY]: { minimumRetentionDays: 3 } };
        assert.deepEqual(await withConfig(lenient, () => analyzeStack(replacing(stack.all(), short), POLICY)), []);
    });

    it("flags a function without a log group in the stack (Lambda's implicit group never expires)", async () => {
        const fn = withProps(lambdaFunction("api", arn.role("r")), { loggingConfig: { logFormat: "JSON" } });
        assert.deepEqual(await analyzeStack([fn], POLICY), [{
            policy: POLICY, level: "mandatory", urn: fn.urn,
            detail: `Lambda "api" has no log group in this stack, so Lambda creates /aws/lambda/<name> on first use with ` +
                `no retention. Create an aws.cloudwatch.LogGroup with retentionInDays and point loggingConfig.logGroup at it ` +
                `(or name it /aws/lambda/<function name>).`,
        }]);
    });

    it("finds the log group through loggingConfig's edges while its name is unknown (preview)", async () => {
        const group = withProps(logGroup("api", 30), { name: UNKNOWN, arn: UNKNOWN });
        const fn = withProps(lambdaFunction("api", arn.role("r")), { name: UNKNOWN, loggingConfig: { logFormat: "JSON", logGroup: UNKNOWN } },
            { propertyDependencies: { loggingConfig: [group.urn] } });
        assert.deepEqual(await analyzeStack([group, fn], POLICY), []);
    });

    it("reports 'cannot be determined' when a retention is unknown", async () => {
        const group = resource(T.logGroup, "saga-logs", { name: "/aws/vendedlogs/states/saga", retentionInDays: UNKNOWN });
        assert.deepEqual(await analyzeStack([group], POLICY), [undetermined(POLICY, null, `the retention of log group "saga-logs" is unknown`)]);
    });
});
