import { CreateTableCommand, DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { CreateTopicCommand, SNSClient, SubscribeCommand } from "@aws-sdk/client-sns";
import { CreateQueueCommand, GetQueueAttributesCommand, SQSClient } from "@aws-sdk/client-sqs";
import { FANOUT_TABLE_KEYS, filterPolicyFor, ORDER_CONSUMERS, OrderConsumer } from "../../../contracts/schemas/order-events";
import { TEST_RESOURCES } from "./fanout-handlers";

export interface MotoQueue {
    url: string;
    arn: string;
    dlqUrl: string;
}

export interface MotoFanout {
    topicArn: string;
    queues: Record<OrderConsumer, MotoQueue>;
}

/**
 * Builds the fan-out in moto as the component declares it: one topic; per consumer a dead-letter queue,
 * a queue redriving to it after `maxReceiveCount` receives, and a raw-delivery subscription whose filter
 * policy is the one the component ships (filterPolicyFor); plus the tables the consumers write.
 */
export async function createFanoutInMoto(endpoint: string, maxReceiveCount: number): Promise<MotoFanout> {
    const sns = new SNSClient({ endpoint });
    const sqs = new SQSClient({ endpoint });
    const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: TEST_RESOURCES.orderTopic }));
    await sns.send(new CreateTopicCommand({ Name: TEST_RESOURCES.notificationsTopic }));
    const topicArn = TopicArn ?? "";
    const queues = {} as Record<OrderConsumer, MotoQueue>;
    for (const consumer of ORDER_CONSUMERS) {
        const dlq = await createQueue(sqs, `${consumer}-dlq`, {});
        const queue = await createQueue(sqs, `${consumer}-queue`, {
            RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlq.arn, maxReceiveCount }),
        });
        await sns.send(new SubscribeCommand({
            TopicArn: topicArn, Protocol: "sqs", Endpoint: queue.arn,
            Attributes: { RawMessageDelivery: "true", FilterPolicyScope: "MessageAttributes",
                FilterPolicy: JSON.stringify(filterPolicyFor(consumer)) },
        }));
        queues[consumer] = { url: queue.url, arn: queue.arn, dlqUrl: dlq.url };
    }
    await createTables(new DynamoDBClient({ endpoint }));
    return { topicArn, queues };
}

async function createQueue(sqs: SQSClient, name: string, attributes: Record<string, string>) {
    const { QueueUrl = "" } = await sqs.send(new CreateQueueCommand({ QueueName: name, Attributes: attributes }));
    const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ["QueueArn"] }));
    return { url: QueueUrl, arn: Attributes?.QueueArn ?? "" };
}

/** The tables with the partition keys the component declares. */
async function createTables(dynamodb: DynamoDBClient): Promise<void> {
    const tables = [[TEST_RESOURCES.idempotencyTable, FANOUT_TABLE_KEYS.idempotency],
        [TEST_RESOURCES.invoicesTable, FANOUT_TABLE_KEYS.invoices], [TEST_RESOURCES.metricsTable, FANOUT_TABLE_KEYS.metrics]] as const;
    for (const [name, key] of tables) {
        await dynamodb.send(new CreateTableCommand({
            TableName: name, BillingMode: "PAY_PER_REQUEST",
            AttributeDefinitions: [{ AttributeName: key, AttributeType: "S" }],
            KeySchema: [{ AttributeName: key, KeyType: "HASH" }],
        }));
    }
}
