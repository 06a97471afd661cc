import * as assert from "node:assert/strict";
import {
    CreateTableCommand, DeleteTableCommand, DynamoDBClient, waitUntilTableExists,
} from "@aws-sdk/client-dynamodb";
import { CreateSecretCommand, PutSecretValueCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from "aws-lambda";
import * as fc from "fast-check";
import { CUSTOMER_API_ROUTES } from "../../contracts/customer-api-routes";
import { motoEndpoint, resetMoto } from "../../tools/moto/moto-server";
import { lambdaContext } from "../support/lambda-context";
import { captureOutput, httpApiEvent } from "./support/http-api-event";

type Handler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

const TABLE_NAME = "test-customers";
const API_KEY = "key-0123456789";
const AUTH = { "x-api-key": API_KEY };

describe("customer API handler against moto (DynamoDB + Secrets Manager)", () => {
    let handler: Handler;
    let dynamodb: DynamoDBClient;
    let secrets: SecretsManagerClient;
    let secretArn: string;
    let requestCounter = 0;

    async function invoke(event: APIGatewayProxyEventV2) {
        const requestId = `req-${++requestCounter}`;
        const { result, lines } = await captureOutput(() => handler(event, lambdaContext({ functionName: "test-customer-api", awsRequestId: requestId })));
        return { requestId, status: result.statusCode, headers: result.headers ?? {}, body: JSON.parse(result.body ?? "null"), lines };
    }

    async function createTable(): Promise<void> {
        await dynamodb.send(new CreateTableCommand({
            TableName: TABLE_NAME, BillingMode: "PAY_PER_REQUEST",
            KeySchema: [{ AttributeName: "customer_id", KeyType: "HASH" }],
            AttributeDefinitions: [{ AttributeName: "customer_id", AttributeType: "S" }],
        }));
        await waitUntilTableExists({ client: dynamodb, maxWaitTime: 10, minDelay: 1, maxDelay: 1 }, { TableName: TABLE_NAME });
    }

    before(async () => {
        const endpoint = await motoEndpoint();
        await resetMoto();
        dynamodb = new DynamoDBClient({ endpoint });
        secrets = new SecretsManagerClient({ endpoint });
        await createTable();
        const secret = await secrets.send(new CreateSecretCommand({
            Name: "test/customer-api/api-key", SecretString: JSON.stringify({ api_key: API_KEY }),
        }));
        secretArn = secret.ARN as string;
        // What the ServerlessFunction component sets, with the SDK pointed at moto.
        Object.assign(process.env, {
            AWS_ENDPOINT_URL: endpoint, TABLE_NAME, SECRET_ARN: secretArn, LOG_LEVEL: "INFO",
            POWERTOOLS_SERVICE_NAME: "customer-api", POWERTOOLS_METRICS_NAMESPACE: "ServerlessPlatform",
        });
        // Loaded only now: the module reads its environment and prefetches the secret at init, as in Lambda.
        ({ handler } = require("../../functions/customer-api/handler") as typeof import("../../functions/customer-api/handler"));
    });

    after(() => {
        for (const name of ["AWS_ENDPOINT_URL", "TABLE_NAME", "SECRET_ARN", "LOG_LEVEL", "POWERTOOLS_SERVICE_NAME",
            "POWERTOOLS_METRICS_NAMESPACE"]) delete process.env[name];
    });

    it("stores a customer with PUT and answers 200 with the item and the request id", async () => {
        const put = await invoke(httpApiEvent(CUSTOMER_API_ROUTES.replace, {
            headers: AUTH, pathParameters: { customer_id: "c-1" }, body: JSON.stringify({ name: " Ada ", email: "ada@example.com" }),
        }));
        assert.equal(put.status, 200);
        assert.deepEqual(put.body, { customer_id: "c-1", name: "Ada", email: "ada@example.com" });
        assert.equal(put.headers["X-Request-Id"], put.requestId);
        assert.equal(put.headers["Content-Type"], "application/json");

        const lookup = await invoke(httpApiEvent(CUSTOMER_API_ROUTES.lookup, { headers: AUTH, body: JSON.stringify({ customer_id: "c-1" }) }));
        assert.equal(lookup.status, 200);
        assert.deepEqual(lookup.body, { customer_id: "c-1", name: "Ada", email: "ada@example.com" });
        assert.equal(lookup.headers["X-Request-Id"], lookup.requestId);
    });

    it("updates only the given fields of an existing customer with PATCH", async () => {
        const patch = await invoke(httpApiEvent(CUSTOMER_API_ROUTES.update, {
            headers: AUTH, pathParameters: { customer_id: "c-1" }, body: JSON.stringify({ email: "ada@lovelace.org" }),
        }));
        assert.equal(patch.status, 200);
        assert.deepEqual(patch.body, { customer_id: "c-1", name: "Ada", email: "ada@lovelace.org" });
    });

    it("answers 404 with a JSON error for an unknown customer, on lookup and on update", async () => {
        const lookup = await invoke(httpApiEvent(CUSTOMER_API_ROUTES.lookup, { headers: AUTH, body: JSON.stringify({ customer_id: "nobody" }) }));
        assert.equal(lookup.status, 404);
        assert.deepEqual(lookup.body, { error: "not found: customer_id nobody is not a known customer",
            problems: [{ field: "customer_id", message: "nobody is not a known customer" }] });
        const patch = await invoke(httpApiEvent(CUSTOMER_API_ROUTES.update, {
            headers: AUTH, pathParameters: { customer_id: "nobody" }, body: JSON.stringify({ name: "X" }),
        }));
        assert.equal(patch.status, 404);
        assert.deepEqual(patch.body.problems, [{ field: "customer_id", message: "nobody is not a known customer" }]);
    });

    it("answers 400 naming the problem for a missing body, invalid JSON, a non-object or a bad customer_id", async () => {
        const idShape = "must be a string of 1 to 64 letters, digits, - or _";
        const cases: [string | undefined, string, string][] = [
            [undefined, "body", "is required: send a JSON object"],
            ["{not json", "body", "is not valid JSON"],
            ["[1,2]", "body", "Invalid input: expected object, received array"],
            ["{}", "customer_id", idShape],
            [JSON.stringify({ customer_id: 42 }), "customer_id", idShape],
            [JSON.stringify({ customer_id: "a b" }), "customer_id", idShape],
            [JSON.stringify({ customer_id: "c-1", nickname: "x" }), "nickname", "is not a known field"],
        ];
        for (const [body, field, message] of cases) {
            const response = await invoke(httpApiEvent(CUSTOMER_API_ROUTES.lookup, { headers: AUTH, body }));
            assert.equal(response.status, 400, `body ${body}`);
            assert.deepEqual(response.body, { error: `invalid request: ${field} ${message}`, problems: [{ field, message }] });
            assert.equal(response.headers["X-Request-Id"], response.requestId);
        }
    });

    it("answers 400 naming name for a lone UTF-16 surrogate in a customer name (it used to reach DynamoDB and answer 500)", async () => {
        for (const body of ['{"name": "Ada \\ud800", "email": "ada@example.com"}', JSON.stringify({ name: "Ada \ud800", email: "ada@example.com" })]) {
            const put = await invoke(httpApiEvent(CUSTOMER_API_ROUTES.replace, { headers: AUTH, pathParameters: { customer_id: "c-2" }, body }));
            assert.equal(put.status, 400, body);
            assert.deepEqual(put.body.problems, [{ field: "name", message: "must be well-formed Unicode (it holds a lone UTF-16 surrogate)" }]);
        }
    });

    it("answers 401 without the API key from the secret", async () => {
        const missing = await invoke(httpApiEvent(CUSTOMER_API_ROUTES.lookup, { body: JSON.stringify({ customer_id: "c-1" }) }));
        assert.equal(missing.status, 401);
        assert.deepEqual(missing.body, { error: "unauthorized: headers.x-api-key must hold a valid API key",
            problems: [{ field: "headers.x-api-key", message: "must hold a valid API key" }] });
        const wrong = await invoke(httpApiEvent(CUSTOMER_API_ROUTES.lookup, {
            headers: { "x-api-key": "guess" }, body: JSON.stringify({ customer_id: "c-1" }),
        }));
        assert.equal(wrong.status, 401);
    });

    it("never answers 5xx to malformed input (property-based)", async () => {
        const jsonish = fc.oneof(
            fc.string(),
            fc.json(),
            fc.record({ customer_id: fc.anything(), name: fc.anything(), email: fc.anything() }, { requiredKeys: [] }).map((v) => JSON.stringify(v)),
        );
        await fc.assert(fc.asyncProperty(
            fc.constantFrom(...Object.values(CUSTOMER_API_ROUTES)),
            fc.option(jsonish, { nil: undefined }),
            fc.string(),
            fc.boolean(),
            async (routeKey, body, pathId, base64) => {
                const response = await invoke(httpApiEvent(routeKey, {
                    headers: AUTH, pathParameters: { customer_id: pathId },
                    body: body !== undefined && base64 ? Buffer.from(body).toString("base64") : body, isBase64Encoded: base64,
                }));
                assert.ok(response.status !== undefined && [200, 400, 404].includes(response.status), `status ${response.status} for ${routeKey} ${body}`);
            }), { numRuns: 150 });
    });

    it("reads the secret once: later invocations keep the key loaded at init even after the secret changes", async () => {
        const beforeRotation = await invoke(httpApiEvent(CUSTOMER_API_ROUTES.lookup, { headers: AUTH, body: JSON.stringify({ customer_id: "c-1" }) }));
        assert.equal(beforeRotation.status, 200);
        await secrets.send(new PutSecretValueCommand({ SecretId: secretArn, SecretString: JSON.stringify({ api_key: "rotated" }) }));
        for (let i = 0; i < 25; i++) {
            const withOldKey = await invoke(httpApiEvent(CUSTOMER_API_ROUTES.lookup, { headers: AUTH, body: JSON.stringify({ customer_id: "c-1" }) }));
            assert.equal(withOldKey.status, 200);
        }
        const withNewKey = await invoke(httpApiEvent(CUSTOMER_API_ROUTES.lookup, {
            headers: { "x-api-key": "rotated" }, body: JSON.stringify({ customer_id: "c-1" }),
        }));
        assert.equal(withNewKey.status, 401);
    });

    it("answers 500 without internals and logs the error with the request id when DynamoDB fails", async () => {
        await dynamodb.send(new DeleteTableCommand({ TableName: TABLE_NAME }));
        try {
            const response = await invoke(httpApiEvent(CUSTOMER_API_ROUTES.lookup, { headers: AUTH, body: JSON.stringify({ customer_id: "c-1" }) }));
            assert.equal(response.status, 500);
            assert.deepEqual(response.body, { error: "internal error", requestId: response.requestId });
            assert.equal(response.headers["X-Request-Id"], response.requestId);
            const errorLog = response.lines.map((line) => JSON.parse(line) as Record<string, unknown>)
                .find((entry) => entry.level === "ERROR");
            assert.ok(errorLog, `no ERROR log line in ${response.lines.join("\n")}`);
            assert.equal(errorLog.message, "unexpected error");
            assert.equal(errorLog.requestId, response.requestId);
            assert.equal((errorLog.error as { name: string }).name, "ResourceNotFoundException");
        } finally {
            await createTable();
        }
    });
});
