import * as assert from "node:assert/strict";
import { analyzeResource, undetermined } from "./support/pack";
import { arn, lambdaFunction, resource, T, withProps } from "./support/fixtures";
import { UNKNOWN } from "./support/wire-values";

const POLICY = "tracing-required";

describe("tracing-required", () => {
    const fn = lambdaFunction("api", arn.role("api-role"));
    const saga = resource(T.stateMachine, "order-saga", { definition: "{}", tracingConfiguration: { enabled: true } });

    it("passes a function with Active tracing and a state machine with tracing enabled", async () => {
        assert.deepEqual([...await analyzeResource(fn, POLICY), ...await analyzeResource(saga, POLICY)], []);
    });

    it("flags a function without tracingConfig", async () => {
        assert.deepEqual(await analyzeResource(withProps(fn, { tracingConfig: undefined }), POLICY), [{
            policy: POLICY, level: "advisory", urn: fn.urn,
            detail: `Lambda "api" has X-Ray tracing off. Set tracingConfig: { mode: "Active" } and allow ` +
                `xray:PutTraceSegments and xray:PutTelemetryRecords in its role.`,
        }]);
    });

    it("flags PassThrough mode", async () => {
        const found = await analyzeResource(withProps(fn, { tracingConfig: { mode: "PassThrough" } }), POLICY);
        assert.deepEqual(found.map((f) => f.detail), [
            `Lambda "api" has X-Ray tracing PassThrough. Set tracingConfig: { mode: "Active" } and allow ` +
            `xray:PutTraceSegments and xray:PutTelemetryRecords in its role.`,
        ]);
    });

    it("flags a state machine without tracing", async () => {
        assert.deepEqual((await analyzeResource(withProps(saga, { tracingConfiguration: undefined }), POLICY)).map((f) => f.detail), [
            `"order-saga" has tracing off. Set tracingConfiguration: { enabled: true }.`,
        ]);
    });

    it("reports 'cannot be determined' when the tracing mode is unknown", async () => {
        assert.deepEqual(await analyzeResource(withProps(fn, { tracingConfig: { mode: UNKNOWN } }), POLICY), [
            undetermined(POLICY, fn.urn, "tracingConfig.mode is unknown"),
        ]);
    });
});
