import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

/** SQS keeps a message at most 14 days: the longest time an operator has to look at a failed event. */
export const DEAD_LETTER_RETENTION_SECONDS = 14 * 24 * 3600;

/**
 * An encrypted SQS queue that receives failed events (SSE-SQS: encryption at rest without a KMS key
 * to manage, and no kms permissions needed by the senders).
 */
export function createDeadLetterQueue(name: string, parent: pulumi.Resource): aws.sqs.Queue {
    return new aws.sqs.Queue(name, {
        sqsManagedSseEnabled: true,
        messageRetentionSeconds: DEAD_LETTER_RETENTION_SECONDS,
    }, { parent });
}
