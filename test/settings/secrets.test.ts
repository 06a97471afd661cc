import { strict as assert } from "node:assert";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { settingsFromConfig, SettingsError } from "../../components/settings";
import { ALARM_EMAIL_PLACEHOLDER } from "../../components/settings/general";
import { UNDECRYPTED_SECRET } from "../../components/settings/parse";
import { loadStackConfig, runProgram } from "../../tools/harness";
import { SECRET_PLACEHOLDER } from "../../tools/harness/stack-config";
import { secret } from "../policies/support/wire-values";
import { REPO_ROOT } from "../support/stack";
import { devWith, NS, stackFile } from "./stack-files";

const EMAIL = `${NS}:alarmEmail`;
/** A well-formed passphrase-provider ciphertext (nonce:ciphertext, base64); nobody here can decrypt it. */
const CIPHERTEXT = "v1:AAECAwQFBgcICQoL:b3BzQGV4YW1wbGUub3Jn";
const devValues = () => loadStackConfig({ projectDir: REPO_ROOT, stack: "dev" }).values;

/** The plain value and secrecy of an output the settings hand on. */
async function unwrap(value: pulumi.Input<string> | undefined): Promise<{ value: string; secret: boolean }> {
    assert.ok(pulumi.Output.isInstance(value), `expected an output, got ${JSON.stringify(value)}`);
    const output = pulumi.output(value as pulumi.Input<string>);
    const plain = await new Promise<string>((resolve) => pulumi.unsecret(output).apply(resolve));
    return { value: plain, secret: await pulumi.isSecret(output) };
}

describe("secret settings", () => {
    it("recognises the harness's stand-in for a secret it cannot decrypt", () => {
        assert.equal(UNDECRYPTED_SECRET, SECRET_PLACEHOLDER);
    });

    it("offline, plans a secret alarm email with a placeholder of the setting's shape, marked secret, and says so", async () => {
        const notices: string[] = [];
        const settings = settingsFromConfig({ ...devValues(), [EMAIL]: UNDECRYPTED_SECRET }, "dev",
            { secretKeys: [EMAIL], notice: (message) => notices.push(message) });
        assert.deepEqual(await unwrap(settings.alarms.email), { value: ALARM_EMAIL_PLACEHOLDER, secret: true });
        assert.deepEqual(notices, [`${EMAIL} is a secret this plan cannot decrypt: planned with the placeholder ` +
            `"${ALARM_EMAIL_PLACEHOLDER}", marked secret`]);
    });

    it("under the Pulumi CLI (which decrypts), validates the plain value and hands it on as a secret output", async () => {
        const notices: string[] = [];
        const settings = settingsFromConfig({ ...devValues(), [EMAIL]: "ops@example.org" }, "dev",
            { secretKeys: [EMAIL], notice: (message) => notices.push(message) });
        assert.deepEqual(await unwrap(settings.alarms.email), { value: "ops@example.org", secret: true });
        assert.deepEqual(notices, []);
    });

    it("rejects a decrypted secret that is not an email without printing it", () => {
        assert.throws(() => settingsFromConfig({ ...devValues(), [EMAIL]: "hunter2" }, "dev", { secretKeys: [EMAIL] }),
            (error: Error) => error instanceof SettingsError && error.message.includes(`${EMAIL} = (secret) must be empty or an email address`) &&
                !error.message.includes("hunter2"));
    });

    it("a plain alarm email stays a plain string", () => {
        const settings = settingsFromConfig({ ...devValues(), [EMAIL]: "ops@example.org" }, "dev");
        assert.equal(settings.alarms.email, "ops@example.org");
    });

    it("a stack file keeping the alarm email secret plans offline: the subscription gets the placeholder", async () => {
        const config = loadStackConfig({ projectDir: REPO_ROOT, stack: "dev",
            configFile: stackFile(devWith({ [EMAIL]: { secure: CIPHERTEXT } })) });
        assert.deepEqual(config.secretKeys, [EMAIL]);
        const run = await runProgram({ program: path.join(REPO_ROOT, "index.ts"), config });
        const subscriptions = run.resources.filter((r) => r.type === "aws:sns/topicSubscription:TopicSubscription" && r.inputs.protocol === "email");
        assert.deepEqual(subscriptions.map((r) => r.inputs.endpoint), [secret(ALARM_EMAIL_PLACEHOLDER)], "sent to the pack marked secret");
    });

    it("a stack run as the CLI runs it (secret decrypted) subscribes the real address", async () => {
        const config = loadStackConfig({ projectDir: REPO_ROOT, stack: "dev" });
        const run = await runProgram({ program: path.join(REPO_ROOT, "index.ts"),
            config: { ...config, values: { ...config.values, [EMAIL]: "ops@example.org" }, secretKeys: [EMAIL] } });
        const subscriptions = run.resources.filter((r) => r.type === "aws:sns/topicSubscription:TopicSubscription" && r.inputs.protocol === "email");
        assert.deepEqual(subscriptions.map((r) => r.inputs.endpoint), [secret("ops@example.org")], "sent to the pack marked secret");
    });
});
