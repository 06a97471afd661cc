import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import * as fc from "fast-check";
import { buildChurnApp } from "../../functions/churn-api/src/app";
import { ModelHolder } from "../../functions/churn-api/src/model-state";
import { fileModelSource } from "../../functions/churn-api/src/model-source";
import { ModelFeature } from "../../functions/churn-api/src/model";
import { capturingLogger, SHIPPED_MODEL_FILE } from "../gcp/support/in-process-churn-api";
import { assertClientContract, assertNames, ObservedResponse } from "./support/client-error-contract";
import {
    anyBytes, anyJsonText, anyText, deepNesting, hugeString, runs, stringWithLoneSurrogate, withOneFieldBroken,
    prototypeKeyIn, withPrototypeKey, wrongContentType,
} from "./support/hostile-input";

const FEATURES: ModelFeature[] = JSON.parse(readFileSync(SHIPPED_MODEL_FILE, "utf8")).features;

const validRequest = fc.record({
    customer_id: fc.string({ minLength: 1, maxLength: 128 }).filter((s) => s.trim() !== ""),
    features: fc.record(Object.fromEntries(FEATURES.map((f) => [f.name, fc.double({ min: f.min, max: f.max, noNaN: true })]))),
});

interface Sent { payload: string | Buffer; contentType?: string }

describe("churn API against hostile input (property-based, fastify inject, seeded)", () => {
    let app: ReturnType<typeof buildChurnApp>;
    before(async () => {
        const model = new ModelHolder(fileModelSource(SHIPPED_MODEL_FILE), "v3");
        await model.load();
        app = buildChurnApp({ model, logger: capturingLogger("ERROR").logger, draining: () => false });
        await app.ready();
    });
    after(async () => app.close());

    async function send({ payload, contentType }: Sent): Promise<ObservedResponse> {
        const response = await app.inject({
            method: "POST", url: "/predict", payload,
            headers: contentType === undefined ? {} : { "content-type": contentType },
        });
        return { status: response.statusCode, contentType: response.headers["content-type"] as string | undefined, bodyText: response.body };
    }
    const json = (payload: string | Buffer): Sent => ({ payload, contentType: "application/json" });
    const described = (sent: Sent) => `${sent.contentType} ${String(sent.payload).slice(0, 120)}`;

    it("never answers 5xx or shows internals, and names a field in every 4xx, for any body (1,000 cases)", async () => {
        const anyRequest = fc.oneof(
            anyJsonText.map(json),
            anyText.map(json),
            anyBytes.map((bytes) => json(Buffer.from(bytes))),
            deepNesting.map(json),
            hugeString.map((s) => json(JSON.stringify({ customer_id: s, features: {} }))),
            withPrototypeKey(validRequest).map(json),
            withOneFieldBroken(validRequest, ["customer_id", "features"]).map(({ text }) => json(text)),
            fc.tuple(validRequest, wrongContentType).map(([request, contentType]) => ({ payload: JSON.stringify(request), contentType })),
            validRequest.map((request) => json(JSON.stringify(request))),
        );
        await fc.assert(fc.asyncProperty(anyRequest, async (sent) => {
            assertClientContract(await send(sent), String(sent.payload), described(sent));
        }), runs(1000));
    });

    it("answers 400 naming customer_id when it holds a lone surrogate (200 cases)", async () => {
        await fc.assert(fc.asyncProperty(validRequest, stringWithLoneSurrogate, async (request, id) => {
            const sent = json(JSON.stringify({ ...request, customer_id: id }));
            const response = await send(sent);
            assert.equal(response.status, 400);
            assertNames(assertClientContract(response, String(sent.payload), described(sent)), ["customer_id"], described(sent));
        }), runs(200));
    });

    it("answers 400 naming the body for nesting deeper than the bound, wherever it is (413 past the size limit) (200 cases)", async () => {
        await fc.assert(fc.asyncProperty(validRequest, deepNesting, fc.boolean(), async (request, deep, asFeature) => {
            const text = asFeature
                ? JSON.stringify(request).replace(/"features":\{/, `"features":{"deep":${deep},`)
                : deep;
            const response = await send(json(text));
            assert.ok([400, 413].includes(response.status), `status ${response.status}`);
            assertNames(assertClientContract(response, text, "deep"), ["body"], "deep");
        }), runs(200));
    });

    it("answers 400 naming the prototype key (or the body, for __proto__) and never lets it through (200 cases)", async () => {
        await fc.assert(fc.asyncProperty(withPrototypeKey(validRequest), async (text) => {
            const response = await send(json(text));
            assert.equal(response.status, 400, text);
            const key = prototypeKeyIn(text);
            assertNames(assertClientContract(response, text, text), ["body", key, `features.${key}`], text);
        }), runs(200));
    });

    it("answers 415 naming the content type for any body not sent as application/json (100 cases)", async () => {
        await fc.assert(fc.asyncProperty(validRequest, wrongContentType, async (request, contentType) => {
            const sent = { payload: JSON.stringify(request), contentType };
            const response = await send(sent);
            assert.equal(response.status, 415, described(sent));
            assertNames(assertClientContract(response, String(sent.payload), described(sent)), ["headers.content-type"], described(sent));
        }), runs(100));
    });

    it("answers 400 naming customer_id for a huge one, or 413 naming the body past the limit (100 cases)", async () => {
        await fc.assert(fc.asyncProperty(validRequest, hugeString, async (request, id) => {
            const text = JSON.stringify({ ...request, customer_id: id });
            const response = await send(json(text));
            const problems = assertClientContract(response, text, "huge");
            if (response.status === 413) assertNames(problems, ["body"], "huge");
            else {
                assert.equal(response.status, 400);
                assertNames(problems, ["customer_id"], "huge");
            }
        }), runs(100));
    });
});
