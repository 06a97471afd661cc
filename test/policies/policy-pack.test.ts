import * as assert from "node:assert/strict";
import Ajv from "ajv";
import { AnalyzedResource, PolicyViolation } from "../../tools/policy-pack";
import { compliantEventStack, urnOf, without } from "./support/fixtures";
import { DEV_CONFIG, PRODUCTION_CONFIG, packStartupMs, policyPack } from "./support/pack";

/** The contract: names and order of DESIGN.md's policy table. */
const DESIGN_POLICIES = [
    "dlq-required", "reserved-concurrency-required", "package-size-limit", "vpc-requires-nat", "structured-logging-required",
    "no-sync-lambda-chaining", "least-privilege-iam", "no-public-cloud-run", "no-plaintext-secrets", "log-retention-required",
    "tracing-required", "alarms-required", "platform-limits", "supported-runtime", "azure-function-hardening", "cost-budget",
    "single-purpose-functions",
];

/** Rules that protect data, money or security: mandatory in production. */
const MANDATORY_IN_PRODUCTION = [
    "dlq-required", "reserved-concurrency-required", "vpc-requires-nat", "no-sync-lambda-chaining", "least-privilege-iam",
    "no-public-cloud-run", "no-plaintext-secrets", "log-retention-required", "alarms-required", "platform-limits",
    "supported-runtime", "azure-function-hardening", "cost-budget",
];

function levelIn(config: typeof DEV_CONFIG, policy: string): string | undefined {
    const entry = config[policy];
    return typeof entry === "string" ? entry : entry?.enforcementLevel;
}

/**
 * A production-shaped stack: `copies` consumers of the compliant event stack (10 resources each:
 * function, role, log group, queue, DLQ, subscription, permission, mapping, two alarms) fanning out
 * from one orders topic, with one alarm topic.
 */
function productionSizeStack(copies: number): AnalyzedResource[] {
    const { alarmTopic, ordersTopic } = compliantEventStack();
    const consumers = Array.from({ length: copies }, (_, copy) => without(compliantEventStack().all(), alarmTopic, ordersTopic).map((resource) => {
        const text = JSON.stringify(resource.properties).replace(/consumer/g, `consumer${copy}`);
        const name = resource.name.replace(/consumer/g, `consumer${copy}`);
        return { ...resource, name, urn: urnOf(resource.type, name), properties: JSON.parse(text) as Record<string, unknown> };
    })).flat();
    return [alarmTopic, ordersTopic, ...consumers];
}

async function inBatches<T>(items: T[], inFlight: number, run: (item: T) => Promise<PolicyViolation[]>): Promise<PolicyViolation[]> {
    const results: PolicyViolation[] = [];
    for (let i = 0; i < items.length; i += inFlight) results.push(...(await Promise.all(items.slice(i, i + inFlight).map(run))).flat());
    return results;
}

describe("the policy pack, served through run-policy-pack", () => {
    it("declares the 17 policies of DESIGN.md, in its order, each with a sentence, a severity and a config schema", async () => {
        const { info } = await policyPack();
        console.log(`      policy pack started in ${packStartupMs()} ms (ts-node type-check included)`);
        assert.equal(info.name, "serverless-guardrails");
        assert.deepEqual(info.policies.map((p) => p.name), DESIGN_POLICIES);
        for (const policy of info.policies) {
            assert.match(policy.name, /^[a-z]+(-[a-z]+)*$/);
            assert.match(policy.description, /^[A-Z].{40,}\.$/, `${policy.name}: description must be a full sentence`);
            assert.ok(policy.severity, `${policy.name}: severity`);
            assert.ok(policy.configSchema, `${policy.name}: configSchema`);
        }
    });

    it("gives every config property a default that is valid against its own schema", async () => {
        const { info } = await policyPack();
        const ajv = new Ajv({ strict: false });
        for (const policy of info.policies) {
            for (const [property, schema] of Object.entries(policy.configSchema?.properties ?? {})) {
                assert.ok("default" in schema, `${policy.name}.${property} has no default`);
                assert.ok(ajv.validate(schema, schema.default), `${policy.name}.${property}: default ${JSON.stringify(schema.default)} is invalid`);
            }
        }
    });

    it("lists every policy in both config files: all advisory in dev, mandatory in production for data, money and security", () => {
        assert.deepEqual(Object.keys(DEV_CONFIG), DESIGN_POLICIES);
        assert.deepEqual(Object.keys(PRODUCTION_CONFIG), DESIGN_POLICIES);
        assert.deepEqual(DESIGN_POLICIES.filter((p) => levelIn(DEV_CONFIG, p) !== "advisory"), []);
        assert.deepEqual(DESIGN_POLICIES.filter((p) => levelIn(PRODUCTION_CONFIG, p) === "mandatory"), MANDATORY_IN_PRODUCTION);
        assert.deepEqual(DESIGN_POLICIES.filter((p) => levelIn(PRODUCTION_CONFIG, p) === "advisory"),
            ["package-size-limit", "structured-logging-required", "tracing-required", "single-purpose-functions"]);
    });

    it("finds nothing in the compliant event stack, resource by resource and as a stack", async () => {
        const pack = await policyPack();
        const stack = compliantEventStack().all();
        const perResource = (await Promise.all(stack.map((resource) => pack.analyze(resource)))).flat();
        assert.deepEqual([...perResource, ...await pack.analyzeStack(stack)], []);
    });

    it("finds nothing in a compliant production-size stack (302 resources) analyzed 16 at a time (prints the time; the bench measures it)", async () => {
        const pack = await policyPack();
        const stack = productionSizeStack(30);
        const begin = performance.now();
        const perResource = await inBatches(stack, 16, (resource) => pack.analyze(resource));
        const analyzed = performance.now();
        const violations = [...perResource, ...await pack.analyzeStack(stack)];
        const elapsed = performance.now() - begin;
        console.log(`      ${stack.length} resources: Analyze x${stack.length} (16 in flight) ${(analyzed - begin).toFixed(0)} ms ` +
            `+ AnalyzeStack ${(performance.now() - analyzed).toFixed(0)} ms = ${elapsed.toFixed(0)} ms`);
        assert.deepEqual(violations, []);
    });
});
