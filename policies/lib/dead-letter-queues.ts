import { StackResource } from "./policy-kit";
import { aws } from "./resource-types";
import { StackGraph } from "./stack-graph";
import { at, record, str, UNKNOWN } from "./values";

/** Where each kind of resource names its dead-letter target (a JSON redrive policy or a plain ARN). */
const DEAD_LETTER_PATHS: ReadonlyArray<{ type: string; path: readonly string[]; json: boolean }> = [
    { type: aws.sqsQueue, path: ["redrivePolicy"], json: true },
    { type: aws.sqsRedrivePolicy, path: ["redrivePolicy"], json: true },
    { type: aws.snsTopicSubscription, path: ["redrivePolicy"], json: true },
    { type: aws.lambdaFunction, path: ["deadLetterConfig", "targetArn"], json: false },
    { type: aws.lambdaFunctionEventInvokeConfig, path: ["destinationConfig", "onFailure", "destination"], json: false },
    { type: aws.eventTarget, path: ["deadLetterConfig", "arn"], json: false },
    { type: aws.lambdaEventSourceMapping, path: ["destinationConfig", "onFailure", "destinationArn"], json: false },
];

/** The `deadLetterTargetArn` of a redrive policy given as JSON text or object; UNKNOWN when the text is unknown. */
export function deadLetterTargetOf(redrivePolicy: unknown): string | typeof UNKNOWN | undefined {
    const text = str(redrivePolicy);
    if (text === UNKNOWN) return UNKNOWN;
    let parsed: unknown = redrivePolicy;
    if (text !== undefined) {
        try {
            parsed = JSON.parse(text);
        } catch {
            return undefined;
        }
    }
    const policy = record(parsed);
    if (policy === UNKNOWN) return UNKNOWN;
    return policy === undefined ? undefined : str(policy.deadLetterTargetArn);
}

/**
 * The SQS queues of the stack that serve as a dead-letter destination for something (a queue's
 * redrive policy, a subscription, a function, an invoke config, a rule target, a stream mapping).
 */
export function deadLetterQueues(graph: StackGraph): Set<StackResource> {
    const queues = new Set<StackResource>();
    for (const { type, path, json } of DEAD_LETTER_PATHS) {
        for (const resource of graph.ofType(type)) {
            const value = at(resource.props, ...path);
            const target = json ? deadLetterTargetOf(value) : str(value);
            if (typeof target === "string") {
                graph.matching(target, [aws.sqsQueue]).forEach((queue) => queues.add(queue));
            } else if (target === UNKNOWN) {
                graph.resolve(resource, path, [aws.sqsQueue]).targets
                    .filter((queue) => queue !== resource)
                    .forEach((queue) => queues.add(queue));
            }
        }
    }
    return queues;
}
