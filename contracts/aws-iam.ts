/**
 * Actions that AWS authorizes only on `"Resource": "*"`: the Service Authorization Reference lists no
 * resource type for them, so no ARN can narrow them. A role statement may use `*` for these and nothing
 * else (the grants of the AWS components refuse anything else; `least-privilege-iam` exempts exactly these).
 * Actions that do take ARNs are not here even when AWS's managed policies give them on `*`
 * (ec2:CreateNetworkInterface, ec2:DeleteNetworkInterface, ec2:AssignPrivateIpAddresses,
 * ec2:UnassignPrivateIpAddresses are scoped to subnets, security groups and network interfaces).
 */
export const ACTIONS_ONLY_ALLOWED_ON_ANY_RESOURCE = [
    // X-Ray tracing and sampling.
    "xray:PutTraceSegments",
    "xray:PutTelemetryRecords",
    "xray:GetSamplingRules",
    "xray:GetSamplingTargets",
    "xray:GetSamplingStatisticSummaries",
    // Custom metrics (scoped by the cloudwatch:namespace condition key, not by resource).
    "cloudwatch:PutMetricData",
    // Describing the network a function in a VPC attaches to.
    "ec2:DescribeNetworkInterfaces",
    "ec2:DescribeSubnets",
    "ec2:DescribeSecurityGroups",
    "ec2:DescribeVpcs",
    "sts:GetCallerIdentity",
    // Vended log delivery (Step Functions' execution logs to CloudWatch Logs).
    "logs:CreateLogDelivery",
    "logs:GetLogDelivery",
    "logs:UpdateLogDelivery",
    "logs:DeleteLogDelivery",
    "logs:ListLogDeliveries",
    "logs:PutResourcePolicy",
    "logs:DescribeResourcePolicies",
    "logs:DescribeLogGroups",
] as const;

/** Whether `action` (exact, case-insensitive as IAM compares actions) is one of them. */
export function isOnlyAllowedOnAnyResource(action: string): boolean {
    const lower = action.toLowerCase();
    return ACTIONS_ONLY_ALLOWED_ON_ANY_RESOURCE.some((allowed) => allowed.toLowerCase() === lower);
}
