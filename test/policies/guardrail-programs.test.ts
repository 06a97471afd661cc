import * as assert from "node:assert/strict";
import * as path from "node:path";
import { planInProcess, planJson, reusing } from "../plan/run-plan-cli";
import { REPO_ROOT } from "../support/stack";
import { policyPack } from "./support/pack";

/**
 * Small programs in the shapes of public serverless programs (test/fixtures/guardrails/<name>/, each with
 * its own Pulumi.yaml), each anti-pattern seeded beside a compliant twin, planned through the real plan
 * CLI with production's policy config and the real pack (started once, shared with the policy tests).
 */
interface GuardrailProgram {
    name: string;
    /** The policies this program exercises; findings of other policies (alarms, tracing, ...) are not its subject. */
    policies: string[];
    /** Every finding of those policies, as [policy, logical name of the resource it names]. */
    seeded: Array<[string, string]>;
    /** Resources that must draw no finding of those policies. */
    twins: string[];
}

const PROGRAMS: GuardrailProgram[] = [
    {
        name: "managed-policy-roles",
        policies: ["least-privilege-iam", "no-sync-lambda-chaining"],
        seeded: [
            ["least-privilege-iam", "broad-cloudwatch"], ["least-privilege-iam", "broad-cognito"], ["least-privilege-iam", "broad-execute"],
            ["least-privilege-iam", "power-role"], ["least-privilege-iam", "dispatcher-invoke"],
            ["no-sync-lambda-chaining", "dispatcher-role"], ["no-sync-lambda-chaining", "power-role"],
        ],
        twins: ["narrow-role", "narrow-logs", "narrow-queue"],
    },
    {
        name: "rest-api-fronts",
        policies: ["platform-limits", "single-purpose-functions"],
        seeded: [
            ["platform-limits", "slow-report"], ["platform-limits", "csv-exporter"], ["platform-limits", "page-renderer"],
            ["single-purpose-functions", "legacy-api"], ["single-purpose-functions", "web-http"],
        ],
        twins: ["orders-reader", "shop-api"],
    },
    {
        name: "azure-function-plans",
        policies: ["reserved-concurrency-required", "supported-runtime", "azure-function-hardening"],
        seeded: [
            ["reserved-concurrency-required", "legacy-app"], ["reserved-concurrency-required", "burst-app"],
            ["supported-runtime", "legacy-app"], ["supported-runtime", "legacy-app"],
            ["azure-function-hardening", "legacy-app"], ["azure-function-hardening", "legacy-app"],
        ],
        twins: ["billing-app", "steady-app"],
    },
    {
        name: "gcp-cloud-functions",
        policies: ["no-public-cloud-run", "reserved-concurrency-required", "supported-runtime"],
        seeded: [
            ["no-public-cloud-run", "public-hello-invoker"], ["no-public-cloud-run", "public-resizer-invoker"],
            ["reserved-concurrency-required", "public-hello"], ["reserved-concurrency-required", "public-resizer"],
            ["supported-runtime", "public-hello"], ["supported-runtime", "public-resizer"],
        ],
        twins: ["private-hello", "private-hello-invoker", "private-resizer", "private-resizer-invoker"],
    },
    {
        name: "event-handlers",
        policies: ["dlq-required", "no-plaintext-secrets"],
        seeded: [
            ["no-plaintext-secrets", "slack-notifier"], ["no-plaintext-secrets", "report-uploader"],
            ["dlq-required", "alert-handler"], ["dlq-required", "on-alert"], ["dlq-required", "nightly-report"], ["dlq-required", "nightly"],
        ],
        twins: ["safe-notifier", "audit-handler", "audit-subscription", "handler-dlq"],
    },
    {
        name: "secret-environment",
        policies: ["no-plaintext-secrets"],
        seeded: [["no-plaintext-secrets", "alert-notifier"], ["no-plaintext-secrets", "digest-notifier"]],
        twins: ["safe-notifier", "slack-webhook", "slack-webhook-value"],
    },
];

const PRODUCTION_POLICY_CONFIG = path.join(REPO_ROOT, "policies", "config", "production.json");
const nameOf = (urn: string | null) => (urn === null ? "(stack)" : urn.slice(urn.lastIndexOf("::") + 2));
const sorted = (pairs: Array<[string, string]>) => [...pairs].sort((a, b) => `${a[0]} ${a[1]}`.localeCompare(`${b[0]} ${b[1]}`));

describe("guardrail programs planned through the plan CLI (production policy config, real pack)", () => {
    for (const program of PROGRAMS) {
        it(`${program.name}: finds every seeded anti-pattern and nothing on the compliant twins`, async () => {
            const file = path.join("test", "fixtures", "guardrails", program.name, "index.ts");
            const outcome = await planInProcess(["--stack", "production", "--program", file, "--policy-config", PRODUCTION_POLICY_CONFIG, "--json"],
                reusing(await policyPack()));
            const doc = planJson(outcome);
            assert.equal(outcome.code, 1, "a seeded mandatory violation makes the plan exit 1");
            const names = new Set(doc.resources.map((resource) => resource.name));
            for (const twin of program.twins) assert.ok(names.has(twin), `the twin "${twin}" was registered`);
            const found = doc.violations.filter((v) => program.policies.includes(v.policy)).map((v): [string, string] => [v.policy, nameOf(v.urn)]);
            assert.deepEqual(sorted(found), sorted(program.seeded));
            assert.deepEqual(found.filter(([, name]) => program.twins.includes(name)), []);
        });
    }
});
