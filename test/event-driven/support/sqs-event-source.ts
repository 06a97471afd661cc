import { DeleteMessageBatchCommand, Message, ReceiveMessageCommand, SQSClient } from "@aws-sdk/client-sqs";
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from "aws-lambda";
import { MOTO_REGION } from "../../../tools/moto/moto-server";

export type SqsHandler = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse>;

export interface DrainResult {
    /** How many times each message body reached the handler. */
    deliveriesByBody: Map<string, number>;
    invocations: number;
}

/**
 * Plays the Lambda SQS event source mapping with ReportBatchItemFailures against a real queue: receive a
 * batch, invoke the handler, delete the messages it did not report as failed, leave the others to come
 * back. SQS itself counts receives and moves a message to the dead-letter queue once it reaches the
 * redrive policy's maxReceiveCount. Messages become visible again at once (visibility timeout 0 on
 * receive) so the test does not wait out a real timeout.
 */
export async function drainQueue(options: {
    sqs: SQSClient; queueUrl: string; queueArn: string; batchSize: number; handler: SqsHandler; context: () => Context;
}): Promise<DrainResult> {
    const { sqs, queueUrl } = options;
    const deliveriesByBody = new Map<string, number>();
    for (let invocations = 0; invocations < 100; invocations++) {
        const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({
            QueueUrl: queueUrl, MaxNumberOfMessages: Math.min(options.batchSize, 10), VisibilityTimeout: 0,
            MessageSystemAttributeNames: ["All"], MessageAttributeNames: ["All"],
        }));
        if (Messages.length === 0) return { deliveriesByBody, invocations };
        for (const message of Messages) deliveriesByBody.set(message.Body ?? "", (deliveriesByBody.get(message.Body ?? "") ?? 0) + 1);
        const failedIds = await failedMessageIds(options, Messages);
        const done = Messages.filter((message) => !failedIds.has(message.MessageId ?? ""));
        if (done.length > 0) {
            await sqs.send(new DeleteMessageBatchCommand({
                QueueUrl: queueUrl,
                Entries: done.map((message, index) => ({ Id: String(index), ReceiptHandle: message.ReceiptHandle })),
            }));
        }
    }
    throw new Error(`${queueUrl} still had messages after 100 invocations; is its redrive policy set?`);
}

/** Invokes the handler; a thrown error fails the whole batch, as it does under Lambda. */
async function failedMessageIds(options: { queueArn: string; handler: SqsHandler; context: () => Context },
    messages: Message[]): Promise<Set<string>> {
    try {
        const response = await options.handler({ Records: messages.map((m) => toRecord(m, options.queueArn)) }, options.context());
        return new Set(response.batchItemFailures.map((failure) => failure.itemIdentifier));
    } catch {
        return new Set(messages.map((message) => message.MessageId ?? ""));
    }
}

function toRecord(message: Message, queueArn: string): SQSRecord {
    const attributes = message.Attributes ?? {};
    return {
        messageId: message.MessageId ?? "",
        receiptHandle: message.ReceiptHandle ?? "",
        body: message.Body ?? "",
        attributes: {
            ApproximateReceiveCount: attributes.ApproximateReceiveCount ?? "1",
            SentTimestamp: attributes.SentTimestamp ?? "0",
            SenderId: attributes.SenderId ?? "",
            ApproximateFirstReceiveTimestamp: attributes.ApproximateFirstReceiveTimestamp ?? "0",
        },
        messageAttributes: Object.fromEntries(Object.entries(message.MessageAttributes ?? {}).map(([name, value]) =>
            [name, { stringValue: value.StringValue, dataType: value.DataType ?? "String" }])),
        md5OfBody: message.MD5OfBody ?? "",
        eventSource: "aws:sqs",
        eventSourceARN: queueArn,
        awsRegion: MOTO_REGION,
    };
}
