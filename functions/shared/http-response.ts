import type { APIGatewayProxyStructuredResultV2 } from "aws-lambda";

/** A JSON response for an HTTP API (payload format 2.0) carrying the Lambda request id for support. */
export function jsonResponse(statusCode: number, body: unknown, requestId: string): APIGatewayProxyStructuredResultV2 {
    return {
        statusCode,
        headers: { "Content-Type": "application/json", "X-Request-Id": requestId },
        body: JSON.stringify(body),
    };
}
