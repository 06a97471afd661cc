import { HttpRequest, InvocationContext } from "@azure/functions";

/** An invocation context that keeps the structured log lines it receives, parsed. */
export function capturingContext(functionName: string, triggerMetadata: Record<string, unknown> = {}) {
    const lines: Record<string, unknown>[] = [];
    const context = new InvocationContext({
        invocationId: "inv-1",
        functionName,
        triggerMetadata,
        logHandler: (level, ...args) => lines.push({ hostLevel: level, ...JSON.parse(String(args[0])) }),
    });
    return { context, lines };
}

/** A POST to the intake route, as the host builds it. */
export function postOrder(body: string): HttpRequest {
    return new HttpRequest({
        method: "POST",
        url: "https://order-intake.example/api/orders",
        headers: { "content-type": "application/json" },
        body: { string: body },
    });
}
