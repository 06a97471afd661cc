import { strict as assert } from "node:assert";
import fc from "fast-check";
import { postJson, postText, RunningChurnApi, SHIPPED_MODEL_FILE, startInProcess } from "./support/in-process-churn-api";
import { readFileSync } from "node:fs";
import { ModelFeature } from "../../functions/churn-api/src/model";

const FEATURES: ModelFeature[] = JSON.parse(readFileSync(SHIPPED_MODEL_FILE, "utf8")).features;
const NAMES = FEATURES.map((f) => f.name);
const RUNS = { numRuns: 25 };

/** Any request the v3 model accepts: every feature a number within its range. */
const validRequest = fc.record({
    customer_id: fc.string({ minLength: 1, maxLength: 128 }).filter((s) => s.trim() !== ""),
    features: fc.record(Object.fromEntries(FEATURES.map((f) => [f.name, fc.double({ min: f.min, max: f.max, noNaN: true })]))),
});

interface Problem { field: string; message: string }

/** Keys a JSON body may not carry at all (refused before any schema, see contracts/schemas/bounds.ts). */
const notPrototypeKey = (key: string) => key !== "__proto__";

/** Whether a value holds, at any depth, what the API refuses before any schema: a __proto__ key or constructor.prototype. */
function holdsPrototypeKey(value: unknown): boolean {
    if (typeof value !== "object" || value === null) return false;
    const has = (object: object, key: string) => Object.prototype.hasOwnProperty.call(object, key);
    if (has(value, "__proto__")) return true;
    const constructorValue = (value as Record<string, unknown>).constructor;
    if (has(value, "constructor") && typeof constructorValue === "object" && constructorValue !== null && has(constructorValue, "prototype")) return true;
    return Object.values(value).some(holdsPrototypeKey);
}

/** Any JSON value the API does not refuse as a whole (those have their own property below). */
const jsonValue = fc.jsonValue().filter((v) => !holdsPrototypeKey(v));

/** A JSON value that is not a finite number. */
const notANumber = jsonValue.filter((v) => typeof v !== "number");

async function expect400(api: RunningChurnApi, body: unknown): Promise<Problem[]> {
    const response = await postJson(api.baseUrl, body);
    assert.equal(response.status, 400, `expected 400 for ${JSON.stringify(body)}, got ${response.status}`);
    const problems = response.body.problems as Problem[];
    assert.equal(response.body.error, `invalid request: ${problems[0].field} ${problems[0].message}`);
    return problems;
}

describe("churn-api request validation (property-based, over HTTP)", () => {
    let api: RunningChurnApi;
    before(async () => { api = await startInProcess({ modelVersion: "v3" }); });
    after(async () => { await api.server.shutdown(1_000); });

    it("answers 200 with a probability in [0, 1] and the level its thresholds give, for any valid request", async () => {
        await fc.assert(fc.asyncProperty(validRequest, async (request) => {
            const { status, body } = await postJson(api.baseUrl, request);
            assert.equal(status, 200);
            const p = body.churn_probability as number;
            assert.ok(p >= 0 && p <= 1 && Number(p.toFixed(4)) === p, `bad probability ${p} (not in [0, 1] rounded to 4 places)`);
            assert.equal(body.risk_level, p > 0.7 ? "high" : p > 0.4 ? "medium" : "low");
            assert.equal(body.customer_id, request.customer_id);
        }), RUNS);
    });

    it("answers 400 naming the body shape when the JSON body is not an object", async () => {
        const notAnObject = fc.oneof(fc.constant(null), fc.boolean(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.string(), fc.array(jsonValue));
        await fc.assert(fc.asyncProperty(notAnObject, async (body) => {
            assert.deepEqual(await expect400(api, body), [{ field: "body", message: "must be a JSON object with customer_id and features" }]);
        }), RUNS);
    });

    it("answers 400 naming the one feature that is missing", async () => {
        await fc.assert(fc.asyncProperty(validRequest, fc.constantFrom(...NAMES), async (request, missing) => {
            const features: Record<string, number> = { ...request.features };
            delete features[missing];
            assert.deepEqual(await expect400(api, { ...request, features }), [{ field: `features.${missing}`, message: "is required" }]);
        }), RUNS);
    });

    it("answers 400 naming the feature and its range when a feature is not a number in range", async () => {
        const badValue = (f: ModelFeature) => fc.oneof(notANumber, fc.double({ max: f.min, maxExcluded: true, noNaN: true, noDefaultInfinity: true }).filter((v) => v < f.min) /* -0 is not below 0 */, fc.double({ min: f.max, minExcluded: true, noNaN: true, noDefaultInfinity: true }));
        const target = fc.constantFrom(...FEATURES).chain((f) => fc.tuple(fc.constant(f), badValue(f)));
        await fc.assert(fc.asyncProperty(validRequest, target, async (request, [feature, value]) => {
            const problems = await expect400(api, { ...request, features: { ...request.features, [feature.name]: value } });
            assert.deepEqual(problems, [{ field: `features.${feature.name}`,
                message: typeof value === "number" ? `must be a number from ${feature.min} to ${feature.max}` : "must be a number" }]);
        }), RUNS);
    });

    it("answers 400 naming an unknown feature as a field that is not known", async () => {
        const unknownName = fc.string({ minLength: 1 }).filter((n) => !NAMES.includes(n) && notPrototypeKey(n));
        await fc.assert(fc.asyncProperty(validRequest, unknownName, fc.double({ noNaN: true, noDefaultInfinity: true }), async (request, name, value) => {
            const problems = await expect400(api, { ...request, features: { ...request.features, [name]: value } });
            assert.deepEqual(problems, [{ field: `features.${name}`, message: "is not a known field" }]);
        }), RUNS);
    });

    it("answers 400 naming customer_id when it is missing, blank, too long or not a string", async () => {
        const badId = fc.oneof(
            fc.constant(undefined),
            fc.stringMatching(/^\s*$/),
            fc.string({ minLength: 129, maxLength: 300 }),
            jsonValue.filter((v) => typeof v !== "string"),
        );
        await fc.assert(fc.asyncProperty(validRequest, badId, async (request, customerId) => {
            const problems = await expect400(api, { ...request, customer_id: customerId });
            const blank = typeof customerId === "string" && customerId !== "" && customerId.length <= 128;
            assert.deepEqual(problems, [{ field: "customer_id", message: blank ? "must not be blank" : "must be a string of 1 to 128 characters" }]);
        }), RUNS);
    });

    it("answers 400 naming an unknown top-level field", async () => {
        const extraField = fc.string({ minLength: 1 }).filter((k) => k !== "customer_id" && k !== "features" && notPrototypeKey(k));
        await fc.assert(fc.asyncProperty(validRequest, extraField, jsonValue, async (request, key, value) => {
            assert.deepEqual(await expect400(api, { ...request, [key]: value }), [{ field: key, message: "is not a known field" }]);
        }), RUNS);
    });

    it("answers 400 saying the body is not valid JSON for any text JSON.parse rejects", async () => {
        // Short of the nesting bound, which is its own problem (see the HTTP tests).
        const notJson = fc.string().filter((text) => text.trim() !== "" && (text.match(/[[{]/g) ?? []).length <= 16)
            .filter((text) => { try { JSON.parse(text); return false; } catch { return true; } });
        await fc.assert(fc.asyncProperty(notJson, async (text) => {
            const { status, body } = await postText(api.baseUrl, text);
            assert.equal(status, 400);
            assert.deepEqual(body.problems, [{ field: "body", message: "is not valid JSON" }]);
        }), RUNS);
    });
});
