import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { createDeadLetterQueue } from "./dead-letter-queue";
import { AlarmTarget, createDeadLetterDepthAlarm } from "./monitoring";

/**
 * A consumer's queue takes at least this many times its function's timeout to become visible again
 * (AWS's guidance for SQS event sources): a batch still being retried by a throttled poller must not
 * reappear while its first invocation may still run.
 */
export const VISIBILITY_TIMEOUT_FACTOR = 6;

export interface TopicQueueArgs {
    /** The topic the queue subscribes to; only this topic may send to it. */
    topicArn: pulumi.Input<string>;
    /** JSON filter policy on message attributes; only matching messages reach the queue. */
    filterPolicy: Record<string, string[]>;
    /** Receives before a message moves to the queue's dead-letter queue. */
    maxReceiveCount: number;
    /** Seconds a received message stays hidden; at least 6x the consumer's timeout (see VISIBILITY_TIMEOUT_FACTOR). */
    visibilityTimeoutSeconds: number;
    /** Where SNS puts messages it could not deliver to the queue (shared by the topic's subscriptions). */
    deliveryDeadLetterQueueArn: pulumi.Input<string>;
    /** Alarm on the dead-letter queue's depth. */
    alarms: AlarmTarget;
}

/** The resources of one subscribed queue, for the caller's event source mapping and grants. */
export interface TopicQueue {
    queue: aws.sqs.Queue;
    deadLetterQueue: aws.sqs.Queue;
    queuePolicy: aws.sqs.QueuePolicy;
    subscription: aws.sns.TopicSubscription;
    deadLetterAlarm: aws.cloudwatch.MetricAlarm;
}

/**
 * An SQS queue fed by an SNS topic, done so nothing is lost: encrypted queue with a redrive policy to its
 * own dead-letter queue (alarmed), a queue policy that lets only this topic send (aws:SourceArn), and a
 * raw-delivery subscription with a filter policy and its own redrive policy for undeliverable messages.
 */
export function createTopicQueue(name: string, args: TopicQueueArgs, parent: pulumi.Resource): TopicQueue {
    const deadLetterQueue = createDeadLetterQueue(`${name}-dlq`, parent);
    const queue = new aws.sqs.Queue(`${name}-queue`, {
        sqsManagedSseEnabled: true,
        visibilityTimeoutSeconds: args.visibilityTimeoutSeconds,
        redrivePolicy: pulumi.jsonStringify({ deadLetterTargetArn: deadLetterQueue.arn, maxReceiveCount: args.maxReceiveCount }),
    }, { parent });
    const queuePolicy = allowTopicToSend(`${name}-queue-policy`, queue, args.topicArn, parent);
    const subscription = new aws.sns.TopicSubscription(`${name}-subscription`, {
        topic: args.topicArn,
        protocol: "sqs",
        endpoint: queue.arn,
        // The consumer reads the publisher's JSON as is, without SNS's envelope.
        rawMessageDelivery: true,
        filterPolicyScope: "MessageAttributes",
        filterPolicy: JSON.stringify(args.filterPolicy),
        redrivePolicy: pulumi.jsonStringify({ deadLetterTargetArn: args.deliveryDeadLetterQueueArn }),
    }, { parent, dependsOn: [queuePolicy] });
    const deadLetterAlarm = createDeadLetterDepthAlarm(`${name}-dlq`, deadLetterQueue, args.alarms, parent);
    return { queue, deadLetterQueue, queuePolicy, subscription, deadLetterAlarm };
}

/** Lets one SNS topic, and nothing else, send messages to a queue. */
export function allowTopicToSend(name: string, queue: aws.sqs.Queue, topicArn: pulumi.Input<string>,
    parent: pulumi.Resource): aws.sqs.QueuePolicy {
    return new aws.sqs.QueuePolicy(name, {
        queueUrl: queue.url,
        policy: pulumi.jsonStringify({
            Version: "2012-10-17",
            Statement: [{
                Sid: "AllowOnlyTheTopicToSend",
                Effect: "Allow",
                Principal: { Service: "sns.amazonaws.com" },
                Action: "sqs:SendMessage",
                Resource: queue.arn,
                Condition: { ArnEquals: { "aws:SourceArn": topicArn } },
            }],
        }),
    }, { parent });
}
