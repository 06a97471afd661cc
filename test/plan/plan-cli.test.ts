import { strict as assert } from "node:assert";
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { REPO_ROOT } from "../support/stack";
import { PlanOutcome, planInProcess, packStartedOnce, planJson } from "./run-plan-cli";

const TSX_CLI = require.resolve("tsx/cli", { paths: [REPO_ROOT] });

/** `npm run plan -- argv` as its own process, as a user or CI runs it. */
function planProcess(argv: string[]): Promise<PlanOutcome> {
    return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [TSX_CLI, "tools/plan/cli.ts", ...argv], { cwd: REPO_ROOT, stdio: ["ignore", "pipe", "pipe"] });
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
        child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
        child.on("error", reject);
        child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
    });
}

describe("npm run plan on the real stacks with the real policy pack (pack started once)", () => {
    /** The real pack, started on first use (inside the first plan) and kept for the next tests. */
    const pack = packStartedOnce();
    const realPack = pack.start;
    after(() => pack.close());

    it("plans the production stack as one JSON document with every field (prints the time; the bench measures it)", async () => {
        const graphFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "plan-graph-")), "production.mmd");
        const started = Date.now();
        const outcome = await planInProcess(["--stack", "production", "--json", "--graph", graphFile], realPack);
        const elapsedMs = Date.now() - started;
        console.log(`      production plan, policy pack start-up included: ${(elapsedMs / 1000).toFixed(1)} s`);
        const doc = planJson(outcome);
        assert.equal(outcome.code, 0, JSON.stringify(doc.violations.filter((v) => v.level === "mandatory"), null, 2));
        assert.deepEqual(Object.keys(doc), ["stack", "resources", "violations", "cost", "unresolved"]);
        assert.equal(doc.stack, "production");
        for (const resource of doc.resources) assert.deepEqual(Object.keys(resource), ["urn", "type", "name", "parent", "custom", "inputs"]);
        for (const violation of doc.violations) {
            assert.deepEqual(Object.keys(violation), ["policy", "level", "urn", "message"]);
            assert.ok(["advisory", "mandatory"].includes(violation.level));
        }
        assert.deepEqual(Object.keys(doc.cost), ["monthlyUsd", "items"]);
        assert.ok(Math.abs(doc.cost.monthlyUsd - doc.cost.items.reduce((sum, item) => sum + item.monthlyUsd, 0)) < 1e-9);
        const warm = doc.cost.items.filter((item) => item.charges.some((c) => c.description === "provisioned concurrency x5"));
        assert.equal(warm.length, 1, "production's customer API keeps 5 provisioned instances (Pulumi.production.yaml)");
        assert.match(fs.readFileSync(graphFile, "utf8"), /^flowchart LR\n {2}subgraph aws\n/);
    });

    it("plans the dev stack: resources by cloud and component, violations, cost table; exit 0", async () => {
        const started = Date.now();
        const outcome = await planInProcess(["--stack", "dev"], realPack);
        console.log(`      dev plan (policy pack already running): ${((Date.now() - started) / 1000).toFixed(1)} s`);
        assert.equal(outcome.stderr, "");
        assert.equal(outcome.code, 0, outcome.stdout);
        assert.match(outcome.stdout, /^Plan of stack "dev" \(index\.ts; outputs known, as for a stack that already exists\) in \d+\.\d s\n/);
        assert.match(outcome.stdout, /\nResources: \d+\n {2}aws \(\d+\)\n {4}\S+ \[serverless-platform:aws:\w+\] \(\d+\)\n/);
        assert.match(outcome.stdout, /\nPolicy violations: (none|0 mandatory, \d+ advisory)\n/);
        assert.match(outcome.stdout, /\nMonthly cost estimate: [\d,]+\.\d\d USD \(list prices as of \d{4}-\d\d-\d\d, without free tiers\)\n/);
        assert.match(outcome.stdout, /\n {2}cloud +service +resource +requests\/month +USD\/month +always-on VM cheaper above\n/);
    });

    it("exits 1 when a program has a mandatory violation under production's policy config", async () => {
        const outcome = await planInProcess(["--stack", "production", "--program", "test/fixtures/programs/plan-admin-role.ts"], realPack);
        assert.equal(outcome.code, 1, outcome.stderr);
        assert.match(outcome.stdout, /\n {2}mandatory \(blocks the deployment\)\n {4}\[least-privilege-iam\] urn:pulumi:production::serverless-platform::aws:iam\/rolePolicy:RolePolicy::admin-everything\n/);
    });

    it("exits 2 on a setting out of range, naming the key path on stderr without a stack trace", async () => {
        const outcome = await planInProcess(["--stack", "dev", "--config", "test/plan/fixtures/bad-timeout.yaml"], realPack);
        assert.equal(outcome.code, 2);
        assert.equal(outcome.stdout, "");
        assert.match(outcome.stderr, /^error: Invalid settings for stack "dev":\n {2}- serverless-platform:customerApiTimeoutSeconds = 5000 must be an integer from 1 to 30/);
        assert.doesNotMatch(outcome.stderr, /\n\s+at /);
    });

    it("as its own process, exits 2 on a config value of the wrong type with one line naming the file and key", async () => {
        const outcome = await planProcess(["--stack", "dev", "--config", "test/plan/fixtures/bad-type.yaml"]);
        assert.equal(outcome.code, 2);
        assert.equal(outcome.stdout, "");
        assert.equal(outcome.stderr, `error: ${path.join(REPO_ROOT, "test/plan/fixtures/bad-type.yaml")}: serverless-platform:customerApiTimeoutSeconds = ` +
            `"thirty" is not of type integer, which Pulumi.yaml declares for it; write an integer\n`);
    });
});
