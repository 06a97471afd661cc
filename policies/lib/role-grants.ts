import { documentAt, IamStatement } from "./iam-documents";
import { awsManagedPolicyName, managedPolicyStatements } from "./managed-policies";
import { StackResource } from "./policy-kit";
import { aws } from "./resource-types";
import { labelOf, StackGraph } from "./stack-graph";
import { at, list, str, Unknown, UNKNOWN } from "./values";

/** One policy document a role holds, and the resource that carries it. */
export interface GrantedDocument {
    readonly source: StackResource;
    readonly statements: readonly IamStatement[] | Unknown;
    /** The AWS managed policy this document is, when `source` attaches one. */
    readonly managedPolicy?: string;
}

/** How a message names where a granted document comes from. */
export function describeGrant(document: GrantedDocument): string {
    return document.managedPolicy ? `the AWS managed policy ${document.managedPolicy} (attached by ${labelOf(document.source)})`
        : labelOf(document.source);
}

/** Everything a role is granted that the stack shows. */
export interface RoleGrants {
    readonly documents: readonly GrantedDocument[];
    /** Policies attached by ARN that neither the stack nor the AWS managed-policy data defines. */
    readonly managedPolicyArns: readonly string[];
    /** Attachments whose role or policy cannot be told (unknown values, no edges). */
    readonly undetermined: readonly string[];
}

interface MutableGrants {
    documents: GrantedDocument[];
    managedPolicyArns: string[];
    undetermined: string[];
}

/**
 * The documents granted to each role of the stack, built once: inline policies on the role,
 * `RolePolicy`, customer-managed `Policy` through `RolePolicyAttachment`, `PolicyAttachment` and
 * `managedPolicyArns`, and AWS managed policies by ARN.
 */
export class RoleGrantIndex {
    /** Indexes already built, by graph: the stack policies that read grants share one per request. */
    private static readonly built = new WeakMap<StackGraph, RoleGrantIndex>();

    /** The grants of `graph`'s roles, built once per graph whichever policy asks. */
    static of(graph: StackGraph): RoleGrantIndex {
        let index = RoleGrantIndex.built.get(graph);
        if (index === undefined) {
            index = new RoleGrantIndex(graph);
            RoleGrantIndex.built.set(graph, index);
        }
        return index;
    }

    private readonly grants = new Map<string, MutableGrants>();

    constructor(private readonly graph: StackGraph) {
        for (const role of graph.ofType(aws.iamRole)) this.collectOwn(role);
        for (const rolePolicy of graph.ofType(aws.iamRolePolicy)) {
            this.forRoles(rolePolicy, ["role"], (grants) =>
                grants.documents.push({ source: rolePolicy, statements: this.statementsOf(rolePolicy) }));
        }
        for (const attachment of graph.ofType(aws.iamRolePolicyAttachment)) {
            this.forRoles(attachment, ["role"], (grants) => this.attach(grants, attachment, at(attachment.props, "policyArn")));
        }
        for (const attachment of graph.ofType(aws.iamPolicyAttachment)) {
            this.forRoles(attachment, ["roles"], (grants) => this.attach(grants, attachment, at(attachment.props, "policyArn")));
        }
    }

    /** The grants of `role` (empty when the stack attaches nothing to it). */
    of(role: StackResource): RoleGrants {
        return this.grants.get(role.urn) ?? { documents: [], managedPolicyArns: [], undetermined: [] };
    }

    private entry(role: StackResource): MutableGrants {
        let grants = this.grants.get(role.urn);
        if (!grants) {
            grants = { documents: [], managedPolicyArns: [], undetermined: [] };
            this.grants.set(role.urn, grants);
        }
        return grants;
    }

    private collectOwn(role: StackResource): void {
        const grants = this.entry(role);
        const inline = list(at(role.props, "inlinePolicies"));
        if (inline === UNKNOWN) grants.undetermined.push(`the inline policies of ${labelOf(role)} are unknown`);
        for (const index of Array.isArray(inline) ? inline.keys() : []) {
            const statements = documentAt(role.props, "inlinePolicies", index, "policy");
            if (statements !== undefined) grants.documents.push({ source: role, statements });
        }
        const managed = list(at(role.props, "managedPolicyArns"));
        if (managed === UNKNOWN) grants.undetermined.push(`the managed policy ARNs of ${labelOf(role)} are unknown`);
        for (const arn of Array.isArray(managed) ? managed : []) this.attach(grants, role, arn);
    }

    private statementsOf(carrier: StackResource): readonly IamStatement[] | Unknown {
        return documentAt(carrier.props, "policy") ?? [];
    }

    private attach(grants: MutableGrants, via: StackResource, policyArn: unknown): void {
        const arn = str(policyArn);
        const inStack = typeof arn === "string" ? this.graph.matching(arn, [aws.iamPolicy]) : [];
        if (arn === UNKNOWN && via.type !== aws.iamRole) {
            inStack.push(...this.graph.resolve(via, ["policyArn"], [aws.iamPolicy]).targets);
        }
        const managedPolicy = typeof arn === "string" && inStack.length === 0 ? awsManagedPolicyName(arn) : undefined;
        const managed = managedPolicy === undefined ? undefined : managedPolicyStatements(managedPolicy);
        if (inStack.length > 0) {
            for (const policy of inStack) grants.documents.push({ source: policy, statements: this.statementsOf(policy) });
        } else if (managed !== undefined) {
            grants.documents.push({ source: via, statements: managed, managedPolicy });
        } else if (typeof arn === "string") {
            grants.managedPolicyArns.push(arn);
        } else if (arn === UNKNOWN) {
            grants.undetermined.push(`the policy attached by ${labelOf(via)} is unknown`);
        }
    }

    private forRoles(carrier: StackResource, path: string[], apply: (grants: MutableGrants) => void): void {
        const roles = this.graph.resolve(carrier, path, [aws.iamRole]);
        for (const role of roles.targets) apply(this.entry(role));
    }
}

/** The role a Lambda function runs as, when the stack defines it. */
export function executionRoleOf(graph: StackGraph, fn: StackResource): { role?: StackResource; unresolved: boolean } {
    const resolution = graph.resolve(fn, ["role"], [aws.iamRole]);
    return { role: resolution.targets[0], unresolved: resolution.unresolved };
}

/** Whether a role's trust policy lets Lambda assume it. */
export function trustsLambda(role: StackResource): boolean | Unknown {
    const trust = documentAt(role.props, "assumeRolePolicy");
    if (trust === UNKNOWN) return UNKNOWN;
    const text = JSON.stringify(at(role.props, "assumeRolePolicy") ?? "");
    return (trust ?? []).length > 0 && text.includes("lambda.amazonaws.com");
}
