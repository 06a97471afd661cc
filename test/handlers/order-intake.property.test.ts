import { strict as assert } from "node:assert";
import { HttpRequest } from "@azure/functions";
import { QueueClient } from "@azure/storage-queue";
import * as fc from "fast-check";
import { createOrderIntake } from "../../functions/order-intake/src/intake";
import { storageClientsFromConnectionString } from "../../functions/order-intake/src/storage-clients";
import { Azurite, startAzurite } from "../azure/azurite";
import { capturingContext } from "../azure/invocation";
import { assertClientContract, assertNames } from "./support/client-error-contract";
import {
    anyBytes, anyJsonText, anyText, deepNesting, hugeString, runs, stringWithLoneSurrogate, withOneFieldBroken, prototypeKeyIn, withPrototypeKey,
    wrongContentType,
} from "./support/hostile-input";

const item = fc.record({
    sku: fc.stringMatching(/^[A-Z0-9][A-Z0-9-]{0,10}$/),
    quantity: fc.integer({ min: 1, max: 1000 }),
    unitPriceCents: fc.integer({ min: 0, max: 10_000_000 }),
});
const validOrder = fc.record({
    orderId: fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}$/),
    customerId: fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}$/),
    items: fc.array(item, { minLength: 1, maxLength: 5 }),
});

interface Sent { body: string | Uint8Array; contentType?: string }

describe("order intake (Azure HTTP function) against hostile input (property-based, in-process on Azurite, seeded)", () => {
    let azurite: Azurite;
    let queue: QueueClient;
    let intake: ReturnType<typeof createOrderIntake>;

    before(async () => {
        azurite = await startAzurite();
        ({ queue } = storageClientsFromConnectionString(azurite.connectionString));
        await queue.create();
        intake = createOrderIntake({ queue, logLevel: "ERROR" });
    });
    after(async () => azurite.stop());

    async function send(sent: Sent) {
        const request = new HttpRequest({
            method: "POST",
            url: "https://order-intake.example/api/orders",
            headers: sent.contentType === undefined ? {} : { "content-type": sent.contentType },
            body: typeof sent.body === "string" ? { string: sent.body } : { bytes: sent.body },
        });
        const response = await intake(request, capturingContext("orderIntake").context);
        // The host serializes jsonBody with JSON.stringify and answers it as application/json.
        const bodyText = JSON.stringify(response.jsonBody);
        return { status: response.status ?? 200, contentType: response.jsonBody === undefined ? undefined : "application/json", bodyText };
    }
    const json = (body: string | Uint8Array): Sent => ({ body, contentType: "application/json" });
    const described = (sent: Sent) => `${sent.contentType} ${String(sent.body).slice(0, 120)}`;

    it("never answers 5xx or shows internals, and names a field in every 4xx, for any body (1,000 cases)", async () => {
        const anyRequest: fc.Arbitrary<Sent> = fc.oneof(
            anyJsonText.map(json),
            anyText.map(json),
            anyBytes.map(json),
            deepNesting.map(json),
            hugeString.map((s) => json(JSON.stringify({ orderId: s, customerId: "c", items: [] }))),
            withPrototypeKey(validOrder).map(json),
            withOneFieldBroken(validOrder, ["orderId", "customerId", "items"]).map(({ text }) => json(text)),
            fc.tuple(validOrder, wrongContentType).map(([order, contentType]) => ({ body: JSON.stringify(order), contentType })),
            validOrder.map((order) => json(JSON.stringify(order))),
        );
        await fc.assert(fc.asyncProperty(anyRequest, async (sent) => {
            assertClientContract(await send(sent), String(sent.body), described(sent));
        }), runs(1000));
    });

    it("answers 400 naming the id for a lone surrogate in orderId or customerId (200 cases)", async () => {
        await fc.assert(fc.asyncProperty(validOrder, fc.constantFrom("orderId", "customerId"), stringWithLoneSurrogate, async (order, field, value) => {
            const text = JSON.stringify({ ...order, [field]: value });
            const response = await send(json(text));
            assert.equal(response.status, 400);
            assertNames(assertClientContract(response, text, text), [field], text);
        }), runs(200));
    });

    it("answers 400 naming the body for deep nesting anywhere, or 413 past the size limit (200 cases)", async () => {
        await fc.assert(fc.asyncProperty(validOrder, deepNesting, fc.boolean(), async (order, deep, asItems) => {
            const text = asItems ? JSON.stringify({ ...order, items: "DEEP" }).replace('"DEEP"', deep) : deep;
            const response = await send(json(text));
            assert.ok([400, 413].includes(response.status), `status ${response.status}`);
            assertNames(assertClientContract(response, text, "deep"), ["body"], "deep");
        }), runs(200));
    });

    it("answers 400 naming the prototype key (or the body, for __proto__) (100 cases)", async () => {
        await fc.assert(fc.asyncProperty(withPrototypeKey(validOrder), async (text) => {
            const response = await send(json(text));
            assert.equal(response.status, 400, text);
            const key = prototypeKeyIn(text);
            assertNames(assertClientContract(response, text, text), ["body", key, `items[0].${key}`], text);
        }), runs(100));
    });

    it("answers 415 naming the content type for a body not sent as application/json (100 cases)", async () => {
        await fc.assert(fc.asyncProperty(validOrder, wrongContentType, async (order, contentType) => {
            const sent = { body: JSON.stringify(order), contentType };
            const response = await send(sent);
            assert.equal(response.status, 415, described(sent));
            assertNames(assertClientContract(response, String(sent.body), described(sent)), ["headers.content-type"], described(sent));
        }), runs(100));
    });
});
