import { strict as assert } from "node:assert";
import { TableClient } from "@azure/data-tables";
import { QueueClient } from "@azure/storage-queue";
import { createOrderIntake, MAX_BODY_BYTES } from "../../functions/order-intake/src/intake";
import { OrderStore } from "../../functions/order-intake/src/order-store";
import { createOrderProcessor, InvalidQueuedOrderError } from "../../functions/order-intake/src/processor";
import { storageClientsFromConnectionString } from "../../functions/order-intake/src/storage-clients";
import { freePort } from "../../tools/net/free-port";
import { Azurite, startAzurite } from "./azurite";
import { capturingContext, postOrder } from "./invocation";
import { deliverNext, deliverWhenVisibleAgain } from "./queue-delivery";

const VALID_BODY = '{"orderId":"ord-1001","customerId":"cust-42","items":[{"sku":"TSHIRT-M","quantity":2,"unitPriceCents":1999}]}';
const ORDER = { orderId: "ord-2001", customerId: "cust-7", items: [{ sku: "MUG", quantity: 3, unitPriceCents: 1250 }] };
const PROCESSED_AT = new Date("2025-01-15T10:00:00.000Z");

// One Azurite for the whole file: it takes seconds to start on a busy 2-core machine.
describe("Azure order-intake functions against Azurite", () => {
    let azurite: Azurite;
    let queue: QueueClient;
    let table: TableClient;

    before(async () => {
        azurite = await startAzurite();
        ({ queue, table } = storageClientsFromConnectionString(azurite.connectionString));
        await queue.create();
        await table.createTable();
    });
    after(async () => azurite.stop());
    beforeEach(async () => { await queue.clearMessages(); });

    describe("HTTP intake", () => {
        const intake = () => createOrderIntake({ queue, logLevel: "DEBUG" });

        async function queuedTexts(): Promise<string[]> {
            const peeked = await queue.peekMessages({ numberOfMessages: 32 });
            return peeked.peekedMessageItems.map((m) => m.messageText);
        }

        it("answers 202 and enqueues exactly the request body for a valid order", async () => {
            const { context, lines } = capturingContext("orderIntake");
            const response = await intake()(postOrder(VALID_BODY), context);
            assert.equal(response.status, 202);
            assert.deepEqual(response.jsonBody, { orderId: "ord-1001", status: "queued" });
            assert.deepEqual(await queuedTexts(), [VALID_BODY]);
            assert.deepEqual(lines.map(({ level, message, orderId }) => ({ level, message, orderId })),
                [{ level: "INFO", message: "order queued", orderId: "ord-1001" }]);
        });

        it("answers 400 with every problem and enqueues nothing for an invalid order", async () => {
            const body = '{"orderId":"ord/1","customerId":"cust-42","items":[{"sku":"TSHIRT-M","quantity":0,"unitPriceCents":1999,"colour":"red"}]}';
            const response = await intake()(postOrder(body), capturingContext("orderIntake").context);
            assert.equal(response.status, 400);
            assert.deepEqual(response.jsonBody, {
                error: "invalid order: orderId must be 1 to 64 letters, digits or dashes, starting with a letter or digit",
                problems: [
                    { field: "orderId", message: "must be 1 to 64 letters, digits or dashes, starting with a letter or digit" },
                    { field: "items[0].quantity", message: "must be an integer from 1 to 1000" },
                    { field: "items[0].colour", message: "is not a known field" },
                ],
            });
            assert.deepEqual(await queuedTexts(), []);
        });

        it("answers 400 for a body that is not JSON and 413 for an oversized one, enqueuing nothing", async () => {
            const notJson = await intake()(postOrder("orderId=1"), capturingContext("orderIntake").context);
            assert.equal(notJson.status, 400);
            assert.deepEqual((notJson.jsonBody as { problems: unknown }).problems, [{ field: "body", message: "is not valid JSON" }]);
            const oversized = " ".repeat(MAX_BODY_BYTES + 1);
            const tooLarge = await intake()(postOrder(oversized), capturingContext("orderIntake").context);
            assert.equal(tooLarge.status, 413);
            assert.deepEqual((tooLarge.jsonBody as { problems: unknown }).problems,
                [{ field: "body", message: `is ${MAX_BODY_BYTES + 1} bytes; the limit is ${MAX_BODY_BYTES} bytes` }]);
            assert.deepEqual(await queuedTexts(), []);
        });

        it("answers 400 naming the body for a 12 KB body holding a 6,000-deep array (its promise used to reject)", async () => {
            const deep = `{"orderId":"ord-1","customerId":"c","items":${"[".repeat(6000)}${"]".repeat(6000)}}`;
            assert.ok(Buffer.byteLength(deep) > 12_000 && Buffer.byteLength(deep) <= MAX_BODY_BYTES);
            const response = await intake()(postOrder(deep), capturingContext("orderIntake").context);
            assert.equal(response.status, 400);
            assert.deepEqual((response.jsonBody as { problems: unknown }).problems, [{ field: "body", message: "nests deeper than 16 levels" }]);
            assert.deepEqual(await queuedTexts(), []);
        });

        it("answers 500 without internals and logs the cause when the queue is unreachable", async () => {
            const closedPort = await freePort();
            const unreachable = new QueueClient(`http://127.0.0.1:${closedPort}/devstoreaccount1/orders`, undefined, { retryOptions: { maxTries: 1 } });
            const { context, lines } = capturingContext("orderIntake");
            const response = await createOrderIntake({ queue: unreachable, logLevel: "INFO" })(postOrder(VALID_BODY), context);
            assert.equal(response.status, 500);
            assert.deepEqual(response.jsonBody, { error: "the order could not be accepted; retry later", invocationId: "inv-1" });
            assert.equal(lines.length, 1);
            assert.equal(lines[0].level, "ERROR");
            assert.equal(lines[0].orderId, "ord-1001");
            assert.match(String(lines[0].error), /ECONNREFUSED/);
        });
    });

    describe("queue processor", () => {
        const processor = (store = new OrderStore(table)) => createOrderProcessor({ store, logLevel: "INFO", now: () => PROCESSED_AT });

        it("records an order once when the same message is delivered twice", async () => {
            await queue.sendMessage(JSON.stringify(ORDER));
            // First delivery: the effect happens, then the host dies before deleting the message.
            const first = await deliverNext(queue, processor(), { visibilityTimeoutSeconds: 1, deleteOnSuccess: false });
            const second = await deliverWhenVisibleAgain(queue, processor(), { visibilityTimeoutSeconds: 30, deleteOnSuccess: true });

            assert.equal(second.message.messageId, first.message.messageId);
            assert.equal(second.message.dequeueCount, 2);
            assert.deepEqual(await new OrderStore(table).totals("cust-7"), { orderCount: 1, totalCents: 3750 });
            const row = await table.getEntity("cust-7", "order-ord-2001");
            assert.deepEqual([row.totalCents, row.items, row.processedAt], [3750, JSON.stringify(ORDER.items), "2025-01-15T10:00:00.000Z"]);
            assert.deepEqual([...first.lines, ...second.lines].map(({ message, outcome, dequeueCount }) => ({ message, outcome, dequeueCount })), [
                { message: "order recorded", outcome: "recorded", dequeueCount: 1 },
                { message: "duplicate delivery ignored", outcome: "duplicate", dequeueCount: 2 },
            ]);
        });

        it("adds a second order of the same customer to the totals", async () => {
            const handler = processor();
            await handler({ ...ORDER, orderId: "ord-3001", customerId: "cust-8" }, capturingContext("orderProcessor").context);
            await handler({ ...ORDER, orderId: "ord-3002", customerId: "cust-8", items: [{ sku: "MUG", quantity: 1, unitPriceCents: 1250 }] },
                capturingContext("orderProcessor").context);
            assert.deepEqual(await new OrderStore(table).totals("cust-8"), { orderCount: 2, totalCents: 5000 });
        });

        it("rethrows a storage failure and leaves its message untouched in the queue", async () => {
            const text = JSON.stringify({ ...ORDER, orderId: "ord-4001", customerId: "cust-9" });
            await queue.sendMessage(text);
            const missingTable = TableClient.fromConnectionString(azurite.connectionString, "missingtable", { allowInsecureConnection: true });
            const peeked = (await queue.peekMessages()).peekedMessageItems[0];
            const { context, lines } = capturingContext("orderProcessor", { dequeueCount: 1 });

            await assert.rejects(processor(new OrderStore(missingTable))(JSON.parse(peeked.messageText), context),
                (error: Error & { statusCode?: number }) => error.statusCode === 404);

            const after = (await queue.peekMessages({ numberOfMessages: 32 })).peekedMessageItems;
            assert.deepEqual(after.map((m) => [m.messageId, m.messageText, m.dequeueCount]), [[peeked.messageId, text, 0]]);
            assert.equal(await new OrderStore(table).totals("cust-9"), undefined);
            assert.deepEqual(lines.map(({ level, message, poisonQueue }) => ({ level, message, poisonQueue })),
                [{ level: "ERROR", message: "order processing failed; the host will retry the message", poisonQueue: "orders-poison" }]);
        });

        it("rethrows a message that is not an order, so the host ends it in the poison queue", async () => {
            await assert.rejects(processor()("not an order", capturingContext("orderProcessor").context),
                new InvalidQueuedOrderError("the queue message is not a JSON order: is not valid JSON"));
            await assert.rejects(processor()({ orderId: "ord-5001" }, capturingContext("orderProcessor").context),
                (error: Error) => error instanceof InvalidQueuedOrderError &&
                    error.message === "the queue message is not a valid order: customerId must be 1 to 64 letters, digits or dashes, " +
                    "starting with a letter or digit; items must be an array of 1 to 50 items");
        });
    });
});
