import * as pulumi from "@pulumi/pulumi";
import { isOnlyAllowedOnAnyResource } from "../../contracts/aws-iam";

/**
 * One IAM statement a function's execution role needs. Grants are declared next to the resource that
 * hands them out (a table, secret, queue, topic, log group) and the role's policy is their union, so no
 * statement is ever hand-written in a function and no statement is wider than its resource.
 */
export interface Grant {
    /** Statement id: letters and digits only, unique within one role. @example "ReadCustomersTable" */
    sid: string;
    /** Exact IAM actions; never a wildcard. @example ["dynamodb:GetItem"] */
    actions: string[];
    /** Exact resource ARNs (an ARN may end in a path wildcard such as `:*` for log streams). */
    resources: pulumi.Input<string>[];
}

/** DynamoDB item-level actions a function may be granted on one table. */
export type DynamoItemAction = "GetItem" | "PutItem" | "UpdateItem" | "DeleteItem" | "Query" | "ConditionCheckItem";

/** Exactly the listed item actions on one table (no Scan, no index, no table management). */
export function tableItemGrant(sid: string, tableArn: pulumi.Input<string>, actions: DynamoItemAction[]): Grant {
    return { sid, actions: actions.map((action) => `dynamodb:${action}`), resources: [tableArn] };
}

/** Reading one secret's value. */
export function secretReadGrant(sid: string, secretArn: pulumi.Input<string>): Grant {
    return { sid, actions: ["secretsmanager:GetSecretValue"], resources: [secretArn] };
}

/** Sending to one queue (a dead-letter queue, an on-failure destination, a work queue). */
export function queueSendGrant(sid: string, queueArn: pulumi.Input<string>): Grant {
    return { sid, actions: ["sqs:SendMessage"], resources: [queueArn] };
}

/** What an SQS event source mapping needs from its function's role to poll one queue. */
export function queueConsumeGrant(sid: string, queueArn: pulumi.Input<string>): Grant {
    return {
        sid,
        actions: ["sqs:ChangeMessageVisibility", "sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:ReceiveMessage"],
        resources: [queueArn],
    };
}

/** Publishing to one topic. */
export function topicPublishGrant(sid: string, topicArn: pulumi.Input<string>): Grant {
    return { sid, actions: ["sns:Publish"], resources: [topicArn] };
}

/**
 * Writing to one log group's streams. No logs:CreateLogGroup: the group exists before the function,
 * and a role that could create groups would let a renamed function log forever without retention.
 */
export function logGroupWriteGrant(logGroupArn: pulumi.Input<string>): Grant {
    return {
        sid: "WriteOwnLogGroup",
        actions: ["logs:CreateLogStream", "logs:PutLogEvents"],
        resources: [pulumi.interpolate`${logGroupArn}:*`],
    };
}

/** X-Ray Active tracing: the two actions have no resource-level permissions, so `*` is the only form. */
export function xrayWriteGrant(): Grant {
    return { sid: "WriteXRayTraces", actions: ["xray:PutTelemetryRecords", "xray:PutTraceSegments"], resources: ["*"] };
}

/**
 * Network interfaces of a function placed in a VPC. Creating and deleting interfaces is scoped to the
 * function's subnets, its security group and this account's network interfaces; only the Describe
 * actions, which AWS authorizes on `*` alone, use `*`.
 */
export function vpcNetworkInterfaceGrants(placement: {
    subnetArns: pulumi.Input<string>[];
    securityGroupArn: pulumi.Input<string>;
    networkInterfaceArnPattern: pulumi.Input<string>;
}): Grant[] {
    const { subnetArns, securityGroupArn, networkInterfaceArnPattern } = placement;
    return [
        {
            sid: "CreateNetworkInterfacesInOwnSubnets",
            actions: ["ec2:CreateNetworkInterface"],
            resources: [networkInterfaceArnPattern, securityGroupArn, ...subnetArns],
        },
        {
            sid: "ManageOwnNetworkInterfaces",
            actions: ["ec2:AssignPrivateIpAddresses", "ec2:DeleteNetworkInterface", "ec2:UnassignPrivateIpAddresses"],
            resources: [networkInterfaceArnPattern],
        },
        {
            sid: "DescribeNetworkInterfaces",
            actions: ["ec2:DescribeNetworkInterfaces", "ec2:DescribeSubnets"],
            resources: ["*"],
        },
    ];
}

/** The trust policy of a function's execution role: only the Lambda service assumes it. */
export const LAMBDA_ASSUME_ROLE_POLICY = JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }],
});

/**
 * The role policy document: one statement per grant, actions sorted so the document (and its diff) is
 * stable. Throws when a grant uses a wildcard action or `*` for an action that has resource-level
 * permissions, or when two grants share a sid.
 */
export function policyDocument(grants: Grant[]): pulumi.Output<string> {
    checkGrants(grants);
    return pulumi.jsonStringify({
        Version: "2012-10-17",
        Statement: grants.map((grant) => ({
            Sid: grant.sid,
            Effect: "Allow",
            Action: [...grant.actions].sort(),
            Resource: grant.resources,
        })),
    });
}

function checkGrants(grants: Grant[]): void {
    const seen = new Set<string>();
    for (const grant of grants) {
        if (!/^[A-Za-z0-9]+$/.test(grant.sid)) {
            throw new Error(`grant sid "${grant.sid}" must contain only letters and digits (IAM statement ids)`);
        }
        if (seen.has(grant.sid)) throw new Error(`two grants use sid "${grant.sid}"; give each statement its own sid`);
        seen.add(grant.sid);
        const wildcard = grant.actions.find((action) => action.includes("*"));
        if (wildcard) throw new Error(`grant ${grant.sid} uses wildcard action "${wildcard}"; list the exact actions`);
        const anyResource = grant.resources.includes("*");
        const scopable = grant.actions.filter((action) => !isOnlyAllowedOnAnyResource(action));
        if (anyResource && scopable.length > 0) {
            throw new Error(`grant ${grant.sid} gives ${scopable.join(", ")} on "*"; name the resource ARNs instead`);
        }
    }
}
