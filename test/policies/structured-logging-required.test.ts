import * as assert from "node:assert/strict";
import { analyzeResource, undetermined } from "./support/pack";
import { arn, lambdaFunction, withProps } from "./support/fixtures";
import { UNKNOWN } from "./support/wire-values";

const POLICY = "structured-logging-required";

describe("structured-logging-required", () => {
    const fn = lambdaFunction("api", arn.role("api-role"));

    it("passes a function whose loggingConfig.logFormat is JSON", async () => {
        assert.deepEqual(await analyzeResource(fn, POLICY), []);
    });

    it("flags the Text format AWS applies when loggingConfig is left out (advisory in production)", async () => {
        assert.deepEqual(await analyzeResource(withProps(fn, { loggingConfig: undefined }), POLICY), [{
            policy: POLICY, level: "advisory", urn: fn.urn,
            detail: `Lambda "api" logs in the default Text format. Set loggingConfig: { logFormat: "JSON", ` +
                `applicationLogLevel, systemLogLevel } so every log line is structured.`,
        }]);
    });

    it("flags an explicit Text format", async () => {
        const found = await analyzeResource(withProps(fn, { loggingConfig: { logFormat: "Text" } }), POLICY);
        assert.deepEqual(found.map((f) => f.detail), [
            `Lambda "api" logs in Text format. Set loggingConfig: { logFormat: "JSON", applicationLogLevel, systemLogLevel } ` +
            `so every log line is structured.`,
        ]);
    });

    it("reports 'cannot be determined' when the log format is unknown", async () => {
        assert.deepEqual(await analyzeResource(withProps(fn, { loggingConfig: { logFormat: UNKNOWN } }), POLICY), [
            undetermined(POLICY, fn.urn, "loggingConfig.logFormat is unknown"),
        ]);
    });
});
