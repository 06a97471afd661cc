import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { createDeadLetterQueue } from "./dead-letter-queue";
import { FunctionSizing, LambdaCode, ServerlessFunction } from "./function";
import { Grant, queueConsumeGrant, tableItemGrant, topicPublishGrant } from "./grants";
import { createDeadLetterDepthAlarm } from "./monitoring";
import {
    FANOUT_TABLE_KEYS, FanoutEnvName, filterPolicyFor, IDEMPOTENCY_EXPIRY_ATTRIBUTE, ORDER_CONSUMERS, OrderConsumer,
} from "../../contracts/schemas/order-events";
import { SharedFunctionArgs } from "./shared-function-args";
import { allowTopicToSend, createTopicQueue, TopicQueue, VISIBILITY_TIMEOUT_FACTOR } from "./topic-queue";

/** SQS event source mappings need a batching window of at least 1 s to gather batches above 10 messages. */
const LARGE_BATCH = 10;

export interface OrderFanoutArgs {
    /** Stack-wide function arguments (environment, architecture, log level, alarms, network). */
    shared: SharedFunctionArgs;
    /** Built packages of the publisher (functions/order-publisher) and of each consumer (functions/<consumer>-consumer). */
    code: Record<"publisher" | OrderConsumer, LambdaCode>;
    /** Timeout, memory, reserved concurrency and traffic of the publisher and of each consumer. */
    sizing: FunctionSizing;
    /** SQS messages per consumer invocation (1 to 10000; above 10 the mapping waits up to 1 s to fill a batch). @example 10 */
    batchSize: number;
    /** Most concurrent invocations of one consumer's event source mapping (2 to 1000, at most its reserved concurrency). */
    maxConcurrency: number;
    /** Receives of a message before it moves to its queue's dead-letter queue. @example 5 */
    maxReceiveCount: number;
}

/** One consumer: its subscribed queue, its function and the mapping that polls the queue for it. */
export interface OrderEventConsumer extends TopicQueue {
    handler: ServerlessFunction;
    eventSourceMapping: aws.lambda.EventSourceMapping;
}

/**
 * The seed's fan-out: the order publisher sends each order event to one SNS topic with an `event_type`
 * attribute; each consumer (billing, notification, analytics) has its own filtered queue, dead-letter
 * queue and function, so one slow or failing consumer never holds back or loses another's events.
 */
export class OrderFanout extends pulumi.ComponentResource {
    public readonly topic: aws.sns.Topic;
    /** Where SNS puts events it could not deliver to a consumer's queue. */
    public readonly deliveryDeadLetterQueue: aws.sqs.Queue;
    public readonly publisher: ServerlessFunction;
    /** Powertools idempotency records of every consumer (keys are prefixed with the function name). */
    public readonly idempotencyTable: aws.dynamodb.Table;
    public readonly invoicesTable: aws.dynamodb.Table;
    public readonly metricsTable: aws.dynamodb.Table;
    /** The notification consumer publishes customer messages here; delivery channels subscribe to it. */
    public readonly notificationsTopic: aws.sns.Topic;
    public readonly consumers: Record<OrderConsumer, OrderEventConsumer>;

    constructor(name: string, args: OrderFanoutArgs, opts?: pulumi.ComponentResourceOptions) {
        super("serverless-platform:aws:OrderFanout", name, {}, opts);
        const environment = args.shared.environment;
        this.topic = new aws.sns.Topic(`${name}-topic`, { name: `${environment}-order-events` }, { parent: this });
        this.deliveryDeadLetterQueue = this.createDeliveryDeadLetterQueue(name, args);
        this.publisher = new ServerlessFunction(`${name}-publisher`, {
            ...args.shared,
            code: args.code.publisher,
            functionName: `${environment}-order-publisher`,
            sizing: args.sizing,
            variables: { ORDER_TOPIC_ARN: this.topic.arn } satisfies Partial<Record<FanoutEnvName, pulumi.Input<string>>>,
            grants: [topicPublishGrant("PublishOrderEvents", this.topic.arn)],
            // Order systems fire events at it without waiting (InvocationType Event): failures need a DLQ.
            asyncInvocation: {},
        }, { parent: this });
        this.idempotencyTable = this.createTable(name, "idempotency", `${environment}-order-events-idempotency`,
            FANOUT_TABLE_KEYS.idempotency, { ttl: { attributeName: IDEMPOTENCY_EXPIRY_ATTRIBUTE, enabled: true } });
        this.invoicesTable = this.createTable(name, "invoices", `${environment}-invoices`, FANOUT_TABLE_KEYS.invoices,
            { pointInTimeRecovery: { enabled: true } });
        this.metricsTable = this.createTable(name, "metrics", `${environment}-order-metrics`, FANOUT_TABLE_KEYS.metrics, {});
        this.notificationsTopic = new aws.sns.Topic(`${name}-notifications`, {
            name: `${environment}-customer-notifications`,
        }, { parent: this });
        this.consumers = Object.fromEntries(ORDER_CONSUMERS.map((consumer) =>
            [consumer, this.createConsumer(name, consumer, args)])) as Record<OrderConsumer, OrderEventConsumer>;
        this.registerOutputs({ topicArn: this.topic.arn });
    }

    /** One queue for the whole topic: an undeliverable event is rare and alarms the same operator. */
    private createDeliveryDeadLetterQueue(name: string, args: OrderFanoutArgs): aws.sqs.Queue {
        const queue = createDeadLetterQueue(`${name}-delivery-dlq`, this);
        allowTopicToSend(`${name}-delivery-dlq-policy`, queue, this.topic.arn, this);
        createDeadLetterDepthAlarm(`${name}-delivery-dlq`, queue, args.shared.alarms, this);
        return queue;
    }

    private createTable(name: string, role: string, tableName: string, hashKey: string,
        extra: Pick<aws.dynamodb.TableArgs, "ttl" | "pointInTimeRecovery">): aws.dynamodb.Table {
        return new aws.dynamodb.Table(`${name}-${role}`, {
            name: tableName,
            billingMode: "PAY_PER_REQUEST",
            hashKey,
            attributes: [{ name: hashKey, type: "S" }],
            serverSideEncryption: { enabled: true },
            ...extra,
        }, { parent: this });
    }

    private createConsumer(name: string, consumer: OrderConsumer, args: OrderFanoutArgs): OrderEventConsumer {
        const batchingWindowSeconds = args.batchSize > LARGE_BATCH ? 1 : 0;
        const topicQueue = createTopicQueue(`${name}-${consumer}`, {
            topicArn: this.topic.arn,
            filterPolicy: filterPolicyFor(consumer),
            maxReceiveCount: args.maxReceiveCount,
            visibilityTimeoutSeconds: VISIBILITY_TIMEOUT_FACTOR * args.sizing.timeoutSeconds + batchingWindowSeconds,
            deliveryDeadLetterQueueArn: this.deliveryDeadLetterQueue.arn,
            alarms: args.shared.alarms,
        }, this);
        const work = this.consumerWork(consumer);
        const handler = new ServerlessFunction(`${name}-${consumer}-consumer`, {
            ...args.shared,
            code: args.code[consumer],
            functionName: `${args.shared.environment}-${consumer}-consumer`,
            sizing: args.sizing,
            variables: { IDEMPOTENCY_TABLE: this.idempotencyTable.name, ...work.variables },
            grants: [
                queueConsumeGrant("ConsumeOwnQueue", topicQueue.queue.arn),
                tableItemGrant("RecordIdempotency", this.idempotencyTable.arn, ["GetItem", "PutItem", "UpdateItem", "DeleteItem"]),
                ...work.grants,
            ],
        }, { parent: this });
        const eventSourceMapping = new aws.lambda.EventSourceMapping(`${name}-${consumer}-events`, {
            eventSourceArn: topicQueue.queue.arn,
            functionName: handler.aliasArn,
            batchSize: args.batchSize,
            maximumBatchingWindowInSeconds: batchingWindowSeconds,
            // Only the failed messages of a batch come back; the others are deleted (Powertools batch).
            functionResponseTypes: ["ReportBatchItemFailures"],
            // Caps the pollers below the function's reserved concurrency so SQS is never throttled into the DLQ.
            scalingConfig: { maximumConcurrency: args.maxConcurrency },
        }, { parent: this, dependsOn: [handler.rolePolicy] });
        return { ...topicQueue, handler, eventSourceMapping };
    }

    /** What each consumer writes to, as environment variables and the grants to do exactly that. */
    private consumerWork(consumer: OrderConsumer): {
        variables: Partial<Record<FanoutEnvName, pulumi.Input<string>>>; grants: Grant[];
    } {
        switch (consumer) {
            case "billing":
                return {
                    variables: { INVOICES_TABLE: this.invoicesTable.name },
                    grants: [tableItemGrant("WriteInvoices", this.invoicesTable.arn, ["PutItem", "UpdateItem"])],
                };
            case "notification":
                return {
                    variables: { CUSTOMER_NOTIFICATIONS_TOPIC_ARN: this.notificationsTopic.arn },
                    grants: [topicPublishGrant("PublishCustomerNotifications", this.notificationsTopic.arn)],
                };
            case "analytics":
                return {
                    variables: { ORDER_METRICS_TABLE: this.metricsTable.name },
                    grants: [tableItemGrant("CountOrderMetrics", this.metricsTable.arn, ["UpdateItem"])],
                };
        }
    }
}
