import type { Context } from "aws-lambda";

let requestCounter = 0;

/** A Lambda context as the runtime passes it: a request id and `timeoutSeconds` of budget from now. */
export function lambdaContext(options: { functionName: string; timeoutSeconds?: number; awsRequestId?: string }): Context {
    const { functionName, timeoutSeconds = 30 } = options;
    const deadline = Date.now() + timeoutSeconds * 1000;
    return {
        callbackWaitsForEmptyEventLoop: true,
        functionName,
        functionVersion: "1",
        invokedFunctionArn: `arn:aws:lambda:eu-west-1:123456789012:function:${functionName}:live`,
        memoryLimitInMB: "256",
        awsRequestId: options.awsRequestId ?? `req-${++requestCounter}`,
        logGroupName: `/aws/lambda/${functionName}`,
        logStreamName: "2026/01/01/[1]0123456789abcdef",
        getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
        done: () => undefined,
        fail: () => undefined,
        succeed: () => undefined,
    };
}
