import { strict as assert } from "node:assert";
import * as path from "node:path";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, GetCommand } from "@aws-sdk/lib-dynamodb";
import { PublishCommand, SNSClient } from "@aws-sdk/client-sns";
import { DeleteMessageCommand, ReceiveMessageCommand, SendMessageCommand, SQSClient } from "@aws-sdk/client-sqs";
import { ORDER_CONSUMERS, OrderConsumer, OrderEventSchema, OrderEventType } from "../../contracts/schemas/order-events";
import { settingsFromConfig } from "../../components/settings";
import { loadStackConfig } from "../../tools/harness/stack-config";
import { motoEndpoint, resetMoto } from "../../tools/moto/moto-server";
import { fanoutHandlers, TEST_RESOURCES } from "./support/fanout-handlers";
import { lambdaContext } from "../support/lambda-context";
import { createFanoutInMoto, MotoFanout } from "./support/moto-fanout";
import { routeSdkClientsTo } from "./support/sdk-endpoint";
import { drainQueue } from "./support/sqs-event-source";

/** The dev stack's order-events settings, read as the program reads them. */
const devOrderEvents = (() => {
    const config = loadStackConfig({ projectDir: path.join(__dirname, "../.."), stack: "dev" });
    const settings = settingsFromConfig(config.values, "dev");
    if (!settings.aws) throw new Error("the dev stack must enable aws for these tests");
    return settings.aws.orderEvents;
})();

describe("order fan-out against moto (SNS -> filtered SQS queues -> consumers)", function () {
    let fanout: MotoFanout;
    let sqs: SQSClient;
    let sns: SNSClient;
    let documents: DynamoDBDocumentClient;
    let restoreEndpoint: () => void;

    before(async () => {
        const endpoint = await motoEndpoint();
        await resetMoto();
        restoreEndpoint = routeSdkClientsTo(endpoint);
        fanout = await createFanoutInMoto(endpoint, devOrderEvents.maxReceiveCount);
        sqs = new SQSClient({ endpoint });
        sns = new SNSClient({ endpoint });
        documents = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint }));
    });

    after(() => restoreEndpoint());

    const drain = (consumer: OrderConsumer) => drainQueue({
        sqs, queueUrl: fanout.queues[consumer].url, queueArn: fanout.queues[consumer].arn,
        batchSize: devOrderEvents.batchSize, handler: fanoutHandlers[consumer],
        context: () => lambdaContext({ functionName: `${consumer}-consumer`, timeoutSeconds: devOrderEvents.timeoutSeconds }),
    });

    /** Every message now in a queue, removed as read. */
    async function takeAll(queueUrl: string): Promise<string[]> {
        const bodies: string[] = [];
        for (;;) {
            const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10 }));
            if (Messages.length === 0) return bodies;
            bodies.push(...Messages.map((message) => message.Body ?? ""));
            for (const message of Messages) {
                await sqs.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: message.ReceiptHandle }));
            }
        }
    }

    it("routes each event type published by the order publisher to exactly the queues whose filter names it", async () => {
        const published: Record<string, OrderEventType> = {};
        for (const eventType of ["ORDER_CREATED", "ORDER_SHIPPED", "ORDER_CANCELLED"] as const) {
            const { eventId } = await fanoutHandlers.publisher({
                event_type: eventType, order_id: "ord-route", customer_id: "cust-route", amount: 42.5,
            });
            published[eventId] = eventType;
        }
        const received = Object.fromEntries(await Promise.all(ORDER_CONSUMERS.map(async (consumer) => {
            const events = (await takeAll(fanout.queues[consumer].url)).map((body) => OrderEventSchema.parse(JSON.parse(body)));
            return [consumer, events.map((event) => published[event.event_id]).sort()];
        })));
        assert.deepEqual(received, {
            billing: ["ORDER_CANCELLED", "ORDER_CREATED"],
            notification: ["ORDER_CANCELLED", "ORDER_SHIPPED"],
            analytics: ["ORDER_CANCELLED", "ORDER_CREATED", "ORDER_SHIPPED"],
        });
    });

    it("delivers the raw event body (no SNS envelope) with the seed's fields", async () => {
        const { eventId } = await fanoutHandlers.publisher({ order_id: "ord-raw", customer_id: "cust-raw", amount: 10 });
        const [body] = await takeAll(fanout.queues.billing.url);
        await takeAll(fanout.queues.analytics.url);
        const event = JSON.parse(body) as Record<string, unknown>;
        assert.deepEqual(Object.keys(event).sort(), ["amount", "customer_id", "event_id", "event_type", "occurred_at", "order_id"]);
        assert.deepEqual({ ...event, occurred_at: undefined }, {
            event_id: eventId, event_type: "ORDER_CREATED", order_id: "ord-raw", customer_id: "cust-raw", amount: 10,
            occurred_at: undefined,
        });
    });

    it(`moves a message billing keeps failing to billing's DLQ after maxReceiveCount (${devOrderEvents.maxReceiveCount}) receives, billing the rest of its batch once`,
        async () => {
            for (const order of ["ord-dlq-1", "ord-dlq-2"]) {
                await fanoutHandlers.publisher({ order_id: order, customer_id: "cust-dlq", amount: 7 });
            }
            // A buggy publisher: the attribute passes billing's filter, the body has no amount.
            const poison = JSON.stringify({ event_id: "evt-poison", event_type: "ORDER_CREATED", order_id: "ord-dlq-3",
                customer_id: "cust-dlq", occurred_at: "2026-01-01T00:00:00.000Z" });
            await sns.send(new PublishCommand({ TopicArn: fanout.topicArn, Message: poison,
                MessageAttributes: { event_type: { DataType: "String", StringValue: "ORDER_CREATED" } } }));

            const result = await drain("billing");

            assert.equal(result.deliveriesByBody.get(poison), devOrderEvents.maxReceiveCount);
            assert.deepEqual([...result.deliveriesByBody.values()].sort(), [1, 1, devOrderEvents.maxReceiveCount]);
            assert.deepEqual(await takeAll(fanout.queues.billing.dlqUrl), [poison]);
            for (const orderId of ["ord-dlq-1", "ord-dlq-2"]) {
                const { Item } = await documents.send(new GetCommand({ TableName: TEST_RESOURCES.invoicesTable, Key: { orderId } }));
                assert.equal(Item?.status, "ISSUED", `invoice of ${orderId}`);
            }
            const { Item: poisonInvoice } = await documents.send(new GetCommand({
                TableName: TEST_RESOURCES.invoicesTable, Key: { orderId: "ord-dlq-3" } }));
            assert.equal(poisonInvoice, undefined);
        });

    it("counts a redelivered event once (Powertools idempotency keyed on event_id)", async () => {
        const body = JSON.stringify({ event_id: "evt-dup", event_type: "ORDER_CREATED", order_id: "ord-dup",
            customer_id: "cust-dup", amount: 25, occurred_at: "2031-05-04T10:00:00.000Z" });
        for (let delivery = 0; delivery < 2; delivery++) {
            await sqs.send(new SendMessageCommand({ QueueUrl: fanout.queues.analytics.url, MessageBody: body }));
            const result = await drain("analytics");
            assert.equal(result.deliveriesByBody.get(body), 1);
        }
        const { Item } = await documents.send(new GetCommand({ TableName: TEST_RESOURCES.metricsTable, Key: { day: "2031-05-04" } }));
        assert.deepEqual(Item, { day: "2031-05-04", ORDER_CREATED_count: 1, ORDER_CREATED_amount: 25 });
    });
});
