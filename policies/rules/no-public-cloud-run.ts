import { PolicyConfigSchema, ResourceValidationPolicy } from "@pulumi/policy";
import { Findings } from "../lib/findings";
import { ResourceView, validateResources } from "../lib/policy-kit";
import { gcp } from "../lib/resource-types";
import { at, bool, list, str, stringList, UNKNOWN } from "../lib/values";

interface PublicAccessConfig {
    publicMembers: string[];
}

const configSchema: PolicyConfigSchema = {
    properties: {
        publicMembers: {
            type: "array", items: { type: "string" }, default: ["allUsers", "allAuthenticatedUsers"],
            description: "IAM members that mean \"anyone\" and must never be granted a role on a Cloud Run service.",
        },
    },
};

/**
 * Cloud Run (v1, v2) and Cloud Functions (gen 1, gen 2) IAM. A gen 2 function runs as a Cloud Run
 * service of the same name, so its invokers granted through cloudrun/cloudrunv2 IAM are caught here too.
 */
const MEMBER_TYPES = [gcp.cloudRunV2IamMember, gcp.cloudRunV1IamMember, gcp.cloudFunctionV1IamMember, gcp.cloudFunctionV2IamMember];
const BINDING_TYPES = [gcp.cloudRunV2IamBinding, gcp.cloudRunV1IamBinding, gcp.cloudFunctionV1IamBinding, gcp.cloudFunctionV2IamBinding];
const POLICY_TYPES = [gcp.cloudRunV2IamPolicy, gcp.cloudRunV1IamPolicy, gcp.cloudFunctionV1IamPolicy, gcp.cloudFunctionV2IamPolicy];

function target(resource: ResourceView): string {
    return resource.type.includes(":cloudfunctions") ? "Cloud Function" : "Cloud Run service";
}

const FIX = "Grant roles/run.invoker to named service accounts or groups (the seed's --no-allow-unauthenticated).";
const FUNCTION_FIX = "Grant roles/cloudfunctions.invoker (gen 1) or roles/run.invoker (gen 2) to named service accounts or groups " +
    "(the seed's --no-allow-unauthenticated).";

function reportPublic(resource: ResourceView, role: unknown, members: string[], findings: Findings): void {
    const roleName = str(role);
    findings.violation(`"${resource.name}" grants ${typeof roleName === "string" ? roleName : "a role"} on a ${target(resource)} ` +
        `to ${members.join(", ")}, which makes it public. ${target(resource) === "Cloud Function" ? FUNCTION_FIX : FIX}`);
}

function checkMembers(resource: ResourceView, role: unknown, membersValue: unknown, config: PublicAccessConfig, findings: Findings): void {
    const members = stringList(membersValue);
    if (members === UNKNOWN) {
        findings.cannotDetermine("the granted members are unknown");
        return;
    }
    const publicOnes = (members ?? []).filter((member) => config.publicMembers.includes(member));
    if (publicOnes.length > 0) reportPublic(resource, role, publicOnes, findings);
}

function checkPolicyData(resource: ResourceView, config: PublicAccessConfig, findings: Findings): void {
    const data = str(at(resource.props, "policyData"));
    if (data === UNKNOWN) {
        findings.cannotDetermine("policyData is unknown");
        return;
    }
    if (data === undefined) return;
    let policy: unknown;
    try {
        policy = JSON.parse(data);
    } catch {
        findings.cannotDetermine("policyData is not valid JSON");
        return;
    }
    const bindings = list(at(policy, "bindings"));
    for (const binding of Array.isArray(bindings) ? bindings : []) {
        checkMembers(resource, at(binding, "role"), at(binding, "members"), config, findings);
    }
}

function checkService(resource: ResourceView, findings: Findings): void {
    const disabled = resource.type === gcp.cloudRunV2Service
        ? bool(at(resource.props, "invokerIamDisabled"))
        : bool(at(resource.props, "metadata", "annotations", "run.googleapis.com/invoker-iam-disabled"));
    if (disabled === UNKNOWN) findings.cannotDetermine("whether the invoker IAM check is disabled is unknown");
    else if (disabled === true) {
        findings.violation(`Cloud Run service "${resource.name}" disables the invoker IAM check, so anyone who can reach it can ` +
            `call it. Remove invokerIamDisabled and ${FIX}`);
    }
}

/** The seed deploys with --no-allow-unauthenticated: no Cloud Run service may be invokable by anyone. */
export const noPublicCloudRun: ResourceValidationPolicy = {
    name: "no-public-cloud-run",
    description: "No Cloud Run service (v1 or v2) or Cloud Function (gen 1 or gen 2) may be public: no IAM member, binding or policy may grant a role to allUsers or allAuthenticatedUsers, and the invoker IAM check must stay enabled.",
    enforcementLevel: "mandatory",
    severity: "critical",
    configSchema,
    validateResource: validateResources<PublicAccessConfig>(
        [...MEMBER_TYPES, ...BINDING_TYPES, ...POLICY_TYPES, gcp.cloudRunV2Service, gcp.cloudRunV1Service], configSchema,
        (resource, config, findings) => {
            if (MEMBER_TYPES.some((type) => type === resource.type)) {
                checkMembers(resource, at(resource.props, "role"), at(resource.props, "member"), config, findings);
            } else if (BINDING_TYPES.some((type) => type === resource.type)) {
                checkMembers(resource, at(resource.props, "role"), at(resource.props, "members"), config, findings);
            } else if (POLICY_TYPES.some((type) => type === resource.type)) {
                checkPolicyData(resource, config, findings);
            } else {
                checkService(resource, findings);
            }
        }),
};
