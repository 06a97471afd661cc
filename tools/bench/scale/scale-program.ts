import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { createDeadLetterQueue, DEAD_LETTER_RETENTION_SECONDS } from "../../../components/aws/dead-letter-queue";
import { LambdaCode, ServerlessFunction } from "../../../components/aws/function";
import { queueConsumeGrant } from "../../../components/aws/grants";
import { AlarmTarget, createDeadLetterDepthAlarm } from "../../../components/aws/monitoring";
import { VISIBILITY_TIMEOUT_FACTOR } from "../../../components/aws/topic-queue";
import { LAMBDA_HANDLER } from "../../../packaging";
import { readScaleInputs } from "./scale-inputs";

/** Seed values (timeout 30 s, 256 MB, alarm Errors > 10 over 5 min for 2 periods). */
const SIZING = { timeoutSeconds: 30, memoryMb: 256, reservedConcurrency: 1, traffic: { requestsPerMonth: 100_000, avgDurationMs: 100 } };

/**
 * The program the policy-check scale bench plans: N queue-fed functions built like the platform's, with
 * the ServerlessFunction component itself (each: its component, queue, DLQ, DLQ depth alarm, event source
 * mapping, and the ServerlessFunction with its log group, role, role policy, function, alias `live` and
 * Errors/Throttles/Duration alarms = 14 resources) plus one alarm topic. Every function ships the same deployment zip, made once by
 * the bench: bundling it a thousand times would measure esbuild, not the plan.
 */
export = () => {
    const { functionCount, zipPath, sha256Base64 } = readScaleInputs();
    const code: LambdaCode = {
        source: "scale-bench",
        zipPath,
        sha256Base64,
        handler: LAMBDA_HANDLER,
        sourceMap: false,
    };
    const topic = new aws.sns.Topic("scale-alarms", {});
    const alarms: AlarmTarget = { topicArn: topic.arn, errorThreshold: 10, periodSeconds: 300, evaluationPeriods: 2 };
    for (let index = 0; index < functionCount; index++) {
        new QueueFedFunction(`fn-${String(index).padStart(4, "0")}`, { code, alarms });
    }
    return { functionCount };
};

/** A queue, its dead-letter queue and the function that consumes it, as the fan-out's consumers are built. */
class QueueFedFunction extends pulumi.ComponentResource {
    constructor(name: string, args: { code: LambdaCode; alarms: AlarmTarget }, opts?: pulumi.ComponentResourceOptions) {
        super("bench:scale:QueueFedFunction", name, {}, opts);
        const deadLetterQueue = createDeadLetterQueue(`${name}-dlq`, this);
        const queue = new aws.sqs.Queue(`${name}-queue`, {
            sqsManagedSseEnabled: true,
            visibilityTimeoutSeconds: VISIBILITY_TIMEOUT_FACTOR * SIZING.timeoutSeconds,
            messageRetentionSeconds: DEAD_LETTER_RETENTION_SECONDS,
            redrivePolicy: pulumi.jsonStringify({ deadLetterTargetArn: deadLetterQueue.arn, maxReceiveCount: 3 }),
        }, { parent: this });
        createDeadLetterDepthAlarm(`${name}-dlq`, deadLetterQueue, args.alarms, this);
        const handler = new ServerlessFunction(`${name}-handler`, {
            code: args.code,
            environment: "bench",
            functionName: `bench-${name}`,
            sizing: SIZING,
            logLevel: "INFO",
            logRetentionDays: 14,
            alarms: args.alarms,
            grants: [queueConsumeGrant("ConsumeQueue", queue.arn)],
        }, { parent: this });
        new aws.lambda.EventSourceMapping(`${name}-trigger`, {
            eventSourceArn: queue.arn,
            functionName: handler.aliasArn,
            batchSize: 10,
            functionResponseTypes: ["ReportBatchItemFailures"],
        }, { parent: this, dependsOn: [handler.rolePolicy] });
        this.registerOutputs({});
    }
}
