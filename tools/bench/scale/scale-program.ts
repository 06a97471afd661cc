import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { createDeadLetterQueue, DEAD_LETTER_RETENTION_SECONDS } from "../../../components/aws/dead-letter-queue";
import { LIVE_ALIAS, METRICS_NAMESPACE } from "../../../components/aws/function";
import { logGroupWriteGrant, policyDocument, queueConsumeGrant, xrayWriteGrant } from "../../../components/aws/grants";
import { AlarmTarget, createDeadLetterDepthAlarm, createFunctionAlarms } from "../../../components/aws/monitoring";
import { LAMBDA_HANDLER } from "../../bundle";
import { LAMBDA_NODE_RUNTIME } from "../../../contracts/runtimes";
import { CODE_ZIP_ENV, FUNCTION_COUNT_ENV } from "./scale-inputs";

/** Seed values (timeout 30 s, 256 MB, alarm Errors > 10 over 5 min for 2 periods). */
const TIMEOUT_SECONDS = 30;
const MEMORY_MB = 256;
/** AWS's advice for a queue feeding Lambda: visibility timeout at least 6 times the function timeout. */
const VISIBILITY_TIMEOUT_SECONDS = 6 * TIMEOUT_SECONDS;

/**
 * The program the policy-check scale bench plans: N queue-fed functions shaped like the platform's
 * (each: component, queue, DLQ, log group, role, role policy, function, alias `live`, event source
 * mapping, Errors/Throttles/Duration alarms, DLQ depth alarm = 13 resources) plus one alarm topic.
 * Every function ships the same deployment zip, made once by the bench: bundling it a thousand times
 * would measure esbuild, not the plan.
 */
export = () => {
    const functionCount = positiveInteger(process.env[FUNCTION_COUNT_ENV], FUNCTION_COUNT_ENV);
    const codeZip = process.env[CODE_ZIP_ENV];
    if (!codeZip) throw new Error(`${CODE_ZIP_ENV} must name the deployment zip every generated function ships`);
    const topic = new aws.sns.Topic("scale-alarms", {});
    const alarms: AlarmTarget = { topicArn: topic.arn, errorThreshold: 10, periodSeconds: 300, evaluationPeriods: 2 };
    for (let index = 0; index < functionCount; index++) {
        new QueueFedFunction(`fn-${String(index).padStart(4, "0")}`, { codeZip, alarms });
    }
    return { functionCount };
};

class QueueFedFunction extends pulumi.ComponentResource {
    constructor(name: string, args: { codeZip: string; alarms: AlarmTarget }, opts?: pulumi.ComponentResourceOptions) {
        super("bench:scale:QueueFedFunction", name, {}, opts);
        const parent = { parent: this };
        const deadLetterQueue = createDeadLetterQueue(`${name}-dlq`, this);
        const queue = new aws.sqs.Queue(`${name}-queue`, {
            sqsManagedSseEnabled: true,
            visibilityTimeoutSeconds: VISIBILITY_TIMEOUT_SECONDS,
            messageRetentionSeconds: DEAD_LETTER_RETENTION_SECONDS,
            redrivePolicy: pulumi.jsonStringify({ deadLetterTargetArn: deadLetterQueue.arn, maxReceiveCount: 3 }),
        }, parent);
        const functionName = `bench-${name}`;
        const logGroup = new aws.cloudwatch.LogGroup(`${name}-logs`, { name: `/aws/lambda/${functionName}`, retentionInDays: 14 }, parent);
        const role = new aws.iam.Role(`${name}-role`, {
            assumeRolePolicy: JSON.stringify({
                Version: "2012-10-17",
                Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }],
            }),
        }, parent);
        const rolePolicy = new aws.iam.RolePolicy(`${name}-policy`, {
            role: role.id,
            policy: policyDocument([logGroupWriteGrant(logGroup.arn), xrayWriteGrant(), queueConsumeGrant("ConsumeQueue", queue.arn)]),
        }, parent);
        const fn = new aws.lambda.Function(`${name}-function`, {
            name: functionName,
            role: role.arn,
            code: new pulumi.asset.FileArchive(args.codeZip),
            handler: LAMBDA_HANDLER,
            runtime: LAMBDA_NODE_RUNTIME,
            architectures: ["arm64"],
            timeout: TIMEOUT_SECONDS,
            memorySize: MEMORY_MB,
            reservedConcurrentExecutions: 1,
            publish: true,
            environment: { variables: { LOG_LEVEL: "INFO", POWERTOOLS_SERVICE_NAME: name, POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE } },
            loggingConfig: { logFormat: "JSON", logGroup: logGroup.name, applicationLogLevel: "INFO", systemLogLevel: "INFO" },
            tracingConfig: { mode: "Active" },
            tags: { "cost-requests-per-month": "100000", "cost-avg-duration-ms": "100", "cost-payload-kb": "1" },
        }, { parent: this, dependsOn: [rolePolicy] });
        const alias = new aws.lambda.Alias(`${name}-live`, { name: LIVE_ALIAS, functionName: fn.name, functionVersion: fn.version }, parent);
        new aws.lambda.EventSourceMapping(`${name}-trigger`, {
            eventSourceArn: queue.arn,
            functionName: alias.arn,
            batchSize: 10,
            functionResponseTypes: ["ReportBatchItemFailures"],
        }, { parent: this, dependsOn: [rolePolicy] });
        createFunctionAlarms(name, { functionName: fn.name, timeoutSeconds: TIMEOUT_SECONDS }, args.alarms, this);
        createDeadLetterDepthAlarm(`${name}-dlq`, deadLetterQueue, args.alarms, this);
        this.registerOutputs({});
    }
}

function positiveInteger(value: string | undefined, name: string): number {
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < 1) throw new Error(`${name} = ${JSON.stringify(value)} must be a whole number of at least 1`);
    return parsed;
}
