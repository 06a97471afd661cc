import * as assert from "node:assert/strict";
import type { PolicyResource, ReportViolation, StackValidationArgs } from "@pulumi/policy";
import { StackResource, stackResourcesOf, validateStackOf } from "../../policies/lib/policy-kit";
import { RoleGrantIndex } from "../../policies/lib/role-grants";
import { StackGraph } from "../../policies/lib/stack-graph";

const ROLE = "aws:iam/role:Role";
const FUNCTION = "aws:lambda/function:Function";
const urnOf = (type: string, name: string) => `urn:pulumi:test::p::${type}::${name}`;

/** One request's properties: one object per resource, as shared deserialization hands every policy. */
function requestProps(): Array<{ type: string; name: string; props: Record<string, unknown> }> {
    return [
        { type: ROLE, name: "role", props: { arn: "arn:aws:iam::123456789012:role/role", name: "role" } },
        { type: FUNCTION, name: "fn", props: { role: "arn:aws:iam::123456789012:role/role", name: "fn" } },
    ];
}

/** The resource objects @pulumi/policy builds for one stack policy: new objects each time, edges to each other. */
function policyResources(request: ReturnType<typeof requestProps>): PolicyResource[] {
    const resources = request.map(({ type, name, props }) => ({
        type, name, props, urn: urnOf(type, name), opts: {} as PolicyResource["opts"], dependencies: [] as PolicyResource[],
        propertyDependencies: {} as Record<string, PolicyResource[]>, isType: () => false, asType: () => undefined,
    })) as unknown as PolicyResource[];
    resources[1].parent = resources[0];
    resources[1].dependencies = [resources[0]];
    resources[1].propertyDependencies = { role: [resources[0]] };
    return resources;
}

function stackArgs(resources: PolicyResource[]): StackValidationArgs {
    return { resources, getConfig: <T>() => ({}) as T, stackTags: new Map(), notApplicable: () => { throw new Error("not applicable"); } };
}

describe("one view of the stack for every stack policy of a request", () => {
    it("converts each resource once and hands every policy the same list, graph and grants", async () => {
        const request = requestProps();
        const seen: Array<readonly StackResource[]> = [];
        const policy = validateStackOf({ properties: {} }, (resources) => { seen.push(resources); });
        const report: ReportViolation = () => undefined;
        await policy(stackArgs(policyResources(request)), report);
        await policy(stackArgs(policyResources(request)), report);
        assert.equal(seen[0], seen[1]);
        assert.equal(StackGraph.of(seen[0]), StackGraph.of(seen[1]));
        assert.equal(RoleGrantIndex.of(StackGraph.of(seen[0])), RoleGrantIndex.of(StackGraph.of(seen[1])));
        const fn = seen[0][1];
        assert.deepEqual({ ...fn }, { type: FUNCTION, name: "fn", urn: urnOf(FUNCTION, "fn"), props: request[1].props,
            parent: urnOf(ROLE, "role"), dependencies: [urnOf(ROLE, "role")], propertyDependencies: { role: [urnOf(ROLE, "role")] } });
        assert.deepEqual(StackGraph.of(seen[0]).resolve(fn, ["role"], [ROLE]).targets, [seen[0][0]]);
    });

    it("keeps requests apart: other properties objects make another list, even with equal values", () => {
        const first = stackResourcesOf(policyResources(requestProps()));
        const second = stackResourcesOf(policyResources(requestProps()));
        assert.notEqual(second, first);
        assert.notEqual(second[0], first[0]);
        assert.deepEqual(second, first);
        assert.notEqual(StackGraph.of(second), StackGraph.of(first));
    });

    it("makes a new list when a request's resources differ from the list first seen with the same first resource", () => {
        const request = requestProps();
        const all = stackResourcesOf(policyResources(request));
        const fewer = stackResourcesOf(policyResources(request).slice(0, 1));
        assert.equal(fewer.length, 1);
        assert.equal(fewer[0], all[0]);
        assert.equal(stackResourcesOf(policyResources(request).slice(0, 1)), fewer);
        assert.deepEqual(stackResourcesOf([]), []);
    });
});
