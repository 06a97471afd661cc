import * as assert from "node:assert/strict";
import { analyzeStack, undetermined } from "./support/pack";
import { arn, compliantEventStack, lambdaFunction, resource, role, T } from "./support/fixtures";
import { UNKNOWN } from "./support/wire-values";
import { albFront, functionUrl, openApiBody, restApiWithBody } from "./support/api-fronts";

const POLICY = "single-purpose-functions";

function apiRoutes(fnArn: string, routeKeys: string[]) {
    const integration = resource(T.httpIntegration, "api-integration", { id: "int0a1", apiId: "a1", integrationUri: fnArn });
    const routes = routeKeys.map((routeKey, i) => resource(T.httpRoute, `route-${i}`, { apiId: "a1", routeKey, target: "integrations/int0a1" }));
    return [integration, ...routes];
}

describe("single-purpose-functions", () => {
    const api = lambdaFunction("customer-api", arn.role("api-role"));

    it("passes one function per operation group with a role on a few services", async () => {
        const routes = apiRoutes(arn.lambda("customer-api-1a2b3c"), ["GET /customers/{id}", "POST /customers", "PUT /customers/{id}"]);
        assert.deepEqual(await analyzeStack([api, ...routes, ...compliantEventStack().all()], POLICY), []);
    });

    it("flags a catch-all route sending every request to one function (advisory in production)", async () => {
        const routes = apiRoutes(arn.lambda("customer-api-1a2b3c"), ["ANY /{proxy+}"]);
        assert.deepEqual(await analyzeStack([api, ...routes], POLICY), [{
            policy: POLICY, level: "advisory", urn: routes[1].urn,
            detail: `Route "route-0" (ANY /{proxy+}) sends every request to Lambda "customer-api": one function doing all ` +
                `routing, business logic and data access is the seed's "Lambda monolithique". Declare one route per ` +
                `operation, each with its own function.`,
        }]);
    });

    it("flags a function serving more routes than maxRoutesPerFunction", async () => {
        const keys = Array.from({ length: 11 }, (_, i) => `GET /things/${i}`);
        assert.deepEqual((await analyzeStack([api, ...apiRoutes(arn.lambda("customer-api-1a2b3c"), keys)], POLICY)).map((f) => f.detail), [
            `Lambda "customer-api" serves 11 routes (more than 10): split it into functions with one responsibility each.`,
        ]);
    });

    it("flags a role spanning more services than maxServicesPerRole", async () => {
        const wide = role("api-role", ["dynamodb", "s3", "sqs", "sns", "states"].map((service) => ({ Effect: "Allow", Action: `${service}:Get*`, Resource: "arn:aws:x" })));
        assert.deepEqual((await analyzeStack([api, wide], POLICY)).map((f) => f.detail), [
            `Lambda "customer-api" can act on 5 services (dynamodb, s3, sns, sqs, states), more than 4: it likely does ` +
            `several jobs. Split it into single-purpose functions, each with the role its one job needs.`,
        ]);
    });

    it("reports 'cannot be determined' when a route key is unknown", async () => {
        const [integration, route] = apiRoutes(arn.lambda("customer-api-1a2b3c"), [UNKNOWN]);
        assert.deepEqual(await analyzeStack([api, integration, route], POLICY), [
            undetermined(POLICY, null, `the route key of route "route-0" is unknown`),
        ]);
    });

    describe("catch-alls and routers in every API shape", () => {
        const fnArn = arn.lambda("customer-api-1a2b3c");
        const monolith = (label: string) => `${label} sends every request to Lambda "customer-api": one function doing all routing, ` +
            `business logic and data access is the seed's "Lambda monolithique". Declare one route per operation, each with its own function.`;

        it("passes a REST API body with one path per operation", async () => {
            const rest = restApiWithBody("shop", JSON.stringify(openApiBody([
                { method: "GET", path: "/orders/{id}", functionArn: fnArn }, { method: "POST", path: "/orders", functionArn: fnArn }])));
            assert.deepEqual(await analyzeStack([api, rest], POLICY), []);
        });

        it("flags /{proxy+} and {route+} catch-alls in an OpenAPI body (awsx classic routes)", async () => {
            const rest = restApiWithBody("shop", JSON.stringify(openApiBody([
                { method: "ANY", path: "/{proxy+}", functionArn: fnArn }, { method: "GET", path: "/files/{route+}", functionArn: fnArn }])));
            assert.deepEqual((await analyzeStack([api, rest], POLICY)).map((f) => [f.urn, f.detail]), [
                [rest.urn, monolith(`REST API "shop" route ANY /{proxy+}`)],
                [rest.urn, monolith(`REST API "shop" route GET /files/{route+}`)],
            ]);
        });

        it("flags a REST API resource {route+}, a quick-create HTTP API ($default) and an ALB listener's default action", async () => {
            const greedy = resource(T.restResource, "files", { restApi: "r1", parentId: "root", pathPart: "{route+}" });
            const quick = resource(T.httpApi, "quick", { name: "quick", protocolType: "HTTP", target: fnArn });
            const alb = albFront(fnArn);
            assert.deepEqual((await analyzeStack([api, greedy, quick, ...alb], POLICY)).map((f) => f.detail), [
                monolith(`HTTP API "quick" route $default`),
                `REST API resource "files" ({route+}) is a catch-all that sends every path to one integration. Declare a resource ` +
                `and method per operation, each with its own function.`,
                monolith(`Listener "web-https" (default action)`),
            ]);
        });

        it("flags an ALB rule forwarding /* to a function and passes a rule on one path", async () => {
            const [lb, group, attachment] = albFront(fnArn);
            const rule = (values: string[]) => resource(T.listenerRule, "web-rule", { listenerArn: "l", priority: 10,
                actions: [{ type: "forward", targetGroupArn: group.properties.arn }], conditions: [{ pathPattern: { values } }] });
            assert.deepEqual((await analyzeStack([api, lb, group, attachment, rule(["/*"])], POLICY)).map((f) => f.detail),
                [monolith(`Listener rule "web-rule" (path /*)`)]);
            assert.deepEqual(await analyzeStack([api, lb, group, attachment, rule(["/orders/*"])], POLICY), []);
        });

        it("counts body routes and a Function URL towards maxRoutesPerFunction", async () => {
            const routes = Array.from({ length: 10 }, (_, i) => ({ method: "GET", path: `/things/${i}`, functionArn: fnArn }));
            const rest = restApiWithBody("shop", JSON.stringify(openApiBody(routes)));
            assert.deepEqual(await analyzeStack([api, rest], POLICY), []);
            assert.deepEqual((await analyzeStack([api, rest, functionUrl("customer-url", "customer-api-1a2b3c")], POLICY)).map((f) => f.detail), [
                `Lambda "customer-api" serves 11 routes (more than 10): split it into functions with one responsibility each.`,
            ]);
        });

        it("reports 'cannot be determined' for an unknown REST resource path", async () => {
            const greedy = resource(T.restResource, "files", { restApi: "r1", parentId: "root", pathPart: UNKNOWN });
            assert.deepEqual(await analyzeStack([api, greedy], POLICY), [undetermined(POLICY, null, `the path of REST API resource "files" is unknown`)]);
        });
    });
});
