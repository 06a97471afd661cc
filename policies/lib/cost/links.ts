import { isUnknown, stringAt } from "./read";
import { CostResource } from "./types";

export const TYPES = {
    lambdaFunction: "aws:lambda/function:Function",
    lambdaAlias: "aws:lambda/alias:Alias",
    provisionedConcurrency: "aws:lambda/provisionedConcurrencyConfig:ProvisionedConcurrencyConfig",
    eventSourceMapping: "aws:lambda/eventSourceMapping:EventSourceMapping",
    httpApi: "aws:apigatewayv2/api:Api",
    httpApiIntegration: "aws:apigatewayv2/integration:Integration",
    queue: "aws:sqs/queue:Queue",
    topic: "aws:sns/topic:Topic",
    topicSubscription: "aws:sns/topicSubscription:TopicSubscription",
    stateMachine: "aws:sfn/stateMachine:StateMachine",
    natGateway: "aws:ec2/natGateway:NatGateway",
    metricAlarm: "aws:cloudwatch/metricAlarm:MetricAlarm",
    cloudRunService: "gcp:cloudrunv2/service:Service",
    azureWebApp: "azure-native:web:WebApp",
} as const;

/** `...:function:NAME[:qualifier]...` inside a Lambda ARN or an API Gateway integration URI. */
const FUNCTION_IN_ARN = /:function:([A-Za-z0-9_-]+)/g;

/**
 * The stack's resources, and which resource a property points to: by the property's dependency URNs
 * when known (they survive a preview where ids are unknown), else by matching the value against
 * other resources' arn, id, name or url.
 */
export class ResourceIndex {
    private readonly byUrn = new Map<string, CostResource>();
    private readonly byType = new Map<string, CostResource[]>();
    /** Resources by each of their arn, id, name and url values (built once: lookups stay O(1) at any stack size). */
    private readonly byIdentifier = new Map<string, CostResource[]>();
    private readonly functionsByName = new Map<string, CostResource[]>();
    /** Reverse links, built on first use per (kind, type, property): who refers to each target. */
    private readonly referrerIndexes = new Map<string, Map<CostResource, CostResource[]>>();

    constructor(readonly resources: readonly CostResource[]) {
        for (const resource of resources) {
            this.byUrn.set(resource.urn, resource);
            append(this.byType, resource.type, resource);
            const identifiers = new Set(IDENTIFIER_KEYS.map((key) => stringAt(resource.properties, key)));
            for (const identifier of identifiers) if (identifier !== undefined) append(this.byIdentifier, identifier, resource);
            const name = stringAt(resource.properties, "name");
            if (resource.type === TYPES.lambdaFunction && name !== undefined) append(this.functionsByName, name, resource);
        }
    }

    ofType(type: string): CostResource[] {
        return this.byType.get(type) ?? [];
    }

    /** Resources `property` of `resource` refers to. */
    targets(resource: CostResource, property: string): CostResource[] {
        const urns = resource.propertyDependencies?.[property];
        if (urns && urns.length > 0) {
            return urns.map((urn) => this.byUrn.get(urn)).filter((r): r is CostResource => r !== undefined);
        }
        const value = resource.properties[property];
        return typeof value === "string" && !isUnknown(value) ? this.matching(value) : [];
    }

    /** The Lambda functions `property` refers to, directly, through an alias, or by name inside an ARN. */
    functionTargets(resource: CostResource, property: string): CostResource[] {
        const found = new Set<CostResource>();
        for (const target of this.targets(resource, property)) {
            const candidates = target.type === TYPES.lambdaAlias ? this.targets(target, "functionName") : [target];
            candidates.filter((r) => r.type === TYPES.lambdaFunction).forEach((fn) => found.add(fn));
        }
        return [...found];
    }

    /**
     * The resources of `type` whose `property` refers to `target`, in stack order: what
     * `ofType(type).filter((r) => targets(r, property).includes(target))` gives, with the links read once
     * for all targets, so that a thousand queues and a thousand mappings cost thousands of steps, not millions.
     */
    referrers(type: string, property: string, target: CostResource): CostResource[] {
        return this.referrerIndex("targets", type, property, (resource) => this.targets(resource, property)).get(target) ?? [];
    }

    /** The same through `functionTargets`: the resources of `type` whose `property` leads to the Lambda function `fn`. */
    functionReferrers(type: string, property: string, fn: CostResource): CostResource[] {
        return this.referrerIndex("functions", type, property, (resource) => this.functionTargets(resource, property)).get(fn) ?? [];
    }

    private referrerIndex(kind: string, type: string, property: string, linked: (resource: CostResource) => CostResource[]): Map<CostResource, CostResource[]> {
        const key = `${kind}\u0000${type}\u0000${property}`;
        let index = this.referrerIndexes.get(key);
        if (!index) {
            index = new Map();
            for (const resource of this.ofType(type)) {
                for (const target of new Set(linked(resource))) append(index, target, resource);
            }
            this.referrerIndexes.set(key, index);
        }
        return index;
    }

    private matching(value: string): CostResource[] {
        const direct = this.byIdentifier.get(value);
        if (direct) return direct;
        const names = new Set([...value.matchAll(FUNCTION_IN_ARN)].map((m) => m[1]));
        return [...names].flatMap((name) => this.functionsByName.get(name) ?? []);
    }
}

const IDENTIFIER_KEYS = ["arn", "id", "name", "url"];

function append<K, V>(map: Map<K, V[]>, key: K, value: V): void {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
}
