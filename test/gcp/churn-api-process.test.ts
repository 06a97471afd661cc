import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { request } from "node:http";
import { freePort } from "../../tools/net/free-port";
import { ChurnApiProcess, spawnChurnApi } from "./support/churn-api-process";
import { FakeGcs, startFakeGcs } from "./support/fake-gcs";
import { SHIPPED_MODEL_FILE } from "./support/in-process-churn-api";

const BUCKET = "churn-models-test";
const REQUEST_BODY = JSON.stringify({
    customer_id: "cust-0042",
    features: { tenure_months: 10, monthly_charges: 95, support_tickets_90d: 4, days_since_last_login: 22, month_to_month_contract: 1 },
});

describe("churn-api as its own process (the container's entry point)", () => {
    let gcs: FakeGcs;
    let api: ChurnApiProcess;
    let port: number;

    before(async () => {
        gcs = await startFakeGcs(new Map([[`${BUCKET}/churn-model-v3.json`, readFileSync(SHIPPED_MODEL_FILE, "utf8")]]));
        port = await freePort();
        api = spawnChurnApi({
            PORT: String(port),
            HOST: "127.0.0.1",
            MODEL_VERSION: "v3",
            MODEL_BUCKET: BUCKET,
            LOG_LEVEL: "INFO",
            STORAGE_EMULATOR_HOST: gcs.endpoint,
            // No credentials here: do not probe for a GCE metadata server.
            METADATA_SERVER_DETECTION: "none",
        });
    });
    after(async () => {
        if (api.child.exitCode === null) api.child.kill("SIGKILL");
        await gcs.close();
    });

    it("listens on $PORT and loads churn-model-<MODEL_VERSION>.json from the bucket named by MODEL_BUCKET", async () => {
        await api.waitForLog((l) => l.message === `model v3 loaded from gs://${BUCKET}/churn-model-v3.json`, "the model load");
        assert.deepEqual(gcs.requested, [`${BUCKET}/churn-model-v3.json`]);
        const health = await fetch(`http://127.0.0.1:${port}/health`);
        assert.equal(health.status, 200);
    });

    it("on SIGTERM stops accepting connections, finishes the in-flight request, then exits 0", async () => {
        // Send the headers and half the body, so the request is in flight when SIGTERM arrives.
        const inFlight = request({ host: "127.0.0.1", port, method: "POST", path: "/predict", headers: {
            "content-type": "application/json", "content-length": Buffer.byteLength(REQUEST_BODY),
        } });
        const answer = new Promise<{ status: number; connection: string | undefined; body: string }>((resolve, reject) => {
            inFlight.on("error", reject);
            inFlight.on("response", (res) => {
                let body = "";
                res.on("data", (chunk: Buffer) => { body += chunk.toString(); });
                res.on("end", () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, body }));
            });
        });
        inFlight.write(REQUEST_BODY.slice(0, 20));
        // A round trip on another connection lets the server parse the pending request's headers first.
        await fetch(`http://127.0.0.1:${port}/health`);

        api.child.kill("SIGTERM");
        await api.waitForLog((l) => String(l.message).startsWith("shutting down"), "the start of the shutdown");
        assert.equal(api.logs.find((l) => String(l.message).startsWith("shutting down"))?.inFlight, 1);
        await assert.rejects(fetch(`http://127.0.0.1:${port}/health`), "a new connection was accepted after SIGTERM");

        inFlight.end(REQUEST_BODY.slice(20));
        const response = await answer;
        assert.equal(response.status, 200);
        assert.deepEqual(JSON.parse(response.body), { customer_id: "cust-0042", churn_probability: 0.9661, risk_level: "high", model_version: "v3" });
        assert.equal(response.connection, "close");
        assert.equal(await api.exited, 0);
        assert.equal(api.logs.at(-1)?.message, "shut down: every request answered");
    });
});
