import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { planInProcess, planJson, reusing } from "../plan/run-plan-cli";
import { REPO_ROOT } from "../support/stack";
import { policyPack } from "./support/pack";

/**
 * The secret-environment guardrail program planned with its webhook known in plain text, as the Pulumi CLI
 * runs it once it has decrypted the stack's `secure:` value: the pack still flags it by its secret mark,
 * and nothing the plan prints holds the value.
 */
const PROGRAM = path.join("test", "fixtures", "guardrails", "secret-environment", "index.ts");
const PRODUCTION_POLICY_CONFIG = path.join(REPO_ROOT, "policies", "config", "production.json");
const WEBHOOK = "https://hooks.slack.com/services/T0AAAAAAA/B0BBBBBBB/abcdefghijklmnopqrstuvwx";
/** The webhook's own part: absent, neither the URL nor a value built from it (the digest URL) was printed. */
const WEBHOOK_PART = "abcdefghijklmnopqrstuvwx";

function decryptedStackFile(): string {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "plan-secret-")), "Pulumi.production.yaml");
    fs.writeFileSync(file, `config:\n  secret-environment:slackWebhook: ${WEBHOOK}\n`);
    return file;
}

const plan = async (...extra: string[]) => planInProcess(["--stack", "production", "--program", PROGRAM, "--config", decryptedStackFile(),
    "--policy-config", PRODUCTION_POLICY_CONFIG, ...extra], reusing(await policyPack()));

describe("a Pulumi secret in the offline plan's output", () => {
    it("--json shows [secret] in place of every secret input, never the value, and the pack still flags it", async () => {
        const outcome = await plan("--json");
        assert.equal(outcome.code, 1, outcome.stderr);
        assert.ok(!outcome.stdout.includes(WEBHOOK_PART) && !outcome.stderr.includes(WEBHOOK_PART), "the webhook is printed nowhere");
        const doc = planJson(outcome);
        const inputsOf = (name: string) => doc.resources.find((r) => r.name === name)?.inputs ?? {};
        assert.deepEqual(inputsOf("alert-notifier").environment, { variables: { LOG_LEVEL: "INFO", NOTIFY_TARGET: "[secret]" } });
        assert.deepEqual(inputsOf("digest-notifier").environment, { variables: { LOG_LEVEL: "INFO", DIGEST_URL: "[secret]" } });
        assert.equal(inputsOf("slack-webhook-value").secretString, "[secret]");
        assert.match(String((inputsOf("safe-notifier").environment as { variables: Record<string, unknown> }).variables.NOTIFY_SECRET_ARN),
            /^arn:aws:secretsmanager:/, "values that are not secret are printed");
        const flagged = doc.violations.filter((v) => v.policy === "no-plaintext-secrets").map((v) => v.urn?.split("::").pop());
        assert.deepEqual(flagged.sort(), ["alert-notifier", "digest-notifier"]);
    });

    it("the human report never shows the value either", async () => {
        const outcome = await plan();
        assert.equal(outcome.code, 1, outcome.stderr);
        assert.match(outcome.stdout, /\[no-plaintext-secrets\] .*alert-notifier/);
        assert.ok(!outcome.stdout.includes(WEBHOOK_PART) && !outcome.stderr.includes(WEBHOOK_PART), "the webhook is printed nowhere");
    });
});
