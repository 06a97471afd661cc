import * as assert from "node:assert/strict";
import { analyzeStack, undetermined } from "./support/pack";
import { compliantEventStack, replacing, withProps, without } from "./support/fixtures";
import { UNKNOWN } from "./support/wire-values";

const POLICY = "alarms-required";

describe("alarms-required", () => {
    it("passes an Errors alarm per function and a depth alarm per dead-letter queue, both notifying the alarm topic", async () => {
        assert.deepEqual(await analyzeStack(compliantEventStack().all(), POLICY), []);
    });

    it("flags a function without an Errors alarm", async () => {
        const stack = compliantEventStack();
        assert.deepEqual(await analyzeStack(without(stack.all(), stack.errorsAlarm), POLICY), [{
            policy: POLICY, level: "mandatory", urn: stack.consumer.urn,
            detail: `Lambda "consumer" has no alarm on Errors: its failures go unnoticed. Add an aws.cloudwatch.MetricAlarm ` +
                `on AWS/Lambda Errors with dimensions { FunctionName } (the seed: more than 10 errors over 5 minutes, 2 ` +
                `periods) that notifies the alarm topic.`,
        }]);
    });

    it("flags a dead-letter queue without a depth alarm", async () => {
        const stack = compliantEventStack();
        assert.deepEqual((await analyzeStack(without(stack.all(), stack.dlqAlarm), POLICY)).map((f) => [f.urn, f.detail]), [[
            stack.dlq.urn,
            `Dead-letter queue "consumer-dlq" has no depth alarm: failed messages pile up unseen. Add an ` +
            `aws.cloudwatch.MetricAlarm on AWS/SQS ApproximateNumberOfMessagesVisible > 0 with dimensions { QueueName }.`,
        ]]);
    });

    it("flags an alarm that notifies nobody", async () => {
        const stack = compliantEventStack();
        const silent = withProps(stack.errorsAlarm, { alarmActions: [] });
        assert.deepEqual((await analyzeStack(replacing(stack.all(), silent), POLICY)).map((f) => f.detail), [
            `Alarm "consumer-errors" has no alarmActions, so it changes state without telling anyone. Point alarmActions at the SNS alarm topic.`,
        ]);
    });

    it("matches alarms by their dimension edges while names are unknown (preview)", async () => {
        const stack = compliantEventStack();
        const errors = withProps(stack.errorsAlarm, { dimensions: { FunctionName: UNKNOWN }, alarmActions: [UNKNOWN] },
            { propertyDependencies: { dimensions: [stack.consumer.urn] } });
        const depth = withProps(stack.dlqAlarm, { dimensions: { QueueName: UNKNOWN } }, { propertyDependencies: { dimensions: [stack.dlq.urn] } });
        assert.deepEqual(await analyzeStack(replacing(stack.all(), errors, depth), POLICY), []);
    });

    it("does not credit a function with an alarm whose unknown dimension comes from another resource", async () => {
        const stack = compliantEventStack();
        const elsewhere = withProps(stack.errorsAlarm, { dimensions: { FunctionName: UNKNOWN } },
            { propertyDependencies: { dimensions: [stack.dlq.urn] } });
        assert.deepEqual((await analyzeStack(replacing(stack.all(), elsewhere), POLICY)).map((f) => f.urn), [stack.consumer.urn]);
    });

    it("matches a known dimension to a function whose own name is unknown by the alarm's edges", async () => {
        const stack = compliantEventStack();
        const unnamed = withProps(stack.consumer, { name: UNKNOWN });
        const errors = { ...stack.errorsAlarm, propertyDependencies: { dimensions: [stack.consumer.urn] } };
        assert.deepEqual(await analyzeStack(replacing(stack.all(), unnamed, errors), POLICY), []);
        const unrelated = { ...errors, propertyDependencies: { dimensions: [stack.dlq.urn] } };
        assert.deepEqual((await analyzeStack(replacing(stack.all(), unnamed, unrelated), POLICY)).map((f) => f.urn), [stack.consumer.urn]);
    });

    it("reports 'cannot be determined' when an alarm's dimension is unknown and it records no edges", async () => {
        const stack = compliantEventStack();
        const errors = withProps(stack.errorsAlarm, { dimensions: { FunctionName: UNKNOWN } }, { dependencies: [] });
        const bare = { ...errors, propertyDependencies: {} };
        assert.deepEqual(await analyzeStack(replacing(stack.all(), bare), POLICY), [
            undetermined(POLICY, null, `which alarms watch Lambda "consumer" is unknown`),
        ]);
    });
});
