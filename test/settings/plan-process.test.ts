import { strict as assert } from "node:assert";
import { spawn } from "node:child_process";
import { REPO_ROOT } from "../support/stack";
import { devAppending, devWith, NS, stackFile } from "./stack-files";

interface Outcome { code: number | null; stdout: string; stderr: string }

/** `npm run plan -- argv` as a user runs it: its own process, npm's script, Node 22 from the devDependency. */
function npmRunPlan(argv: string[]): Promise<Outcome> {
    return new Promise((resolve, reject) => {
        const child = spawn("npm", ["run", "--silent", "plan", "--", ...argv], { cwd: REPO_ROOT, stdio: ["ignore", "pipe", "pipe"] });
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
        child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
        child.on("error", reject);
        child.on("close", (code) => resolve({ code, stdout, stderr }));
    });
}

describe("npm run plan on broken and secret configs, as its own process", () => {
    it("exits 2 on a 200 KB alarm email, in one short message naming the --config file, not Pulumi.<stack>.yaml", async () => {
        const file = stackFile(devWith({ [`${NS}:alarmEmail`]: `${"a".repeat(200 * 1024)}@example.com` }), "Pulumi.production.yaml");
        const outcome = await npmRunPlan(["--stack", "production", "--config", file]);
        assert.equal(outcome.code, 2, outcome.stderr);
        assert.equal(outcome.stdout, "");
        assert.match(outcome.stderr, /^error: Invalid settings for stack "production":\n {2}- serverless-platform:alarmEmail = "a{80}"… \(204812 characters\) is 204812 characters long, more than the 254 this setting reads; it must be empty or an email address/);
        assert.ok(outcome.stderr.includes(`Fix the value in ${file} (or the default in Pulumi.yaml)`), outcome.stderr);
        assert.ok(outcome.stderr.length < 1000, `${outcome.stderr.length} characters on stderr`);
        assert.doesNotMatch(outcome.stderr, /\n\s+at /);
    });

    it("exits 2 on a duplicate key, naming the key and both lines", async () => {
        const file = stackFile(devAppending(`  ${NS}:clouds: [aws]\n`));
        const outcome = await npmRunPlan(["--config", file]);
        assert.equal(outcome.code, 2, outcome.stderr);
        assert.equal(outcome.stderr, `error: ${file} line 13: key "${NS}:clouds" appears twice (first at line 7); keep one\n`);
    });

    it("plans a secret alarm email offline with a placeholder marked secret, and says so", async () => {
        const file = stackFile(devWith({ [`${NS}:clouds`]: ["aws"], [`${NS}:alarmEmail`]: { secure: "v1:AAECAwQFBgcICQoL:b3BzQGV4YW1wbGUub3Jn" } }));
        const outcome = await npmRunPlan(["--config", file, "--json"]);
        assert.equal(outcome.code, 0, outcome.stderr);
        assert.match(outcome.stderr, /serverless-platform:alarmEmail is a secret this plan cannot decrypt: planned with the placeholder "alarms@example\.com", marked secret/);
        const document = JSON.parse(outcome.stdout) as { resources: { type: string; inputs: Record<string, unknown> }[] };
        const email = document.resources.filter((r) => r.type === "aws:sns/topicSubscription:TopicSubscription" && r.inputs.protocol === "email");
        assert.deepEqual(email.map((r) => r.inputs.endpoint), ["[secret]"], "the subscription's endpoint is a secret, which --json never prints");
    });
});
