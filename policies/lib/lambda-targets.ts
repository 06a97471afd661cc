import { aws } from "./resource-types";
import { Resolution, StackGraph } from "./stack-graph";
import { StackResource } from "./policy-kit";

/**
 * The Lambda functions a property refers to, directly or through an alias (`live`): invokers,
 * integrations and destinations usually point at the alias, while the rules are about the function.
 */
export function functionsReferenced(graph: StackGraph, from: StackResource, path: readonly (string | number)[]): Resolution {
    const direct = graph.resolve(from, path, [aws.lambdaFunction, aws.lambdaAlias]);
    const functions = new Set<StackResource>();
    let unresolved = direct.unresolved;
    for (const target of direct.targets) {
        if (target.type === aws.lambdaFunction) {
            functions.add(target);
            continue;
        }
        const behindAlias = graph.resolve(target, ["functionName"], [aws.lambdaFunction]);
        behindAlias.targets.forEach((fn) => functions.add(fn));
        unresolved ||= behindAlias.unresolved;
    }
    return { targets: [...functions], unresolved: unresolved && functions.size === 0 };
}

/** The Lambda functions a reference string names (an ARN, an invocation URI, an alias ARN), following aliases. */
export function functionsNamed(graph: StackGraph, reference: string): StackResource[] {
    const functions = new Set<StackResource>();
    for (const target of graph.matching(reference, [aws.lambdaFunction, aws.lambdaAlias])) {
        if (target.type === aws.lambdaFunction) functions.add(target);
        else graph.resolve(target, ["functionName"], [aws.lambdaFunction]).targets.forEach((fn) => functions.add(fn));
    }
    return [...functions];
}
