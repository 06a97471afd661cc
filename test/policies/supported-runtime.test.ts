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

    describe("Azure host and language versions on every plan, and Cloud Functions gen 1 and gen 2", () => {
        const judged = (...resources: Parameters<typeof analyzeResource>[0][]) => withConfig(ON_2026_11_28, async () =>
            (await Promise.all(resources.map((r) => analyzeResource(r, POLICY)))).flat().map((f) => f.detail.split(":")[0]));
        const windowsApp = (settings: Record<string, string>) => resource(T.webApp, "billing-app", {
            kind: "FunctionApp", siteConfig: { appSettings: Object.entries(settings).map(([name, value]) => ({ name, value })) },
        });

        it("flags FUNCTIONS_EXTENSION_VERSION ~3 and WEBSITE_NODE_DEFAULT_VERSION ~16 (Consumption on Windows), passes ~4 and ~22", async () => {
            assert.deepEqual(await judged(windowsApp({ FUNCTIONS_EXTENSION_VERSION: "~3", WEBSITE_NODE_DEFAULT_VERSION: "~16" })), [
                `"billing-app" uses runtime functions|~3, deprecated on Azure Functions since 2022-12-13`,
                `"billing-app" uses runtime node|16, deprecated on Azure Functions since 2023-09-11`,
            ]);
            assert.deepEqual(await judged(windowsApp({ FUNCTIONS_EXTENSION_VERSION: "~4", WEBSITE_NODE_DEFAULT_VERSION: "~22" })), []);
        });

        it("reads the same settings from a WebAppApplicationSettings resource, names case-insensitive", async () => {
            const settings = resource(T.appSettings, "billing-settings", { name: "billing-app", properties: { functions_extension_version: "~2" } });
            assert.deepEqual(await judged(settings), [`"billing-settings" uses runtime functions|~2, deprecated on Azure Functions since 2022-12-13`]);
        });

        it("flags a Flex Consumption runtime past support (node 20) and passes node 22", async () => {
            const flex = (version: string) => withProps(app, { functionAppConfig: { runtime: { name: "node", version } } });
            assert.deepEqual(await judged(flex("20"), flex("22")), [`"orders-app" uses runtime node|20, deprecated on Azure Functions since 2026-04-30`]);
        });

        it("flags nodejs18 on Cloud Functions gen 1 (runtime) and gen 2 (buildConfig.runtime), passes nodejs22", async () => {
            const gen1 = (runtime: string) => resource(T.cloudFunctionV1, "thumbnails", { runtime, entryPoint: "handler", maxInstances: 10 });
            const gen2 = (runtime: string) => resource(T.cloudFunctionV2, "resizer", { buildConfig: { runtime, entryPoint: "handler" } });
            assert.deepEqual(await judged(gen1("nodejs18"), gen2("nodejs18"), gen1("nodejs22"), gen2("nodejs22")), [
                `"thumbnails" uses runtime nodejs18, deprecated on Google Cloud since 2025-04-30`,
                `"resizer" uses runtime nodejs18, deprecated on Google Cloud since 2025-04-30`,
            ]);
        });

        it("reports 'cannot be determined' for an unknown host version", async () => {
            const unknownHost = resource(T.webApp, "billing-app", { kind: "functionapp", siteConfig: { appSettings: [{ name: "FUNCTIONS_EXTENSION_VERSION", value: UNKNOWN }] } });
            assert.deepEqual(await analyzeResource(unknownHost, POLICY), [undetermined(POLICY, unknownHost.urn, "the runtime is unknown")]);
        });
    });
});
