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

/** The resources a metric's alarm records as the origin of the property the metric sits under. */
function edgesOf(metric: WatchedMetric): { urns: readonly string[]; recorded: boolean } {
    const recorded = metric.alarm.propertyDependencies[metric.property];
    return { urns: recorded ?? metric.alarm.dependencies, recorded: recorded !== undefined };
}

/**
 * Which alarms watch a target, by one namespace, metric names and dimension. A metric is about a target
 * when its dimension value equals the target's name, or, when either is unknown (preview), when the
 * alarm's edges lead to the target; with no recorded edges that is "unknown". Indexed once per stack, so
 * that a thousand functions and a thousand alarms cost thousands of steps, not millions.
 */
class AlarmIndex {
    /** Metrics by their known dimension value. */
    private readonly byDimensionValue = new Map<string, WatchedMetric[]>();
    /** Targets the edges lead to: of metrics whose dimension value is unknown, and of every metric. */
    private readonly unknownValueEdges = new Set<string>();
    private readonly allEdges = new Set<string>();
    /** Whether some metric (with an unknown dimension value / any) has no recorded edges, so cannot be ruled out. */
    private unknownValueWithoutEdges = false;
    private anyWithoutEdges = false;

    constructor(metrics: readonly WatchedMetric[], namespace: string, metricNames: readonly string[], dimension: string) {
        for (const metric of metrics) {
            if (str(metric.namespace) !== namespace) continue;
            const name = str(metric.metricName);
            if (typeof name === "string" && !metricNames.includes(name)) continue;
            const dimensions = record(metric.dimensions);
            const value = dimensions === UNKNOWN ? UNKNOWN : str(dimensions?.[dimension]);
            if (value === undefined) continue;
            const edges = edgesOf(metric);
            for (const urn of edges.urns) this.allEdges.add(urn);
            this.anyWithoutEdges ||= !edges.recorded;
            if (typeof value === "string") {
                const same = this.byDimensionValue.get(value) ?? [];
                same.push(metric);
                this.byDimensionValue.set(value, same);
            } else {
                for (const urn of edges.urns) this.unknownValueEdges.add(urn);
                this.unknownValueWithoutEdges ||= !edges.recorded;
            }
        }
    }

    state(target: StackResource): Match {
        const targetName = str(at(target.props, "name"));
        if (typeof targetName === "string") {
            // Known name: metrics with a known value match by value, the others by their edges.
            if (this.byDimensionValue.has(targetName) || this.unknownValueEdges.has(target.urn)) return "yes";
            return this.unknownValueWithoutEdges ? "unknown" : "no";
        }
        // Unknown name: every metric can only match by its edges.
        if (this.allEdges.has(target.urn)) return "yes";
        return this.anyWithoutEdges ? "unknown" : "no";
    }
}

/** The seed's monitoring section: an Errors alarm per function, a depth alarm per dead-letter queue, alarms that notify. */
export const alarmsRequired: StackValidationPolicy = {
    name: "alarms-required",
    description: "Every Lambda function must have a CloudWatch alarm on its Errors metric and every dead-letter queue an alarm on its depth, and every alarm must notify an action (such as the SNS alarm topic), so that failures are seen.",
    enforcementLevel: "mandatory",
    severity: "high",
    configSchema,
    validateStack: validateStackOf<AlarmConfig>(configSchema, (resources, config, findings) => {
        const graph = StackGraph.of(resources);
        const alarms = graph.ofType(aws.metricAlarm);
        const metrics = alarms.flatMap(watchedMetrics);
        const functionAlarms = new AlarmIndex(metrics, "AWS/Lambda", config.lambdaMetrics, "FunctionName");
        for (const fn of graph.ofType(aws.lambdaFunction)) {
            const state = functionAlarms.state(fn);
            if (state === "unknown") findings.cannotDetermine(`which alarms watch Lambda "${fn.name}" is unknown`);
            else if (state === "no") {
                findings.violation(`Lambda "${fn.name}" has no alarm on ${config.lambdaMetrics.join(" or ")}: its failures go ` +
                    `unnoticed. Add an aws.cloudwatch.MetricAlarm on AWS/Lambda Errors with dimensions { FunctionName } ` +
                    `(the seed: more than 10 errors over 5 minutes, 2 periods) that notifies the alarm topic.`, fn.urn);
            }
        }
        const queueAlarms = new AlarmIndex(metrics, "AWS/SQS", config.deadLetterQueueMetrics, "QueueName");
        for (const queue of deadLetterQueues(graph)) {
            const state = queueAlarms.state(queue);
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
