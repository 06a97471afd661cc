import { createHash } from "node:crypto";
import { UNKNOWN_STRING_SENTINEL } from "../../contracts/unknown-value";


/** Where the mocked resources "live": stable fake account, region and project ids. */
export interface MockCloud {
    awsRegion: string;
    awsAccountId: string;
    gcpProject: string;
    gcpRegion: string;
    azureSubscriptionId: string;
    /** true: computed outputs are unknown, as in a first preview of a new stack. */
    preview: boolean;
}

export interface MockedState {
    id: string;
    /** The outputs the provider would return: the inputs plus computed properties. */
    state: Record<string, unknown>;
}

type Inputs = Record<string, unknown>;
type Computed = Record<string, unknown> & { id: string };
type Maker = (ctx: NameContext) => Computed;

interface NameContext {
    cloud: MockCloud;
    inputs: Inputs;
    /** Physical name: the `name` input, or an autoname `<logical>-<7 hex>` as providers make it. */
    physicalName: string;
    /** A stable hex string derived from type and logical name. */
    hex: (length: number) => string;
}

/**
 * Computed outputs per resource type, shaped like the real provider's, so that every ARN, id, URL or
 * name another resource reads is present (under mocks a missing output is silently undefined and the
 * dependency edge through it disappears).
 */
const awsArn = (ctx: NameContext, service: string, resource: string) =>
    `arn:aws:${service}:${ctx.cloud.awsRegion}:${ctx.cloud.awsAccountId}:${resource}`;

const makers: Record<string, Maker> = {
    "aws:lambda/function:Function": (c) => {
        const arn = awsArn(c, "lambda", `function:${c.physicalName}`);
        const version = c.inputs.publish === true ? "1" : "$LATEST";
        return {
            id: c.physicalName, arn, version, qualifiedArn: `${arn}:${version}`,
            invokeArn: lambdaInvokeArn(c, arn), qualifiedInvokeArn: lambdaInvokeArn(c, `${arn}:${version}`),
            lastModified: "2026-01-01T00:00:00.000+0000", sourceCodeHash: c.hex(43), codeSha256: c.hex(43),
            signingJobArn: "", signingProfileVersionArn: "",
        };
    },
    "aws:lambda/alias:Alias": (c) => {
        const arn = `${String(c.inputs.functionName).startsWith("arn:") ? c.inputs.functionName
            : awsArn(c, "lambda", `function:${c.inputs.functionName}`)}:${c.inputs.name}`;
        return { id: arn, arn, invokeArn: lambdaInvokeArn(c, arn) };
    },
    "aws:lambda/permission:Permission": (c) => ({ id: String(c.inputs.statementId ?? c.physicalName) }),
    "aws:lambda/eventSourceMapping:EventSourceMapping": (c) => ({
        id: uuid(c), uuid: uuid(c), arn: awsArn(c, "lambda", `event-source-mapping:${uuid(c)}`), state: "Enabled",
        functionArn: c.inputs.functionName, lastModified: "2026-01-01T00:00:00Z",
    }),
    "aws:lambda/functionEventInvokeConfig:FunctionEventInvokeConfig": (c) => ({ id: `${c.inputs.functionName}:${c.inputs.qualifier ?? "$LATEST"}` }),
    "aws:lambda/provisionedConcurrencyConfig:ProvisionedConcurrencyConfig": (c) => ({ id: `${c.inputs.functionName},${c.inputs.qualifier}` }),
    "aws:lambda/layerVersion:LayerVersion": (c) => {
        const layerArn = awsArn(c, "lambda", `layer:${c.inputs.layerName}`);
        return { id: `${layerArn}:1`, arn: `${layerArn}:1`, layerArn, version: "1" };
    },
    "aws:iam/role:Role": (c) => ({
        id: c.physicalName, arn: `arn:aws:iam::${c.cloud.awsAccountId}:role/${c.physicalName}`,
        uniqueId: `AROA${c.hex(17).toUpperCase()}`, createDate: "2026-01-01T00:00:00Z",
    }),
    "aws:iam/policy:Policy": (c) => {
        const arn = `arn:aws:iam::${c.cloud.awsAccountId}:policy/${c.physicalName}`;
        return { id: arn, arn, policyId: `ANPA${c.hex(17).toUpperCase()}` };
    },
    "aws:iam/rolePolicy:RolePolicy": (c) => ({ id: `${c.inputs.role}:${c.physicalName}` }),
    "aws:iam/rolePolicyAttachment:RolePolicyAttachment": (c) => ({ id: `${c.inputs.role}-${c.hex(8)}` }),
    "aws:sqs/queue:Queue": (c) => {
        const url = `https://sqs.${c.cloud.awsRegion}.amazonaws.com/${c.cloud.awsAccountId}/${c.physicalName}`;
        return { id: url, url, arn: awsArn(c, "sqs", c.physicalName) };
    },
    "aws:sqs/queuePolicy:QueuePolicy": (c) => ({ id: String(c.inputs.queueUrl) }),
    "aws:sns/topic:Topic": (c) => {
        const arn = awsArn(c, "sns", c.physicalName);
        return { id: arn, arn, owner: c.cloud.awsAccountId };
    },
    "aws:sns/topicSubscription:TopicSubscription": (c) => {
        const arn = `${c.inputs.topic}:${uuid(c)}`;
        return { id: arn, arn, ownerId: c.cloud.awsAccountId, confirmationWasAuthenticated: true, pendingConfirmation: false };
    },
    "aws:sns/topicPolicy:TopicPolicy": (c) => ({ id: String(c.inputs.arn) }),
    "aws:dynamodb/table:Table": (c) => ({
        id: c.physicalName, arn: awsArn(c, "dynamodb", `table/${c.physicalName}`),
        streamArn: c.inputs.streamEnabled ? awsArn(c, "dynamodb", `table/${c.physicalName}/stream/2026-01-01T00:00:00.000`) : "",
    }),
    "aws:secretsmanager/secret:Secret": (c) => {
        const arn = awsArn(c, "secretsmanager", `secret:${c.physicalName}-${c.hex(6)}`);
        return { id: arn, arn };
    },
    "aws:secretsmanager/secretVersion:SecretVersion": (c) => ({ id: `${c.inputs.secretId}|${uuid(c)}`, versionId: uuid(c), arn: String(c.inputs.secretId) }),
    "aws:cloudwatch/logGroup:LogGroup": (c) => ({ id: c.physicalName, arn: awsArn(c, "logs", `log-group:${c.physicalName}`) }),
    "aws:cloudwatch/metricAlarm:MetricAlarm": (c) => ({ id: c.physicalName, arn: awsArn(c, "cloudwatch", `alarm:${c.physicalName}`) }),
    "aws:sfn/stateMachine:StateMachine": (c) => {
        const arn = awsArn(c, "states", `stateMachine:${c.physicalName}`);
        return { id: arn, arn, status: "ACTIVE", creationDate: "2026-01-01T00:00:00Z", revisionId: c.hex(8) };
    },
    "aws:apigatewayv2/api:Api": (c) => {
        const id = c.hex(10);
        return {
            id, apiEndpoint: `https://${id}.execute-api.${c.cloud.awsRegion}.amazonaws.com`,
            executionArn: `arn:aws:execute-api:${c.cloud.awsRegion}:${c.cloud.awsAccountId}:${id}`,
            arn: `arn:aws:apigateway:${c.cloud.awsRegion}::/apis/${id}`,
        };
    },
    "aws:apigatewayv2/stage:Stage": (c) => ({
        id: c.physicalName, invokeUrl: `https://${c.inputs.apiId}.execute-api.${c.cloud.awsRegion}.amazonaws.com/${c.physicalName}`,
        executionArn: `arn:aws:execute-api:${c.cloud.awsRegion}:${c.cloud.awsAccountId}:${c.inputs.apiId}/${c.physicalName}`,
        arn: `arn:aws:apigateway:${c.cloud.awsRegion}::/apis/${c.inputs.apiId}/stages/${c.physicalName}`,
    }),
    "aws:apigatewayv2/integration:Integration": (c) => ({ id: c.hex(7), integrationResponseSelectionExpression: "" }),
    "aws:apigatewayv2/route:Route": (c) => ({ id: c.hex(7) }),
    "aws:ec2/vpc:Vpc": (c) => ec2(c, "vpc", { defaultRouteTableId: `rtb-${c.hex(17)}`, defaultSecurityGroupId: `sg-${c.hex(17)}`, mainRouteTableId: `rtb-${c.hex(17)}` }),
    "aws:ec2/subnet:Subnet": (c) => ec2(c, "subnet"),
    "aws:ec2/routeTable:RouteTable": (c) => ec2(c, "route-table", {}, "rtb"),
    "aws:ec2/route:Route": (c) => ({ id: `r-${c.inputs.routeTableId}${c.hex(8)}` }),
    "aws:ec2/routeTableAssociation:RouteTableAssociation": (c) => ({ id: `rtbassoc-${c.hex(17)}` }),
    "aws:ec2/natGateway:NatGateway": (c) => ec2(c, "natgateway", { publicIp: "203.0.113.10", privateIp: "10.0.0.10" }, "nat"),
    "aws:ec2/eip:Eip": (c) => ec2(c, "elastic-ip", { publicIp: "203.0.113.10", allocationId: `eipalloc-${c.hex(17)}` }, "eipalloc"),
    "aws:ec2/internetGateway:InternetGateway": (c) => ec2(c, "internet-gateway", {}, "igw"),
    "aws:ec2/securityGroup:SecurityGroup": (c) => ec2(c, "security-group", {}, "sg"),
    "aws:ec2/vpcEndpoint:VpcEndpoint": (c) => ec2(c, "vpc-endpoint", {}, "vpce"),
    "gcp:serviceaccount/account:Account": (c) => {
        const accountId = String(c.inputs.accountId ?? c.physicalName);
        const email = `${accountId}@${c.inputs.project ?? c.cloud.gcpProject}.iam.gserviceaccount.com`;
        return { id: `projects/${c.cloud.gcpProject}/serviceAccounts/${email}`, email, member: `serviceAccount:${email}`, uniqueId: c.hex(21), name: `projects/${c.cloud.gcpProject}/serviceAccounts/${email}` };
    },
    "gcp:cloudrunv2/service:Service": (c) => ({
        id: `projects/${c.cloud.gcpProject}/locations/${c.inputs.location ?? c.cloud.gcpRegion}/services/${c.physicalName}`,
        uri: `https://${c.physicalName}-${c.hex(10)}-ew.a.run.app`, uid: uuid(c), etag: c.hex(16),
        latestReadyRevision: `${c.physicalName}-00001-abc`, latestCreatedRevision: `${c.physicalName}-00001-abc`,
    }),
    "gcp:artifactregistry/repository:Repository": (c) => ({
        id: `projects/${c.cloud.gcpProject}/locations/${c.inputs.location ?? c.cloud.gcpRegion}/repositories/${c.inputs.repositoryId ?? c.physicalName}`,
        registryUri: `${c.inputs.location ?? c.cloud.gcpRegion}-docker.pkg.dev/${c.cloud.gcpProject}/${c.inputs.repositoryId ?? c.physicalName}`,
    }),
    "gcp:secretmanager/secret:Secret": (c) => ({
        id: `projects/${c.cloud.gcpProject}/secrets/${c.inputs.secretId ?? c.physicalName}`,
        name: `projects/${c.cloud.gcpProject}/secrets/${c.inputs.secretId ?? c.physicalName}`,
    }),
    "gcp:secretmanager/secretVersion:SecretVersion": (c) => ({ id: `${c.inputs.secret}/versions/1`, name: `${c.inputs.secret}/versions/1`, version: "1" }),
    "docker-build:index:Image": (c) => {
        const digest = `sha256:${c.hex(64)}`;
        const tags = c.inputs.tags as unknown[] | undefined;
        const firstTag = typeof tags?.[0] === "string" ? tags[0] : c.physicalName;
        const repository = firstTag.replace(/:[^/:]*$/, "");
        return { id: c.physicalName, digest, ref: `${repository}@${digest}` };
    },
    "gcp:storage/bucket:Bucket": (c) => ({ id: c.physicalName, url: `gs://${c.physicalName}`, selfLink: `https://www.googleapis.com/storage/v1/b/${c.physicalName}` }),
};

/** Azure resource ids follow one shape; a few types expose more. */
function azureComputed(type: string, c: NameContext): Computed {
    const [, module, typeName] = type.split(/[:/]/);
    const id = `/subscriptions/${c.cloud.azureSubscriptionId}/resourceGroups/${c.inputs.resourceGroupName ?? c.physicalName}` +
        `/providers/Microsoft.${module}/${typeName}/${c.physicalName}`;
    const computed: Computed = { id, name: c.physicalName };
    if (type === "azure-native:web:WebApp") {
        computed.defaultHostName = `${c.physicalName}.azurewebsites.net`;
        const identity = c.inputs.identity as Record<string, unknown> | undefined;
        if (identity) computed.identity = { ...identity, principalId: uuid(c, "principal"), tenantId: uuid(c, "tenant") };
    }
    if (type === "azure-native:storage:StorageAccount") {
        computed.primaryEndpoints = {
            blob: `https://${c.physicalName}.blob.core.windows.net/`, queue: `https://${c.physicalName}.queue.core.windows.net/`,
            table: `https://${c.physicalName}.table.core.windows.net/`,
        };
    }
    if (type === "azure-native:applicationinsights:Component") {
        computed.connectionString = `InstrumentationKey=${uuid(c)};IngestionEndpoint=https://${c.cloud.azureSubscriptionId.slice(0, 8)}.in.applicationinsights.azure.com/`;
        computed.instrumentationKey = uuid(c);
    }
    if (type === "azure-native:operationalinsights:Workspace") computed.customerId = uuid(c);
    if (type === "azure-native:keyvault:Vault") computed.properties = { ...(c.inputs.properties as object), vaultUri: `https://${c.physicalName}.vault.azure.net/` };
    return computed;
}

function ec2(c: NameContext, arnType: string, extra: Record<string, unknown> = {}, prefix = arnType): Computed {
    const id = `${prefix}-${c.hex(17)}`;
    return { id, arn: awsArn(c, "ec2", `${arnType}/${id}`), ...extra };
}

function lambdaInvokeArn(c: NameContext, target: string): string {
    return `arn:aws:apigateway:${c.cloud.awsRegion}:lambda:path/2015-03-31/functions/${target}/invocations`;
}

function uuid(c: NameContext, salt = ""): string {
    const h = createHash("sha256").update(salt + c.hex(32)).digest("hex");
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** Properties whose name the provider fills in at preview (autonaming), so they stay known in --preview. */
const AUTONAMED_PROPERTY = "name";

export function mockResourceState(type: string, logicalName: string, inputs: Inputs, cloud: MockCloud): MockedState {
    const hex = (length: number) => createHash("sha256").update(`${type}::${logicalName}`).digest("hex").slice(0, length);
    const autonamed = typeof inputs[AUTONAMED_PROPERTY] !== "string" && !type.startsWith("pulumi:");
    const physicalName = autonamed ? `${logicalName}-${hex(7)}` : String(inputs[AUTONAMED_PROPERTY] ?? logicalName);
    const ctx: NameContext = { cloud, inputs, physicalName, hex };
    const maker = makers[type];
    const computed: Computed = maker ? maker(ctx)
        : type.startsWith("azure-native:") ? azureComputed(type, ctx)
        : type.startsWith("aws:") ? { id: physicalName, arn: genericAwsArn(type, ctx) }
        : { id: physicalName };
    const { id, ...outputs } = computed;
    if (cloud.preview) {
        // A first preview knows inputs and autonames, nothing the provider computes on create.
        const unknowns = Object.fromEntries(Object.keys(outputs).filter((k) => !(k in inputs)).map((k) => [k, UNKNOWN_STRING_SENTINEL]));
        return { id: "", state: { ...inputs, ...(autonamed && type.startsWith("aws:") ? { name: physicalName } : {}), ...unknowns } };
    }
    const named = autonamed && (type.startsWith("aws:") || type.startsWith("gcp:")) ? { name: physicalName } : {};
    return { id, state: { ...inputs, ...named, ...outputs } };
}

/** `aws:<service>/<x>:<Type>` -> `arn:aws:<service>:<region>:<account>:<type>/<name>`. */
function genericAwsArn(type: string, c: NameContext): string {
    const [, service, typeName] = type.split(/[:/]/);
    return awsArn(c, service, `${typeName.toLowerCase()}/${c.physicalName}`);
}
