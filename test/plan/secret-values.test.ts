import { strict as assert } from "node:assert";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { runProgram, StackConfig } from "../../tools/harness";
import { toEngineView } from "../../tools/harness/engine-view";
import { annotateSecrets, redactSecrets, unwrapSecrets } from "../../tools/harness/secret-values";
import { secret } from "../policies/support/wire-values";

const SIG = "4dabf18193072939515e22adb298388d";
const RESOURCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e";
const config: StackConfig = { project: "vault", stack: "dev", values: { "aws:region": "eu-west-1" }, secretKeys: [] };

describe("secrets in the engine view of a registration", () => {
    // As the SDK serializes a registration for the monitor: a secret in a nested object, one as an array
    // element, one inside a secret, next to a resource reference and an internal key.
    const serialized = {
        environment: { variables: { LOG_LEVEL: "INFO", NOTIFY_TARGET: secret("https://hooks.example.org/T1/B2/c3") } },
        containers: [{ env: [{ name: "A", value: "plain" }, { name: "B", value: secret("b-secret") }] }],
        tokens: ["first", secret(["second", secret("third")])],
        role: { [SIG]: RESOURCE_SIG, urn: "urn:pulumi:dev::vault::aws:iam/role:Role::r", id: "r-1234567" },
        __defaults: [],
    };

    it("keeps every secret wrapped where it is, at any depth, as the engine sends it to Analyze and AnalyzeStack", () => {
        assert.deepEqual(toEngineView(serialized), {
            environment: { variables: { LOG_LEVEL: "INFO", NOTIFY_TARGET: secret("https://hooks.example.org/T1/B2/c3") } },
            containers: [{ env: [{ name: "A", value: "plain" }, { name: "B", value: secret("b-secret") }] }],
            tokens: ["first", secret(["second", secret("third")])],
            role: "r-1234567",
        });
    });

    it("gives the plain values without the marks, and the printable ones with [secret] in place of each", () => {
        const view = toEngineView(serialized) as Record<string, unknown>;
        assert.deepEqual(unwrapSecrets(view), {
            environment: { variables: { LOG_LEVEL: "INFO", NOTIFY_TARGET: "https://hooks.example.org/T1/B2/c3" } },
            containers: [{ env: [{ name: "A", value: "plain" }, { name: "B", value: "b-secret" }] }],
            tokens: ["first", ["second", "third"]],
            role: "r-1234567",
        });
        assert.deepEqual(redactSecrets(view), {
            environment: { variables: { LOG_LEVEL: "INFO", NOTIFY_TARGET: "[secret]" } },
            containers: [{ env: [{ name: "A", value: "plain" }, { name: "B", value: "[secret]" }] }],
            tokens: ["first", "[secret]"],
            role: "r-1234567",
        });
        assert.deepEqual(view.environment, { variables: { LOG_LEVEL: "INFO", NOTIFY_TARGET: secret("https://hooks.example.org/T1/B2/c3") } },
            "the recorded view itself is left as it is");
    });

    it("copies nothing where there is no secret: the same objects come back", () => {
        const view = toEngineView({ environment: { variables: { LOG_LEVEL: "INFO" } }, layers: ["arn:aws:lambda:eu-west-1:1:layer:x:1"] });
        assert.equal(unwrapSecrets(view), view);
        assert.equal(redactSecrets(view), view);
    });

    it("marks outputs secret where the inputs were, recursing only through objects, as the engine's annotateSecrets", () => {
        const inputs = { environment: { variables: { A: "a", B: secret("b") } }, tags: ["x", secret("y")], name: "fn" };
        const outputs = { environment: { variables: { A: "a", B: "b" } }, tags: ["x", "y"], name: "fn", arn: "arn:fn" };
        assert.deepEqual(annotateSecrets(outputs, inputs), {
            environment: { variables: { A: "a", B: secret("b") } }, tags: secret(["x", "y"]), name: "fn", arn: "arn:fn",
        });
        assert.deepEqual(outputs.environment.variables, { A: "a", B: "b" }, "the stand-in's state is not modified");
        const plain = { name: "fn" };
        assert.equal(annotateSecrets(plain, { name: "fn" }), plain);
    });
});

describe("secrets through a program run", () => {
    it("records secrets wrapped in inputs and outputs, while the stand-in cloud computes from the plain values", async () => {
        const run = await runProgram({
            program: () => {
                const archive = new aws.s3.Bucket("archive", { bucket: pulumi.secret("invoices-archive") });
                new aws.lambda.Function("mailer", {
                    role: "arn:aws:iam::123456789012:role/mailer", runtime: "nodejs22.x", handler: "index.handler",
                    code: new pulumi.asset.AssetArchive({ "index.js": new pulumi.asset.StringAsset("exports.handler = async () => {};") }),
                    environment: { variables: { LOG_LEVEL: "INFO", SMTP_RELAY: pulumi.secret("smtp://relay.example.org:2525") } },
                });
                return { bucketIsSecret: pulumi.isSecret(archive.bucket), arnIsSecret: pulumi.isSecret(archive.arn) };
            },
            config,
        });
        const archive = run.resources.find((r) => r.name === "archive");
        const mailer = run.resources.find((r) => r.name === "mailer");
        assert.ok(archive && mailer);
        assert.deepEqual(archive.inputs.bucket, secret("invoices-archive"));
        assert.equal(archive.outputs.arn, "arn:aws:s3:::invoices-archive", "the stand-in saw the plain name");
        assert.deepEqual(archive.outputs.bucket, secret("invoices-archive"), "an output whose input was secret is secret");
        assert.deepEqual(run.outputs, { bucketIsSecret: true, arnIsSecret: false }, "the program sees the same secretness");
        const variables = { LOG_LEVEL: "INFO", SMTP_RELAY: secret("smtp://relay.example.org:2525") };
        assert.deepEqual(mailer.inputs.environment, { variables });
        assert.deepEqual(mailer.outputs.environment, { variables });
    });
});
