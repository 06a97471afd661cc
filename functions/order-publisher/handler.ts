import { PublishCommand, SNSClient } from "@aws-sdk/client-sns";
import { randomUUID } from "node:crypto";
import { EVENT_TYPE_ATTRIBUTE, fanoutEnv, OrderEvent } from "../../contracts/schemas/order-events";
import { parsePublishRequest } from "./publish-request";

const sns = new SNSClient({});
const topicArn = fanoutEnv("ORDER_TOPIC_ARN");

export interface PublishResult {
    eventId: string;
    messageId: string;
}

/**
 * Publishes one order event to the fan-out topic, as the seed does: the JSON body, plus the event type as
 * the `event_type` message attribute that every subscription filters on. The event id lets consumers
 * drop the duplicates SNS and SQS may deliver.
 */
export async function handler(input: unknown): Promise<PublishResult> {
    const request = parsePublishRequest(input);
    const event: OrderEvent = { event_id: randomUUID(), ...request, occurred_at: new Date().toISOString() };
    const { MessageId } = await sns.send(new PublishCommand({
        TopicArn: topicArn,
        Message: JSON.stringify(event),
        MessageAttributes: { [EVENT_TYPE_ATTRIBUTE]: { DataType: "String", StringValue: event.event_type } },
    }));
    return { eventId: event.event_id, messageId: MessageId ?? "" };
}
