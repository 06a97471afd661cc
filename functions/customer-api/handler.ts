import { MetricUnit } from "@aws-lambda-powertools/metrics";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from "aws-lambda";
import { requiredEnv } from "../shared/environment";
import { jsonResponse } from "../shared/http-response";
import { loadOnce } from "../shared/load-once";
import { createObservability } from "../shared/observability";
import { readApiKey } from "./api-key";
import { CustomersTable } from "./customers-table";
import { handleRequest } from "./routes";

// Created once per execution environment, during init, and reused by every warm invocation.
const { logger, metrics, tracer } = createObservability();
const table = new CustomersTable(
    tracer.captureAWSv3Client(DynamoDBDocumentClient.from(new DynamoDBClient({}))), requiredEnv("TABLE_NAME"));
const secrets = tracer.captureAWSv3Client(new SecretsManagerClient({}));
const secretArn = requiredEnv("SECRET_ARN");
// The secret is read during init, not per request (the seed's rule); invocations share the result.
const apiKey = loadOnce(() => readApiKey(secrets, secretArn));
apiKey.prefetch();

/** HTTP API (payload 2.0) -> customers table. Unexpected errors are logged and answered 500 without internals. */
export async function handler(event: APIGatewayProxyEventV2, context: Context): Promise<APIGatewayProxyStructuredResultV2> {
    logger.addContext(context);
    const requestId = context.awsRequestId;
    try {
        const response = await handleRequest(event, { table, apiKey: await apiKey.get(), requestId });
        logger.info("request answered", { routeKey: event.routeKey, statusCode: response.statusCode });
        metrics.addMetric(response.statusCode === 200 ? "RequestsAnswered" : "RequestsRejected", MetricUnit.Count, 1);
        return response;
    } catch (error) {
        logger.error("unexpected error", { requestId, routeKey: event.routeKey, error: error as Error });
        metrics.addMetric("UnexpectedErrors", MetricUnit.Count, 1);
        return jsonResponse(500, { error: "internal error", requestId }, requestId);
    } finally {
        metrics.publishStoredMetrics();
    }
}
