import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { LAMBDA_NODE_RUNTIME } from "../../../contracts/runtimes";
import { createDeadLetterQueue } from "../../../components/aws/dead-letter-queue";
import { Grant, LAMBDA_ASSUME_ROLE_POLICY, logGroupWriteGrant, policyDocument, queueConsumeGrant, queueSendGrant, xrayWriteGrant } from "../../../components/aws/grants";
import { AlarmTarget, createDeadLetterDepthAlarm } from "../../../components/aws/monitoring";
import { VISIBILITY_TIMEOUT_FACTOR } from "../../../components/aws/topic-queue";
import { LAMBDA_HANDLER } from "../../../packaging";
import { readScaleInputs, ScaleInputs } from "../scale/scale-inputs";

/** The peer app's sizing (app.js): 30 s, 256 MB, 5 reserved instances, logs kept two weeks, Errors > 10 over 5 min for 2 periods. */
const TIMEOUT_SECONDS = 30;
const MEMORY_MB = 256;
const RESERVED_CONCURRENCY = 5;
const LOG_RETENTION_DAYS = 14;
const MAX_RECEIVE_COUNT = 3;

/**
 * The program the bench plans against the cdk-nag peer: N functions of exactly the peer app's design
 * (`../shared/peers/cdk-nag/app.js`), so the ratio compares the same work. Per function, in one component
 * (the peer's constructs): a source queue with its dead-letter queue and that queue's depth alarm, a log group,
 * a role with its inline policy (the CDK's ServiceRole and DefaultPolicy), the function with its own
 * dead-letter queue for failed asynchronous events, the SQS event source mapping and an Errors alarm:
 * 10 resources and the component (the peer's CloudFormation template counts 10). The product's own
 * `ServerlessFunction` adds alias `live` and Throttles / Duration alarms: scale-program.ts plans that design.
 */
export = () => {
    const code = readScaleInputs();
    const topic = new aws.sns.Topic("peer-alarms", {});
    const alarms: AlarmTarget = { topicArn: topic.arn, errorThreshold: 10, periodSeconds: 300, evaluationPeriods: 2 };
    for (let index = 0; index < code.functionCount; index++) {
        new PeerDesignFunction(`fn-${String(index).padStart(4, "0")}`, { code, alarms });
    }
    return { functionCount: code.functionCount };
};

interface PeerDesignFunctionArgs {
    code: ScaleInputs;
    alarms: AlarmTarget;
}

/** One function of the peer's design (see above). */
class PeerDesignFunction extends pulumi.ComponentResource {
    constructor(name: string, args: PeerDesignFunctionArgs, opts?: pulumi.ComponentResourceOptions) {
        super("bench:peer:QueueFedFunction", name, {}, opts);
        const parent = { parent: this };
        const deadLetterQueue = createDeadLetterQueue(`${name}-dlq`, this);
        const queue = new aws.sqs.Queue(`${name}-queue`, {
            sqsManagedSseEnabled: true,
            visibilityTimeoutSeconds: VISIBILITY_TIMEOUT_FACTOR * TIMEOUT_SECONDS,
            redrivePolicy: pulumi.jsonStringify({ deadLetterTargetArn: deadLetterQueue.arn, maxReceiveCount: MAX_RECEIVE_COUNT }),
        }, parent);
        createDeadLetterDepthAlarm(`${name}-dlq`, deadLetterQueue, args.alarms, this);
        const functionName = `bench-${name}`;
        const logGroup = new aws.cloudwatch.LogGroup(`${name}-logs`, { name: `/aws/lambda/${functionName}`, retentionInDays: LOG_RETENTION_DAYS }, parent);
        const failedEvents = createDeadLetterQueue(`${name}-function-dlq`, this);
        const role = new aws.iam.Role(`${name}-role`, { assumeRolePolicy: LAMBDA_ASSUME_ROLE_POLICY }, parent);
        const grants: Grant[] = [logGroupWriteGrant(logGroup.arn), xrayWriteGrant(), queueConsumeGrant("ConsumeQueue", queue.arn),
            queueSendGrant("SendFailedEventsToDeadLetterQueue", failedEvents.arn)];
        const rolePolicy = new aws.iam.RolePolicy(`${name}-policy`, { role: role.id, policy: policyDocument(grants) }, parent);
        const fn = new aws.lambda.Function(`${name}-function`, {
            name: functionName,
            role: role.arn,
            code: new pulumi.asset.FileArchive(args.code.zipPath),
            sourceCodeHash: args.code.sha256Base64,
            handler: LAMBDA_HANDLER,
            runtime: LAMBDA_NODE_RUNTIME,
            architectures: ["arm64"],
            timeout: TIMEOUT_SECONDS,
            memorySize: MEMORY_MB,
            reservedConcurrentExecutions: RESERVED_CONCURRENCY,
            deadLetterConfig: { targetArn: failedEvents.arn },
            loggingConfig: { logFormat: "JSON", logGroup: logGroup.name },
            tracingConfig: { mode: "Active" },
        }, { parent: this, dependsOn: [rolePolicy] });
        new aws.lambda.EventSourceMapping(`${name}-trigger`, {
            eventSourceArn: queue.arn,
            functionName: fn.arn,
            batchSize: 10,
            functionResponseTypes: ["ReportBatchItemFailures"],
        }, parent);
        new aws.cloudwatch.MetricAlarm(`${name}-errors`, {
            namespace: "AWS/Lambda",
            metricName: "Errors",
            dimensions: { FunctionName: fn.name },
            statistic: "Sum",
            period: args.alarms.periodSeconds,
            evaluationPeriods: args.alarms.evaluationPeriods,
            threshold: args.alarms.errorThreshold,
            comparisonOperator: "GreaterThanThreshold",
            treatMissingData: "notBreaching",
            alarmActions: [args.alarms.topicArn],
        }, parent);
        this.registerOutputs({});
    }
}
