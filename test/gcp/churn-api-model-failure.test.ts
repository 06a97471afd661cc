import { strict as assert } from "node:assert";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startChurnServer } from "../../functions/churn-api/src/churn-server";
import { capturingLogger, postJson, SHIPPED_MODEL_FILE, startInProcess } from "./support/in-process-churn-api";

const shipped = JSON.parse(readFileSync(SHIPPED_MODEL_FILE, "utf8"));
const A_VALID_REQUEST = {
    customer_id: "c1",
    features: { tenure_months: 3, monthly_charges: 80, support_tickets_90d: 0, days_since_last_login: 1, month_to_month_contract: 1 },
};

describe("churn-api when the model cannot be loaded", () => {
    let dir: string;
    before(() => { dir = mkdtempSync(join(tmpdir(), "churn-model-")); });
    after(() => { rmSync(dir, { recursive: true, force: true }); });

    const cases: { name: string; content?: string; reason: string }[] = [
        { name: "the artifact file does not exist", reason: "ENOENT: no such file or directory" },
        { name: "the artifact is not JSON", content: "{\"format\": ", reason: "model artifact is not valid JSON: " },
        {
            name: "the artifact is another version than MODEL_VERSION",
            content: JSON.stringify({ ...shipped, version: "v2" }),
            reason: "model artifact is version \"v2\" but MODEL_VERSION is \"v3\"",
        },
        {
            name: "a coefficient is not a number",
            content: JSON.stringify({ ...shipped, features: [{ ...shipped.features[0], coefficient: "0.9" }] }),
            reason: "model artifact field features[0].coefficient must be a finite number",
        },
    ];
    for (const [index, { name, content, reason }] of cases.entries()) {
        it(`GET /health answers 503 unhealthy and POST /predict 503 when ${name}`, async () => {
            const file = join(dir, `case-${index}.json`);
            if (content !== undefined) writeFileSync(file, content);
            const api = await startInProcess({ modelVersion: "v3", modelFile: file });
            try {
                const health = await fetch(`${api.baseUrl}/health`);
                assert.equal(health.status, 503);
                const body = await health.json() as { status: string; detail: string };
                assert.equal(body.status, "unhealthy");
                assert.ok(body.detail.startsWith(`the model from ${file} could not be loaded: ${reason}`), body.detail);
                const prediction = await postJson(api.baseUrl, A_VALID_REQUEST);
                assert.deepEqual(prediction, { status: 503, body: { error: "unavailable: model is not loaded; see GET /health",
                    problems: [{ field: "model", message: "is not loaded; see GET /health" }] } });
                assert.ok(api.logs.some((l) => l.severity === "ERROR" && String(l.message).startsWith(`model could not be loaded from ${file}`)));
            } finally {
                await api.server.shutdown(1_000);
            }
        });
    }

    it("GET /health answers 503 starting, and POST /predict 503, while the artifact is still being read", async () => {
        let release: (text: string) => void = () => undefined;
        const slowSource = { describe: "gs://models/churn-model-v3.json", read: () => new Promise<string>((resolve) => { release = resolve; }) };
        const server = await startChurnServer({ host: "127.0.0.1", port: 0, modelVersion: "v3", modelSource: slowSource, logger: capturingLogger("ERROR").logger });
        try {
            const baseUrl = `http://127.0.0.1:${server.port}`;
            const health = await fetch(`${baseUrl}/health`);
            assert.deepEqual([health.status, await health.json()], [503, { status: "starting", detail: "loading the model from gs://models/churn-model-v3.json" }]);
            assert.equal((await postJson(baseUrl, A_VALID_REQUEST)).status, 503);
            release(readFileSync(SHIPPED_MODEL_FILE, "utf8"));
            await server.modelLoaded;
            assert.equal((await fetch(`${baseUrl}/health`)).status, 200);
        } finally {
            await server.shutdown(1_000);
        }
    });
});
