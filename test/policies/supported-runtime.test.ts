import * as assert from "node:assert/strict";
import { analyzeResource, PRODUCTION_CONFIG, undetermined, withConfig } from "./support/pack";
import { arn, lambdaFunction, resource, T, withProps } from "./support/fixtures";
import { UNKNOWN } from "./support/wire-values";

const POLICY = "supported-runtime";
/** Judged on a fixed date so the tests do not change verdict as deprecation dates pass. */
const ON_2026_11_28 = { ...PRODUCTION_CONFIG, [POLICY]: { asOfDate: "2026-11-28" } };

describe("supported-runtime", () => {
    const fn = lambdaFunction("api", arn.role("r"));
    const app = resource(T.webApp, "orders-app", { kind: "functionapp,linux", functionAppConfig: { runtime: { name: "node", version: "22" } } });

    it("passes nodejs22.x on Lambda and Node 22 on Flex Consumption on 2026-11-28", async () => {
        const found = await withConfig(ON_2026_11_28, async () => [
            ...await analyzeResource(withProps(fn, { runtime: "nodejs22.x" }), POLICY), ...await analyzeResource(app, POLICY)]);
        assert.deepEqual(found, []);
    });

    it("flags nodejs20.x, deprecated on Lambda since 2026-04-30", async () => {
        const found = await withConfig(ON_2026_11_28, () => analyzeResource(withProps(fn, { runtime: "nodejs20.x" }), POLICY));
        assert.deepEqual(found, [{
            policy: POLICY, level: "mandatory", urn: fn.urn,
            detail: `"api" uses runtime nodejs20.x, deprecated on AWS Lambda since 2026-04-30: it gets no security patches and ` +
                `deployments will be blocked. Move to a supported runtime (see https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html).`,
        }]);
    });

    it("flags nodejs22.x once its date (2027-04-30) has passed", async () => {
        const later = { ...PRODUCTION_CONFIG, [POLICY]: { asOfDate: "2027-05-01" } };
        const found = await withConfig(later, () => analyzeResource(withProps(fn, { runtime: "nodejs22.x" }), POLICY));
        assert.deepEqual(found.map((f) => f.detail.split(":")[0]), [`"api" uses runtime nodejs22.x, deprecated on AWS Lambda since 2027-04-30`]);
    });

    it("flags Node 18 on Azure (linuxFxVersion) and nodejs18 on a Cloud Run base image", async () => {
        const oldApp = withProps(app, { functionAppConfig: undefined, siteConfig: { linuxFxVersion: "Node|18" } });
        const service = resource(T.cloudRunV2, "churn-api", { template: { containers: [{ image: "i", baseImageUri: "us-central1-docker.pkg.dev/serverless-runtimes/google-18/runtimes/nodejs18" }] } });
        const found = await withConfig(ON_2026_11_28, async () => [...await analyzeResource(oldApp, POLICY), ...await analyzeResource(service, POLICY)]);
        assert.deepEqual(found.map((f) => f.detail.split(":")[0]), [
            `"orders-app" uses runtime node|18, deprecated on Azure Functions since 2025-04-30`,
            `"churn-api" uses runtime nodejs18, deprecated on Google Cloud since 2025-04-30`,
        ]);
    });

    it("refuses a runtime the organisation lists in extraDeprecatedRuntimes", async () => {
        const strict = { ...PRODUCTION_CONFIG, [POLICY]: { asOfDate: "2026-11-28", extraDeprecatedRuntimes: ["nodejs22.x"] } };
        const found = await withConfig(strict, () => analyzeResource(withProps(fn, { runtime: "nodejs22.x" }), POLICY));
        assert.deepEqual(found.map((f) => f.detail), [
            `"api" uses runtime nodejs22.x, which this organisation no longer accepts. Move to a newer AWS Lambda runtime.`,
        ]);
    });

    it("reports 'cannot be determined' when the runtime is unknown", async () => {
        assert.deepEqual(await analyzeResource(withProps(fn, { runtime: UNKNOWN }), POLICY), [undetermined(POLICY, fn.urn, "the runtime is unknown")]);
    });
});
