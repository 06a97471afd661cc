import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { createDeadLetterQueue } from "./dead-letter-queue";

/** Where alarms go and when the Errors alarm fires. */
export interface AlarmTarget {
    /** ARN of the SNS topic every alarm notifies (see AlarmTopic). */
    topicArn: pulumi.Input<string>;
    /** Errors per period above which the Errors alarm fires (seed: 10). */
    errorThreshold: number;
    /** Length of one evaluation period, in seconds (seed: 300). */
    periodSeconds: number;
    /** Consecutive breaching periods before the Errors and Duration alarms fire (seed: 2). */
    evaluationPeriods: number;
}

/** A Duration alarm fires when p99 exceeds this share of the timeout: the function is about to time out. */
export const DURATION_ALARM_SHARE_OF_TIMEOUT = 0.8;

export interface AlarmTopicArgs {
    /** Email subscribed to the topic (the subscription must be confirmed from the mailbox). @default none */
    email?: pulumi.Input<string>;
    /** Period of the email dead-letter queue's depth alarm, in seconds. @default 300 (the seed's alarm period) */
    periodSeconds?: number;
}

/** The seed's alarm period: 5 minutes. */
const DEFAULT_ALARM_PERIOD_SECONDS = 300;

/**
 * The SNS topic every alarm of the stack notifies. Not encrypted with the AWS-managed `alias/aws/sns`
 * key on purpose: CloudWatch cannot publish to a topic under that key (its key policy cannot grant
 * cloudwatch.amazonaws.com), and alarm notifications carry no customer data.
 */
export class AlarmTopic extends pulumi.ComponentResource {
    public readonly topic: aws.sns.Topic;
    public readonly arn: pulumi.Output<string>;

    constructor(name: string, args: AlarmTopicArgs, opts?: pulumi.ComponentResourceOptions) {
        super("serverless-platform:aws:AlarmTopic", name, {}, opts);
        this.topic = new aws.sns.Topic(`${name}-topic`, {}, { parent: this });
        this.arn = this.topic.arn;
        if (args.email) this.subscribeEmail(name, args.email, args.periodSeconds ?? DEFAULT_ALARM_PERIOD_SECONDS);
        this.registerOutputs({ arn: this.arn });
    }

    /**
     * The email subscription keeps the notifications SNS fails to deliver (mailbox full, address
     * bouncing) in its own dead-letter queue, watched by a depth alarm on this same topic.
     */
    private subscribeEmail(name: string, email: pulumi.Input<string>, periodSeconds: number): void {
        const deadLetters = createDeadLetterQueue(`${name}-email-dlq`, this);
        const delivery = new aws.sqs.QueuePolicy(`${name}-email-dlq-policy`, {
            queueUrl: deadLetters.url,
            policy: pulumi.jsonStringify({
                Version: "2012-10-17",
                Statement: [{
                    Effect: "Allow",
                    Principal: { Service: "sns.amazonaws.com" },
                    Action: "sqs:SendMessage",
                    Resource: deadLetters.arn,
                    Condition: { ArnEquals: { "aws:SourceArn": this.topic.arn } },
                }],
            }),
        }, { parent: this });
        new aws.sns.TopicSubscription(`${name}-email`, {
            topic: this.topic.arn, protocol: "email", endpoint: email,
            redrivePolicy: pulumi.jsonStringify({ deadLetterTargetArn: deadLetters.arn }),
        }, { parent: this, dependsOn: [delivery] });
        createDeadLetterDepthAlarm(`${name}-email-dlq`, deadLetters, {
            topicArn: this.topic.arn, periodSeconds, errorThreshold: 0, evaluationPeriods: 1,
        }, this);
    }
}

/**
 * The seed's Lambda alarms: Errors above the threshold for N periods, any Throttles (reserved
 * concurrency reached), and p99 Duration near the timeout. Alarms and recoveries both notify the topic.
 */
export function createFunctionAlarms(name: string, fn: { functionName: pulumi.Input<string>; timeoutSeconds: number },
    target: AlarmTarget, parent: pulumi.Resource): aws.cloudwatch.MetricAlarm[] {
    const common = {
        namespace: "AWS/Lambda",
        dimensions: { FunctionName: fn.functionName },
        period: target.periodSeconds,
        comparisonOperator: "GreaterThanThreshold",
        // No invocations means nothing failed: an idle function must not sit in INSUFFICIENT_DATA.
        treatMissingData: "notBreaching",
        alarmActions: [target.topicArn],
        okActions: [target.topicArn],
    };
    return [
        new aws.cloudwatch.MetricAlarm(`${name}-errors`, {
            ...common,
            name: pulumi.interpolate`${fn.functionName}-errors`,
            alarmDescription: pulumi.interpolate`${fn.functionName}: more than ${target.errorThreshold} errors in ` +
                `${target.periodSeconds} s for ${target.evaluationPeriods} periods`,
            metricName: "Errors",
            statistic: "Sum",
            threshold: target.errorThreshold,
            evaluationPeriods: target.evaluationPeriods,
        }, { parent }),
        new aws.cloudwatch.MetricAlarm(`${name}-throttles`, {
            ...common,
            name: pulumi.interpolate`${fn.functionName}-throttles`,
            alarmDescription: pulumi.interpolate`${fn.functionName}: invocations throttled at its reserved concurrency`,
            metricName: "Throttles",
            statistic: "Sum",
            threshold: 0,
            evaluationPeriods: 1,
        }, { parent }),
        new aws.cloudwatch.MetricAlarm(`${name}-duration`, {
            ...common,
            name: pulumi.interpolate`${fn.functionName}-duration-p99`,
            alarmDescription: pulumi.interpolate`${fn.functionName}: p99 duration above ` +
                `${DURATION_ALARM_SHARE_OF_TIMEOUT * 100}% of its ${fn.timeoutSeconds} s timeout`,
            metricName: "Duration",
            extendedStatistic: "p99",
            threshold: fn.timeoutSeconds * 1000 * DURATION_ALARM_SHARE_OF_TIMEOUT,
            evaluationPeriods: target.evaluationPeriods,
        }, { parent }),
    ];
}

/** Fires as soon as one message waits in a dead-letter queue: each one is a failed event to look at. */
export function createDeadLetterDepthAlarm(name: string, queue: aws.sqs.Queue, target: AlarmTarget,
    parent: pulumi.Resource): aws.cloudwatch.MetricAlarm {
    return new aws.cloudwatch.MetricAlarm(`${name}-depth`, {
        name: pulumi.interpolate`${queue.name}-depth`,
        alarmDescription: pulumi.interpolate`${queue.name}: failed events are waiting in the dead-letter queue`,
        namespace: "AWS/SQS",
        metricName: "ApproximateNumberOfMessagesVisible",
        dimensions: { QueueName: queue.name },
        statistic: "Maximum",
        period: target.periodSeconds,
        evaluationPeriods: 1,
        comparisonOperator: "GreaterThanThreshold",
        threshold: 0,
        treatMissingData: "notBreaching",
        alarmActions: [target.topicArn],
        okActions: [target.topicArn],
    }, { parent });
}
