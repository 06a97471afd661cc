import { BatchProcessor, EventType, processPartialResponse } from "@aws-lambda-powertools/batch";
import { IdempotencyConfig, makeIdempotent } from "@aws-lambda-powertools/idempotency";
import { DynamoDBPersistenceLayer } from "@aws-lambda-powertools/idempotency/dynamodb";
import { Logger } from "@aws-lambda-powertools/logger";
import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from "aws-lambda";
import { jsonText } from "../../contracts/schemas/bounds";
import { fanoutEnv, OrderEvent, OrderEventSchema } from "../../contracts/schemas/order-events";
import { parseInput } from "./parse-input";

export interface OrderEventConsumerArgs {
    /** Powertools service name in every log line. @example "billing-consumer" */
    serviceName: string;
    /** The consumer's work for one event; its result is stored against the event id. */
    work: (event: OrderEvent) => Promise<string>;
    /** Logged with the message id when `work` fails. @example "order event not billed" */
    failureMessage: string;
    /**
     * The DynamoDB client `work` writes with, if it has one: the idempotency records go through it too, so
     * one client (one credential and endpoint resolution, one kept-alive connection) serves the whole batch.
     * Without it the idempotency store makes its own.
     */
    dynamodb?: DynamoDBClient;
}

/** A message body (raw SNS delivery): an order event as a JSON text within the body bounds. */
const OrderEventBodySchema = jsonText(OrderEventSchema);

/** A message body that is not an order event; reported failed like any other, so it ends in the DLQ. */
export class InvalidOrderEventError extends Error {
    override name = "InvalidOrderEventError";
}

/**
 * The handler every fan-out consumer shares: each SQS message body is parsed with the Powertools parser
 * and worked on once per `event_id` (Powertools idempotency in DynamoDB, so SNS/SQS redeliveries change
 * nothing), and only the failed messages, unparsable ones included, are reported back to SQS
 * (ReportBatchItemFailures) to be retried, then dead-lettered.
 *
 * Not through the batch parser integration or the SQS envelope: their schemas import zod as the `z`
 * namespace object, which keeps all of zod in the bundle, its 40 locales included (+470 KB, about +30 ms
 * of CPU at every cold start, measured), to check a record SQS itself built.
 */
export function orderEventConsumer(args: OrderEventConsumerArgs): (event: SQSEvent, context: Context) => Promise<SQSBatchResponse> {
    const logger = new Logger({ serviceName: args.serviceName });
    const processor = new BatchProcessor(EventType.SQS);
    const idempotency = new IdempotencyConfig({ eventKeyJmesPath: "event_id" });
    const workOnce = makeIdempotent(args.work, {
        persistenceStore: new DynamoDBPersistenceLayer({ tableName: fanoutEnv("IDEMPOTENCY_TABLE"), awsSdkV3Client: args.dynamodb }),
        config: idempotency,
    });
    const handleRecord = async (record: SQSRecord): Promise<string> => {
        try {
            const event = parseInput(OrderEventBodySchema, record.body, (problems) => new InvalidOrderEventError(`invalid order event: ${problems}`));
            return await workOnce(event);
        } catch (error) {
            logger.error(`${args.failureMessage}; it stays in the queue for a retry`, { messageId: record.messageId, error });
            throw error;
        }
    };
    return async (event, context) => {
        idempotency.registerLambdaContext(context);
        return processPartialResponse(event, handleRecord, processor, { context });
    };
}
