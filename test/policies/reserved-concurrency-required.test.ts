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
            `the bill. Set functionAppConfig.scaleAndConcurrency.maximumInstanceCount (Flex Consumption) or siteConfig.functionAppScaleLimit.`,
        ]);
    });

    it("reports 'cannot be determined' for an unknown reservation", async () => {
        const fn = lambdaFunction("api", arn.role("api-role"), { reservedConcurrentExecutions: UNKNOWN });
        assert.deepEqual(await analyzeStack([fn], POLICY), [
            undetermined(POLICY, null, `the reserved concurrency of Lambda "api" is unknown`),
        ]);
    });
});
