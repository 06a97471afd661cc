import { PolicyPack, ReportViolation, ResourceValidationArgs, StackValidationArgs } from "@pulumi/policy";
import { UNKNOWN_STRING_SENTINEL as UNKNOWN } from "../../../contracts/unknown-value";

/**
 * Policies with one config knob, one without, and one stack policy that needs an id the engine only
 * knows once the resource exists, so tests can see the plan's Configure step and preview mode at work.
 */
const QUEUE = "aws:sqs/queue:Queue";
const DEFAULT_RETENTION_SECONDS = 345600;

/** The plain value the engine sent (the SDK's proxy would throw on an unknown). */
function raw(props: Record<string, unknown>, key: string): unknown {
    const target = (props as { __getSpecialProxyTarget?: Record<string, unknown> }).__getSpecialProxyTarget ?? props;
    return target[key];
}

new PolicyPack("plan-fixture", {
    policies: [
        {
            name: "queue-retention-limit",
            description: "Queues keep messages no longer than the configured maximum.",
            enforcementLevel: "advisory",
            configSchema: { properties: { maxRetentionSeconds: { type: "integer", minimum: 60, default: DEFAULT_RETENTION_SECONDS } } },
            validateResource: (args: ResourceValidationArgs, report: ReportViolation) => {
                if (args.type !== QUEUE) return;
                const { maxRetentionSeconds } = args.getConfig<{ maxRetentionSeconds: number }>();
                const retention = raw(args.props, "messageRetentionSeconds") ?? DEFAULT_RETENTION_SECONDS;
                if (typeof retention === "number" && retention > maxRetentionSeconds) {
                    report(`queue ${args.name} keeps messages ${retention} s, above maxRetentionSeconds = ${maxRetentionSeconds}; lower messageRetentionSeconds.`);
                }
            },
        },
        {
            name: "queue-encryption",
            description: "Queues encrypt messages at rest.",
            enforcementLevel: "advisory",
            validateResource: (args: ResourceValidationArgs, report: ReportViolation) => {
                if (args.type === QUEUE && raw(args.props, "sqsManagedSseEnabled") !== true) {
                    report(`queue ${args.name} is not encrypted; set sqsManagedSseEnabled: true.`);
                }
            },
        },
        {
            name: "redrive-target-in-stack",
            description: "Every queue's dead-letter target is a queue of this stack.",
            enforcementLevel: "advisory",
            validateStack: (args: StackValidationArgs, report: ReportViolation) => {
                const queues = args.resources.filter((r) => r.type === QUEUE);
                const arns = new Set(queues.map((q) => raw(q.props, "arn")));
                for (const queue of queues) {
                    const redrive = raw(queue.props, "redrivePolicy");
                    if (redrive === undefined) continue;
                    if (redrive === UNKNOWN) {
                        report(`cannot be determined: the dead-letter target of queue ${queue.name} is unknown until it exists.`, queue.urn);
                    } else if (!arns.has((JSON.parse(String(redrive)) as { deadLetterTargetArn: string }).deadLetterTargetArn)) {
                        report(`queue ${queue.name} sends failed messages to a queue outside this stack.`, queue.urn);
                    }
                }
            },
        },
    ],
});
