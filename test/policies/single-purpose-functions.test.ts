import * as assert from "node:assert/strict";
import { analyzeStack, undetermined } from "./support/pack";
import { arn, compliantEventStack, lambdaFunction, resource, role, T } from "./support/fixtures";
import { UNKNOWN } from "./support/wire-values";

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
});
