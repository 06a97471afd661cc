import * as assert from "node:assert/strict";
import { analyzeResource, undetermined } from "./support/pack";
import { arn, lambdaFunction, resource, T, withProps } from "./support/fixtures";
import { assetArchive, secret, stringAsset, UNKNOWN } from "./support/wire-values";

const POLICY = "no-plaintext-secrets";
const LAMBDA_FIX = "Store it in Secrets Manager (or SSM SecureString), pass its ARN (e.g. SECRET_ARN) and read it once at init.";

describe("no-plaintext-secrets", () => {
    const fn = lambdaFunction("api", arn.role("r"));

    it("passes the seed's environment: TABLE_NAME, SECRET_ARN (a reference) and LOG_LEVEL", async () => {
        assert.deepEqual(await analyzeResource(fn, POLICY), []);
    });

    it("flags a secret-named Lambda variable holding a literal", async () => {
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

    describe("Pulumi secrets, as the engine marks them on the wire, whatever the variable's name", () => {
        const hook = "https://alerts.example.com/notify/7f3a9c";
        const pulumiSecret = (where: string, name: string, fix: string) => `"${where}" puts a Pulumi secret in ${name}: the platform ` +
            `stores and shows it in plain text (console, configuration APIs, deployment logs) whatever Pulumi encrypts in its state. ${fix}`;

        it("flags a config.requireSecret webhook URL in a Lambda variable named WEBHOOK_URL; the same value unmarked passes", async () => {
            const marked = withProps(fn, { environment: { variables: { TABLE_NAME: "customers", WEBHOOK_URL: secret(hook) } } });
            assert.deepEqual((await analyzeResource(marked, POLICY)).map((f) => [f.level, f.detail]),
                [["mandatory", pulumiSecret("api", "environment variable WEBHOOK_URL", LAMBDA_FIX)]]);
            const plain = withProps(fn, { environment: { variables: { TABLE_NAME: "customers", WEBHOOK_URL: hook } } });
            assert.deepEqual(await analyzeResource(plain, POLICY), []);
        });

        it("flags a secret environment block as a whole, and a secret whose value is still unknown (preview)", async () => {
            const wholeBlock = withProps(fn, { environment: secret({ variables: { ENDPOINT: hook } }) });
            assert.deepEqual((await analyzeResource(wholeBlock, POLICY)).map((f) => f.detail), [pulumiSecret("api", "environment variable ENDPOINT", LAMBDA_FIX)]);
            const unknown = withProps(fn, { environment: { variables: { ENDPOINT: secret(UNKNOWN) } } });
            assert.deepEqual((await analyzeResource(unknown, POLICY)).map((f) => f.detail), [pulumiSecret("api", "environment variable ENDPOINT", LAMBDA_FIX)]);
        });

        it("flags a secret in a Cloud Run env value, a Cloud Functions gen 2 variable and an Azure app setting", async () => {
            const cloudRunFix = "Store it in Secret Manager and reference it with valueSource.secretKeyRef (v1: valueFrom.secretKeyRef).";
            const service = resource(T.cloudRunV2, "churn-api", { template: { containers: [{ image: "i", envs: [
                { name: "REGION", value: "europe-west1" }, { name: "UPSTREAM", value: secret(hook) }] }] } });
            const gen2 = resource(T.cloudFunctionV2, "resizer", { serviceConfig: { environmentVariables: { UPSTREAM: secret(hook) } } });
            const app = resource(T.appSettings, "orders-settings", { name: "orders-app", properties: { UPSTREAM: secret(hook), FUNCTIONS_EXTENSION_VERSION: "~4" } });
            const found = [...await analyzeResource(service, POLICY), ...await analyzeResource(gen2, POLICY), ...await analyzeResource(app, POLICY)];
            assert.deepEqual(found.map((f) => f.detail), [
                pulumiSecret("churn-api", "env var UPSTREAM", cloudRunFix),
                pulumiSecret("resizer", "environment variable UPSTREAM", cloudRunFix),
                pulumiSecret("orders-settings", "app setting UPSTREAM", "Store it in Key Vault and use a @Microsoft.KeyVault(SecretUri=...) " +
                    "reference, or use the app's managed identity (e.g. AzureWebJobsStorage__accountName)."),
            ]);
        });
    });

    describe("literal credentials in inline code (StringAsset, closure-serialized CallbackFunction code)", () => {
        const withCode = (text: string) => withProps(fn, { code: assetArchive({ "__index.js": stringAsset(text), "package.json": stringAsset("{}") }) });
        const found = (what: string) => `"api" has ${what} written in its inline code (__index.js): anyone who can read the deployment ` +
            `package or the stack can use it. Revoke it, store it in Secrets Manager and read it at init.`;
        const cases: Array<[string, string]> = [
            ["an AWS access key id", `const s3 = new S3({ accessKeyId: "AKIAIOSFODNN7EXAMPLE" });`],
            ["a Slack webhook URL", `await fetch("https://hooks.slack.com/services/T0001AAAA/B0001BBBB/XXXXXXXXXXXXXXXXXXXXXXXX", opts);`],
            ["a Slack token", `const slack = new WebClient("xoxb-123456789012-abcdefABCDEF");`],
            ["a GitHub token", `const octokit = new Octokit({ auth: "ghp_${"a1B2".repeat(9)}" });`],
            ["a GitHub token", `headers.authorization = "token github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz";`],
            ["an Azure storage account key", `const conn = "DefaultEndpointsProtocol=https;AccountName=a;AccountKey=${"A".repeat(86)}==";`],
            ["an Azure SAS token (sig=)", `const url = "https://a.blob.core.windows.net/c?sv=2022-11-02&ss=b&srt=o&sp=r&sig=abcdefGHIJKL0123456789%3D";`],
        ];
        for (const [what, code] of cases) {
            it(`flags ${what} in \`${code.slice(0, 40)}...\``, async () => {
                assert.deepEqual((await analyzeResource(withCode(code), POLICY)).map((f) => f.detail), [found(what)]);
            });
        }

        it("passes inline code that reads its credentials from Secrets Manager", async () => {
            assert.deepEqual(await analyzeResource(withCode(`const key = await secrets.getSecretValue({ SecretId: process.env.SECRET_ARN });`), POLICY), []);
        });
    });
});
