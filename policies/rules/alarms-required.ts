import { PolicyConfigSchema, StackValidationPolicy } from "@pulumi/policy";
import { deadLetterQueues } from "../lib/dead-letter-queues";
import { StackResource, validateStackOf } from "../lib/policy-kit";
import { aws } from "../lib/resource-types";
import { StackGraph } from "../lib/stack-graph";
import { at, isSet, list, record, str, UNKNOWN } from "../lib/values";

interface AlarmConfig {
    lambdaMetrics: string[];
    deadLetterQueueMetrics: string[];
    requireAlarmActions: boolean;
}

const configSchema: PolicyConfigSchema = {
    properties: {
        lambdaMetrics: {
            type: "array", items: { type: "string" }, default: ["Errors"],
            description: "AWS/Lambda metrics of which at least one must be alarmed for every function.",
        },
        deadLetterQueueMetrics: {
            type: "array", items: { type: "string" }, default: ["ApproximateNumberOfMessagesVisible", "NumberOfMessagesSent"],
            description: "AWS/SQS metrics that count as a depth alarm on a dead-letter queue.",
        },
        requireAlarmActions: {
            type: "boolean", default: true,
            description: "Every alarm must notify something (alarmActions), e.g. the SNS alarm topic.",
        },
    },
};

/** One metric an alarm watches: directly, or inside a metric-math query. */
interface WatchedMetric {
    alarm: StackResource;
    namespace: unknown;
    metricName: unknown;
    dimensions: unknown;
    /** Top-level property the metric sits under, whose edges tell what unknown dimensions came from. */
    property: string;
}

function watchedMetrics(alarm: StackResource): WatchedMetric[] {
    const metrics: WatchedMetric[] = [{
        alarm, property: "dimensions", namespace: at(alarm.props, "namespace"),
        metricName: at(alarm.props, "metricName"), dimensions: at(alarm.props, "dimensions"),
    }];
    const queries = list(at(alarm.props, "metricQueries"));
    for (const query of Array.isArray(queries) ? queries : []) {
        metrics.push({ alarm, property: "metricQueries", namespace: at(query, "metric", "namespace"),
            metricName: at(query, "metric", "metricName"), dimensions: at(query, "metric", "dimensions") });
    }
    return metrics;
}

type Match = "yes" | "no" | "unknown";

/** Whether a metric is about `target`: by the dimension's value, or by the alarm's edges when it is unknown. */
function matches(metric: WatchedMetric, namespace: string, metricNames: string[], dimension: string, target: StackResource): Match {
    if (str(metric.namespace) !== namespace) return "no";
    const name = str(metric.metricName);
    if (typeof name === "string" && !metricNames.includes(name)) return "no";
    const dimensions = record(metric.dimensions);
    const value = dimensions === UNKNOWN ? UNKNOWN : str(dimensions?.[dimension]);
    if (value === undefined) return "no";
    const targetName = str(at(target.props, "name"));
    if (typeof value === "string" && typeof targetName === "string") return value === targetName ? "yes" : "no";
    const edges = metric.alarm.propertyDependencies[metric.property] ?? metric.alarm.dependencies;
    if (edges.includes(target.urn)) return "yes";
    return metric.alarm.propertyDependencies[metric.property] === undefined ? "unknown" : "no";
}

function alarmedState(metrics: readonly WatchedMetric[], namespace: string, names: string[], dimension: string, target: StackResource): Match {
    const results = metrics.map((metric) => matches(metric, namespace, names, dimension, target));
    return results.includes("yes") ? "yes" : results.includes("unknown") ? "unknown" : "no";
}

/** The seed's monitoring section: an Errors alarm per function, a depth alarm per dead-letter queue, alarms that notify. */
export const alarmsRequired: StackValidationPolicy = {
    name: "alarms-required",
    description: "Every Lambda function must have a CloudWatch alarm on its Errors metric and every dead-letter queue an alarm on its depth, and every alarm must notify an action (such as the SNS alarm topic), so that failures are seen.",
    enforcementLevel: "mandatory",
    severity: "high",
    configSchema,
    validateStack: validateStackOf<AlarmConfig>(configSchema, (resources, config, findings) => {
        const graph = new StackGraph(resources);
        const alarms = graph.ofType(aws.metricAlarm);
        const metrics = alarms.flatMap(watchedMetrics);
        for (const fn of graph.ofType(aws.lambdaFunction)) {
            const state = alarmedState(metrics, "AWS/Lambda", config.lambdaMetrics, "FunctionName", fn);
            if (state === "unknown") findings.cannotDetermine(`which alarms watch Lambda "${fn.name}" is unknown`);
            else if (state === "no") {
                findings.violation(`Lambda "${fn.name}" has no alarm on ${config.lambdaMetrics.join(" or ")}: its failures go ` +
                    `unnoticed. Add an aws.cloudwatch.MetricAlarm on AWS/Lambda Errors with dimensions { FunctionName } ` +
                    `(the seed: more than 10 errors over 5 minutes, 2 periods) that notifies the alarm topic.`, fn.urn);
            }
        }
        for (const queue of deadLetterQueues(graph)) {
            const state = alarmedState(metrics, "AWS/SQS", config.deadLetterQueueMetrics, "QueueName", queue);
            if (state === "unknown") findings.cannotDetermine(`which alarms watch dead-letter queue "${queue.name}" is unknown`);
            else if (state === "no") {
                findings.violation(`Dead-letter queue "${queue.name}" has no depth alarm: failed messages pile up unseen. Add an ` +
                    `aws.cloudwatch.MetricAlarm on AWS/SQS ApproximateNumberOfMessagesVisible > 0 with dimensions { QueueName }.`, queue.urn);
            }
        }
        if (!config.requireAlarmActions) return;
        for (const alarm of alarms) {
            if (!isSet(at(alarm.props, "alarmActions"))) {
                findings.violation(`Alarm "${alarm.name}" has no alarmActions, so it changes state without telling anyone. ` +
                    `Point alarmActions at the SNS alarm topic.`, alarm.urn);
            }
        }
    }),
};
