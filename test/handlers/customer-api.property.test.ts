import { strict as assert } from "node:assert";
import { CreateTableCommand, DynamoDBClient, waitUntilTableExists } from "@aws-sdk/client-dynamodb";
import { CreateSecretCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from "aws-lambda";
import * as fc from "fast-check";
import { CUSTOMER_API_ROUTES } from "../../contracts/customer-api-routes";
import { captureOutput, httpApiEvent } from "../aws/support/http-api-event";
import { lambdaContext } from "../support/lambda-context";
import { motoEndpoint, resetMoto } from "../../tools/moto/moto-server";
import { assertClientContract, assertNames } from "./support/client-error-contract";
import {
    anyBytes, anyJsonText, anyText, deepNesting, hugeString, runs, stringWithLoneSurrogate, withOneFieldBroken, prototypeKeyIn, withPrototypeKey,
    wrongContentType,
} from "./support/hostile-input";

type Handler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

const TABLE_NAME = "property-customers";
const API_KEY = "property-key-0123";
const ROUTES = Object.values(CUSTOMER_API_ROUTES);

/** Customer ids the API accepts; lower-case so that an echoed id never looks like an error class name. */
const customerId = fc.stringMatching(/^[a-z0-9_-]{1,24}$/);
const customer = fc.record({ name: fc.string({ minLength: 1, maxLength: 50 }).filter((s) => s.trim() !== ""), email: fc.constantFrom("ada@example.com", "grace@navy.mil") });
/** A plausible body for any of the three routes. */
const validBody = fc.oneof(fc.record({ customer_id: customerId }), customer, fc.record({ name: customer.map((c) => c.name) }));

interface Request {
    routeKey: string;
    body?: string;
    base64?: boolean;
    contentType?: string;
    pathId?: string;
}

describe("customer API against hostile input (property-based, in-process Lambda handler on moto, seeded)", () => {
    let handler: Handler;
    const variables: Record<string, string> = {};

    before(async () => {
        const endpoint = await motoEndpoint();
        await resetMoto();
        const dynamodb = new DynamoDBClient({ endpoint });
        await dynamodb.send(new CreateTableCommand({
            TableName: TABLE_NAME, BillingMode: "PAY_PER_REQUEST",
            KeySchema: [{ AttributeName: "customer_id", KeyType: "HASH" }],
            AttributeDefinitions: [{ AttributeName: "customer_id", AttributeType: "S" }],
        }));
        await waitUntilTableExists({ client: dynamodb, maxWaitTime: 10, minDelay: 1, maxDelay: 1 }, { TableName: TABLE_NAME });
        const secret = await new SecretsManagerClient({ endpoint }).send(new CreateSecretCommand({
            Name: "property/customer-api/api-key", SecretString: JSON.stringify({ api_key: API_KEY }),
        }));
        Object.assign(variables, {
            AWS_ENDPOINT_URL: endpoint, TABLE_NAME, SECRET_ARN: secret.ARN as string,
            POWERTOOLS_SERVICE_NAME: "customer-api", POWERTOOLS_METRICS_NAMESPACE: "ServerlessPlatform", POWERTOOLS_LOG_LEVEL: "SILENT",
        });
        Object.assign(process.env, variables);
        // A module instance of its own: it reads this environment and fetches this secret at init, as in Lambda.
        delete require.cache[require.resolve("../../functions/customer-api/handler")];
        ({ handler } = require("../../functions/customer-api/handler") as typeof import("../../functions/customer-api/handler"));
    });
    after(() => { for (const name of Object.keys(variables)) delete process.env[name]; });

    async function send(request: Request) {
        const event = httpApiEvent(request.routeKey, {
            headers: { "x-api-key": API_KEY, ...(request.contentType === undefined ? {} : { "content-type": request.contentType }) },
            pathParameters: request.routeKey === CUSTOMER_API_ROUTES.lookup ? undefined : { customer_id: request.pathId ?? "c-1" },
            body: request.body, isBase64Encoded: request.base64 ?? false,
        });
        if (request.contentType === undefined) delete event.headers["content-type"];
        const { result } = await captureOutput(() => handler(event, lambdaContext({ functionName: "customer-api" })));
        const headers = result.headers ?? {};
        return { status: result.statusCode ?? 0, contentType: String(headers["Content-Type"] ?? ""), bodyText: result.body ?? "" };
    }
    const described = (request: Request) => `${request.routeKey} ${request.contentType} ${JSON.stringify(request.pathId)} ${String(request.body).slice(0, 120)}`;
    const json = (routeKey: string, body: string, pathId?: string): Request => ({ routeKey, body, pathId, contentType: "application/json" });
    const route = fc.constantFrom(...ROUTES);

    it("never answers 5xx or shows internals, and names a field in every 4xx, for any request (1,000 cases)", async () => {
        const anyRequest: fc.Arbitrary<Request> = fc.oneof(
            fc.tuple(route, anyJsonText).map(([r, body]) => json(r, body)),
            fc.tuple(route, anyText).map(([r, body]) => json(r, body)),
            fc.tuple(route, anyBytes).map(([r, bytes]) => ({ ...json(r, Buffer.from(bytes).toString("base64")), base64: true })),
            fc.tuple(route, deepNesting).map(([r, body]) => json(r, body)),
            fc.tuple(route, hugeString).map(([r, s]) => json(r, JSON.stringify({ customer_id: s, name: s }))),
            fc.tuple(route, withPrototypeKey(validBody)).map(([r, body]) => json(r, body)),
            fc.tuple(route, withOneFieldBroken(customer, ["name", "email"])).map(([r, { text }]) => json(r, text)),
            fc.tuple(route, validBody, wrongContentType).map(([r, body, contentType]) => ({ routeKey: r, body: JSON.stringify(body), contentType })),
            fc.tuple(route, validBody, fc.oneof(fc.string(), stringWithLoneSurrogate, customerId)).map(([r, body, id]) => json(r, JSON.stringify(body), id)),
        );
        await fc.assert(fc.asyncProperty(anyRequest, async (request) => {
            assertClientContract(await send(request), `${request.body} ${request.pathId}`, described(request));
        }), runs(1000));
    });

    it("answers 400 naming name or email when either holds a lone surrogate, on PUT and PATCH (200 cases)", async () => {
        await fc.assert(fc.asyncProperty(fc.constantFrom(CUSTOMER_API_ROUTES.replace, CUSTOMER_API_ROUTES.update), customer,
            fc.constantFrom("name", "email"), stringWithLoneSurrogate, async (routeKey, body, field, value) => {
                const request = json(routeKey, JSON.stringify({ ...body, [field]: value }));
                const response = await send(request);
                assert.equal(response.status, 400, described(request));
                assertNames(assertClientContract(response, request.body ?? "", described(request)), [field], described(request));
            }), runs(200));
    });

    it("answers 400 naming customer_id for a lone surrogate or any other bad id in the path (200 cases)", async () => {
        const badId = fc.oneof(stringWithLoneSurrogate, fc.string({ minLength: 65, maxLength: 300 }), fc.constantFrom("", "a b", "a/b", "é"));
        await fc.assert(fc.asyncProperty(fc.constantFrom(CUSTOMER_API_ROUTES.replace, CUSTOMER_API_ROUTES.update), customer, badId,
            async (routeKey, body, id) => {
                const request = json(routeKey, JSON.stringify(body), id);
                const response = await send(request);
                assert.equal(response.status, 400, described(request));
                assertNames(assertClientContract(response, `${request.body} ${id}`, described(request)), ["customer_id"], described(request));
            }), runs(200));
    });

    it("answers 400 naming the body for deep nesting, or 413 past the size limit (100 cases)", async () => {
        await fc.assert(fc.asyncProperty(route, deepNesting, async (routeKey, body) => {
            const response = await send(json(routeKey, body));
            assert.ok([400, 413].includes(response.status), `status ${response.status}`);
            assertNames(assertClientContract(response, body, "deep"), ["body"], "deep");
        }), runs(100));
    });

    it("answers 400 naming the prototype key (or the body, for __proto__) (100 cases)", async () => {
        await fc.assert(fc.asyncProperty(route, withPrototypeKey(validBody), async (routeKey, body) => {
            const response = await send(json(routeKey, body));
            assert.equal(response.status, 400, body);
            const key = prototypeKeyIn(body);
            assertNames(assertClientContract(response, body, body), ["body", key], body);
        }), runs(100));
    });

    it("answers 415 naming the content type for a body not sent as application/json (100 cases)", async () => {
        await fc.assert(fc.asyncProperty(route, validBody, wrongContentType, async (routeKey, body, contentType) => {
            const request = { routeKey, body: JSON.stringify(body), contentType };
            const response = await send(request);
            assert.equal(response.status, 415, described(request));
            assertNames(assertClientContract(response, request.body, described(request)), ["headers.content-type"], described(request));
        }), runs(100));
    });
});
