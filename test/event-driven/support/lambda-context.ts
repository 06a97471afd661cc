import type { Context } from "aws-lambda";

/** A Lambda context as the runtime passes it, with `timeoutSeconds` of budget from now. */
export function lambdaContext(functionName: string, timeoutSeconds: number): Context {
    const deadline = Date.now() + timeoutSeconds * 1000;
    return {
        callbackWaitsForEmptyEventLoop: true,
        functionName,
        functionVersion: "1",
        invokedFunctionArn: `arn:aws:lambda:eu-west-1:123456789012:function:${functionName}:live`,
        memoryLimitInMB: "256",
        awsRequestId: `req-${Math.random().toString(16).slice(2)}`,
        logGroupName: `/aws/lambda/${functionName}`,
        logStreamName: "test",
        getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
        done: () => undefined,
        fail: () => undefined,
        succeed: () => undefined,
    };
}
