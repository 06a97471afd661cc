import type { CostResource } from "../../policies/lib/cost";
import { type RecordedResource, unwrapSecrets } from "../harness";
import type { AnalyzedResource } from "../policy-pack";

/** What the engine sends Analyze before a step: the resource's (checked) inputs, secrets wrapped. */
export function forAnalyze(resource: RecordedResource): AnalyzedResource {
    return view(resource, resource.inputs);
}

/** What the engine sends AnalyzeStack after the steps: the resource's outputs (secrets wrapped, unknowns kept in a preview). */
export function forAnalyzeStack(resource: RecordedResource): AnalyzedResource {
    return view(resource, resource.outputs);
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
