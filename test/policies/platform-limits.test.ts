import * as assert from "node:assert/strict";
import { analyzeStack, undetermined } from "./support/pack";
import { arn, lambdaFunction, resource, T, withProps } from "./support/fixtures";
import { UNKNOWN } from "./support/wire-values";
import { albFront, functionUrl, openApiBody, restApiWithBody } from "./support/api-fronts";
import { stringify as toYaml } from "yaml";

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

    describe("every HTTP front: OpenAPI bodies, awsx classic APIs, quick-create HTTP APIs, Function URLs, ALB target groups", () => {
        const long = withProps(api, { timeout: 300 });
        const fnArn = arn.lambda("customer-api-1a2b3c");
        const gives = (front: string, limit: number) => `Lambda "customer-api" may run 300 s but its ${front} gives up after ${limit} s: ` +
            `callers get a 504 while the function keeps running (and billing). Set the function's timeout to at most ${limit} s, ` +
            `or move the long work behind a queue.`;

        it("flags a 300 s function behind a REST API body (the awsx.classic.apigateway.API shape) and passes a 20 s one", async () => {
            const rest = restApiWithBody("shop", JSON.stringify(openApiBody([{ method: "GET", path: "/orders", functionArn: fnArn }])));
            assert.deepEqual((await analyzeStack([long, rest], POLICY)).map((f) => f.detail), [gives(`REST API "shop" route GET /orders`, 29)]);
            assert.deepEqual(await analyzeStack([withProps(api, { timeout: 20 }), rest], POLICY), []);
        });

        it("uses a lower timeoutInMillis of the body's integration, in a YAML body and in an object body", async () => {
            const routes = [{ method: "POST", path: "/orders", functionArn: fnArn, timeoutInMillis: 10000 }];
            const yamlApi = restApiWithBody("shop", toYaml(openApiBody(routes)));
            const objectApi = resource(T.httpApi, "events", { name: "events", protocolType: "HTTP", body: openApiBody(routes) });
            const fn = withProps(api, { timeout: 15 });
            assert.deepEqual((await analyzeStack([fn, yamlApi, objectApi], POLICY)).map((f) => f.detail.split(":")[0]), [
                `Lambda "customer-api" may run 15 s but its REST API "shop" route POST /orders gives up after 10 s`,
                `Lambda "customer-api" may run 15 s but its HTTP API "events" route POST /orders gives up after 10 s`,
            ]);
        });

        it("judges the functions a body was built from while the body is unknown (first preview), by its edges", async () => {
            const rest = restApiWithBody("shop", UNKNOWN, { propertyDependencies: { body: [long.urn] } });
            assert.deepEqual((await analyzeStack([long, rest], POLICY)).map((f) => f.detail), [gives(`REST API "shop"`, 29)]);
            const orphan = restApiWithBody("shop", UNKNOWN);
            assert.deepEqual(await analyzeStack([long, orphan], POLICY), [undetermined(POLICY, null, `the OpenAPI body of REST API "shop" is unknown`)]);
        });

        it("flags a quick-create HTTP API (target on the API) and passes a Function URL, which waits as long as the function", async () => {
            const quick = resource(T.httpApi, "quick", { name: "quick", protocolType: "HTTP", target: fnArn });
            assert.deepEqual((await analyzeStack([long, quick], POLICY)).map((f) => f.detail), [gives(`HTTP API "quick" (quick create)`, 30)]);
            assert.deepEqual(await analyzeStack([long, functionUrl("customer-url", "customer-api-1a2b3c")], POLICY), []);
        });

        it("flags a function behind an ALB that gives up at its idle timeout (60 s unless set) and passes it under a raised one", async () => {
            assert.deepEqual((await analyzeStack([long, ...albFront(fnArn)], POLICY)).map((f) => f.detail), [gives(`ALB target group "web-fn"`, 60)]);
            assert.deepEqual(await analyzeStack([long, ...albFront(fnArn, 400)], POLICY), []);
        });

        it("reports 'cannot be determined' for an ALB target and a Function URL whose function is unknown and has no edges", async () => {
            const [lb, group, attachment, listener] = albFront(fnArn);
            const unknownTarget = withProps(attachment, { targetId: UNKNOWN });
            const unknownUrl = withProps(functionUrl("customer-url", "x"), { functionName: UNKNOWN });
            assert.deepEqual(await analyzeStack([long, lb, group, unknownTarget, listener, unknownUrl], POLICY), [undetermined(POLICY, null,
                `the function behind function URL "customer-url" is unknown`, `the function behind target group attachment "web-fn-target" is unknown`)]);
        });

        it("reports 'cannot be determined' for an unknown integration in a body", async () => {
            const rest = restApiWithBody("shop", { paths: { "/orders": { get: { "x-amazon-apigateway-integration": { uri: UNKNOWN } } } } });
            assert.deepEqual(await analyzeStack([long, rest], POLICY), [undetermined(POLICY, null, `the integration of REST API "shop" route GET /orders is unknown`)]);
        });
    });
});
