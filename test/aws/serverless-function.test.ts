import * as assert from "node:assert/strict";
import { ServerlessFunction, ServerlessFunctionArgs } from "../../components/aws/function";
import { AlarmTopic } from "../../components/aws/monitoring";
import { Network } from "../../components/aws/network";
import { networkArgs, sharedFunctionArgs } from "../../components/aws";
import { AwsSettings, settingsFromConfig } from "../../components/settings";
import { packageFunction } from "../../packaging";
import { loadStackConfig, ProgramRun, ProgramRunError, runProgram, StackConfig } from "../../tools/harness";
import { REPO_ROOT } from "../support/stack";

const CONFIG: StackConfig = { project: "serverless-platform", stack: "dev", values: { "aws:region": "eu-west-1" }, secretKeys: [] };
const TOPIC_ARN = "arn:aws:sns:eu-west-1:123456789012:alarms";

const CODE = packageFunction("customer-api");

const baseArgs: ServerlessFunctionArgs = {
    code: CODE,
    environment: "dev",
    sizing: { timeoutSeconds: 30, memoryMb: 256, reservedConcurrency: 5, traffic: { requestsPerMonth: 1000, avgDurationMs: 100 } },
    logLevel: "INFO",
    logRetentionDays: 14,
    alarms: { topicArn: TOPIC_ARN, errorThreshold: 10, periodSeconds: 300, evaluationPeriods: 2 },
};

function plan(args: Partial<ServerlessFunctionArgs>): Promise<ProgramRun> {
    return runProgram({ program: () => { new ServerlessFunction("worker", { ...baseArgs, ...args }); }, config: CONFIG });
}

const only = (run: ProgramRun, type: string) => {
    const found = run.resources.filter((r) => r.type === type);
    assert.equal(found.length, 1, `expected one ${type}, found ${found.length}`);
    return found[0];
};

/** An async-invoked function built from a real stack's settings, as buildAws builds its functions. */
function planAsyncFunction(stack: string): Promise<ProgramRun> {
    const config = loadStackConfig({ projectDir: REPO_ROOT, stack });
    return runProgram({
        config,
        program: () => {
            const settings = settingsFromConfig(config.values, stack);
            const aws = settings.aws as AwsSettings;
            const topic = new AlarmTopic("alarms", {});
            const network = aws.vpc ? new Network("network", networkArgs(aws.vpc)) : undefined;
            new ServerlessFunction("worker", {
                ...sharedFunctionArgs(settings, aws, topic.arn, network), code: CODE, sizing: aws.orderEvents, asyncInvocation: {},
            });
        },
    });
}

for (const stack of ["dev", "production"]) {
    describe(`ServerlessFunction for asynchronous callers in ${stack} (mock program)`, () => {
        let run: ProgramRun;
        before(async () => {
            run = await planAsyncFunction(stack);
        });

        it("sends events that still fail after 2 retries or 6 hours on alias live to an encrypted SQS dead-letter queue", () => {
            const dlq = only(run, "aws:sqs/queue:Queue");
            assert.equal(dlq.inputs.sqsManagedSseEnabled, true);
            assert.equal(dlq.inputs.messageRetentionSeconds, 1209600);
            const config = only(run, "aws:lambda/functionEventInvokeConfig:FunctionEventInvokeConfig");
            assert.deepEqual(config.inputs, {
                functionName: `${stack}-worker`, qualifier: "live", maximumRetryAttempts: 2, maximumEventAgeInSeconds: 21600,
                destinationConfig: { onFailure: { destination: dlq.outputs.arn } },
            });
        });

        it("lets the role send to that queue only", () => {
            const dlq = only(run, "aws:sqs/queue:Queue");
            const statements = JSON.parse(String(only(run, "aws:iam/rolePolicy:RolePolicy").inputs.policy)).Statement as { Sid: string }[];
            assert.deepEqual(statements.find((s) => s.Sid === "SendFailedEventsToDeadLetterQueue"),
                { Sid: "SendFailedEventsToDeadLetterQueue", Effect: "Allow", Action: ["sqs:SendMessage"], Resource: [dlq.outputs.arn] });
        });

        it("alarms the alarm topic as soon as one message waits in the dead-letter queue", () => {
            const dlq = only(run, "aws:sqs/queue:Queue");
            const depth = run.resources.find((r) => r.name === "worker-dlq-depth");
            assert.ok(depth);
            assert.deepEqual(
                [depth.inputs.namespace, depth.inputs.metricName, depth.inputs.statistic, depth.inputs.comparisonOperator, depth.inputs.threshold, depth.inputs.evaluationPeriods],
                ["AWS/SQS", "ApproximateNumberOfMessagesVisible", "Maximum", "GreaterThanThreshold", 0, 1]);
            assert.deepEqual(depth.inputs.dimensions, { QueueName: dlq.outputs.name });
            assert.deepEqual(depth.inputs.alarmActions, [only(run, "aws:sns/topic:Topic").outputs.arn]);
        });
    });
}

describe("ServerlessFunction asynchronous settings", () => {
    it("uses the caller's retries and event age when given", async () => {
        const custom = await plan({ asyncInvocation: { maximumRetryAttempts: 0, maximumEventAgeSeconds: 600 } });
        const config = only(custom, "aws:lambda/functionEventInvokeConfig:FunctionEventInvokeConfig");
        assert.equal(config.inputs.maximumRetryAttempts, 0);
        assert.equal(config.inputs.maximumEventAgeInSeconds, 600);
    });
});

describe("ServerlessFunction argument checks", () => {
    async function failure(args: Partial<ServerlessFunctionArgs>): Promise<string> {
        const error = await plan(args).then(() => undefined, (e: unknown) => e);
        assert.ok(error instanceof ProgramRunError, `expected the program to fail, got ${String(error)}`);
        return error.message;
    }

    it("rejects provisioned concurrency above the reserved concurrency, naming both", async () => {
        assert.equal(await failure({ provisionedConcurrency: 6 }),
            "ServerlessFunction worker: provisionedConcurrency = 6 must be an integer from 0 to sizing.reservedConcurrency = 5");
    });

    it("rejects a variable the component sets or Lambda reserves", async () => {
        assert.equal(await failure({ variables: { LOG_LEVEL: "TRACE", AWS_REGION: "x" } }),
            "ServerlessFunction worker: variables.LOG_LEVEL is set by the component or reserved by Lambda; use another name; " +
            "variables.AWS_REGION is set by the component or reserved by Lambda; use another name");
    });

    it("rejects more than 2 asynchronous retries", async () => {
        assert.equal(await failure({ asyncInvocation: { maximumRetryAttempts: 3 } }),
            "ServerlessFunction worker: asyncInvocation.maximumRetryAttempts = 3 must be 0, 1 or 2");
    });
});
