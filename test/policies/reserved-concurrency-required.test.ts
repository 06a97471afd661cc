import * as assert from "node:assert/strict";
import { analyzeStack, undetermined, withConfig, PRODUCTION_CONFIG } from "./support/pack";
import { arn, compliantEventStack, lambdaFunction, resource, T, withProps } from "./support/fixtures";
import { UNKNOWN } from "./support/wire-values";

const POLICY = "reserved-concurrency-required";

const cloudRun = (scaling: Record<string, unknown>) => resource(T.cloudRunV2, "churn-api", {
    name: "churn-api", location: "europe-west1", template: { scaling, containers: [{ image: "europe-west1-docker.pkg.dev/p/apps/churn-api@sha256:0" }] },
});
const functionApp = (scaleAndConcurrency: Record<string, unknown>) => resource(T.webApp, "orders-app", {
    kind: "functionapp,linux", functionAppConfig: { scaleAndConcurrency },
});

describe("reserved-concurrency-required", () => {
    it("passes reserved Lambda concurrency, a Cloud Run max instance count and an Azure maximum instance count", async () => {
        const stack = [...compliantEventStack().all(), cloudRun({ minInstanceCount: 0, maxInstanceCount: 100 }),
            functionApp({ maximumInstanceCount: 100, instanceMemoryMB: 2048 })];
        assert.deepEqual(await analyzeStack(stack, POLICY), []);
    });

    it("flags the provider default -1 (unreserved) that the engine sends when the program leaves it out", async () => {
        const fn = lambdaFunction("api", arn.role("api-role"), { reservedConcurrentExecutions: -1 });
        assert.deepEqual(await analyzeStack([fn], POLICY), [{
            policy: POLICY, level: "mandatory", urn: fn.urn,
            detail: `Lambda "api" has no reserved concurrency, so it can scale to the whole account limit and saturate what ` +
                `it calls (a database, an API). Set reservedConcurrentExecutions to the most it may run at once.`,
        }]);
    });

    it("flags a raw program input without reservedConcurrentExecutions the same way", async () => {
        const fn = withProps(lambdaFunction("api", arn.role("api-role")), { reservedConcurrentExecutions: undefined });
        const found = await analyzeStack([fn], POLICY);
        assert.deepEqual(found.map((f) => f.urn), [fn.urn]);
    });

    it("flags reservedConcurrentExecutions 0, which throttles every call", async () => {
        const fn = lambdaFunction("api", arn.role("api-role"), { reservedConcurrentExecutions: 0 });
        assert.deepEqual((await analyzeStack([fn], POLICY)).map((f) => f.detail), [
            `Lambda "api" has reservedConcurrentExecutions 0, which throttles every invocation. Set it to at least 1.`,
        ]);
    });

    it("flags reservations that leave less than the unreserved minimum of the account limit", async () => {
        const functions = [1, 2].map((i) => lambdaFunction(`worker-${i}`, arn.role("r"), { reservedConcurrentExecutions: 300 }));
        const config = { ...PRODUCTION_CONFIG, [POLICY]: { accountConcurrencyLimit: 650 } };
        const found = await withConfig(config, () => analyzeStack(functions, POLICY));
        assert.deepEqual(found, [{
            policy: POLICY, level: "mandatory", urn: null,
            detail: `The stack's Lambda functions reserve 600 concurrent executions, but an account limit of 650 with 100 ` +
                `kept unreserved leaves only 550. Lower the reservations or raise the account limit (and ` +
                `accountConcurrencyLimit in the policy config).`,
        }]);
    });

    it("flags a Cloud Run service without a maximum instance count", async () => {
        const service = cloudRun({ minInstanceCount: 0 });
        assert.deepEqual(await analyzeStack([service], POLICY), [{
            policy: POLICY, level: "mandatory", urn: service.urn,
            detail: `"churn-api" has no maximum instance count, so it scales without bound and can saturate its ` +
                `dependencies and the bill. Set template.scaling.maxInstanceCount.`,
        }]);
    });

    it("flags an Azure function app without a maximum instance count", async () => {
        const app = functionApp({ instanceMemoryMB: 2048 });
        assert.deepEqual((await analyzeStack([app], POLICY)).map((f) => f.detail), [
            `"orders-app" has no maximum instance count, so it scales without bound and can saturate its dependencies and ` +
            `the bill. Set functionAppConfig.scaleAndConcurrency.maximumInstanceCount.`,
        ]);
    });

    it("flags Cloud Functions gen 1 without maxInstances and gen 2 without serviceConfig.maxInstanceCount", async () => {
        const gen1 = resource(T.cloudFunctionV1, "thumbnails", { runtime: "nodejs22", entryPoint: "handler" });
        const gen2 = resource(T.cloudFunctionV2, "resizer", { buildConfig: { runtime: "nodejs22" }, serviceConfig: { availableMemory: "256M" } });
        const unbounded = (name: string, fix: string) => `"${name}" has no maximum instance count, so it scales without bound ` +
            `and can saturate its dependencies and the bill. ${fix}`;
        assert.deepEqual((await analyzeStack([gen1, gen2], POLICY)).map((f) => f.detail), [
            unbounded("thumbnails", "Set maxInstances."), unbounded("resizer", "Set serviceConfig.maxInstanceCount."),
        ]);
        const bounded = [withProps(gen1, { maxInstances: 10 }), withProps(gen2, { serviceConfig: { maxInstanceCount: 10 } })];
        assert.deepEqual(await analyzeStack(bounded, POLICY), []);
        assert.deepEqual(await analyzeStack([withProps(gen1, { maxInstances: UNKNOWN })], POLICY),
            [undetermined(POLICY, null, `the maximum instance count of "thumbnails" is unknown`)]);
    });

    describe("Azure function apps on every plan, kinds compared as Azure does (case-insensitive traits)", () => {
        const planId = (name: string) => `/subscriptions/s/resourceGroups/rg/providers/Microsoft.Web/serverfarms/${name}`;
        const plan = (name: string, sku: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
            resource(T.appServicePlan, name, { id: planId(name), name, sku, ...extra });
        const site = (kind: string, planName: string, siteConfig: Record<string, unknown> = {}) =>
            resource(T.webApp, `${planName}-app`, { kind, serverFarmId: planId(planName), siteConfig });
        const unbounded = (name: string, fix: string) => `"${name}" has no maximum instance count, so it scales without bound ` +
            `and can saturate its dependencies and the bill. ${fix}`;

        it("flags a Consumption (Y1) app of kind \"FunctionApp\" without functionAppScaleLimit and accepts one with it", async () => {
            const consumption = plan("y1", { name: "Y1", tier: "Dynamic" });
            assert.deepEqual((await analyzeStack([consumption, site("FunctionApp", "y1")], POLICY)).map((f) => f.detail),
                [unbounded("y1-app", "Set siteConfig.functionAppScaleLimit.")]);
            assert.deepEqual(await analyzeStack([consumption, site("FunctionApp", "y1", { functionAppScaleLimit: 20 })], POLICY), []);
        });

        it("flags an Elastic Premium app unless the app or its plan caps the workers", async () => {
            const premium = plan("ep1", { name: "EP1", tier: "ElasticPremium" });
            assert.deepEqual((await analyzeStack([premium, site("functionapp,linux", "ep1")], POLICY)).map((f) => f.detail),
                [unbounded("ep1-app", "Set siteConfig.functionAppScaleLimit (or the plan's maximumElasticWorkerCount).")]);
            const capped = withProps(premium, { maximumElasticWorkerCount: 10 });
            assert.deepEqual(await analyzeStack([capped, site("functionapp,linux", "ep1")], POLICY), []);
        });

        it("flags a Flex Consumption app without maximumInstanceCount (plan FC1)", async () => {
            const flex = plan("fc1", { name: "FC1", tier: "FlexConsumption" });
            assert.deepEqual((await analyzeStack([flex, site("functionapp,linux", "fc1")], POLICY)).map((f) => f.detail),
                [unbounded("fc1-app", "Set functionAppConfig.scaleAndConcurrency.maximumInstanceCount.")]);
        });

        it("accepts a function app on a dedicated plan (a fixed instance count) and ignores web apps", async () => {
            const dedicated = plan("p1v3", { name: "P1v3", tier: "PremiumV3", capacity: 2 });
            assert.deepEqual(await analyzeStack([dedicated, site("functionapp", "p1v3"), site("app", "y1")], POLICY), []);
        });

        it("reports 'cannot be determined' for an unknown kind or an unknown plan", async () => {
            const unknownKind = site(UNKNOWN, "y1");
            assert.deepEqual(await analyzeStack([unknownKind], POLICY), [undetermined(POLICY, null, `the kind of "y1-app" is unknown`)]);
            const unknownPlan = withProps(site("functionapp", "y1"), { serverFarmId: UNKNOWN });
            assert.deepEqual(await analyzeStack([unknownPlan], POLICY), [undetermined(POLICY, null, `the hosting plan of "y1-app" is unknown`)]);
        });
    });

    it("reports 'cannot be determined' for an unknown reservation", async () => {
        const fn = lambdaFunction("api", arn.role("api-role"), { reservedConcurrentExecutions: UNKNOWN });
        assert.deepEqual(await analyzeStack([fn], POLICY), [
            undetermined(POLICY, null, `the reserved concurrency of Lambda "api" is unknown`),
        ]);
    });
});
