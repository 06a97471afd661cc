import { BatchProcessor, EventType, processPartialResponse } from "@aws-lambda-powertools/batch";
import { parser } from "@aws-lambda-powertools/batch/parser";
import { IdempotencyConfig, makeIdempotent } from "@aws-lambda-powertools/idempotency";
import { DynamoDBPersistenceLayer } from "@aws-lambda-powertools/idempotency/dynamodb";
import { Logger } from "@aws-lambda-powertools/logger";
import { SqsRecordSchema } from "@aws-lambda-powertools/parser/schemas/sqs";
import type { Context, SQSBatchResponse, SQSEvent } from "aws-lambda";
import type { z } from "zod";
import { jsonText } from "../../contracts/schemas/bounds";
import { fanoutEnv, OrderEvent, OrderEventSchema } from "../../contracts/schemas/order-events";

export interface OrderEventConsumerArgs {
    /** Powertools service name in every log line. @example "billing-consumer" */
    serviceName: string;
    /** The consumer's work for one event; its result is stored against the event id. */
    work: (event: OrderEvent) => Promise<string>;
    /** Logged with the message id when `work` fails. @example "order event not billed" */
    failureMessage: string;
}

/** An SQS record whose body (raw SNS delivery) is an order event, as a JSON text within the body bounds. */
const OrderEventRecordSchema = SqsRecordSchema.extend({ body: jsonText(OrderEventSchema) });
type OrderEventRecord = z.infer<typeof OrderEventRecordSchema>;

/**
 * The handler every fan-out consumer shares: each SQS message is parsed by the Powertools batch parser
 * integration and worked on once per `event_id` (Powertools idempotency in DynamoDB, so SNS/SQS
 * redeliveries change nothing), and only the failed messages, unparsable ones included, are reported back
 * to SQS (ReportBatchItemFailures) to be retried, then dead-lettered.
 */
export function orderEventConsumer(args: OrderEventConsumerArgs): (event: SQSEvent, context: Context) => Promise<SQSBatchResponse> {
    const logger = new Logger({ serviceName: args.serviceName });
    const processor = new BatchProcessor(EventType.SQS, { parser, schema: OrderEventRecordSchema, logger });
    const idempotency = new IdempotencyConfig({ eventKeyJmesPath: "event_id" });
    const workOnce = makeIdempotent(args.work, {
        persistenceStore: new DynamoDBPersistenceLayer({ tableName: fanoutEnv("IDEMPOTENCY_TABLE") }),
        config: idempotency,
    });
    const handleRecord = async (record: OrderEventRecord): Promise<string> => {
        try {
            return await workOnce(record.body);
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
