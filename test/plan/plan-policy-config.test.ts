import { strict as assert } from "node:assert";
import * as path from "node:path";
import { UNKNOWN_STRING_SENTINEL } from "../../contracts/unknown-value";
import { PolicyPackProcess, startPolicyPack } from "../../tools/policy-pack";
import { REPO_ROOT } from "../support/stack";
import { PlanOutcome, planInProcess, planJson, policyConfigFile, reusing } from "./run-plan-cli";

const FIXTURE_PACK = "test/plan/fixture-pack";
const PROGRAM = "test/fixtures/programs/plan-queues.ts";
const ORDERS = "urn:pulumi:dev::serverless-platform::aws:sqs/queue:Queue::orders";
const DEAD_LETTERS = "urn:pulumi:dev::serverless-platform::aws:sqs/queue:Queue::orders-dlq";

/** The plan's violations as `policy level urn`, sorted, for exact comparison. */
function summary(outcome: PlanOutcome): string[] {
    return planJson(outcome).violations.map((v) => `${v.policy} ${v.level} ${v.urn}`).sort();
}

describe("offline plan: Configure like the Pulumi CLI and preview like the engine (fixture pack, started once)", () => {
    let pack: PolicyPackProcess;
    const base = ["--program", PROGRAM, "--policy-pack", FIXTURE_PACK, "--json"];

    before(async () => {
        pack = await startPolicyPack({ packDir: path.join(REPO_ROOT, FIXTURE_PACK) });
    });
    after(async () => {
        await pack?.close();
    });

    it("passes the schema default to the policy when the config file does not set it (maxRetentionSeconds = 345600)", async () => {
        const outcome = await planInProcess(base, reusing(pack));
        assert.equal(outcome.code, 0);
        const retention = planJson(outcome).violations.filter((v) => v.policy === "queue-retention-limit");
        assert.deepEqual(retention.map((v) => [v.level, v.urn]), [["advisory", ORDERS]]);
        assert.match(retention[0].message, /queue orders keeps messages 1209600 s, above maxRetentionSeconds = 345600/);
        assert.deepEqual(summary(outcome), [`queue-encryption advisory ${DEAD_LETTERS}`, `queue-retention-limit advisory ${ORDERS}`]);
    });

    it("makes every policy mandatory with \"all\" and exits 1", async () => {
        const outcome = await planInProcess([...base, "--policy-config", policyConfigFile({ all: "mandatory" })], reusing(pack));
        assert.equal(outcome.code, 1);
        assert.deepEqual(summary(outcome), [`queue-encryption mandatory ${DEAD_LETTERS}`, `queue-retention-limit mandatory ${ORDERS}`]);
    });

    it("lets a policy's own entry override \"all\", wherever it appears in the file", async () => {
        const config = { "queue-encryption": "advisory", all: "mandatory" };
        const outcome = await planInProcess([...base, "--policy-config", policyConfigFile(config)], reusing(pack));
        assert.equal(outcome.code, 1);
        assert.deepEqual(summary(outcome), [`queue-encryption advisory ${DEAD_LETTERS}`, `queue-retention-limit mandatory ${ORDERS}`]);
    });

    it("passes a property set in the file instead of the schema default", async () => {
        const config = { "queue-retention-limit": { maxRetentionSeconds: 1209600 } };
        const outcome = await planInProcess([...base, "--policy-config", policyConfigFile(config)], reusing(pack));
        assert.deepEqual(summary(outcome), [`queue-encryption advisory ${DEAD_LETTERS}`]);
    });

    it("rejects a property its schema does not allow: exit 2, the policy, property and allowed type on stderr", async () => {
        const config = { "queue-retention-limit": { maxRetentionSeconds: "two weeks" } };
        const outcome = await planInProcess([...base, "--policy-config", policyConfigFile(config)], reusing(pack));
        assert.equal(outcome.code, 2);
        assert.equal(outcome.stdout, "");
        assert.equal(outcome.stderr, 'error: policy "queue-retention-limit": property "maxRetentionSeconds" must be integer; ' +
            "allowed: integer >= 60.\n");
    });

    it("reports \"cannot be determined\" for an id a stack policy needs only in --preview, where it is unknown", async () => {
        const existing = await planInProcess(base, reusing(pack));
        const preview = await planInProcess([...base, "--preview"], reusing(pack));
        const redrive = (outcome: PlanOutcome) => planJson(outcome).violations.filter((v) => v.policy === "redrive-target-in-stack");
        assert.deepEqual(redrive(existing), []);
        assert.deepEqual(redrive(preview).map((v) => [v.level, v.urn]), [["advisory", ORDERS]]);
        assert.match(redrive(preview)[0].message, /cannot be determined: the dead-letter target of queue orders is unknown until it exists/);
        const inputs = (outcome: PlanOutcome) => planJson(outcome).resources.find((r) => r.urn === ORDERS)?.inputs.redrivePolicy;
        assert.equal(inputs(preview), UNKNOWN_STRING_SENTINEL);
        assert.match(String(inputs(existing)), /"deadLetterTargetArn":"arn:aws:sqs:eu-west-1:123456789012:orders-dlq-[0-9a-f]{7}"/);
    });

    it("prints violations grouped by level with the URN and the fix", async () => {
        const config = { "queue-encryption": "mandatory" };
        const outcome = await planInProcess(["--program", PROGRAM, "--policy-pack", FIXTURE_PACK, "--policy-config", policyConfigFile(config)], reusing(pack));
        assert.equal(outcome.code, 1);
        const section = outcome.stdout.slice(outcome.stdout.indexOf("Policy violations"), outcome.stdout.indexOf("Monthly cost"));
        assert.equal(section, [
            "Policy violations: 1 mandatory, 1 advisory",
            "  mandatory (blocks the deployment)",
            `    [queue-encryption] ${DEAD_LETTERS}`,
            "      Queues encrypt messages at rest.",
            "      queue orders-dlq is not encrypted; set sqsManagedSseEnabled: true.",
            "  advisory",
            `    [queue-retention-limit] ${ORDERS}`,
            "      Queues keep messages no longer than the configured maximum.",
            "      queue orders keeps messages 1209600 s, above maxRetentionSeconds = 345600; lower messageRetentionSeconds.",
            "", "",
        ].join("\n"));
    });

    it("exits 2 on a failing program with the user's error and line, and shows its stack trace only with --verbose", async () => {
        const program = ["--program", "test/fixtures/programs/plan-failing.ts", "--policy-pack", FIXTURE_PACK];
        const quiet = await planInProcess(program, reusing(pack));
        const verbose = await planInProcess([...program, "--verbose"], reusing(pack));
        assert.equal(quiet.code, 2);
        assert.equal(quiet.stderr, "error: the program failed: orders: retentionDays = 0 must be 1 to 14\n" +
            "  location: test/fixtures/programs/plan-failing.ts:7:34\n");
        assert.equal(verbose.code, 2);
        assert.match(verbose.stderr, /^error: the program failed: orders: retentionDays = 0 must be 1 to 14\n {2}location: test\/fixtures\/programs\/plan-failing\.ts:7:34\nError: orders: .*\n\s+at .*plan-failing\.ts/);
    });

    it("exits 2 naming a --program file that does not exist", async () => {
        const outcome = await planInProcess(["--program", "missing.ts"], reusing(pack));
        assert.equal(outcome.code, 2);
        assert.equal(outcome.stderr, "error: --program missing.ts: no such file; give a Pulumi TypeScript program (default index.ts)\n");
    });

    it("exits 2 on an unknown option, printing the usage", async () => {
        const outcome = await planInProcess(["--stak", "dev"], reusing(pack));
        assert.equal(outcome.code, 2);
        assert.match(outcome.stderr, /^error: Unknown option '--stak'.*; usage: npm run plan -- \[--stack NAME\]/);
    });
});
