import * as assert from "node:assert/strict";
import { analyzeResource, undetermined } from "./support/pack";
import { arn, lambdaFunction, resource, T, withProps } from "./support/fixtures";
import { UNKNOWN } from "./support/wire-values";

const POLICY = "no-plaintext-secrets";
const LAMBDA_FIX = "Store it in Secrets Manager (or SSM SecureString), pass its ARN (e.g. SECRET_ARN) and read it once at init.";

describe("no-plaintext-secrets", () => {
    const fn = lambdaFunction("api", arn.role("r"));

    it("passes the seed's environment: TABLE_NAME, SECRET_ARN (a reference) and LOG_LEVEL", async () => {
        assert.deepEqual(await analyzeResource(fn, POLICY), []);
    });

    it("flags a secret-named Lambda variable holding a literal (a Pulumi secret arrives unwrapped)", async () => {
        const leaky = withProps(fn, { environment: { variables: { DB_PASSWORD: "hunter2-but-longer" } } });
        assert.deepEqual(await analyzeResource(leaky, POLICY), [{
            policy: POLICY, level: "mandatory", urn: fn.urn,
            detail: `"api" puts a secret in plain text in environment variable DB_PASSWORD: anyone who can read the ` +
                `configuration can read it. ${LAMBDA_FIX}`,
        }]);
    });

    it("flags a value shaped like an AWS access key whatever the variable's name", async () => {
        const leaky = withProps(fn, { environment: { variables: { UPSTREAM: "AKIAIOSFODNN7EXAMPLE" } } });
        assert.deepEqual((await analyzeResource(leaky, POLICY)).map((f) => f.detail), [
            `"api" puts an AWS access key id in plain text in environment variable UPSTREAM: anyone who can read the ` +
            `configuration can read it. ${LAMBDA_FIX}`,
        ]);
    });

    it("flags a plain Cloud Run env value and accepts a secretKeyRef", async () => {
        const service = resource(T.cloudRunV2, "churn-api", { template: { containers: [{ image: "i", envs: [
            { name: "MODEL_BUCKET", valueSource: { secretKeyRef: { secret: "model-bucket-name", version: "latest" } } },
            { name: "API_TOKEN", value: "tok-123456" },
        ] }] } });
        assert.deepEqual((await analyzeResource(service, POLICY)).map((f) => f.detail), [
            `"churn-api" puts a secret in plain text in env var API_TOKEN: anyone who can read the configuration can read it. ` +
            `Store it in Secret Manager and reference it with valueSource.secretKeyRef (v1: valueFrom.secretKeyRef).`,
        ]);
    });

    it("flags an Azure storage connection string with an account key and accepts a Key Vault reference", async () => {
        const app = resource(T.webApp, "orders-app", { siteConfig: { appSettings: [
            { name: "AzureWebJobsStorage", value: "DefaultEndpointsProtocol=https;AccountName=orders;AccountKey=abc123==;" },
            { name: "PAYMENT_API_KEY", value: "@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/payment/)" },
            { name: "AzureWebJobsStorage__accountName", value: "orders" },
        ] } });
        assert.deepEqual((await analyzeResource(app, POLICY)).map((f) => f.detail), [
            `"orders-app" puts a connection string with a key or password in plain text in app setting AzureWebJobsStorage: ` +
            `anyone who can read the configuration can read it. Store it in Key Vault and use a ` +
            `@Microsoft.KeyVault(SecretUri=...) reference, or use the app's managed identity (e.g. AzureWebJobsStorage__accountName).`,
        ]);
    });

    it("reports 'cannot be determined' for a computed value under a secret-looking name", async () => {
        const computed = withProps(fn, { environment: { variables: { API_KEY: UNKNOWN, TABLE_NAME: UNKNOWN } } });
        assert.deepEqual(await analyzeResource(computed, POLICY), [
            undetermined(POLICY, fn.urn, "environment variable API_KEY is computed, so whether it holds a plain secret is unknown"),
        ]);
    });
});
