import { PolicyConfigSchema, StackValidationPolicy } from "@pulumi/policy";
import { deadLetterTargetOf } from "../lib/dead-letter-queues";
import { Findings } from "../lib/findings";
import { functionsReferenced } from "../lib/lambda-targets";
import { StackResource, validateStackOf } from "../lib/policy-kit";
import { aws } from "../lib/resource-types";
import { labelOf, StackGraph } from "../lib/stack-graph";
import { at, isSet, list, str, UNKNOWN } from "../lib/values";

interface DlqConfig {
    asyncPrincipals: string[];
    exemptFunctions: string[];
}

const configSchema: PolicyConfigSchema = {
    properties: {
        asyncPrincipals: {
            type: "array", items: { type: "string" },
            description: "Service principals that invoke a Lambda asynchronously when given a lambda.Permission.",
            default: ["sns.amazonaws.com", "s3.amazonaws.com", "events.amazonaws.com", "scheduler.amazonaws.com",
                "ses.amazonaws.com", "iot.amazonaws.com", "logs.amazonaws.com", "config.amazonaws.com",
                "codecommit.amazonaws.com", "cloudformation.amazonaws.com"],
        },
        exemptFunctions: {
            type: "array", items: { type: "string" }, default: [],
            description: "Logical names of functions allowed to drop failed asynchronous events (e.g. idempotent pollers).",
        },
    },
};

/** Async invokers of each function: "permission for sns.amazonaws.com", "SNS subscription ...". */
type Invokers = Map<StackResource, string[]>;

function addInvoker(invokers: Invokers, graph: StackGraph, from: StackResource, path: (string | number)[], how: string, findings: Findings): void {
    const functions = functionsReferenced(graph, from, path);
    if (functions.unresolved) findings.cannotDetermine(`which function ${labelOf(from)} invokes is unknown`);
    for (const fn of functions.targets) invokers.set(fn, [...(invokers.get(fn) ?? []), how]);
}

/** Every way the stack lets something invoke a function asynchronously. */
function asyncInvokers(graph: StackGraph, config: DlqConfig, findings: Findings): Invokers {
    const invokers: Invokers = new Map();
    for (const permission of graph.ofType(aws.lambdaPermission)) {
        const principal = str(at(permission.props, "principal"));
        if (principal === UNKNOWN) findings.cannotDetermine(`the principal of ${labelOf(permission)} is unknown`);
        else if (principal && config.asyncPrincipals.includes(principal)) {
            addInvoker(invokers, graph, permission, ["function"], `${principal} (${labelOf(permission)})`, findings);
        }
    }
    for (const subscription of graph.ofType(aws.snsTopicSubscription)) {
        const protocol = str(at(subscription.props, "protocol"));
        if (protocol === "lambda") addInvoker(invokers, graph, subscription, ["endpoint"], labelOf(subscription), findings);
    }
    for (const target of graph.ofType(aws.eventTarget)) addInvoker(invokers, graph, target, ["arn"], labelOf(target), findings);
    for (const schedule of graph.ofType(aws.schedulerSchedule)) addInvoker(invokers, graph, schedule, ["target", "arn"], labelOf(schedule), findings);
    for (const notification of graph.ofType(aws.s3BucketNotification)) {
        const entries = list(at(notification.props, "lambdaFunctions"));
        for (const index of Array.isArray(entries) ? entries.keys() : []) {
            addInvoker(invokers, graph, notification, ["lambdaFunctions", index, "lambdaFunctionArn"], labelOf(notification), findings);
        }
    }
    return invokers;
}

/** Functions that have an on-failure destination through a FunctionEventInvokeConfig. */
function functionsWithOnFailure(graph: StackGraph): Set<StackResource> {
    const covered = new Set<StackResource>();
    for (const invokeConfig of graph.ofType(aws.lambdaFunctionEventInvokeConfig)) {
        if (!isSet(at(invokeConfig.props, "destinationConfig", "onFailure", "destination"))) continue;
        functionsReferenced(graph, invokeConfig, ["functionName"]).targets.forEach((fn) => covered.add(fn));
    }
    return covered;
}

function checkAsyncFunctions(graph: StackGraph, config: DlqConfig, findings: Findings): void {
    const onFailure = functionsWithOnFailure(graph);
    for (const [fn, invokers] of asyncInvokers(graph, config, findings)) {
        if (config.exemptFunctions.includes(fn.name) || onFailure.has(fn)) continue;
        if (isSet(at(fn.props, "deadLetterConfig", "targetArn"))) continue;
        findings.violation(`Lambda "${fn.name}" is invoked asynchronously by ${invokers.join(", ")} but has no dead-letter queue: ` +
            `events that fail all retries are dropped. Set deadLetterConfig.targetArn to an SQS queue, or add a ` +
            `FunctionEventInvokeConfig with destinationConfig.onFailure.`, fn.urn);
    }
}

/** Queues with a redrive policy, inline or as an aws.sqs.RedrivePolicy resource. */
function queuesWithRedrive(graph: StackGraph): Set<StackResource> {
    const covered = new Set(graph.ofType(aws.sqsQueue).filter((queue) => deadLetterTargetOf(at(queue.props, "redrivePolicy")) !== undefined));
    for (const redrive of graph.ofType(aws.sqsRedrivePolicy)) {
        graph.resolve(redrive, ["queueUrl"], [aws.sqsQueue]).targets.forEach((queue) => covered.add(queue));
    }
    return covered;
}

const STREAM_ARN = /^arn:[^:]+:(kinesis|dynamodb|kafka):/;

function checkEventSourceMappings(graph: StackGraph, findings: Findings): void {
    const redriven = queuesWithRedrive(graph);
    for (const mapping of graph.ofType(aws.lambdaEventSourceMapping)) {
        const source = str(at(mapping.props, "eventSourceArn"));
        if (typeof source === "string" && STREAM_ARN.test(source)) {
            if (!isSet(at(mapping.props, "destinationConfig", "onFailure", "destinationArn"))) {
                findings.violation(`Event source mapping "${mapping.name}" reads a stream without an on-failure destination: ` +
                    `a failing batch blocks the shard, then is lost when it expires. Set destinationConfig.onFailure.destinationArn.`, mapping.urn);
            }
            continue;
        }
        const queues = graph.resolve(mapping, ["eventSourceArn"], [aws.sqsQueue]);
        if (queues.unresolved) findings.cannotDetermine(`the event source of ${labelOf(mapping)} is unknown`);
        else if (queues.targets.length === 0 && typeof source === "string" && source.includes(":sqs:")) {
            findings.cannotDetermine(`the queue ${source} read by ${labelOf(mapping)} is not defined in this stack`);
        }
        for (const queue of queues.targets.filter((q) => !redriven.has(q))) {
            findings.violation(`SQS queue "${queue.name}" feeds Lambda through event source mapping "${mapping.name}" but has no ` +
                `redrive policy: a message that keeps failing is retried until it expires. Set redrivePolicy with a ` +
                `deadLetterTargetArn and maxReceiveCount.`, queue.urn);
        }
    }
}

function checkSubscriptionsAndTargets(graph: StackGraph, findings: Findings): void {
    for (const subscription of graph.ofType(aws.snsTopicSubscription)) {
        if (deadLetterTargetOf(at(subscription.props, "redrivePolicy")) === undefined) {
            findings.violation(`SNS subscription "${subscription.name}" has no redrive policy: messages SNS fails to deliver are ` +
                `dropped. Set redrivePolicy to {"deadLetterTargetArn": <SQS queue ARN>}.`, subscription.urn);
        }
    }
    for (const target of graph.ofType(aws.eventTarget)) {
        if (!isSet(at(target.props, "deadLetterConfig", "arn"))) {
            findings.violation(`EventBridge target "${target.name}" has no dead-letter queue: events EventBridge fails to ` +
                `deliver are dropped. Set deadLetterConfig.arn to an SQS queue.`, target.urn);
        }
    }
    for (const schedule of graph.ofType(aws.schedulerSchedule)) {
        if (!isSet(at(schedule.props, "target", "deadLetterConfig", "arn"))) {
            findings.violation(`EventBridge schedule "${schedule.name}" has no dead-letter queue: failed deliveries are dropped. ` +
                `Set target.deadLetterConfig.arn to an SQS queue.`, schedule.urn);
        }
    }
}

/** The seed's "Pas de dead letter queue": every asynchronous path must end in a dead-letter destination. */
export const dlqRequired: StackValidationPolicy = {
    name: "dlq-required",
    description: "Every asynchronous path (async Lambda invokers, SQS queues read by Lambda, SNS subscriptions, EventBridge targets) must end in a dead-letter destination so that failed messages are kept, not lost.",
    enforcementLevel: "mandatory",
    severity: "high",
    configSchema,
    validateStack: validateStackOf<DlqConfig>(configSchema, (resources, config, findings) => {
        const graph = StackGraph.of(resources);
        checkAsyncFunctions(graph, config, findings);
        checkEventSourceMappings(graph, findings);
        checkSubscriptionsAndTargets(graph, findings);
    }),
};
