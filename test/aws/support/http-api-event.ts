import type { APIGatewayProxyEventV2 } from "aws-lambda";

/** An HTTP API (payload format 2.0) event for one route, as API Gateway sends it to the function. */
export function httpApiEvent(routeKey: string, options: {
    body?: string; headers?: Record<string, string>; pathParameters?: Record<string, string>; isBase64Encoded?: boolean;
} = {}): APIGatewayProxyEventV2 {
    const [method, routePath] = routeKey.split(" ");
    const rawPath = routePath.replace(/\{(\w+)\}/g, (_, param: string) => options.pathParameters?.[param] ?? param);
    return {
        version: "2.0",
        routeKey,
        rawPath,
        rawQueryString: "",
        headers: { "content-type": "application/json", ...options.headers },
        pathParameters: options.pathParameters,
        requestContext: {
            accountId: "123456789012",
            apiId: "api1234567",
            domainName: "api1234567.execute-api.eu-west-1.amazonaws.com",
            domainPrefix: "api1234567",
            http: { method, path: rawPath, protocol: "HTTP/1.1", sourceIp: "203.0.113.7", userAgent: "test" },
            requestId: "gateway-request-id",
            routeKey,
            stage: "$default",
            time: "01/Jan/2026:00:00:00 +0000",
            timeEpoch: 1767225600000,
        },
        body: options.body,
        isBase64Encoded: options.isBase64Encoded ?? false,
    };
}

/** Runs fn while collecting what it writes to stdout and stderr (Powertools writes JSON logs to both). */
export async function captureOutput<T>(fn: () => Promise<T>): Promise<{ result: T; lines: string[] }> {
    const chunks: string[] = [];
    const streams = [process.stdout, process.stderr];
    const writes = streams.map((stream) => stream.write);
    for (const stream of streams) {
        stream.write = ((chunk: string | Uint8Array) => {
            chunks.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
            return true;
        }) as typeof stream.write;
    }
    try {
        const result = await fn();
        return { result, lines: chunks.join("").split("\n").filter((line) => line !== "") };
    } finally {
        streams.forEach((stream, i) => { stream.write = writes[i]; });
    }
}
