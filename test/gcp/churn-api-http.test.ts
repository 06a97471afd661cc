import { strict as assert } from "node:assert";
import { MAX_BODY_BYTES } from "../../functions/churn-api/src/app";
import { ONE_FEATURE_MODEL_FILE, postJson, postText, RunningChurnApi, startInProcess } from "./support/in-process-churn-api";

/** A customer far from the training means on every feature: logit -0.6 + 0.9 + 0.4 + 1.2 + 0.75 + 0.7 = 3.35. */
const AT_RISK_CUSTOMER = {
    customer_id: "cust-0042",
    // Deliberately not in the artifact's order: features are matched by name.
    features: { month_to_month_contract: 1, days_since_last_login: 22, support_tickets_90d: 4, monthly_charges: 95, tenure_months: 10 },
};

describe("churn-api over HTTP with the shipped v3 model", () => {
    let api: RunningChurnApi;
    before(async () => { api = await startInProcess({ modelVersion: "v3", projectId: "test-project" }); });
    after(async () => { await api.server.shutdown(1_000); });

    it("GET /health answers 200 healthy with the model version once the model is loaded", async () => {
        const response = await fetch(`${api.baseUrl}/health`);
        assert.equal(response.status, 200);
        assert.deepEqual(await response.json(), { status: "healthy", model_version: "v3" });
    });

    it("POST /predict answers sigmoid(3.35) = 0.9661 and high for a long-idle month-to-month customer", async () => {
        const { status, body } = await postJson(api.baseUrl, AT_RISK_CUSTOMER);
        assert.equal(status, 200);
        assert.deepEqual(body, { customer_id: "cust-0042", churn_probability: 0.9661, risk_level: "high", model_version: "v3" });
    });

    it("POST /predict answers sigmoid(-1.3) = 0.2142 and low for an average customer on a long contract", async () => {
        const { body } = await postJson(api.baseUrl, {
            customer_id: "cust-7",
            features: { tenure_months: 30, monthly_charges: 65, support_tickets_90d: 1, days_since_last_login: 10, month_to_month_contract: 0 },
        });
        assert.deepEqual(body, { customer_id: "cust-7", churn_probability: 0.2142, risk_level: "low", model_version: "v3" });
    });

    it("logs each request as one JSON line with severity, httpRequest and the Cloud Trace link", async () => {
        await postJson(api.baseUrl, AT_RISK_CUSTOMER, { "x-cloud-trace-context": "105445aa7843bc8bf206b12000100000/1;o=1" });
        const line = api.logs.find((l) => l["logging.googleapis.com/trace"] === "projects/test-project/traces/105445aa7843bc8bf206b12000100000");
        assert.ok(line, "no log line carries the request's trace");
        assert.equal(line.severity, "INFO");
        assert.equal(line.message, "POST /predict 200");
        assert.equal(line["logging.googleapis.com/spanId"], "0000000000000001");
        assert.equal(line["logging.googleapis.com/trace_sampled"], true);
        assert.deepEqual({ ...(line.httpRequest as object), latency: "" }, {
            requestMethod: "POST", requestUrl: "/predict", status: 200, latency: "", userAgent: "node",
        });
        assert.match(String((line.httpRequest as { latency: string }).latency), /^\d+\.\d{6}s$/);
    });

    it("answers 404 naming both routes for an unknown path, and 405 with Allow for a wrong method", async () => {
        const missing = await fetch(`${api.baseUrl}/score`);
        assert.equal(missing.status, 404);
        assert.deepEqual(await missing.json(), { error: "not found: url /score is not a route: use GET /health or POST /predict",
            problems: [{ field: "url", message: "/score is not a route: use GET /health or POST /predict" }] });
        const wrongMethod = await fetch(`${api.baseUrl}/predict`);
        assert.equal(wrongMethod.status, 405);
        assert.equal(wrongMethod.headers.get("allow"), "POST");
        assert.deepEqual((await wrongMethod.json() as { problems: unknown }).problems, [{ field: "method", message: "must be POST for /predict" }]);
    });

    it("answers 415 when the body is not sent as application/json", async () => {
        const { status, body } = await postText(api.baseUrl, "{}", { "content-type": "text/plain" });
        assert.equal(status, 415);
        assert.deepEqual(body.problems, [{ field: "headers.content-type", message: "must be application/json" }]);
    });

    it("answers 400 naming the body for the 12 KB body holding a 6,000-deep array (it used to overflow the stack and answer 500)", async () => {
        const deep = `{"customer_id": "c", "features": {"tenure_months": ${"[".repeat(6000)}${"]".repeat(6000)}}}`;
        assert.ok(Buffer.byteLength(deep) > 12_000 && Buffer.byteLength(deep) <= MAX_BODY_BYTES);
        const { status, body } = await postText(api.baseUrl, deep);
        assert.equal(status, 400);
        assert.deepEqual(body.problems, [{ field: "body", message: "nests deeper than 16 levels" }]);
    });

    it(`answers 413 for a body over ${MAX_BODY_BYTES} bytes`, async () => {
        const { status, body } = await postText(api.baseUrl, JSON.stringify({ customer_id: "x".repeat(MAX_BODY_BYTES) }));
        assert.equal(status, 413);
        assert.deepEqual(body.problems, [{ field: "body", message: `is larger than ${MAX_BODY_BYTES} bytes` }]);
    });
});

describe("churn-api risk levels at the seed's 0.4 and 0.7 thresholds", () => {
    // The fixture model's probability is sigmoid(score), so logit(p) aims at p exactly.
    const logit = (p: number) => Math.log(p / (1 - p));
    let api: RunningChurnApi;
    before(async () => { api = await startInProcess({ modelVersion: "v1", modelFile: ONE_FEATURE_MODEL_FILE }); });
    after(async () => { await api.server.shutdown(1_000); });

    const cases: [number, number, string][] = [
        [0.3999, 0.3999, "low"],
        [0.4, 0.4, "low"],
        [0.4001, 0.4001, "medium"],
        [0.6999, 0.6999, "medium"],
        [0.7, 0.7, "medium"],
        // Rounds to 0.7, and the level follows the answered probability so clients never see "0.7, high".
        [0.70004, 0.7, "medium"],
        [0.7001, 0.7001, "high"],
    ];
    for (const [target, answered, level] of cases) {
        it(`a probability of ${target} answers ${answered} and ${level}`, async () => {
            const { status, body } = await postJson(api.baseUrl, { customer_id: "c", features: { score: logit(target) } });
            assert.equal(status, 200);
            assert.deepEqual([body.churn_probability, body.risk_level], [answered, level]);
        });
    }
});
