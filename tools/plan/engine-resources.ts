import type { CostResource } from "../../policies/lib/cost";
import { type RecordedResource, unwrapSecrets } from "../harness";
import type { AnalyzedResource } from "../policy-pack";

/** What the engine sends Analyze before a step: the resource's (checked) inputs, secrets wrapped. */
export function forAnalyze(resource: RecordedResource): AnalyzedResource {
    return view(resource, resource.inputs);
}

/**
 * What the engine sends AnalyzeStack after the steps: the resource's outputs (secrets wrapped, unknowns kept
 * in a preview), and the dependencies of the properties that have any (the engine leaves out a property
 * whose dependency list is empty: "Skip properties that have no dependencies", analyzer_plugin.go).
 */
export function forAnalyzeStack(resource: RecordedResource): AnalyzedResource {
    return { ...view(resource, resource.outputs), propertyDependencies: withDependencies(resource.propertyDependencies) };
}

/** The entries with at least one URN; the same object when every entry has one. */
function withDependencies(propertyDependencies: Record<string, string[]>): Record<string, string[]> {
    const properties = Object.keys(propertyDependencies);
    if (properties.every((property) => propertyDependencies[property].length > 0)) return propertyDependencies;
    const kept: Record<string, string[]> = {};
    for (const property of properties) {
        if (propertyDependencies[property].length > 0) kept[property] = propertyDependencies[property];
    }
    return kept;
}

/**
 * What the cost model reads: the same outputs the stack policies see (plain, as @pulumi/policy hands them
 * over), so the plan and `cost-budget` agree.
 */
export function forCost(resource: RecordedResource): CostResource {
    return { urn: resource.urn, type: resource.type, name: resource.name, properties: unwrapSecrets(resource.outputs),
        propertyDependencies: resource.propertyDependencies };
}

function view(resource: RecordedResource, properties: Record<string, unknown>): AnalyzedResource {
    return {
        urn: resource.urn,
        type: resource.type,
        name: resource.name,
        properties,
        parent: resource.parent,
        dependencies: resource.dependencies,
        propertyDependencies: resource.propertyDependencies,
        provider: resource.provider,
    };
}
