import { PolicyConfigSchema, ResourceValidationPolicy } from "@pulumi/policy";
import { ACTIONS_ONLY_ALLOWED_ON_ANY_RESOURCE } from "../../contracts/aws-iam";
import { Findings } from "../lib/findings";
import { actionMatches, documentAt, IamStatement, isEveryResource } from "../lib/iam-documents";
import { awsManagedPolicyName, MANAGED_POLICY_SOURCE, managedPolicyStatements } from "../lib/managed-policies";
import { ResourceView, validateResources } from "../lib/policy-kit";
import { aws, azure, gcp } from "../lib/resource-types";
import { at, jsonOf, list, str, stringList, UNKNOWN } from "../lib/values";

interface LeastPrivilegeConfig {
    wildcardResourceActions: string[];
    forbiddenManagedPolicies: string[];
    allowedManagedPolicies: string[];
    forbiddenGcpRoles: string[];
    forbiddenAzureRoleIds: string[];
}

const configSchema: PolicyConfigSchema = {
    properties: {
        wildcardResourceActions: {
            type: "array", items: { type: "string" },
            description: "Actions AWS only authorizes on Resource \"*\" (IAM wildcards allowed); only these may use it.",
            default: [...ACTIONS_ONLY_ALLOWED_ON_ANY_RESOURCE],
        },
        forbiddenManagedPolicies: {
            type: "array", items: { type: "string" },
            description: "AWS managed policies (names, IAM wildcards allowed) too broad to attach to a workload role.",
            default: ["AdministratorAccess", "PowerUserAccess", "IAMFullAccess", "*FullAccess"],
        },
        allowedManagedPolicies: {
            type: "array", items: { type: "string" },
            description: "AWS managed policies (names) accepted without judging their statements: the Lambda execution roles " +
                "AWS documents for logging, VPC access, tracing and event source mappings. Every other AWS managed policy " +
                "is judged by what its current document grants.",
            default: ["AWSLambdaBasicExecutionRole", "AWSLambdaSQSQueueExecutionRole", "AWSLambdaVPCAccessExecutionRole",
                "AWSXRayDaemonWriteAccess", "AWSLambdaDynamoDBExecutionRole", "AWSLambdaKinesisExecutionRole",
                "AWSLambdaMSKExecutionRole", "CloudWatchLambdaInsightsExecutionRolePolicy"],
        },
        forbiddenGcpRoles: {
            type: "array", items: { type: "string" }, default: ["roles/owner", "roles/editor"],
            description: "Google Cloud basic roles that must not be granted at project level.",
        },
        forbiddenAzureRoleIds: {
            type: "array", items: { type: "string" },
            description: "Azure built-in role definition ids (Owner, Contributor, User Access Administrator) that must not be assigned.",
            default: ["8e3af657-a8ff-443c-a75c-2fe8c4bcb635", "b24988ac-6180-42a0-ab88-20f7382dd24c",
                "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9"],
        },
    },
};

/** What is wrong with one Allow statement, in words; nothing when it is narrow enough. */
function statementProblems(statement: IamStatement, config: LeastPrivilegeConfig): string[] {
    if (statement.effect !== "Allow") return [];
    if (statement.notAction) return [`allows every action except ${statement.actions.join(", ")} (NotAction)`];
    const problems: string[] = [];
    const wildcards = statement.actions.filter((action) => action === "*" || /^[a-z0-9-]+:\*$/i.test(action));
    if (wildcards.length > 0) problems.push(`grants ${wildcards.map((a) => `"${a}"`).join(", ")}; list the actions the code calls`);
    if (statement.notResource) {
        problems.push(`applies to every resource except ${statement.resources.filter((r) => r !== UNKNOWN).join(", ")} (NotResource)`);
    } else {
        const every = statement.resources.filter((resource): resource is string => resource !== UNKNOWN && isEveryResource(resource));
        const needing = statement.actions.filter((action) => !wildcards.includes(action)
            && !config.wildcardResourceActions.some((allowed) => actionMatches(allowed, action)));
        if (every.length > 0 && needing.length > 0) {
            problems.push(`grants ${needing.join(", ")} on Resource ${every.map((r) => `"${r}"`).join(", ")}; scope them to the ARNs they need`);
        }
    }
    return problems;
}

function checkDocument(resource: ResourceView, where: string, path: ReadonlyArray<string | number>, config: LeastPrivilegeConfig,
    findings: Findings): void {
    const statements = documentAt(resource.props, ...path);
    if (statements === UNKNOWN) {
        findings.cannotDetermine(`${where} is unknown`);
        return;
    }
    for (const [index, statement] of (statements ?? []).entries()) {
        for (const problem of statementProblems(statement, config)) {
            findings.violation(`${resource.type.split(":").pop()} "${resource.name}" ${where}, statement ${index + 1}, ${problem}.`);
        }
    }
}

const MANAGED_FIX = "Replace it with an inline policy listing the actions and resources the code uses.";

/**
 * An AWS managed policy attached by ARN (customer policies are judged as aws.iam.Policy resources):
 * allowed by name, forbidden by name, or judged by what its current document grants.
 */
function checkManagedArn(resource: ResourceView, arnValue: unknown, config: LeastPrivilegeConfig, findings: Findings): void {
    const arn = str(arnValue);
    if (arn === UNKNOWN) {
        findings.cannotDetermine("the attached policy ARN is unknown");
        return;
    }
    const name = arn === undefined ? undefined : awsManagedPolicyName(arn);
    if (name === undefined || config.allowedManagedPolicies.includes(name)) return;
    if (config.forbiddenManagedPolicies.some((pattern) => actionMatches(pattern, name))) {
        findings.violation(`"${resource.name}" attaches the AWS managed policy ${name}, which grants far more than a workload ` +
            `needs. ${MANAGED_FIX}`);
        return;
    }
    const statements = managedPolicyStatements(name);
    if (statements === undefined) {
        findings.cannotDetermine(`the AWS managed policy ${name} is not in ${MANAGED_POLICY_SOURCE}, so what it grants is unknown`);
        return;
    }
    const problems = statements.flatMap((statement) => statementProblems(statement, config));
    if (problems.length > 0) {
        findings.violation(`"${resource.name}" attaches the AWS managed policy ${name}, which ${problems.join("; it ")}. ${MANAGED_FIX}`);
    }
}

function checkAwsIam(resource: ResourceView, config: LeastPrivilegeConfig, findings: Findings): void {
    switch (resource.type) {
        case aws.iamRole: {
            const inline = list(at(resource.props, "inlinePolicies"));
            if (inline === UNKNOWN) findings.cannotDetermine("the inline policies are unknown");
            for (const index of Array.isArray(inline) ? inline.keys() : []) {
                const name = str(at(resource.props, "inlinePolicies", index, "name"));
                checkDocument(resource, `inline policy "${typeof name === "string" ? name : index}"`,
                    ["inlinePolicies", index, "policy"], config, findings);
            }
            const managed = stringList(at(resource.props, "managedPolicyArns"));
            if (managed === UNKNOWN) findings.cannotDetermine("the managed policy ARNs are unknown");
            for (const arn of Array.isArray(managed) ? managed : []) checkManagedArn(resource, arn, config, findings);
            break;
        }
        case aws.iamRolePolicy:
        case aws.iamPolicy:
            checkDocument(resource, "policy", ["policy"], config, findings);
            break;
        default:
            checkManagedArn(resource, at(resource.props, "policyArn"), config, findings);
    }
}

/** Project-level basic roles (owner/editor) granted to anyone, the service identities of Cloud Run included. */
function checkGcpProjectIam(resource: ResourceView, config: LeastPrivilegeConfig, findings: Findings): void {
    const grants: Array<{ role: unknown; members: unknown }> = [];
    if (resource.type === gcp.projectIamPolicy) {
        const data = jsonOf(at(resource.props, "policyData"));
        if (data === UNKNOWN) findings.cannotDetermine("policyData is unknown");
        const bindings = list(at(data, "bindings"));
        for (const binding of Array.isArray(bindings) ? bindings : []) grants.push({ role: at(binding, "role"), members: at(binding, "members") });
    } else {
        grants.push({ role: at(resource.props, "role"), members: at(resource.props, resource.type === gcp.projectIamMember ? "member" : "members") });
    }
    for (const grant of grants) {
        const role = str(grant.role);
        if (role === UNKNOWN) findings.cannotDetermine("the granted role is unknown");
        else if (role !== undefined && config.forbiddenGcpRoles.includes(role)) {
            const members = stringList(grant.members);
            const who = Array.isArray(members) ? members.join(", ") : "its members";
            findings.violation(`"${resource.name}" grants the basic role ${role} on the project to ${who}. Grant the predefined ` +
                `roles the service needs (e.g. roles/secretmanager.secretAccessor on one secret) instead.`);
        }
    }
}

function checkAzureRoleAssignment(resource: ResourceView, config: LeastPrivilegeConfig, findings: Findings): void {
    const roleId = str(at(resource.props, "roleDefinitionId"));
    if (roleId === UNKNOWN) {
        findings.cannotDetermine("roleDefinitionId is unknown");
        return;
    }
    const forbidden = config.forbiddenAzureRoleIds.find((id) => roleId?.toLowerCase().endsWith(id.toLowerCase()));
    if (forbidden) {
        findings.violation(`"${resource.name}" assigns the built-in role ${forbidden} (Owner, Contributor or User Access ` +
            `Administrator). Assign the narrowest data role the identity needs (e.g. Storage Queue Data Contributor on one account).`);
    }
}

const AWS_TYPES = [aws.iamRole, aws.iamRolePolicy, aws.iamPolicy, aws.iamRolePolicyAttachment, aws.iamPolicyAttachment];
const GCP_TYPES = [gcp.projectIamMember, gcp.projectIamBinding, gcp.projectIamPolicy];

/** Least privilege on all three clouds: no wildcard actions or resources, no owner/editor-style grants. */
export const leastPrivilegeIam: ResourceValidationPolicy = {
    name: "least-privilege-iam",
    description: "IAM grants must be least-privilege: no \"*\" or \"service:*\" actions, no Resource \"*\" except for actions AWS only allows on \"*\", no broad AWS managed policies, and no owner/editor-style roles for Google Cloud or Azure identities.",
    enforcementLevel: "mandatory",
    severity: "critical",
    configSchema,
    validateResource: validateResources<LeastPrivilegeConfig>([...AWS_TYPES, ...GCP_TYPES, azure.roleAssignment], configSchema,
        (resource, config, findings) => {
            if (AWS_TYPES.includes(resource.type as typeof AWS_TYPES[number])) checkAwsIam(resource, config, findings);
            else if (resource.type === azure.roleAssignment) checkAzureRoleAssignment(resource, config, findings);
            else checkGcpProjectIam(resource, config, findings);
        }),
};
