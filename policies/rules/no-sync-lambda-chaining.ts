import { PolicyConfigSchema, StackValidationPolicy } from "@pulumi/policy";
import { allows } from "../lib/iam-documents";
import { StackResource, validateStackOf } from "../lib/policy-kit";
import { aws } from "../lib/resource-types";
import { describeGrant, executionRoleOf, RoleGrantIndex, trustsLambda } from "../lib/role-grants";
import { labelOf, StackGraph } from "../lib/stack-graph";
import { UNKNOWN } from "../lib/values";

interface ChainingConfig {
    allowedInvokers: string[];
    invokingManagedPolicies: string[];
}

const configSchema: PolicyConfigSchema = {
    properties: {
        allowedInvokers: {
            type: "array", items: { type: "string" }, default: [],
            description: "Logical names of functions allowed to invoke other functions synchronously (an explicit, reviewed exception).",
        },
        invokingManagedPolicies: {
            type: "array", items: { type: "string" },
            default: ["AWSLambdaRole", "AWSLambda_FullAccess", "AWSLambdaFullAccess", "AdministratorAccess", "PowerUserAccess"],
            description: "AWS managed policies (by name) that let a role invoke any Lambda function, for names the managed-policy data does not have (the others are judged by their statements).",
        },
    },
};

/** The actions that make one function wait on another. */
const SYNC_INVOKE_ACTIONS = ["lambda:InvokeFunction", "lambda:InvokeFunctionUrl", "lambda:InvokeWithResponseStream"];

/** Lambda execution roles: roles a function runs as, and roles Lambda is trusted to assume. */
function executionRoles(graph: StackGraph): Map<StackResource, string[]> {
    const roles = new Map<StackResource, string[]>();
    for (const fn of graph.ofType(aws.lambdaFunction)) {
        const { role } = executionRoleOf(graph, fn);
        if (role) roles.set(role, [...(roles.get(role) ?? []), fn.name]);
    }
    for (const role of graph.ofType(aws.iamRole)) {
        if (!roles.has(role) && trustsLambda(role) === true) roles.set(role, []);
    }
    return roles;
}

/** The seed's "Synchronous chaining": Lambda A must not call Lambda B and wait; put a queue, topic or state machine between. */
export const noSyncLambdaChaining: StackValidationPolicy = {
    name: "no-sync-lambda-chaining",
    description: "No Lambda execution role may be allowed to invoke Lambda functions: a function waiting on another pays for both and fails with it; decouple them with a queue, a topic or a state machine.",
    enforcementLevel: "mandatory",
    severity: "medium",
    configSchema,
    validateStack: validateStackOf<ChainingConfig>(configSchema, (resources, config, findings) => {
        const graph = StackGraph.of(resources);
        const grants = RoleGrantIndex.of(graph);
        for (const [role, functions] of executionRoles(graph)) {
            if (functions.length > 0 && functions.every((name) => config.allowedInvokers.includes(name))) continue;
            const who = functions.length > 0 ? `used by ${functions.map((f) => `"${f}"`).join(", ")}` : "trusted by Lambda";
            const fix = "Let the caller send to an SQS queue, publish to SNS or start a Step Functions execution instead, " +
                "or list the function in allowedInvokers if the synchronous call is a reviewed exception.";
            const granted = grants.of(role);
            granted.undetermined.forEach((reason) => findings.cannotDetermine(reason));
            for (const document of granted.documents) {
                const statements = document.statements;
                if (statements === UNKNOWN) {
                    findings.cannotDetermine(`the policy document of ${labelOf(document.source)} is unknown`);
                    continue;
                }
                const actions = SYNC_INVOKE_ACTIONS.filter((action) => statements.some((statement) => allows(statement, action)));
                if (actions.length > 0) {
                    findings.violation(`Lambda execution role "${role.name}" (${who}) is allowed ${actions.join(", ")} by ` +
                        `${describeGrant(document)}: that is synchronous Lambda-to-Lambda chaining. ${fix}`, role.urn);
                }
            }
            for (const arn of granted.managedPolicyArns) {
                const name = arn.split("/").pop() ?? arn;
                if (config.invokingManagedPolicies.includes(name)) {
                    findings.violation(`Lambda execution role "${role.name}" (${who}) has the managed policy ${name}, which allows ` +
                        `lambda:InvokeFunction on every function: that enables synchronous chaining. ${fix}`, role.urn);
                }
            }
        }
    }),
};
