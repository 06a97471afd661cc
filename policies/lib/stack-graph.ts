import { StackResource } from "./policy-kit";
import { at, isUnknown, str, UNKNOWN } from "./values";

/** The resources a property points at, and whether that could not be decided (unknown value, no edges). */
export interface Resolution {
    readonly targets: readonly StackResource[];
    readonly unresolved: boolean;
}

/** Output properties that identify a resource when another one refers to it. */
const IDENTIFIER_KEYS = ["id", "arn", "name", "url", "invokeArn", "qualifiedArn", "qualifiedInvokeArn"] as const;

/**
 * The keys a reference string may match: itself, an ARN without its last `:qualifier` (a Lambda
 * alias or version, a log group's `:*`), and the function ARN inside an API Gateway invocation URI.
 */
function referenceKeys(reference: string): string[] {
    const keys = [reference];
    const invocation = /\/functions\/(arn:[^/]+)\/invocations$/.exec(reference);
    if (invocation) keys.push(invocation[1], ...referenceKeys(invocation[1]).slice(1));
    if (reference.startsWith("arn:")) {
        const lastColon = reference.lastIndexOf(":");
        if (lastColon > 0) keys.push(reference.slice(0, lastColon));
    }
    return keys;
}

/** An EC2 ARN ends with the resource's id (`arn:aws:ec2:<region>:<account>:subnet/subnet-0a1`). */
const EC2_ARN = /^arn:[^:]+:ec2:[^:]*:[^:]*:[a-z-]+\/([^/]+)$/;

/**
 * The values other resources may use to point at `resource`. Outputs do not always carry `id`
 * (it travels beside them), so an EC2 resource's id is also read from its ARN.
 */
function identifiersOf(resource: StackResource): string[] {
    const identifiers = IDENTIFIER_KEYS.map((key) => str(resource.props[key]))
        .filter((identifier): identifier is string => typeof identifier === "string" && identifier !== "");
    const ec2Id = identifiers.map((identifier) => EC2_ARN.exec(identifier)?.[1]).find((id) => id !== undefined);
    return ec2Id ? [...identifiers, ec2Id] : identifiers;
}

/**
 * An index over the stack's resources to answer "what does this property refer to?". Values are
 * matched against the targets' ids, ARNs, names and URLs; when a value is unknown (preview) the
 * engine's propertyDependencies, then dependencies, say which resources it came from.
 */
export class StackGraph {
    /** Graphs already built, by the resource list they index (one list per request: see stackResourcesOf). */
    private static readonly built = new WeakMap<readonly StackResource[], StackGraph>();

    /** The graph of `resources`, built once for every stack policy of a request that asks with the same list. */
    static of(resources: readonly StackResource[]): StackGraph {
        let graph = StackGraph.built.get(resources);
        if (graph === undefined) {
            graph = new StackGraph(resources);
            StackGraph.built.set(resources, graph);
        }
        return graph;
    }

    private readonly byUrn = new Map<string, StackResource>();
    private readonly byType = new Map<string, StackResource[]>();
    private readonly byIdentifier = new Map<string, StackResource[]>();

    constructor(readonly resources: readonly StackResource[]) {
        for (const resource of resources) {
            this.byUrn.set(resource.urn, resource);
            const sameType = this.byType.get(resource.type) ?? [];
            sameType.push(resource);
            this.byType.set(resource.type, sameType);
            for (const identifier of identifiersOf(resource)) {
                const holders = this.byIdentifier.get(identifier) ?? [];
                if (!holders.includes(resource)) holders.push(resource);
                this.byIdentifier.set(identifier, holders);
            }
        }
    }

    get(urn: string): StackResource | undefined {
        return this.byUrn.get(urn);
    }

    ofType(...types: readonly string[]): StackResource[] {
        return types.flatMap((type) => this.byType.get(type) ?? []);
    }

    /** The resources of `types` whose identifier equals (or qualifies) `reference`. */
    matching(reference: string, types: readonly string[]): StackResource[] {
        const found = new Set<StackResource>();
        for (const key of referenceKeys(reference)) {
            for (const holder of this.byIdentifier.get(key) ?? []) {
                if (types.includes(holder.type)) found.add(holder);
            }
        }
        return [...found];
    }

    /**
     * What `from.props` at `path` refers to among resources of `types`. A string or a list of
     * strings is matched by value; the engine's edges for the top-level property add the targets
     * whose ids are unknown. Unresolved means a value is unknown and no edge names a target.
     */
    resolve(from: StackResource, path: readonly (string | number)[], types: readonly string[]): Resolution {
        const value = at(from.props, ...path);
        const targets = new Set<StackResource>();
        let sawUnknown = value === UNKNOWN;
        for (const element of Array.isArray(value) ? value : [value]) {
            if (isUnknown(element)) sawUnknown = true;
            else if (typeof element === "string") this.matching(element, types).forEach((t) => targets.add(t));
        }
        for (const urn of this.edgesFor(from, String(path[0]), sawUnknown && targets.size === 0)) {
            const target = this.byUrn.get(urn);
            if (target && types.includes(target.type)) targets.add(target);
        }
        return { targets: [...targets], unresolved: sawUnknown && targets.size === 0 };
    }

    /** The property's own edges; all of the resource's dependencies only when it has none recorded and we must guess. */
    private edgesFor(from: StackResource, property: string, needFallback: boolean): readonly string[] {
        const own = from.propertyDependencies[property];
        if (own !== undefined) return own;
        return needFallback ? from.dependencies : [];
    }
}

/** A short human name for a resource in messages: its logical name and type. */
export function labelOf(resource: { readonly name: string; readonly type: string }): string {
    return `${resource.type.split(":").pop()} "${resource.name}"`;
}
