import { CreateTableCommand, DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, PutCommand } from "@aws-sdk/lib-dynamodb";
import { CreateTopicCommand, SNSClient } from "@aws-sdk/client-sns";
import { API_KEY_HEADER, CUSTOMER_API_ROUTES } from "../../../contracts/customer-api-routes";
import { FANOUT_TABLE_KEYS, OrderEvent, OrderEventType } from "../../../contracts/schemas/order-events";
import { ORDER_STATUS, SAGA_TABLE_ENV, SAGA_TABLE_PARTITION_KEY, sagaKeys } from "../../../contracts/schemas/order-saga-state";
import type { ProbeResult } from "./probe-process";

/**
 * The first invocation of a cold start: the event the handler answers, built for one start so that every
 * start does the whole work (fresh order, customer and event ids: no idempotency record or retry path
 * short-cuts it), and what moto must hold before that start (untimed, as the data would already be there).
 */
export interface FirstInvocation {
    event(start: number): unknown;
    /** Writes the rows this start's invocation expects to find. */
    seed?(start: number, backend: BenchBackend): Promise<void>;
}

/** What the bench reaches in moto: the environment the handlers run with, and a client to seed rows. */
export interface BenchBackend {
    environment: Record<string, string>;
    documents: DynamoDBDocumentClient;
}

/** The API key the bench stores in the secret; customer-api's first invocation presents it. */
export const BENCH_API_KEY = "bench-api-key";
const SKU = "SKU-BENCH";
const CUSTOMER = "CUST-BENCH";
/** Enough stock and balance for every start of a bench run, however many runs are asked for. */
const PLENTY = 1_000_000_000;

const orderId = (start: number) => `ORD-BENCH-${start}`;
const line = { sku: SKU, quantity: 1 };
const sagaInput = (start: number) => ({ orderId: orderId(start), customerId: CUSTOMER, amount: 42.5, items: [line] });

/** An order row of the saga table in the status the step expects. */
function seedOrder(status: string) {
    return async (start: number, backend: BenchBackend) => {
        await backend.documents.send(new PutCommand({ TableName: backend.environment[SAGA_TABLE_ENV], Item: {
            ...sagaKeys.order(orderId(start)), status, customerId: CUSTOMER, amount: 42.5, items: [line],
            ...(status === ORDER_STATUS.paid ? { paymentId: `PAY-${orderId(start)}` } : {}),
        } }));
    };
}

/** One SQS message holding an order event, as SNS raw delivery puts it in the consumer's queue. */
function sqsEvent(start: number, eventType: OrderEventType) {
    const event: OrderEvent = { event_id: `EVT-BENCH-${start}`, event_type: eventType, order_id: orderId(start), customer_id: CUSTOMER,
        amount: 42.5, occurred_at: "2026-01-01T00:00:00.000Z" };
    return { Records: [{
        messageId: `00000000-0000-4000-8000-${String(start).padStart(12, "0")}`, receiptHandle: "bench", body: JSON.stringify(event),
        attributes: { ApproximateReceiveCount: "1", SentTimestamp: "1767225600000", SenderId: "bench", ApproximateFirstReceiveTimestamp: "1767225600000" },
        messageAttributes: {}, md5OfBody: "", eventSource: "aws:sqs", eventSourceARN: "arn:aws:sqs:eu-west-1:123456789012:bench", awsRegion: "eu-west-1",
    }] };
}

/** An HTTP API (payload 2.0) request, as API Gateway sends it. */
function httpApiEvent(start: number) {
    const customerId = `c-bench-${start}`;
    const rawPath = `/customers/${customerId}`;
    return {
        version: "2.0", routeKey: CUSTOMER_API_ROUTES.replace, rawPath, rawQueryString: "",
        headers: { "content-type": "application/json", [API_KEY_HEADER]: BENCH_API_KEY },
        pathParameters: { customer_id: customerId },
        requestContext: {
            accountId: "123456789012", apiId: "bench", domainName: "bench.execute-api.eu-west-1.amazonaws.com", domainPrefix: "bench",
            http: { method: "PUT", path: rawPath, protocol: "HTTP/1.1", sourceIp: "203.0.113.7", userAgent: "bench" },
            requestId: "bench", routeKey: CUSTOMER_API_ROUTES.replace, stage: "$default", time: "01/Jan/2026:00:00:00 +0000", timeEpoch: 1767225600000,
        },
        body: JSON.stringify({ name: "Ada Lovelace", email: "ada@example.com" }),
        isBase64Encoded: false,
    };
}

/** The first invocation of each Lambda handler: the request it exists to answer, answered successfully. */
const FIRST_INVOCATIONS: Record<string, FirstInvocation> = {
    "customer-api": { event: httpApiEvent },
    "order-publisher": { event: (start) => ({ event_type: "ORDER_CREATED", order_id: orderId(start), customer_id: CUSTOMER, amount: 42.5 }) },
    "analytics-consumer": { event: (start) => sqsEvent(start, "ORDER_CREATED") },
    "billing-consumer": { event: (start) => sqsEvent(start, "ORDER_CREATED") },
    "notification-consumer": { event: (start) => sqsEvent(start, "ORDER_SHIPPED") },
    "inventory-reserve": { event: sagaInput },
    "payment-process": { event: (start) => ({ ...sagaInput(start), reservation: { reservationId: `RES-${orderId(start)}`, items: [line] } }),
        seed: seedOrder(ORDER_STATUS.reserved) },
    "shipping-create": { event: sagaInput, seed: seedOrder(ORDER_STATUS.paid) },
    "inventory-release": { event: (start) => ({ ...sagaInput(start), reservation: { reservationId: `RES-${orderId(start)}`, items: [line] },
        error: { Error: "PaymentError", Cause: "bench" } }), seed: seedOrder(ORDER_STATUS.reserved) },
    "order-cancel": { event: (start) => ({ ...sagaInput(start), error: { Error: "InventoryError", Cause: "bench" } }) },
};

/** The first invocation of a handler, or an error saying where to describe it. */
export function firstInvocationOf(source: string): FirstInvocation {
    const invocation = FIRST_INVOCATIONS[source];
    if (!invocation) {
        throw new Error(`no first invocation for the handler "${source}": describe the event it answers in ` +
            "tools/bench/cold-start/first-invocations.ts (the cold start is timed up to its first response)");
    }
    return invocation;
}

/** Why a first invocation does not count as answered, or undefined when it succeeded. */
export function firstInvocationProblem(result: Pick<ProbeResult, "response" | "error" | "responses">): string | undefined {
    if (result.error !== undefined) return `it threw ${result.error}`;
    const failedRequests = result.responses.filter((status) => status >= 300);
    if (failedRequests.length > 0) return `AWS answered HTTP ${failedRequests.join(", ")}`;
    const response = result.response as { statusCode?: unknown; batchItemFailures?: unknown[] } | undefined;
    if (typeof response?.statusCode === "number" && response.statusCode >= 300) return `it answered HTTP ${response.statusCode}`;
    if (Array.isArray(response?.batchItemFailures) && response.batchItemFailures.length > 0) return "it reported failed batch items";
    return undefined;
}

/**
 * Creates in moto what the first invocations read and write: the tables under the names the
 * environment gives (keyed as the components declare them), the topics, and the stock and balance the
 * saga steps draw on.
 */
export async function createInvocationResources(backend: BenchBackend, endpoint: string, region: string): Promise<void> {
    const { environment, documents } = backend;
    const tables: [string, string][] = [
        [environment.TABLE_NAME, "customer_id"], [environment[SAGA_TABLE_ENV], SAGA_TABLE_PARTITION_KEY],
        [environment.IDEMPOTENCY_TABLE, FANOUT_TABLE_KEYS.idempotency], [environment.INVOICES_TABLE, FANOUT_TABLE_KEYS.invoices],
        [environment.ORDER_METRICS_TABLE, FANOUT_TABLE_KEYS.metrics],
    ];
    for (const [TableName, key] of tables) {
        await documents.send(new CreateTableCommand({ TableName, BillingMode: "PAY_PER_REQUEST",
            KeySchema: [{ AttributeName: key, KeyType: "HASH" }], AttributeDefinitions: [{ AttributeName: key, AttributeType: "S" }] }));
    }
    const sns = new SNSClient({ endpoint, region, credentials: { accessKeyId: environment.AWS_ACCESS_KEY_ID, secretAccessKey: environment.AWS_SECRET_ACCESS_KEY } });
    try {
        for (const arn of [environment.ORDER_TOPIC_ARN, environment.CUSTOMER_NOTIFICATIONS_TOPIC_ARN]) {
            await sns.send(new CreateTopicCommand({ Name: arn.split(":").at(-1) }));
        }
    } finally {
        sns.destroy();
    }
    const saga = environment[SAGA_TABLE_ENV];
    await documents.send(new PutCommand({ TableName: saga, Item: { ...sagaKeys.sku(SKU), available: PLENTY } }));
    await documents.send(new PutCommand({ TableName: saga, Item: { ...sagaKeys.account(CUSTOMER), balance: PLENTY } }));
}

/** A DynamoDB document client on moto, for the bench's own seeding. */
export function benchDocuments(endpoint: string, region: string, environment: Record<string, string>): DynamoDBDocumentClient {
    return DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint, region,
        credentials: { accessKeyId: environment.AWS_ACCESS_KEY_ID, secretAccessKey: environment.AWS_SECRET_ACCESS_KEY } }));
}
