import * as assert from "node:assert/strict";
import { analyzeStack, undetermined } from "./support/pack";
import { arn, compliantEventStack, lambdaFunction, queue, replacing, resource, T, withProps } from "./support/fixtures";
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

    describe("what the onObjectCreated / onEvent / onSchedule helpers register", () => {
        const dlq = queue("handler-dlq");
        const handler = (name: string, withDlq: boolean) => lambdaFunction(name, arn.role(`${name}-role`),
            withDlq ? { deadLetterConfig: { targetArn: arn.queue("handler-dlq") } } : {});
        const noDlq = (name: string, how: string) => `Lambda "${name}" is invoked asynchronously by ${how} but has no dead-letter ` +
            `queue: events that fail all retries are dropped. Set deadLetterConfig.targetArn to an SQS queue, or add a ` +
            `FunctionEventInvokeConfig with destinationConfig.onFailure.`;

        /** bucket.onObjectCreated: a Permission for s3 on the function's name, and one BucketNotification per bucket. */
        const s3Helper = (fn: ReturnType<typeof handler>) => [fn,
            resource(T.permission, "uploads-created", { action: "lambda:InvokeFunction", function: fn.properties.name, principal: "s3.amazonaws.com",
                sourceArn: "arn:aws:s3:::uploads" }),
            resource(T.bucketNotification, "uploads-created", { bucket: "uploads", lambdaFunctions: [{ events: ["s3:ObjectCreated:*"],
                lambdaFunctionArn: fn.properties.arn }] })];

        it("flags a function behind bucket.onObjectCreated without a DLQ, passes its twin with one", async () => {
            assert.deepEqual((await analyzeStack(s3Helper(handler("thumbnailer", false)), POLICY)).map((f) => f.detail), [
                noDlq("thumbnailer", `s3.amazonaws.com (Permission "uploads-created"), BucketNotification "uploads-created"`),
            ]);
            assert.deepEqual(await analyzeStack([dlq, ...s3Helper(handler("thumbnailer", true))], POLICY), []);
        });

        it("flags topic.onEvent (permission + lambda subscription without redrive) and passes its twin", async () => {
            const helper = (fn: ReturnType<typeof handler>, redrive: boolean) => [fn,
                resource(T.permission, "orders-created", { action: "lambda:invokeFunction", function: fn.properties.name, principal: "sns.amazonaws.com",
                    sourceArn: arn.topic("orders") }),
                resource(T.subscription, "orders-created", { topic: arn.topic("orders"), protocol: "lambda", endpoint: fn.properties.arn,
                    ...(redrive ? { redrivePolicy: JSON.stringify({ deadLetterTargetArn: arn.queue("handler-dlq") }) } : {}) })];
            assert.deepEqual((await analyzeStack(helper(handler("notifier", false), false), POLICY)).map((f) => f.detail.split(":")[0]), [
                `Lambda "notifier" is invoked asynchronously by sns.amazonaws.com (Permission "orders-created"), TopicSubscription "orders-created" but has no dead-letter queue`,
                `SNS subscription "orders-created" has no redrive policy`,
            ]);
            assert.deepEqual(await analyzeStack([dlq, ...helper(handler("notifier", true), true)], POLICY), []);
        });

        it("flags aws.cloudwatch.onSchedule (rule + permission + target) without DLQs and passes its twin", async () => {
            const helper = (fn: ReturnType<typeof handler>, targetDlq: boolean) => [fn,
                resource(T.eventRule, "nightly", { scheduleExpression: "rate(1 day)", arn: "arn:aws:events:eu-west-1:123456789012:rule/nightly", name: "nightly" }),
                resource(T.permission, "nightly", { action: "lambda:invokeFunction", function: fn.properties.name, principal: "events.amazonaws.com",
                    sourceArn: "arn:aws:events:eu-west-1:123456789012:rule/nightly" }),
                resource(T.eventTarget, "nightly", { rule: "nightly", arn: fn.properties.arn, targetId: "nightly",
                    ...(targetDlq ? { deadLetterConfig: { arn: arn.queue("handler-dlq") } } : {}) })];
            assert.deepEqual((await analyzeStack(helper(handler("reporter", false), false), POLICY)).map((f) => f.detail.split(":")[0]), [
                `Lambda "reporter" is invoked asynchronously by events.amazonaws.com (Permission "nightly"), EventTarget "nightly" but has no dead-letter queue`,
                `EventBridge target "nightly" has no dead-letter queue`,
            ]);
            assert.deepEqual(await analyzeStack([dlq, ...helper(handler("reporter", true), true)], POLICY), []);
        });

        it("reports 'cannot be determined' for a bucket notification whose function is unknown and has no edges", async () => {
            const notification = resource(T.bucketNotification, "uploads-created", { bucket: "uploads", lambdaFunctions: [{ lambdaFunctionArn: UNKNOWN }] });
            assert.deepEqual(await analyzeStack([notification], POLICY),
                [undetermined(POLICY, null, `which function BucketNotification "uploads-created" invokes is unknown`)]);
        });
    });
});
