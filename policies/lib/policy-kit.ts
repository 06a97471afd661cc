import {
    PolicyConfigSchema, PolicyResource, ReportViolation, ResourceValidation, ResourceValidationArgs, StackValidation,
    StackValidationArgs,
} from "@pulumi/policy";
import { Findings } from "./findings";
import { Props, rawProps } from "./values";

/** One resource as a policy reads it: plain properties, no SDK proxy. */
export interface ResourceView {
    readonly type: string;
    readonly name: string;
    readonly urn: string;
    readonly props: Props;
}

/** One stack resource with its graph edges as URNs (what a stack policy matches on when ids are unknown). */
export interface StackResource extends ResourceView {
    readonly parent?: string;
    readonly dependencies: readonly string[];
    readonly propertyDependencies: Readonly<Record<string, readonly string[]>>;
}

/** The schema defaults, so a policy behaves the same whether or not the caller sent its config. */
function schemaDefaults(schema: PolicyConfigSchema): Record<string, unknown> {
    const defaults: Record<string, unknown> = {};
    for (const [key, property] of Object.entries(schema.properties)) {
        if (typeof property === "object" && property.default !== undefined) defaults[key] = property.default;
    }
    return defaults;
}

function readConfig<T extends object>(schema: PolicyConfigSchema, args: { getConfig<C extends object>(): C }): T {
    return { ...schemaDefaults(schema), ...args.getConfig<Record<string, unknown>>() } as T;
}

function describeError(error: unknown): string {
    return error instanceof Error ? error.message : String(error);
}

/**
 * Runs `check` and never lets it throw: an unexpected error (an odd property shape nobody
 * anticipated) becomes "cannot be determined" instead of failing the whole preview.
 */
async function runSafely(report: ReportViolation, check: (findings: Findings) => void | Promise<void>): Promise<void> {
    const findings = new Findings(report);
    try {
        await check(findings);
    } catch (error) {
        findings.cannotDetermine(`the policy could not read the properties it needs (${describeError(error)})`);
    }
    findings.finish();
}

export type ResourceCheck<T> = (resource: ResourceView, config: T, findings: Findings) => void | Promise<void>;

/** A resource validation that sees only `types`, with plain props, its config and never-throw handling. */
export function validateResources<T extends object>(
    types: readonly string[], schema: PolicyConfigSchema, check: ResourceCheck<T>,
): ResourceValidation {
    const wanted = new Set(types);
    return (args: ResourceValidationArgs, report: ReportViolation) => {
        if (!wanted.has(args.type)) return;
        const resource: ResourceView = { type: args.type, name: args.name, urn: args.urn, props: rawProps(args.props) };
        return runSafely(report, (findings) => check(resource, readConfig<T>(schema, args), findings));
    };
}

export type StackCheck<T> = (resources: readonly StackResource[], config: T, findings: Findings) => void | Promise<void>;

/**
 * Stack resources already converted, by the properties object they read. @pulumi/policy builds its resource
 * objects again for every stack policy, but with shared deserialization (shared-deserialization.ts) they all
 * carry the same properties object for one resource of one request, so the conversion is done once per request
 * whichever policy asks. Without it every policy gets new properties, and nothing is shared.
 */
const convertedByProps = new WeakMap<object, StackResource>();

function toStackResource(resource: PolicyResource): StackResource {
    const props = rawProps(resource.props);
    let converted = convertedByProps.get(props);
    if (converted === undefined) {
        converted = convertStackResource(resource, props);
        convertedByProps.set(props, converted);
    }
    return converted;
}

/** One list for every edge list without URNs (most of a large stack's property dependencies): lists are only read. */
const NO_URNS: readonly string[] = Object.freeze([]);

const urnsOf = (resources: readonly PolicyResource[]): readonly string[] => resources.length === 0 ? NO_URNS : resources.map((dep) => dep.urn);

function convertStackResource(resource: PolicyResource, props: Props): StackResource {
    const propertyDependencies: Record<string, readonly string[]> = {};
    for (const [key, deps] of Object.entries(resource.propertyDependencies)) {
        propertyDependencies[key] = urnsOf(deps);
    }
    return {
        type: resource.type,
        name: resource.name,
        urn: resource.urn,
        props,
        parent: resource.parent?.urn,
        dependencies: urnsOf(resource.dependencies),
        propertyDependencies,
    };
}

/** A request's list of stack resources, with the properties objects of the resources it was made from. */
interface ConvertedList {
    readonly list: readonly StackResource[];
    readonly props: readonly unknown[];
}

/** Each request's list of stack resources, by its first resource (which belongs to that request only). */
const listsByFirst = new WeakMap<StackResource, ConvertedList>();

/**
 * The list made last, while its request lasts (listsByFirst holds it as long as its first resource lives). The
 * stack policies of a request ask one after the other, each with new resource objects carrying the same
 * properties objects (the same proxies with shared deserialization): comparing those finds the list without
 * converting anything again.
 */
let lastList: WeakRef<ConvertedList> | undefined;

function sameProps(resources: readonly PolicyResource[], known: ConvertedList): boolean {
    if (known.props.length !== resources.length) return false;
    for (let i = 0; i < resources.length; i++) if (resources[i].props !== known.props[i]) return false;
    return true;
}

/**
 * The stack resources of a request as one list for every stack policy: the same array when the resources are
 * the same objects, so that what is derived from the list (StackGraph.of) is built once per request too.
 */
export function stackResourcesOf(resources: readonly PolicyResource[]): readonly StackResource[] {
    const last = lastList?.deref();
    if (last !== undefined && sameProps(resources, last)) return last.list;
    const converted = resources.map(toStackResource);
    if (converted.length === 0) return converted;
    let known = listsByFirst.get(converted[0]);
    if (known === undefined || known.list.length !== converted.length || !known.list.every((resource, i) => resource === converted[i])) {
        known = { list: converted, props: resources.map((resource) => resource.props) };
        listsByFirst.set(converted[0], known);
    }
    lastList = new WeakRef(known);
    return known.list;
}

/** A stack validation over plain resources, with its config and never-throw handling. */
export function validateStackOf<T extends object>(schema: PolicyConfigSchema, check: StackCheck<T>): StackValidation {
    return (args: StackValidationArgs, report: ReportViolation) => {
        const resources = stackResourcesOf(args.resources);
        return runSafely(report, (findings) => check(resources, readConfig<T>(schema, args), findings));
    };
}
