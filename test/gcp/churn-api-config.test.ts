import { strict as assert } from "node:assert";
import { configFromEnv } from "../../functions/churn-api/src/config";

describe("churn-api configuration from environment variables", () => {
    it("reads what the Cloud Run service sets, with PORT 8080, LOG_LEVEL INFO and all interfaces by default", () => {
        assert.deepEqual(configFromEnv({ MODEL_VERSION: "v3", MODEL_BUCKET: "models-bucket", GOOGLE_CLOUD_PROJECT: "my-project" }), {
            ok: true,
            config: { host: "0.0.0.0", port: 8080, modelVersion: "v3", model: { bucket: "models-bucket" }, logLevel: "INFO", projectId: "my-project" },
        });
    });

    it("names every bad variable and what it must hold", () => {
        assert.deepEqual(configFromEnv({ PORT: "http", MODEL_VERSION: "3", MODEL_BUCKET: "b", MODEL_FILE: "f.json", LOG_LEVEL: "verbose" }), {
            ok: false,
            problems: [
                "PORT must be a TCP port from 1 to 65535, got \"http\"",
                "MODEL_VERSION must be \"v\" followed by a number (e.g. v3), got \"3\"",
                "set exactly one of MODEL_BUCKET (the bucket holding churn-model-<version>.json) or MODEL_FILE (a local artifact path)",
                "LOG_LEVEL must be one of DEBUG, INFO, WARN, ERROR, got \"verbose\"",
            ],
        });
    });
});
