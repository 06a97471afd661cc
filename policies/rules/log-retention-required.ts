import { PolicyConfigSchema, StackValidationPolicy } from "@pulumi/policy";
import { Findings } from "../lib/findings";
import { StackResource, validateStackOf } from "../lib/policy-kit";
import { aws } from "../lib/resource-types";
import { StackGraph } from "../lib/stack-graph";
import { at, num, str, UNKNOWN } from "../lib/values";

interface RetentionConfig {
    minimumRetentionDays: number;
}

const configSchema: PolicyConfigSchema = {
    properties: {
        minimumRetentionDays: {
            type: "integer", minimum: 1, default: 1,
            description: "Shortest retention accepted, in days (raise it where audits need longer history).",
        },
    },
};

function checkLogGroup(group: StackResource, config: RetentionConfig, findings: Findings): void {
    const days = num(at(group.props, "retentionInDays"));
    if (days === UNKNOWN) findings.cannotDetermine(`the retention of log group "${group.name}" is unknown`);
    else if (days === undefined || days === 0) {
        findings.violation(`Log group "${group.name}" has no retention, so its logs are kept (and billed) forever. ` +
            `Set retentionInDays.`, group.urn);
    } else if (days < config.minimumRetentionDays) {
        findings.violation(`Log group "${group.name}" keeps logs ${days} day(s), less than the required ` +
            `${config.minimumRetentionDays}. Raise retentionInDays.`, group.urn);
    }
}

/**
 * The log group a function writes to, if the stack defines it: the one named in
 * loggingConfig.logGroup, the one named /aws/lambda/<function name>, or one whose name was built
 * from the function (an edge from its name to the function).
 */
function logGroupOf(fn: StackResource, graph: StackGraph): { group?: StackResource; unknown: boolean } {
    const configured = graph.resolve(fn, ["loggingConfig", "logGroup"], [aws.logGroup]);
    if (configured.targets.length > 0) return { group: configured.targets[0], unknown: false };
    const groups = graph.ofType(aws.logGroup);
    const byEdge = groups.find((group) => (group.propertyDependencies.name ?? []).includes(fn.urn));
    if (byEdge) return { group: byEdge, unknown: false };
    const functionName = str(at(fn.props, "name"));
    if (typeof functionName === "string") {
        const byName = groups.find((group) => str(at(group.props, "name")) === `/aws/lambda/${functionName}`);
        if (byName) return { group: byName, unknown: false };
    }
    const customGroup = str(at(fn.props, "loggingConfig", "logGroup"));
    return { unknown: configured.unresolved || functionName === UNKNOWN || (typeof customGroup === "string" && !customGroup.startsWith("/aws/lambda/")) };
}

/** Logs without retention are kept and billed forever; Lambda's implicit log group has none. */
export const logRetentionRequired: StackValidationPolicy = {
    name: "log-retention-required",
    description: "Every CloudWatch log group must have a retention period, and every Lambda function must write to a log group defined in the stack with one (the group Lambda creates implicitly never expires).",
    enforcementLevel: "mandatory",
    severity: "medium",
    configSchema,
    validateStack: validateStackOf<RetentionConfig>(configSchema, (resources, config, findings) => {
        const graph = StackGraph.of(resources);
        for (const group of graph.ofType(aws.logGroup)) checkLogGroup(group, config, findings);
        for (const fn of graph.ofType(aws.lambdaFunction)) {
            const { group, unknown } = logGroupOf(fn, graph);
            if (group) continue;
            if (unknown) {
                findings.cannotDetermine(`the log group of Lambda "${fn.name}" is not known in this stack`);
            } else {
                findings.violation(`Lambda "${fn.name}" has no log group in this stack, so Lambda creates /aws/lambda/<name> on ` +
                    `first use with no retention. Create an aws.cloudwatch.LogGroup with retentionInDays and point ` +
                    `loggingConfig.logGroup at it (or name it /aws/lambda/<function name>).`, fn.urn);
            }
        }
    }),
};
