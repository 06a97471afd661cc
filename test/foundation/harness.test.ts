import { strict as assert } from "node:assert";
import * as path from "node:path";
import * as aws from "@pulumi/aws";
import { UNKNOWN_STRING_SENTINEL as UNKNOWN } from "../../contracts/unknown-value";
import { runProgram, StackConfig } from "../../tools/harness";

const fixture = (name: string) => path.join(__dirname, "..", "fixtures", "programs", name);
const config = (stack: string): StackConfig => ({ project: "fixture", stack, values: { "aws:region": "eu-west-1" }, secretKeys: [] });

describe("mock harness", () => {
    it("forms URNs like the engine: full parent type chain, root stack type omitted (hand-checked)", async () => {
        const run = await runProgram({ program: fixture("component-tree.ts"), config: config("test") });
        const byName = new Map(run.resources.map((r) => [r.name, r]));
        const stackUrn = "urn:pulumi:test::fixture::pulumi:pulumi:Stack::fixture-test";
        const storeUrn = "urn:pulumi:test::fixture::acme:storage:Store::orders";
        const innerUrn = "urn:pulumi:test::fixture::acme:storage:Store$acme:storage:Inner::orders-inner";
        const dlqUrn = "urn:pulumi:test::fixture::acme:storage:Store$acme:storage:Inner$aws:sqs/queue:Queue::orders-inner-queue";
        const mainUrn = "urn:pulumi:test::fixture::acme:storage:Store$aws:sqs/queue:Queue::orders-main";
        assert.equal(byName.get("fixture-test")?.urn, stackUrn);
        assert.equal(byName.get("orders")?.urn, storeUrn);
        assert.equal(byName.get("orders")?.parent, stackUrn);
        assert.equal(byName.get("orders-inner")?.urn, innerUrn);
        assert.equal(byName.get("orders-inner")?.parent, storeUrn);
        assert.equal(byName.get("orders-inner-queue")?.urn, dlqUrn);
        assert.equal(byName.get("orders-inner-queue")?.parent, innerUrn);
        assert.equal(byName.get("orders-main")?.urn, mainUrn);
        assert.equal(byName.get("top-level")?.urn, "urn:pulumi:test::fixture::aws:sns/topic:Topic::top-level");
        assert.equal(byName.get("top-level")?.parent, stackUrn);
    });

    it("records the dependency edge and the realistic computed ARN flowing from one resource to another", async () => {
        const run = await runProgram({ program: fixture("component-tree.ts"), config: config("test") });
        const main = run.resources.find((r) => r.name === "orders-main");
        const dlq = run.resources.find((r) => r.name === "orders-inner-queue");
        assert.ok(main && dlq);
        assert.deepEqual(main.propertyDependencies.redrivePolicy, [dlq.urn]);
        assert.ok(main.dependencies.includes(dlq.urn));
        assert.match(String(dlq.outputs.arn), /^arn:aws:sqs:eu-west-1:123456789012:orders-inner-queue-[0-9a-f]{7}$/);
        assert.deepEqual(JSON.parse(String(main.inputs.redrivePolicy)), { deadLetterTargetArn: dlq.outputs.arn, maxReceiveCount: 5 });
        assert.equal(main.custom, true);
        assert.match(String(main.provider), /^urn:pulumi:test::fixture::pulumi:providers:aws::default_\d+_\d+_\d+::/);
        assert.equal(run.outputs.topicArn, run.resources.find((r) => r.name === "top-level")?.outputs.arn);
    });

    it("in preview mode leaves computed outputs unknown but keeps the dependency edges", async () => {
        const run = await runProgram({ program: fixture("component-tree.ts"), config: config("test"), preview: true });
        const main = run.resources.find((r) => r.name === "orders-main");
        const dlq = run.resources.find((r) => r.name === "orders-inner-queue");
        assert.ok(main && dlq);
        assert.equal(main.inputs.redrivePolicy, UNKNOWN);
        assert.deepEqual(main.propertyDependencies.redrivePolicy, [dlq.urn]);
        assert.equal(dlq.outputs.arn, UNKNOWN);
        assert.equal(dlq.id, "");
    });

    it("lets other I/O run while registrations are answered, as the engine's RPC answers do", async () => {
        // A chain of queues, each redriving to the one before: each registration waits for the previous
        // one's outputs. An immediate scheduled when the program starts must run before the chain ends.
        let immediateRan = false;
        const registeredAfterImmediate: boolean[] = [];
        await runProgram({
            config: config("io"),
            program: () => {
                setImmediate(() => { immediateRan = true; });
                let previous: aws.sqs.Queue | undefined;
                for (let index = 0; index < 5; index++) {
                    previous = new aws.sqs.Queue(`chain-${index}`, previous
                        ? { redrivePolicy: previous.arn.apply((arn) => JSON.stringify({ deadLetterTargetArn: arn, maxReceiveCount: 5 })) }
                        : {});
                }
            },
            onResource: () => registeredAfterImmediate.push(immediateRan),
        });
        assert.equal(registeredAfterImmediate.length, 6);
        assert.equal(registeredAfterImmediate[0], false);
        assert.equal(registeredAfterImmediate[registeredAfterImmediate.length - 1], true);
    });

    it("turns off the SDK's promise leak bookkeeping under the mock runtime", async () => {
        await runProgram({ program: fixture("component-tree.ts"), config: config("bookkeeping") });
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const sdk: { debuggablePromise(promise: Promise<unknown>, context: string): Promise<unknown> } = require("@pulumi/pulumi/runtime/debuggable");
        const promise = Promise.resolve(1);
        assert.equal(sdk.debuggablePromise(promise, "a registration"), promise);
    });

    it("runs several stacks and programs in one process without leaking state between them", async () => {
        const first = await runProgram({ program: fixture("component-tree.ts"), config: config("alpha") });
        const vpc = await runProgram({ program: fixture("awsx-vpc.ts"), config: config("beta") });
        const again = await runProgram({ program: fixture("component-tree.ts"), config: config("gamma") });
        assert.ok(first.resources.every((r) => r.urn.startsWith("urn:pulumi:alpha::fixture::")));
        assert.ok(vpc.resources.every((r) => r.urn.startsWith("urn:pulumi:beta::fixture::")));
        assert.ok(again.resources.every((r) => r.urn.startsWith("urn:pulumi:gamma::fixture::")));
        assert.equal(first.resources.length, again.resources.length);
        assert.equal(vpc.resources.filter((r) => r.type === "aws:sqs/queue:Queue").length, 0);
    });

    it("registers the children the awsx VPC plugin would create, with private routes to the single NAT gateway", async () => {
        const run = await runProgram({ program: fixture("awsx-vpc.ts"), config: config("test") });
        const types = (type: string) => run.resources.filter((r) => r.type === type);
        assert.equal(types("aws:ec2/subnet:Subnet").length, 4);
        assert.equal(types("aws:ec2/natGateway:NatGateway").length, 1);
        const nat = types("aws:ec2/natGateway:NatGateway")[0];
        const privateRoutes = types("aws:ec2/route:Route").filter((r) => r.inputs.natGatewayId !== undefined);
        assert.deepEqual(privateRoutes.map((r) => r.name), ["net-private-1", "net-private-2"]);
        assert.ok(privateRoutes.every((r) => r.inputs.natGatewayId === nat.id && r.propertyDependencies.natGatewayId[0] === nat.urn));
        assert.equal(privateRoutes[0].urn, "urn:pulumi:test::fixture::awsx:ec2:Vpc$aws:ec2/vpc:Vpc$aws:ec2/subnet:Subnet$" +
            "aws:ec2/routeTable:RouteTable$aws:ec2/route:Route::net-private-1");
        const privateIds = run.outputs.privateSubnetIds as string[];
        assert.deepEqual(privateIds, types("aws:ec2/subnet:Subnet").filter((s) => s.name.includes("private")).map((s) => s.id));
    });
});
