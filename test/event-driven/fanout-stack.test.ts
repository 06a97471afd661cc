import { strict as assert } from "node:assert";
import { ProgramRun } from "../../tools/harness";
import { planStack } from "../support/stack";
import { arnOf, jsonInput, planView, statementsOf } from "./support/plan-view";

/** Per stack, from Pulumi.<stack>.yaml over Pulumi.yaml defaults. */
const EXPECTED = {
    dev: { reserved: 5, maxConcurrency: 2 },
    production: { reserved: 20, maxConcurrency: 10 },
} as const;
const TIMEOUT_SECONDS = 30;
const BATCH_SIZE = 10;
const MAX_RECEIVE_COUNT = 5;

/** The routing the seed's fan-out should have, written out here so a changed filter shows up as a failure. */
const FILTERS = {
    billing: ["ORDER_CREATED", "ORDER_CANCELLED"],
    notification: ["ORDER_SHIPPED", "ORDER_CANCELLED"],
    analytics: ["ORDER_CREATED", "ORDER_SHIPPED", "ORDER_CANCELLED"],
} as const;
const CONSUMERS = Object.keys(FILTERS) as (keyof typeof FILTERS)[];

for (const stack of ["dev", "production"] as const) {
    const expected = EXPECTED[stack];

    describe(`order fan-out wiring in ${stack} (mock plan of index.ts)`, () => {
        let run: ProgramRun;
        let view: ReturnType<typeof planView>;
        let topicArn: string;
        before(async () => {
            run = await planStack(stack);
            view = planView(run);
            topicArn = arnOf(view.byName("aws:sns/topic:Topic", "order-events-topic"));
        });

        for (const consumer of CONSUMERS) {
            describe(`${consumer} consumer`, () => {
                it(`redrives its queue to its own DLQ after ${MAX_RECEIVE_COUNT} receives, with visibility >= 6x the function timeout`, () => {
                    const queue = view.queue(`order-events-${consumer}-queue`);
                    const dlq = view.queue(`order-events-${consumer}-dlq`);
                    assert.deepEqual(jsonInput(queue, "redrivePolicy"), { deadLetterTargetArn: arnOf(dlq), maxReceiveCount: MAX_RECEIVE_COUNT });
                    const timeout = Number(view.fn(`order-events-${consumer}-consumer`).inputs.timeout);
                    assert.equal(timeout, TIMEOUT_SECONDS);
                    assert.equal(queue.inputs.visibilityTimeoutSeconds, 6 * timeout);
                    assert.equal(queue.inputs.sqsManagedSseEnabled, true);
                    assert.equal(dlq.inputs.sqsManagedSseEnabled, true);
                });

                it(`subscribes raw to the topic with filter event_type in [${FILTERS[consumer].join(", ")}] and a delivery DLQ`, () => {
                    const subscription = view.byName("aws:sns/topicSubscription:TopicSubscription", `order-events-${consumer}-subscription`);
                    assert.equal(subscription.inputs.topic, topicArn);
                    assert.equal(subscription.inputs.protocol, "sqs");
                    assert.equal(subscription.inputs.endpoint, arnOf(view.queue(`order-events-${consumer}-queue`)));
                    assert.equal(subscription.inputs.rawMessageDelivery, true);
                    assert.equal(subscription.inputs.filterPolicyScope, "MessageAttributes");
                    assert.deepEqual(jsonInput(subscription, "filterPolicy"), { event_type: [...FILTERS[consumer]] });
                    assert.deepEqual(jsonInput(subscription, "redrivePolicy"),
                        { deadLetterTargetArn: arnOf(view.queue("order-events-delivery-dlq")) });
                });

                it("lets only the order topic send to its queue (aws:SourceArn)", () => {
                    const queue = view.queue(`order-events-${consumer}-queue`);
                    const policy = view.byName("aws:sqs/queuePolicy:QueuePolicy", `order-events-${consumer}-queue-policy`);
                    assert.equal(policy.inputs.queueUrl, queue.outputs.url);
                    assert.deepEqual(statementsOf(policy), [{
                        Sid: "AllowOnlyTheTopicToSend", Effect: "Allow", Principal: { Service: "sns.amazonaws.com" },
                        Action: "sqs:SendMessage", Resource: arnOf(queue), Condition: { ArnEquals: { "aws:SourceArn": topicArn } },
                    }]);
                });

                it(`polls its queue into alias live, ${BATCH_SIZE} per batch, reporting item failures, at most ${expected.maxConcurrency} at once`, () => {
                    const mapping = view.byName("aws:lambda/eventSourceMapping:EventSourceMapping", `order-events-${consumer}-events`);
                    assert.equal(mapping.inputs.eventSourceArn, arnOf(view.queue(`order-events-${consumer}-queue`)));
                    assert.equal(mapping.inputs.functionName, view.aliasArn(`order-events-${consumer}-consumer`));
                    assert.equal(mapping.inputs.batchSize, BATCH_SIZE);
                    assert.deepEqual(mapping.inputs.functionResponseTypes, ["ReportBatchItemFailures"]);
                    assert.deepEqual(mapping.inputs.scalingConfig, { maximumConcurrency: expected.maxConcurrency });
                    assert.equal(view.fn(`order-events-${consumer}-consumer`).inputs.reservedConcurrentExecutions, expected.reserved);
                });

                it("may consume only its own queue and use only the idempotency table besides its own output", () => {
                    const statements = statementsOf(view.rolePolicy(`order-events-${consumer}-consumer-policy`));
                    const bySid = Object.fromEntries(statements.map((s) => [s.Sid, { Action: s.Action, Resource: s.Resource }]));
                    assert.deepEqual(bySid.ConsumeOwnQueue, {
                        Action: ["sqs:ChangeMessageVisibility", "sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:ReceiveMessage"],
                        Resource: [arnOf(view.queue(`order-events-${consumer}-queue`))],
                    });
                    assert.deepEqual(bySid.RecordIdempotency, {
                        Action: ["dynamodb:DeleteItem", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem"],
                        Resource: [arnOf(view.byName("aws:dynamodb/table:Table", "order-events-idempotency"))],
                    });
                    const own = OWN_OUTPUT[consumer];
                    assert.deepEqual(statements.map((s) => s.Sid), ["WriteOwnLogGroup", "WriteXRayTraces", "ConsumeOwnQueue",
                        "RecordIdempotency", own.sid, ...(stack === "production" ? VPC_STATEMENTS : [])]);
                    assert.deepEqual(bySid[own.sid].Resource, [arnOf(view.byName(own.type, own.name))]);
                });
            });
        }

        it("lets the publisher publish to the order topic only, and gives its async invocations a DLQ", () => {
            const statements = statementsOf(view.rolePolicy("order-events-publisher-policy"));
            const publish = statements.find((s) => s.Sid === "PublishOrderEvents");
            assert.deepEqual(publish, { Sid: "PublishOrderEvents", Effect: "Allow", Action: ["sns:Publish"], Resource: [topicArn] });
            const variables = (view.fn("order-events-publisher").inputs.environment as { variables: Record<string, string> }).variables;
            assert.equal(variables.ORDER_TOPIC_ARN, topicArn);
            const asyncConfig = view.byName("aws:lambda/functionEventInvokeConfig:FunctionEventInvokeConfig", "order-events-publisher-async");
            assert.deepEqual(asyncConfig.inputs.destinationConfig,
                { onFailure: { destination: arnOf(view.queue("order-events-publisher-dlq")) } });
        });

        it("alarms on the depth of every dead-letter queue of the fan-out, notifying the alarm topic", () => {
            const alarmTopicArn = arnOf(view.byName("aws:sns/topic:Topic", "alarms-topic"));
            const dlqNames = [...CONSUMERS.map((c) => `order-events-${c}-dlq`), "order-events-delivery-dlq", "order-events-publisher-dlq"];
            for (const dlqName of dlqNames) {
                const alarm = view.byName("aws:cloudwatch/metricAlarm:MetricAlarm", `${dlqName}-depth`);
                const queueName = view.queue(dlqName).outputs.name;
                assert.match(String(queueName), new RegExp(`^${dlqName}-[0-9a-f]{7}$`));
                assert.deepEqual(alarm.inputs.dimensions, { QueueName: queueName }, dlqName);
                assert.equal(alarm.inputs.metricName, "ApproximateNumberOfMessagesVisible");
                assert.equal(alarm.inputs.threshold, 0);
                assert.deepEqual(alarm.inputs.alarmActions, [alarmTopicArn]);
            }
            const deliveryPolicy = view.byName("aws:sqs/queuePolicy:QueuePolicy", "order-events-delivery-dlq-policy");
            assert.deepEqual(statementsOf(deliveryPolicy)[0].Condition, { ArnEquals: { "aws:SourceArn": topicArn } });
        });
    });
}

/** The one resource each consumer writes besides the idempotency table, and the grant's statement id. */
const OWN_OUTPUT = {
    billing: { sid: "WriteInvoices", type: "aws:dynamodb/table:Table", name: "order-events-invoices" },
    notification: { sid: "PublishCustomerNotifications", type: "aws:sns/topic:Topic", name: "order-events-notifications" },
    analytics: { sid: "CountOrderMetrics", type: "aws:dynamodb/table:Table", name: "order-events-metrics" },
} as const;

/** Production runs the functions in a VPC: ServerlessFunction adds its network-interface statements. */
const VPC_STATEMENTS = ["CreateNetworkInterfacesInOwnSubnets", "ManageOwnNetworkInterfaces", "DescribeNetworkInterfaces"];
