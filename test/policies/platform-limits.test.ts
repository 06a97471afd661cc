import * as assert from "node:assert/strict";
import { analyzeStack, undetermined } from "./support/pack";
import { arn, lambdaFunction, resource, T, withProps } from "./support/fixtures";
import { UNKNOWN } from "./support/wire-values";

const POLICY = "platform-limits";

/** The seed's Cloud Run values: 30 s, concurrency 80, 512Mi, 1 CPU. */
const churnApi = resource(T.cloudRunV2, "churn-api", { template: {
    timeout: "30s", maxInstanceRequestConcurrency: 80, scaling: { maxInstanceCount: 100 },
    containers: [{ image: "i", resources: { limits: { memory: "512Mi", cpu: "1" } } }],
} });
const ordersApp = resource(T.webApp, "orders-app", { kind: "functionapp,linux", functionAppConfig: {
    scaleAndConcurrency: { maximumInstanceCount: 100, instanceMemoryMB: 2048, triggers: { http: { perInstanceConcurrency: 16 } } },
} });

function httpIntegration(fnArn: string, extra: Record<string, unknown> = {}) {
    return resource(T.httpIntegration, "customers-integration", { apiId: "a1", integrationType: "AWS_PROXY", integrationUri: fnArn, payloadFormatVersion: "2.0", ...extra });
}

describe("platform-limits", () => {
    const api = lambdaFunction("customer-api", arn.role("r"));

    it("passes the seed's values: Lambda 30 s / 256 MB behind an HTTP API, Cloud Run 30 s / 80 / 512Mi, Flex 2048 MB", async () => {
        assert.deepEqual(await analyzeStack([api, httpIntegration(arn.lambda("customer-api-1a2b3c")), churnApi, ordersApp], POLICY), []);
    });

    it("flags a Lambda timeout above 900 s and memory above 10240 MB", async () => {
        const fn = withProps(api, { timeout: 1200, memorySize: 20480 });
        assert.deepEqual((await analyzeStack([fn], POLICY)).map((f) => [f.level, f.detail]), [
            ["mandatory", `"customer-api" sets timeout 1200 s, outside the platform's 1..900 s. Bring it within the limit.`],
            ["mandatory", `"customer-api" sets memorySize 20480 MB, outside the platform's 128..10240 MB. Bring it within the limit.`],
        ]);
    });

    it("flags an HTTP API function whose timeout outlives the 30 s integration timeout (through its alias `live`)", async () => {
        const fn = withProps(api, { timeout: 60 });
        const alias = resource(T.alias, "customer-api-live", { name: "live", functionName: "customer-api-1a2b3c", arn: `${arn.lambda("customer-api-1a2b3c")}:live` });
        const found = await analyzeStack([fn, alias, httpIntegration(`${arn.lambda("customer-api-1a2b3c")}:live`)], POLICY);
        assert.deepEqual(found, [{
            policy: POLICY, level: "mandatory", urn: fn.urn,
            detail: `Lambda "customer-api" may run 60 s but its HTTP API integration "customers-integration" gives up after ` +
                `30 s: callers get a 504 while the function keeps running (and billing). Set the function's timeout to at ` +
                `most 30 s, or move the long work behind a queue.`,
        }]);
    });

    it("flags a REST API function whose timeout outlives the 29 s integration, read from the invocation URI", async () => {
        const fn = withProps(api, { timeout: 30 });
        const uri = `arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/${arn.lambda("customer-api-1a2b3c")}/invocations`;
        const rest = resource(T.restIntegration, "customers-rest", { restApi: "r1", type: "AWS_PROXY", uri });
        assert.deepEqual((await analyzeStack([fn, rest], POLICY)).map((f) => f.detail), [
            `Lambda "customer-api" may run 30 s but its REST API integration "customers-rest" gives up after 29 s: callers ` +
            `get a 504 while the function keeps running (and billing). Set the function's timeout to at most 29 s, or move ` +
            `the long work behind a queue.`,
        ]);
    });

    it("flags Cloud Run concurrency above 1000 and a timeout above 3600 s, and a Flex memory size that does not exist", async () => {
        const service = withProps(churnApi, { template: { timeout: "7200s", maxInstanceRequestConcurrency: 2000, containers: [] } });
        const app = withProps(ordersApp, { functionAppConfig: { scaleAndConcurrency: { maximumInstanceCount: 100, instanceMemoryMB: 1024 } } });
        assert.deepEqual((await analyzeStack([service, app], POLICY)).map((f) => f.detail), [
            `"churn-api" sets request timeout 7200 s, outside the platform's 1..3600 s. Bring it within the limit.`,
            `"churn-api" sets concurrency per instance 2000 requests, outside the platform's 1..1000 requests. Bring it within the limit.`,
            `"orders-app" sets instanceMemoryMB 1024; Flex Consumption offers 512, 2048, 4096 MB.`,
        ]);
    });

    it("reports 'cannot be determined' for an unknown Lambda timeout", async () => {
        assert.deepEqual(await analyzeStack([withProps(api, { timeout: UNKNOWN })], POLICY), [
            undetermined(POLICY, null, `the timeout of "customer-api" is unknown`),
        ]);
    });
});
