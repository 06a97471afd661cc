import { AnalyzedResource } from "../../../tools/policy-pack";
import { assetArchive, stringAsset } from "./wire-values";

/** Resources of a small fixture stack, built the way the engine would send them. */

const ACCOUNT = "123456789012";
const REGION = "eu-west-1";

export function urnOf(type: string, name: string): string {
    return `urn:pulumi:test::fixture::${type}::${name}`;
}

export interface Edges {
    dependencies?: string[];
    propertyDependencies?: Record<string, string[]>;
    parent?: string;
}

export function resource(type: string, name: string, properties: Record<string, unknown>, edges: Edges = {}): AnalyzedResource {
    return {
        urn: urnOf(type, name),
        type,
        name,
        properties,
        parent: edges.parent,
        dependencies: edges.dependencies ?? Object.values(edges.propertyDependencies ?? {}).flat(),
        propertyDependencies: edges.propertyDependencies ?? {},
    };
}

/** A copy of `base` with `properties` merged over its own (undefined deletes a key). */
export function withProps(base: AnalyzedResource, properties: Record<string, unknown>, edges?: Edges): AnalyzedResource {
    const merged: Record<string, unknown> = { ...base.properties, ...properties };
    for (const [key, value] of Object.entries(properties)) if (value === undefined) delete merged[key];
    return {
        ...base,
        properties: merged,
        ...(edges ? { dependencies: edges.dependencies ?? Object.values(edges.propertyDependencies ?? {}).flat(),
            propertyDependencies: edges.propertyDependencies ?? {} } : {}),
    };
}

export function policyDocument(...statements: Array<Record<string, unknown>>): string {
    return JSON.stringify({ Version: "2012-10-17", Statement: statements });
}

export const LAMBDA_TRUST = policyDocument({ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" });

export const arn = {
    lambda: (name: string) => `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${name}`,
    queue: (name: string) => `arn:aws:sqs:${REGION}:${ACCOUNT}:${name}`,
    queueUrl: (name: string) => `https://sqs.${REGION}.amazonaws.com/${ACCOUNT}/${name}`,
    topic: (name: string) => `arn:aws:sns:${REGION}:${ACCOUNT}:${name}`,
    role: (name: string) => `arn:aws:iam::${ACCOUNT}:role/${name}`,
    logGroup: (name: string) => `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:${name}`,
    table: (name: string) => `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/${name}`,
    secret: (name: string) => `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:${name}`,
};

export const T = {
    fn: "aws:lambda/function:Function",
    alias: "aws:lambda/alias:Alias",
    permission: "aws:lambda/permission:Permission",
    mapping: "aws:lambda/eventSourceMapping:EventSourceMapping",
    invokeConfig: "aws:lambda/functionEventInvokeConfig:FunctionEventInvokeConfig",
    layer: "aws:lambda/layerVersion:LayerVersion",
    queue: "aws:sqs/queue:Queue",
    topic: "aws:sns/topic:Topic",
    subscription: "aws:sns/topicSubscription:TopicSubscription",
    eventTarget: "aws:cloudwatch/eventTarget:EventTarget",
    eventRule: "aws:cloudwatch/eventRule:EventRule",
    bucketNotification: "aws:s3/bucketNotification:BucketNotification",
    logGroup: "aws:cloudwatch/logGroup:LogGroup",
    alarm: "aws:cloudwatch/metricAlarm:MetricAlarm",
    role: "aws:iam/role:Role",
    rolePolicy: "aws:iam/rolePolicy:RolePolicy",
    policy: "aws:iam/policy:Policy",
    attachment: "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
    subnet: "aws:ec2/subnet:Subnet",
    routeTable: "aws:ec2/routeTable:RouteTable",
    route: "aws:ec2/route:Route",
    association: "aws:ec2/routeTableAssociation:RouteTableAssociation",
    nat: "aws:ec2/natGateway:NatGateway",
    stateMachine: "aws:sfn/stateMachine:StateMachine",
    httpIntegration: "aws:apigatewayv2/integration:Integration",
    httpRoute: "aws:apigatewayv2/route:Route",
    restIntegration: "aws:apigateway/integration:Integration",
    restApi: "aws:apigateway/restApi:RestApi",
    restResource: "aws:apigateway/resource:Resource",
    httpApi: "aws:apigatewayv2/api:Api",
    functionUrl: "aws:lambda/functionUrl:FunctionUrl",
    loadBalancer: "aws:lb/loadBalancer:LoadBalancer",
    targetGroup: "aws:lb/targetGroup:TargetGroup",
    targetGroupAttachment: "aws:lb/targetGroupAttachment:TargetGroupAttachment",
    listener: "aws:lb/listener:Listener",
    listenerRule: "aws:lb/listenerRule:ListenerRule",
    cloudRunV2: "gcp:cloudrunv2/service:Service",
    cloudRunV2Member: "gcp:cloudrunv2/serviceIamMember:ServiceIamMember",
    cloudRunV2Binding: "gcp:cloudrunv2/serviceIamBinding:ServiceIamBinding",
    cloudRunV2Policy: "gcp:cloudrunv2/serviceIamPolicy:ServiceIamPolicy",
    cloudRunV1: "gcp:cloudrun/service:Service",
    cloudFunctionV1: "gcp:cloudfunctions/function:Function",
    cloudFunctionV1Member: "gcp:cloudfunctions/functionIamMember:FunctionIamMember",
    cloudFunctionV1Binding: "gcp:cloudfunctions/functionIamBinding:FunctionIamBinding",
    cloudFunctionV1Policy: "gcp:cloudfunctions/functionIamPolicy:FunctionIamPolicy",
    cloudFunctionV2: "gcp:cloudfunctionsv2/function:Function",
    cloudFunctionV2Member: "gcp:cloudfunctionsv2/functionIamMember:FunctionIamMember",
    cloudFunctionV2Binding: "gcp:cloudfunctionsv2/functionIamBinding:FunctionIamBinding",
    cloudFunctionV2Policy: "gcp:cloudfunctionsv2/functionIamPolicy:FunctionIamPolicy",
    cloudRunV1Member: "gcp:cloudrun/iamMember:IamMember",
    projectMember: "gcp:projects/iAMMember:IAMMember",
    webApp: "azure-native:web:WebApp",
    appServicePlan: "azure-native:web:AppServicePlan",
    appSettings: "azure-native:web:WebAppApplicationSettings",
    ftpAllowed: "azure-native:web:WebAppFtpAllowed",
    roleAssignment: "azure-native:authorization:RoleAssignment",
} as const;

/** A Lambda function compliant with every policy (the shape the project's ServerlessFunction produces). */
export function lambdaFunction(name: string, roleArn: string, extra: Record<string, unknown> = {}): AnalyzedResource {
    const physical = `${name}-1a2b3c`;
    return resource(T.fn, name, {
        name: physical,
        arn: arn.lambda(physical),
        role: roleArn,
        runtime: "nodejs24.x",
        handler: "index.handler",
        architectures: ["arm64"],
        timeout: 30,
        memorySize: 256,
        reservedConcurrentExecutions: 10,
        packageType: "Zip",
        code: assetArchive({ "index.js": stringAsset("exports.handler = async () => ({ statusCode: 200 });") }),
        loggingConfig: { logFormat: "JSON", logGroup: `/aws/lambda/${physical}`, applicationLogLevel: "INFO", systemLogLevel: "WARN" },
        tracingConfig: { mode: "Active" },
        environment: { variables: { TABLE_NAME: "customers", SECRET_ARN: arn.secret("api-key"), LOG_LEVEL: "INFO" } },
        ...extra,
    });
}

export function role(name: string, statements: Array<Record<string, unknown>>): AnalyzedResource {
    return resource(T.role, name, {
        name,
        arn: arn.role(name),
        assumeRolePolicy: LAMBDA_TRUST,
        inlinePolicies: [{ name: "least-privilege", policy: policyDocument(...statements) }],
    });
}

export function queue(name: string, extra: Record<string, unknown> = {}): AnalyzedResource {
    return resource(T.queue, name, { name, arn: arn.queue(name), url: arn.queueUrl(name), id: arn.queueUrl(name), ...extra });
}

export function logGroup(name: string, retentionInDays: number): AnalyzedResource {
    return resource(T.logGroup, name, { name: `/aws/lambda/${name}-1a2b3c`, arn: arn.logGroup(`/aws/lambda/${name}-1a2b3c`), retentionInDays });
}

export function alarm(name: string, namespace: string, metricName: string, dimensions: Record<string, unknown>, alarmTopicArn: string): AnalyzedResource {
    return resource(T.alarm, name, {
        name, namespace, metricName, dimensions, statistic: "Sum", period: 300, evaluationPeriods: 2, threshold: 10,
        comparisonOperator: "GreaterThanThreshold", alarmActions: [alarmTopicArn],
    });
}

/**
 * The event-driven slice of the seed, fully compliant: an SNS topic delivering to a consumer
 * function (with a DLQ), an SQS work queue with a redrive policy feeding the same function, log
 * group with retention, Errors and DLQ-depth alarms to an alarm topic, a least-privilege role.
 */
export function compliantEventStack() {
    const alarmTopic = resource(T.topic, "alarms", { name: "alarms", arn: arn.topic("alarms") });
    const ordersTopic = resource(T.topic, "orders", { name: "orders", arn: arn.topic("orders") });
    const dlq = queue("consumer-dlq");
    const workQueue = queue("consumer-queue", {
        redrivePolicy: JSON.stringify({ deadLetterTargetArn: arn.queue("consumer-dlq"), maxReceiveCount: 5 }),
        visibilityTimeoutSeconds: 180,
    });
    const consumerRole = role("consumer-role", [
        { Effect: "Allow", Action: ["dynamodb:GetItem", "dynamodb:PutItem"], Resource: arn.table("orders") },
        { Effect: "Allow", Action: ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"], Resource: arn.queue("consumer-queue") },
        { Effect: "Allow", Action: "sqs:SendMessage", Resource: arn.queue("consumer-dlq") },
        { Effect: "Allow", Action: ["logs:CreateLogStream", "logs:PutLogEvents"], Resource: `${arn.logGroup("/aws/lambda/consumer-1a2b3c")}:*` },
        { Effect: "Allow", Action: ["xray:PutTraceSegments", "xray:PutTelemetryRecords"], Resource: "*" },
    ]);
    const consumer = lambdaFunction("consumer", arn.role("consumer-role"), { deadLetterConfig: { targetArn: arn.queue("consumer-dlq") } });
    const consumerLogs = logGroup("consumer", 30);
    const subscription = resource(T.subscription, "consumer-subscription", {
        topic: arn.topic("orders"), protocol: "lambda", endpoint: arn.lambda("consumer-1a2b3c"),
        redrivePolicy: JSON.stringify({ deadLetterTargetArn: arn.queue("consumer-dlq") }),
    });
    const permission = resource(T.permission, "consumer-from-sns", {
        action: "lambda:InvokeFunction", function: "consumer-1a2b3c", principal: "sns.amazonaws.com", sourceArn: arn.topic("orders"),
    });
    const mapping = resource(T.mapping, "consumer-mapping", {
        eventSourceArn: arn.queue("consumer-queue"), functionName: arn.lambda("consumer-1a2b3c"), batchSize: 10,
        functionResponseTypes: ["ReportBatchItemFailures"],
    });
    const errorsAlarm = alarm("consumer-errors", "AWS/Lambda", "Errors", { FunctionName: "consumer-1a2b3c" }, arn.topic("alarms"));
    const dlqAlarm = alarm("consumer-dlq-depth", "AWS/SQS", "ApproximateNumberOfMessagesVisible", { QueueName: "consumer-dlq" }, arn.topic("alarms"));
    const parts = { alarmTopic, ordersTopic, dlq, workQueue, consumerRole, consumer, consumerLogs, subscription, permission, mapping, errorsAlarm, dlqAlarm };
    return { ...parts, all: (): AnalyzedResource[] => Object.values(parts) };
}

/** The stack with one resource replaced (matched by URN). */
export function replacing(stack: AnalyzedResource[], ...replacements: AnalyzedResource[]): AnalyzedResource[] {
    return stack.map((r) => replacements.find((x) => x.urn === r.urn) ?? r);
}

/** The stack without the given resources. */
export function without(stack: AnalyzedResource[], ...removed: AnalyzedResource[]): AnalyzedResource[] {
    return stack.filter((r) => !removed.some((x) => x.urn === r.urn));
}
