import * as assert from "node:assert/strict";
import { analyzeStack, undetermined } from "./support/pack";
import { arn, compliantEventStack, queue, replacing, resource, T, withProps } from "./support/fixtures";
import { UNKNOWN } from "./support/wire-values";

const POLICY = "dlq-required";

describe("dlq-required", () => {
    it("passes a stack whose async function, work queue and subscription all end in a dead-letter queue", async () => {
        assert.deepEqual(await analyzeStack(compliantEventStack().all(), POLICY), []);
    });

    it("flags a function invoked by SNS that has neither a DLQ nor an on-failure destination", async () => {
        const stack = compliantEventStack();
        const consumer = withProps(stack.consumer, { deadLetterConfig: undefined });
        assert.deepEqual(await analyzeStack(replacing(stack.all(), consumer), POLICY), [{
            policy: POLICY, level: "mandatory", urn: consumer.urn,
            detail: `Lambda "consumer" is invoked asynchronously by sns.amazonaws.com (Permission "consumer-from-sns"), ` +
                `TopicSubscription "consumer-subscription" but has no dead-letter queue: events that fail all retries are ` +
                `dropped. Set deadLetterConfig.targetArn to an SQS queue, or add a FunctionEventInvokeConfig with destinationConfig.onFailure.`,
        }]);
    });

    it("accepts an on-failure destination on the alias `live`, matched through dependencies while ids are unknown (preview)", async () => {
        const stack = compliantEventStack();
        const consumer = withProps(stack.consumer, { deadLetterConfig: undefined });
        const alias = resource(T.alias, "consumer-live", { name: "live", functionName: UNKNOWN, arn: UNKNOWN },
            { propertyDependencies: { functionName: [consumer.urn] } });
        const invokeConfig = resource(T.invokeConfig, "consumer-async", {
            functionName: UNKNOWN, maximumRetryAttempts: 2, destinationConfig: { onFailure: { destination: UNKNOWN } },
        }, { propertyDependencies: { functionName: [alias.urn], destinationConfig: [stack.dlq.urn] } });
        assert.deepEqual(await analyzeStack([...replacing(stack.all(), consumer), alias, invokeConfig], POLICY), []);
    });

    it("does not require a DLQ of a function only API Gateway invokes (synchronous)", async () => {
        const stack = compliantEventStack();
        const api = withProps(stack.permission, { principal: "apigateway.amazonaws.com" });
        const consumer = withProps(stack.consumer, { deadLetterConfig: undefined });
        const stackWithoutSns = replacing(stack.all(), api, consumer).filter((r) => r.urn !== stack.subscription.urn);
        assert.deepEqual(await analyzeStack(stackWithoutSns, POLICY), []);
    });

    it("finds the invoked function through the permission's edges when its name is unknown", async () => {
        const stack = compliantEventStack();
        const consumer = withProps(stack.consumer, { deadLetterConfig: undefined });
        const permission = withProps(stack.permission, { function: UNKNOWN }, { propertyDependencies: { function: [consumer.urn] } });
        const found = await analyzeStack(replacing(stack.all(), consumer, permission).filter((r) => r.urn !== stack.subscription.urn), POLICY);
        assert.deepEqual(found.map((f) => [f.urn, f.level]), [[consumer.urn, "mandatory"]]);
    });

    it("flags an SQS queue read by an event source mapping that has no redrive policy", async () => {
        const stack = compliantEventStack();
        const workQueue = withProps(stack.workQueue, { redrivePolicy: undefined });
        assert.deepEqual(await analyzeStack(replacing(stack.all(), workQueue), POLICY), [{
            policy: POLICY, level: "mandatory", urn: workQueue.urn,
            detail: `SQS queue "consumer-queue" feeds Lambda through event source mapping "consumer-mapping" but has no ` +
                `redrive policy: a message that keeps failing is retried until it expires. Set redrivePolicy with a ` +
                `deadLetterTargetArn and maxReceiveCount.`,
        }]);
    });

    it("accepts a redrive policy declared as a separate aws.sqs.RedrivePolicy resource", async () => {
        const stack = compliantEventStack();
        const workQueue = withProps(stack.workQueue, { redrivePolicy: undefined });
        const redrive = resource("aws:sqs/redrivePolicy:RedrivePolicy", "consumer-redrive", {
            queueUrl: arn.queueUrl("consumer-queue"), redrivePolicy: JSON.stringify({ deadLetterTargetArn: arn.queue("consumer-dlq"), maxReceiveCount: 5 }),
        });
        assert.deepEqual(await analyzeStack([...replacing(stack.all(), workQueue), redrive], POLICY), []);
    });

    it("flags an SNS subscription without a redrive policy", async () => {
        const stack = compliantEventStack();
        const subscription = withProps(stack.subscription, { redrivePolicy: undefined });
        const found = await analyzeStack(replacing(stack.all(), subscription), POLICY);
        assert.deepEqual(found, [{
            policy: POLICY, level: "mandatory", urn: subscription.urn,
            detail: `SNS subscription "consumer-subscription" has no redrive policy: messages SNS fails to deliver are ` +
                `dropped. Set redrivePolicy to {"deadLetterTargetArn": <SQS queue ARN>}.`,
        }]);
    });

    it("flags an EventBridge target without a dead-letter queue", async () => {
        const target = resource(T.eventTarget, "nightly-target", { rule: "nightly", arn: arn.queue("work") });
        assert.deepEqual(await analyzeStack([queue("work"), target], POLICY), [{
            policy: POLICY, level: "mandatory", urn: target.urn,
            detail: `EventBridge target "nightly-target" has no dead-letter queue: events EventBridge fails to deliver are ` +
                `dropped. Set deadLetterConfig.arn to an SQS queue.`,
        }]);
    });

    it("reports 'cannot be determined' when a permission's function is unknown and has no edges", async () => {
        const stack = compliantEventStack();
        const permission = withProps(stack.permission, { function: UNKNOWN }, { dependencies: [], propertyDependencies: {} });
        assert.deepEqual(await analyzeStack(replacing(stack.all(), permission), POLICY), [
            undetermined(POLICY, null, `which function Permission "consumer-from-sns" invokes is unknown`),
        ]);
    });
});
