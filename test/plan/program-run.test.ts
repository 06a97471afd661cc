import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { loadStackConfig, runProgram } from "../../tools/harness";
import type { PlanDocument } from "../../tools/plan/json-output";
import { PolicyPackProcess, startPolicyPack } from "../../tools/policy-pack";
import { REPO_ROOT } from "../support/stack";
import { startPlanProcess } from "./plan-process";
import { PlanOutcome, planInProcess, planJson, policyConfigFile, reusing } from "./run-plan-cli";
import { scratchFolder } from "../support/scratch-folder";

const FIXTURES = path.join(REPO_ROOT, "test/plan/fixtures/programs-run");
const SHOP = path.join(FIXTURES, "shop");
const SEEN_PACK = "test/plan/fixtures/seen-pack";
const CATALOG = "urn:pulumi:production::shop::aws:lambda/function:Function::catalog";

function planned(outcome: PlanOutcome): PlanDocument {
    assert.equal(outcome.code, 0, outcome.stderr);
    assert.equal(outcome.stderr, "");
    return planJson(outcome);
}

function environmentOf(doc: PlanDocument, urn: string): Record<string, unknown> {
    const fn = doc.resources.find((r) => r.urn === urn);
    assert.ok(fn, `no ${urn} in ${doc.resources.map((r) => r.urn).join(", ")}`);
    return (fn.inputs.environment as { variables: Record<string, unknown> }).variables;
}

/** A copy of a fixture program in a fresh folder outside this repository (no node_modules of its own). */
function copyOutside(fixture: string): string {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "plan-outside-")), path.basename(fixture));
    fs.cpSync(fixture, dir, { recursive: true });
    return dir;
}

describe("offline plan runs a program the way the Pulumi CLI does (pack that reports what it sees, started once)", () => {
    let pack: PolicyPackProcess;
    const plan = (argv: string[]) => planInProcess([...argv, "--policy-pack", SEEN_PACK, "--json"], reusing(pack));

    before(async () => {
        pack = await startPolicyPack({ packDir: path.join(REPO_ROOT, SEEN_PACK) });
    });
    after(async () => {
        await pack?.close();
    });

    it("uses the program's own Pulumi.yaml: project name in URNs, its config namespace, defaults and stack file", async () => {
        const doc = planned(await plan(["--program", path.relative(REPO_ROOT, path.join(SHOP, "index.ts")), "--stack", "production"]));
        assert.deepEqual(doc.resources.map((r) => r.urn), ["urn:pulumi:production::shop::pulumi:pulumi:Stack::shop-production", CATALOG]);
        const env = environmentOf(doc, CATALOG);
        assert.equal(env.TIER, "premium", "shop:tier from Pulumi.production.yaml");
        assert.equal(env.REPLICAS, "2", "shop:replicas from Pulumi.yaml's default");
        assert.equal(env.PRODUCTS, "tea,coffee,cocoa", "read from ./data.json next to the program");
    });

    it("turns secure values nested in an object setting into secrets, never passing the ciphertext on", async () => {
        const doc = planned(await plan(["--program", path.relative(REPO_ROOT, path.join(SHOP, "index.ts")), "--stack", "production"]));
        const env = environmentOf(doc, CATALOG);
        assert.equal(env.DB_USER, "app");
        assert.equal(env.DB_PASSWORD, "[secret]");
        assert.equal(env.REPLICA_TOKEN, "[secret]");
        assert.doesNotMatch(JSON.stringify(doc), /v1:|"secure"/);
    });

    it("--cwd DIR works like `pulumi --cwd`: the project found there runs its main; --config resolves there and replaces the stack file", async () => {
        const doc = planned(await plan(["--cwd", path.relative(REPO_ROOT, SHOP), "--stack", "qa", "--config", "Pulumi.production.yaml"]));
        assert.deepEqual(doc.resources.map((r) => r.urn), [
            "urn:pulumi:qa::shop::pulumi:pulumi:Stack::shop-qa", "urn:pulumi:qa::shop::aws:lambda/function:Function::catalog"]);
        assert.equal(environmentOf(doc, "urn:pulumi:qa::shop::aws:lambda/function:Function::catalog").TIER, "premium");
    });

    it("--program DIR plans the project in that folder through its main", async () => {
        const doc = planned(await plan(["--program", path.relative(REPO_ROOT, SHOP), "--stack", "production"]));
        assert.deepEqual(doc.resources.map((r) => r.urn), ["urn:pulumi:production::shop::pulumi:pulumi:Stack::shop-production", CATALOG]);
    });

    it("registers and analyzes the BucketNotification that bucket.onObjectCreated creates when the process is about to exit", async () => {
        const doc = planned(await plan(["--program", "test/plan/fixtures/programs-run/exit-notification/index.ts"]));
        const bucket = "urn:pulumi:dev::uploads::aws:s3/bucket:Bucket::uploads";
        const notification = doc.resources.find((r) => r.type === "aws:s3/bucketNotification:BucketNotification");
        assert.ok(notification, `no notification among ${doc.resources.map((r) => r.type).join(", ")}`);
        assert.equal(notification.urn, "urn:pulumi:dev::uploads::aws:s3/bucket:Bucket$aws:s3/bucketNotification:BucketNotification::on-upload");
        assert.equal(notification.parent, bucket);
        const seenBy = doc.violations.filter((v) => v.urn === notification.urn).map((v) => v.policy).sort();
        assert.deepEqual(seenBy, ["analyzed", "analyzed-in-stack"]);
    });

    it("preloads the modules runtime.options.nodeargs requires (--require) before the program, from its folder", async () => {
        const doc = planned(await plan(["--program", "test/plan/fixtures/programs-run/preload/index.ts"]));
        const queue = doc.resources.find((r) => r.name === "invoices");
        assert.deepEqual(queue?.inputs.tags, { team: "payments", costCenter: "cc-42" });
    });

    it("keeps what the program prints off stdout (it goes to stderr), so --json stays one JSON document", async () => {
        const outcome = await plan(["--program", "test/plan/fixtures/programs-run/chatty/index.ts"]);
        assert.equal(outcome.code, 0, outcome.stderr);
        assert.deepEqual(planJson(outcome).resources.map((r) => r.name), ["chatty-dev", "jobs"]);
        assert.match(outcome.stderr, /^creating the jobs queue\n(jobs queue at \S+\ndone\n|done\njobs queue at \S+\n)$/);
    });

    it("serializes a CallbackFunction with the program's own dependencies (its package.json and node_modules)", async () => {
        const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "plan-callback-")), "greeter");
        const files: Record<string, string> = {
            "Pulumi.yaml": "name: greeter\nruntime: nodejs\n",
            "package.json": JSON.stringify({ name: "greeter", dependencies: { "tiny-greeting": "1.0.0", "@pulumi/aws": "7.48.0" } }),
            "node_modules/tiny-greeting/package.json": JSON.stringify({ name: "tiny-greeting", version: "1.0.0", main: "index.js" }),
            "node_modules/tiny-greeting/index.js": "exports.greet = () => \"hello\";\n",
            "index.ts": 'import * as aws from "@pulumi/aws";\n' +
                'new aws.lambda.CallbackFunction("greet", { callback: async () => ({ statusCode: 200, body: require("tiny-greeting").greet() }) });\n',
        };
        scratchFolder(files, dir);
        const doc = planned(await plan(["--program", path.join(dir, "index.ts")]));
        const fn = doc.resources.find((r) => r.type === "aws:lambda/function:Function");
        assert.deepEqual(Object.keys((fn?.inputs.code as { assets: Record<string, unknown> }).assets), ["__index.js", "node_modules/tiny-greeting"]);
    });

    it("runs a folder without Pulumi.yaml as a project named after the folder, resolving packages it lacks from this repository", async () => {
        const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "plan-bare-")), "bare-queue");
        fs.mkdirSync(dir);
        fs.writeFileSync(path.join(dir, "index.ts"), 'import * as aws from "@pulumi/aws";\nnew aws.sqs.Queue("work");\n');
        const doc = planned(await plan(["--program", path.join(dir, "index.ts")]));
        assert.deepEqual(doc.resources.map((r) => r.urn), [
            "urn:pulumi:dev::bare-queue::pulumi:pulumi:Stack::bare-queue-dev", "urn:pulumi:dev::bare-queue::aws:sqs/queue:Queue::work"]);
    });
});

describe("mock harness: a program file runs from its project folder", () => {
    it("waits for the program's own timers, as its process would: a queue registered by a timer is recorded", async () => {
        const file = path.join(FIXTURES, "late-timer", "index.ts");
        const run = await runProgram({ program: file, config: loadStackConfig({ projectDir: path.dirname(file), stack: "dev" }) });
        assert.deepEqual(run.resources.map((r) => r.name), ["late-timer-dev", "jobs", "retries"]);
    });

    it("reports the organization of a local backend, as the CLI does after `pulumi login --local`", async () => {
        const run = await runProgram({ program: () => ({ organization: pulumi.getOrganization() }),
            config: { project: "p", stack: "dev", values: {}, secretKeys: [] } });
        assert.equal(run.outputs.organization, "organization");
    });

    it("sets the mocks on the program's own @pulumi/pulumi (its node_modules) and runs it with this repository's provider packages", async () => {
        const dir = copyOutside(path.join(FIXTURES, "own-sdk"));
        const ownSdk = path.join(dir, "node_modules", "@pulumi", "pulumi");
        fs.cpSync(path.join(REPO_ROOT, "node_modules", "@pulumi", "pulumi"), ownSdk, { recursive: true });
        // Instrumented copy: it notes when the harness sets mocks on this instance rather than its own.
        fs.appendFileSync(path.join(ownSdk, "runtime", "mocks.js"), "\nconst setOwnMocks = exports.setMocks;\n" +
            "exports.setMocks = (...args) => { globalThis.ownSdkMocked = true; return setOwnMocks(...args); };\n");
        const run = await runProgram({ program: path.join(dir, "index.ts"), config: loadStackConfig({ projectDir: dir, stack: "dev" }) });
        assert.equal(run.outputs.sdkFile, path.join(ownSdk, "index.js"));
        assert.equal((globalThis as { ownSdkMocked?: boolean }).ownSdkMocked, true);
        assert.equal(run.outputs.greeting, "hello");
        assert.deepEqual(run.resources.map((r) => r.urn), [
            "urn:pulumi:dev::own-sdk::pulumi:pulumi:Stack::own-sdk-dev",
            "urn:pulumi:dev::own-sdk::shop:index:Shelf::books",
            "urn:pulumi:dev::own-sdk::shop:index:Shelf$aws:sqs/queue:Queue::books-restock",
        ]);
    });

    it("runs with the project folder as working directory, restores it after, and marks nested secure settings secret", async () => {
        const before = process.cwd();
        const config = loadStackConfig({ projectDir: SHOP, stack: "production" });
        assert.ok(config.secretKeys.includes("shop:database"));
        const run = await runProgram({ program: path.join(SHOP, "index.ts"), config });
        assert.equal(process.cwd(), before);
        assert.equal(run.outputs.region, "eu-central-1", "aws:region from Pulumi.yaml's config block (value:)");
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- the SDK's own view of the setting
        const sdkConfig: { isConfigSecret(key: string): boolean } = require("@pulumi/pulumi/runtime/config");
        assert.equal(sdkConfig.isConfigSecret("shop:database"), true);
        assert.equal(sdkConfig.isConfigSecret("shop:tier"), false);
    });
});

describe("offline plan process started from another folder", () => {
    it("as `npm run plan` started in a project's folder: plans that project (npm runs the script from this repository)", async () => {
        const plan = startPlanProcess(["--stack", "production", "--json", "--policy-pack", path.join(REPO_ROOT, SEEN_PACK)],
            { env: { npm_lifecycle_event: "plan", INIT_CWD: SHOP } });
        const doc = planned(await plan.outcome);
        assert.deepEqual(doc.resources.map((r) => r.urn), ["urn:pulumi:production::shop::pulumi:pulumi:Stack::shop-production", CATALOG]);
    });

    it("sizes FileArchive(\"./app\") from the program's folder and reads its files, whatever the plan's working directory (real pack)", async () => {
        const shop = copyOutside(SHOP);
        // 1.5 MB of code, above a 1 MB soft limit: only an archive found in the program's folder is reported so.
        fs.writeFileSync(path.join(shop, "app", "catalog-data.bin"), Buffer.alloc(1.5 * 1024 * 1024, 1));
        const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), "plan-cwd-"));
        const plan = startPlanProcess(["--program", path.join(shop, "index.ts"), "--stack", "production", "--json",
            "--policy-config", policyConfigFile({ "package-size-limit": { softLimitMb: 1 } })], { cwd: elsewhere });
        const outcome = await plan.outcome;
        assert.ok(outcome.code === 0 || outcome.code === 1, outcome.stderr);
        const doc = planJson(outcome);
        assert.equal(environmentOf(doc, CATALOG).PRODUCTS, "tea,coffee,cocoa");
        const sizes = doc.violations.filter((v) => v.policy === "package-size-limit");
        assert.equal(sizes.length, 1, JSON.stringify(sizes));
        assert.equal(sizes[0].urn, CATALOG);
        assert.match(sizes[0].message, /deploys 1\.\d+ MB unzipped, above the 1 MB soft limit/);
    });
});
