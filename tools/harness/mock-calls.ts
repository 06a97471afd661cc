import { MockCloud } from "./mock-outputs";

/**
 * Results of the provider functions (invokes) the program may call. An invoke the harness does not know
 * fails with its token, so a new data source is noticed instead of silently returning nothing.
 */
export function mockInvoke(token: string, inputs: Record<string, unknown>, cloud: MockCloud): Record<string, unknown> {
    switch (token) {
        case "aws:index/getRegion:getRegion":
            return { id: cloud.awsRegion, name: cloud.awsRegion, region: cloud.awsRegion, endpoint: `ec2.${cloud.awsRegion}.amazonaws.com`, description: cloud.awsRegion };
        case "aws:index/getCallerIdentity:getCallerIdentity":
            return { id: cloud.awsAccountId, accountId: cloud.awsAccountId, arn: `arn:aws:iam::${cloud.awsAccountId}:user/planner`, userId: "AIDAPLANNER" };
        case "aws:index/getPartition:getPartition":
            return { id: "aws", partition: "aws", dnsSuffix: "amazonaws.com", reverseDnsPrefix: "com.amazonaws" };
        case "aws:index/getAvailabilityZones:getAvailabilityZones": {
            const letters = ["a", "b", "c"];
            return { id: cloud.awsRegion, names: letters.map((l) => cloud.awsRegion + l), zoneIds: letters.map((_, i) => `euw1-az${i + 1}`), state: "available" };
        }
        case "aws:iam/getPolicyDocument:getPolicyDocument":
            return { id: "policy", json: JSON.stringify(renderPolicyDocument(inputs)) };
        case "gcp:organizations/getProject:getProject":
            return { id: `projects/${cloud.gcpProject}`, projectId: cloud.gcpProject, number: "123456789012", name: cloud.gcpProject };
        case "azure-native:authorization:getClientConfig":
            return { subscriptionId: cloud.azureSubscriptionId, tenantId: "11111111-2222-3333-4444-555555555555", objectId: "66666666-7777-8888-9999-000000000000", clientId: "planner" };
        default:
            throw new Error(`the offline plan has no mock for the provider function ${token}; ` +
                `add it to tools/harness/mock-calls.ts`);
    }
}

/** The JSON `aws.iam.getPolicyDocument` renders from its `statements` argument. */
function renderPolicyDocument(inputs: Record<string, unknown>): Record<string, unknown> {
    const statements = (inputs.statements as Record<string, unknown>[] | undefined) ?? [];
    return {
        Version: "2012-10-17",
        Statement: statements.map((s) => {
            const principals = s.principals as { type: string; identifiers: string[] }[] | undefined;
            const conditions = s.conditions as { test: string; variable: string; values: string[] }[] | undefined;
            return {
                ...(s.sid ? { Sid: s.sid } : {}),
                Effect: s.effect ?? "Allow",
                ...(s.actions ? { Action: s.actions } : {}),
                ...(s.resources ? { Resource: s.resources } : {}),
                ...(principals ? { Principal: Object.fromEntries(principals.map((p) => [p.type, p.identifiers])) } : {}),
                ...(conditions ? { Condition: Object.fromEntries(conditions.map((c) => [c.test, { [c.variable]: c.values }])) } : {}),
            };
        }),
    };
}
