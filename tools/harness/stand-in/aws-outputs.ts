import { awsArn, CREATED_AT, ResourceContext, text } from "./context";
import type { OutputRow } from "./output-row";

/**
 * Computed outputs of AWS resource types, shaped like the provider's (names checked against the
 * `/*out*\/` properties of @pulumi/aws 7). A key set to `undefined` is one the provider leaves empty.
 */
const lambdaInvokeArn = (c: ResourceContext, target: string) =>
    `arn:aws:apigateway:${c.cloud.awsRegion}:lambda:path/2015-03-31/functions/${target}/invocations`;

const functionArn = (c: ResourceContext, nameOrArn: unknown) => {
    const name = text(nameOrArn, "");
    return name.startsWith("arn:") ? name : awsArn(c, "lambda", `function:${name}`);
};

function ec2(c: ResourceContext, arnType: string, prefix: string, extra: Record<string, unknown> = {}) {
    const id = `${prefix}-${c.hex(17)}`;
    return { id, arn: awsArn(c, "ec2", `${arnType}/${id}`), ownerId: c.cloud.awsAccountId, ...extra };
}

const restApiId = (c: ResourceContext) => c.hex(10);

export const awsOutputs: Record<string, OutputRow> = {
    "aws:lambda/function:Function": (c) => {
        const arn = awsArn(c, "lambda", `function:${c.physicalName}`);
        const version = c.inputs.publish === true ? "1" : "$LATEST";
        return {
            id: c.physicalName, arn, version, qualifiedArn: `${arn}:${version}`,
            invokeArn: lambdaInvokeArn(c, arn), qualifiedInvokeArn: lambdaInvokeArn(c, `${arn}:${version}`),
            responseStreamingInvokeArn: `arn:aws:apigateway:${c.cloud.awsRegion}:lambda:path/2021-11-15/functions/${arn}/response-streaming-invocations`,
            lastModified: "2026-01-01T00:00:00.000+0000", sourceCodeHash: c.hex(43), codeSha256: c.hex(43), sourceCodeSize: 1024,
            signingJobArn: "", signingProfileVersionArn: "",
        };
    },
    "aws:lambda/functionUrl:FunctionUrl": (c) => {
        const urlId = c.hex(32);
        return { id: text(c.inputs.functionName, c.physicalName), urlId, functionArn: functionArn(c, c.inputs.functionName),
            functionUrl: `https://${urlId}.lambda-url.${c.cloud.awsRegion}.on.aws/` };
    },
    "aws:lambda/alias:Alias": (c) => {
        const arn = `${functionArn(c, c.inputs.functionName)}:${text(c.inputs.name, c.physicalName)}`;
        return { id: arn, arn, invokeArn: lambdaInvokeArn(c, arn) };
    },
    "aws:lambda/permission:Permission": (c) => ({ id: text(c.inputs.statementId, c.physicalName) }),
    "aws:lambda/eventSourceMapping:EventSourceMapping": (c) => ({
        id: c.uuid(), uuid: c.uuid(), arn: awsArn(c, "lambda", `event-source-mapping:${c.uuid()}`), state: "Enabled",
        functionArn: functionArn(c, c.inputs.functionName), lastModified: CREATED_AT, lastProcessingResult: "No records processed",
        stateTransitionReason: "USER_INITIATED",
    }),
    "aws:lambda/functionEventInvokeConfig:FunctionEventInvokeConfig": (c) => ({ id: `${text(c.inputs.functionName, "")}:${text(c.inputs.qualifier, "$LATEST")}` }),
    "aws:lambda/provisionedConcurrencyConfig:ProvisionedConcurrencyConfig": (c) => ({ id: `${text(c.inputs.functionName, "")},${text(c.inputs.qualifier, "")}` }),
    "aws:lambda/layerVersion:LayerVersion": (c) => {
        const layerArn = awsArn(c, "lambda", `layer:${text(c.inputs.layerName, c.physicalName)}`);
        return { id: `${layerArn}:1`, arn: `${layerArn}:1`, layerArn, version: "1", codeSha256: c.hex(43), createdDate: CREATED_AT,
            sourceCodeSize: 1024, signingJobArn: "", signingProfileVersionArn: "" };
    },
    "aws:iam/role:Role": (c) => ({
        id: c.physicalName, arn: `arn:aws:iam::${c.cloud.awsAccountId}:role${text(c.inputs.path, "/")}${c.physicalName}`,
        uniqueId: `AROA${c.hex(17).toUpperCase()}`, createDate: CREATED_AT,
    }),
    "aws:iam/policy:Policy": (c) => {
        const arn = `arn:aws:iam::${c.cloud.awsAccountId}:policy/${c.physicalName}`;
        return { id: arn, arn, policyId: `ANPA${c.hex(17).toUpperCase()}`, attachmentCount: 0 };
    },
    "aws:iam/rolePolicy:RolePolicy": (c) => ({ id: `${text(c.inputs.role, "")}:${c.physicalName}` }),
    "aws:iam/rolePolicyAttachment:RolePolicyAttachment": (c) => ({ id: `${text(c.inputs.role, "")}-${c.hex(8)}` }),
    "aws:sqs/queue:Queue": (c) => {
        const url = `https://sqs.${c.cloud.awsRegion}.amazonaws.com/${c.cloud.awsAccountId}/${c.physicalName}`;
        return { id: url, url, arn: awsArn(c, "sqs", c.physicalName) };
    },
    "aws:sqs/queuePolicy:QueuePolicy": (c) => ({ id: text(c.inputs.queueUrl, c.physicalName) }),
    "aws:sns/topic:Topic": (c) => {
        const arn = awsArn(c, "sns", c.physicalName);
        return { id: arn, arn, owner: c.cloud.awsAccountId, beginningArchiveTime: undefined };
    },
    "aws:sns/topicSubscription:TopicSubscription": (c) => {
        const arn = `${text(c.inputs.topic, awsArn(c, "sns", "topic"))}:${c.uuid()}`;
        return { id: arn, arn, ownerId: c.cloud.awsAccountId, confirmationWasAuthenticated: true, pendingConfirmation: false };
    },
    "aws:sns/topicPolicy:TopicPolicy": (c) => ({ id: text(c.inputs.arn, c.physicalName), owner: c.cloud.awsAccountId }),
    "aws:dynamodb/table:Table": (c) => {
        const arn = awsArn(c, "dynamodb", `table/${c.physicalName}`);
        const streaming = c.inputs.streamEnabled === true;
        return { id: c.physicalName, arn, streamArn: streaming ? `${arn}/stream/2026-01-01T00:00:00.000` : "",
            streamLabel: streaming ? "2026-01-01T00:00:00.000" : "" };
    },
    "aws:secretsmanager/secret:Secret": (c) => {
        const arn = awsArn(c, "secretsmanager", `secret:${c.physicalName}-${c.hex(6)}`);
        return { id: arn, arn };
    },
    "aws:secretsmanager/secretVersion:SecretVersion": (c) => ({
        id: `${text(c.inputs.secretId, "")}|${c.uuid()}`, versionId: c.uuid(), arn: text(c.inputs.secretId, ""), secretArn: text(c.inputs.secretId, ""),
        hasSecretStringWo: false,
    }),
    "aws:ssm/parameter:Parameter": (c) => ({ id: c.physicalName, arn: awsArn(c, "ssm", `parameter/${c.physicalName.replace(/^\//, "")}`), version: 1, hasValueWo: false }),
    "aws:kms/key:Key": (c) => {
        const keyId = c.uuid();
        return { id: keyId, keyId, arn: awsArn(c, "kms", `key/${keyId}`) };
    },
    "aws:cloudwatch/logGroup:LogGroup": (c) => ({ id: c.physicalName, arn: awsArn(c, "logs", `log-group:${c.physicalName}`) }),
    "aws:cloudwatch/metricAlarm:MetricAlarm": (c) => ({ id: c.physicalName, arn: awsArn(c, "cloudwatch", `alarm:${c.physicalName}`) }),
    "aws:cloudwatch/eventRule:EventRule": (c) => ({
        id: `${text(c.inputs.eventBusName, "default") === "default" ? "" : `${text(c.inputs.eventBusName, "")}/`}${c.physicalName}`,
        arn: awsArn(c, "events", `rule/${c.physicalName}`),
    }),
    "aws:cloudwatch/eventTarget:EventTarget": (c) => ({ id: `${text(c.inputs.rule, "")}-${text(c.inputs.targetId, c.physicalName)}` }),
    "aws:scheduler/schedule:Schedule": (c) => ({ id: `${text(c.inputs.groupName, "default")}/${c.physicalName}`,
        arn: awsArn(c, "scheduler", `schedule/${text(c.inputs.groupName, "default")}/${c.physicalName}`) }),
    "aws:s3/bucket:Bucket": (c) => s3Bucket(c),
    "aws:s3/bucketV2:BucketV2": (c) => s3Bucket(c),
    "aws:s3/bucketNotification:BucketNotification": (c) => ({ id: text(c.inputs.bucket, c.physicalName) }),
    "aws:s3/bucketObject:BucketObject": (c) => s3Object(c),
    "aws:s3/bucketObjectv2:BucketObjectv2": (c) => ({
        ...s3Object(c), checksumCrc32: "", checksumCrc32c: "", checksumCrc64nvme: "", checksumSha1: "", checksumSha256: "",
    }),
    "aws:s3/bucketWebsiteConfiguration:BucketWebsiteConfiguration": (c) => s3Website(c),
    "aws:s3/bucketWebsiteConfigurationV2:BucketWebsiteConfigurationV2": (c) => s3Website(c),
    "aws:sfn/stateMachine:StateMachine": (c) => {
        const arn = awsArn(c, "states", `stateMachine:${c.physicalName}`);
        return { id: arn, arn, status: "ACTIVE", creationDate: CREATED_AT, revisionId: c.hex(8), description: "",
            stateMachineVersionArn: "", versionDescription: "" };
    },
    "aws:apigatewayv2/api:Api": (c) => {
        const id = c.hex(10);
        return {
            id, apiEndpoint: `https://${id}.execute-api.${c.cloud.awsRegion}.amazonaws.com`,
            executionArn: `arn:aws:execute-api:${c.cloud.awsRegion}:${c.cloud.awsAccountId}:${id}`,
            arn: `arn:aws:apigateway:${c.cloud.awsRegion}::/apis/${id}`,
        };
    },
    "aws:apigatewayv2/stage:Stage": (c) => {
        const stage = text(c.inputs.name, c.physicalName);
        const apiId = text(c.inputs.apiId, "");
        // The default stage `$default` is served at the API's root.
        const path = stage === "$default" ? "" : stage;
        return {
            id: stage, invokeUrl: `https://${apiId}.execute-api.${c.cloud.awsRegion}.amazonaws.com/${path}`,
            executionArn: `arn:aws:execute-api:${c.cloud.awsRegion}:${c.cloud.awsAccountId}:${apiId}/${stage}`,
            arn: `arn:aws:apigateway:${c.cloud.awsRegion}::/apis/${apiId}/stages/${stage}`,
        };
    },
    "aws:apigatewayv2/integration:Integration": (c) => ({ id: c.hex(7), integrationResponseSelectionExpression: "" }),
    "aws:apigatewayv2/route:Route": (c) => ({ id: c.hex(7) }),
    "aws:apigatewayv2/deployment:Deployment": (c) => ({ id: c.hex(6), autoDeployed: false }),
    "aws:apigateway/restApi:RestApi": (c) => {
        const id = restApiId(c);
        return { id, rootResourceId: c.hex(10).slice(0, 10), createdDate: CREATED_AT,
            executionArn: `arn:aws:execute-api:${c.cloud.awsRegion}:${c.cloud.awsAccountId}:${id}`,
            arn: `arn:aws:apigateway:${c.cloud.awsRegion}::/restapis/${id}` };
    },
    "aws:apigateway/deployment:Deployment": (c) => ({ id: c.hex(6), createdDate: CREATED_AT }),
    "aws:apigateway/stage:Stage": (c) => {
        const apiId = text(c.inputs.restApi, "");
        const stage = text(c.inputs.stageName, c.physicalName);
        return { id: `ags-${apiId}-${stage}`, invokeUrl: `https://${apiId}.execute-api.${c.cloud.awsRegion}.amazonaws.com/${stage}`,
            executionArn: `arn:aws:execute-api:${c.cloud.awsRegion}:${c.cloud.awsAccountId}:${apiId}/${stage}`,
            arn: `arn:aws:apigateway:${c.cloud.awsRegion}::/restapis/${apiId}/stages/${stage}`, webAclArn: "" };
    },
    "aws:apigateway/resource:Resource": (c) => ({ id: c.hex(6), path: `/${text(c.inputs.pathPart, c.physicalName)}` }),
    "aws:apigateway/method:Method": (c) => ({ id: `agm-${text(c.inputs.restApi, "")}-${text(c.inputs.resourceId, "")}-${text(c.inputs.httpMethod, "")}` }),
    "aws:apigateway/integration:Integration": (c) => ({ id: `agi-${text(c.inputs.restApi, "")}-${text(c.inputs.resourceId, "")}-${text(c.inputs.httpMethod, "")}` }),
    "aws:apigateway/restApiPolicy:RestApiPolicy": (c) => ({ id: text(c.inputs.restApiId, c.physicalName) }),
    "aws:ec2/vpc:Vpc": (c) => ec2(c, "vpc", "vpc", {
        defaultRouteTableId: `rtb-${c.hex(17)}`, defaultSecurityGroupId: `sg-${c.hex(17)}`, mainRouteTableId: `rtb-${c.hex(17)}`,
        defaultNetworkAclId: `acl-${c.hex(17)}`, dhcpOptionsId: `dopt-${c.hex(17)}`, ipv6AssociationId: "",
    }),
    "aws:ec2/subnet:Subnet": (c) => ec2(c, "subnet", "subnet", { ipv6CidrBlockAssociationId: "" }),
    "aws:ec2/routeTable:RouteTable": (c) => ec2(c, "route-table", "rtb"),
    "aws:ec2/route:Route": (c) => ({ id: `r-${text(c.inputs.routeTableId, "")}${c.hex(8)}`, instanceId: "", instanceOwnerId: "", origin: "CreateRoute", state: "active" }),
    "aws:ec2/routeTableAssociation:RouteTableAssociation": (c) => ({ id: `rtbassoc-${c.hex(17)}` }),
    "aws:ec2/natGateway:NatGateway": (c) => ec2(c, "natgateway", "nat", {
        publicIp: "203.0.113.10", privateIp: "10.0.0.10", associationId: `eipassoc-${c.hex(17)}`, networkInterfaceId: `eni-${c.hex(17)}`,
        autoProvisionZones: undefined, autoScalingIps: undefined, regionalNatGatewayAddresses: undefined, regionalNatGatewayAutoMode: undefined, routeTableId: undefined,
    }),
    "aws:ec2/eip:Eip": (c) => ec2(c, "elastic-ip", "eipalloc", {
        publicIp: "203.0.113.10", allocationId: `eipalloc-${c.hex(17)}`, associationId: "", carrierIp: "", customerOwnedIp: "",
        privateDns: "", privateIp: "", ptrRecord: "", publicDns: `ec2-203-0-113-10.${c.cloud.awsRegion}.compute.amazonaws.com`,
    }),
    "aws:ec2/internetGateway:InternetGateway": (c) => ec2(c, "internet-gateway", "igw"),
    "aws:ec2/securityGroup:SecurityGroup": (c) => ec2(c, "security-group", "sg"),
    "aws:ec2/vpcEndpoint:VpcEndpoint": (c) => ec2(c, "vpc-endpoint", "vpce", {
        cidrBlocks: [], dnsEntries: [], networkInterfaceIds: [], prefixListId: "", requesterManaged: false, state: "available",
    }),
    "aws:efs/fileSystem:FileSystem": (c) => {
        const id = `fs-${c.hex(17)}`;
        return { id, arn: awsArn(c, "elasticfilesystem", `file-system/${id}`), dnsName: `${id}.efs.${c.cloud.awsRegion}.amazonaws.com`,
            name: "", numberOfMountTargets: 0, ownerId: c.cloud.awsAccountId, sizeInBytes: [{ value: 6144, valueInIa: 0, valueInStandard: 6144, valueInArchive: 0 }],
            availabilityZoneId: "" };
    },
    "aws:efs/accessPoint:AccessPoint": (c) => {
        const id = `fsap-${c.hex(17)}`;
        return { id, arn: awsArn(c, "elasticfilesystem", `access-point/${id}`), ownerId: c.cloud.awsAccountId,
            fileSystemArn: awsArn(c, "elasticfilesystem", `file-system/${text(c.inputs.fileSystemId, "")}`) };
    },
    "aws:efs/mountTarget:MountTarget": (c) => {
        const fs = text(c.inputs.fileSystemId, "");
        return { id: `fsmt-${c.hex(17)}`, availabilityZoneId: "use1-az1", availabilityZoneName: `${c.cloud.awsRegion}a`,
            dnsName: `${fs}.efs.${c.cloud.awsRegion}.amazonaws.com`, mountTargetDnsName: `${c.cloud.awsRegion}a.${fs}.efs.${c.cloud.awsRegion}.amazonaws.com`,
            fileSystemArn: awsArn(c, "elasticfilesystem", `file-system/${fs}`), networkInterfaceId: `eni-${c.hex(17)}`, ownerId: c.cloud.awsAccountId };
    },
    "aws:ecr/repository:Repository": (c) => ({
        id: c.physicalName, arn: awsArn(c, "ecr", `repository/${c.physicalName}`), registryId: c.cloud.awsAccountId,
        repositoryUrl: `${c.cloud.awsAccountId}.dkr.ecr.${c.cloud.awsRegion}.amazonaws.com/${c.physicalName}`,
    }),
    "aws:ecr/lifecyclePolicy:LifecyclePolicy": (c) => ({ id: text(c.inputs.repository, c.physicalName), registryId: c.cloud.awsAccountId }),
    "aws:ecs/cluster:Cluster": (c) => {
        const arn = awsArn(c, "ecs", `cluster/${c.physicalName}`);
        return { id: arn, arn };
    },
    "aws:ecs/service:Service": (c) => {
        const cluster = text(c.inputs.cluster, "default").split("/").pop();
        const arn = awsArn(c, "ecs", `service/${cluster}/${c.physicalName}`);
        return { id: arn, arn };
    },
    "aws:ecs/taskDefinition:TaskDefinition": (c) => {
        const family = text(c.inputs.family, c.physicalName);
        const arnWithoutRevision = awsArn(c, "ecs", `task-definition/${family}`);
        return { id: family, arn: `${arnWithoutRevision}:1`, arnWithoutRevision, revision: 1 };
    },
    "aws:lb/loadBalancer:LoadBalancer": (c) => {
        const name = c.physicalName.slice(0, 32);
        const arnSuffix = `app/${name}/${c.hex(16)}`;
        const arn = awsArn(c, "elasticloadbalancing", `loadbalancer/${arnSuffix}`);
        return { id: arn, arn, arnSuffix, dnsName: `${name}-${c.hex(8)}.${c.cloud.awsRegion}.elb.amazonaws.com`,
            zoneId: "Z35SXDOTRQ7X7K", vpcId: `vpc-${c.hex(17)}` };
    },
    "aws:lb/targetGroup:TargetGroup": (c) => {
        const arnSuffix = `targetgroup/${c.physicalName.slice(0, 32)}/${c.hex(16)}`;
        const arn = awsArn(c, "elasticloadbalancing", arnSuffix);
        return { id: arn, arn, arnSuffix, loadBalancerArns: [] };
    },
    "aws:lb/listener:Listener": (c) => {
        const arn = awsArn(c, "elasticloadbalancing", `listener/app/${c.physicalName.slice(0, 32)}/${c.hex(16)}/${c.hex(16)}`);
        return { id: arn, arn };
    },
    "aws:acm/certificate:Certificate": (c) => {
        const domain = text(c.inputs.domainName, "example.com");
        const arn = awsArn(c, "acm", `certificate/${c.uuid()}`);
        return { id: arn, arn, status: "ISSUED", type: "AMAZON_ISSUED", notAfter: "2027-01-01T00:00:00Z", notBefore: CREATED_AT,
            pendingRenewal: false, renewalEligibility: "ELIGIBLE", renewalSummaries: [], validationEmails: [],
            domainValidationOptions: [domain, ...((c.inputs.subjectAlternativeNames as string[] | undefined) ?? [])].map((name) => ({
                domainName: name, resourceRecordName: `_${c.hex(32)}.${name}.`, resourceRecordType: "CNAME",
                resourceRecordValue: `_${c.hex(32).split("").reverse().join("")}.acm-validations.aws.` })) };
    },
    "aws:acm/certificateValidation:CertificateValidation": () => ({ id: "2026-01-01 00:00:00 +0000 UTC" }),
    "aws:route53/record:Record": (c) => {
        const name = text(c.inputs.name, c.physicalName).replace(/\.$/, "");
        return { id: `${text(c.inputs.zoneId, "Z0")}_${name}_${text(c.inputs.type, "A")}`, fqdn: name };
    },
    "aws:apigatewayv2/domainName:DomainName": (c) => ({
        id: text(c.inputs.domainName, c.physicalName), apiMappingSelectionExpression: "$request.basepath",
        arn: `arn:aws:apigateway:${c.cloud.awsRegion}::/domainnames/${text(c.inputs.domainName, c.physicalName)}`,
        domainNameConfiguration: { ...(c.inputs.domainNameConfiguration as object | undefined),
            targetDomainName: `d-${c.hex(10)}.execute-api.${c.cloud.awsRegion}.amazonaws.com`, hostedZoneId: "ZLY8HYME6SFDD" },
    }),
    "aws:apigatewayv2/apiMapping:ApiMapping": (c) => ({ id: c.hex(6) }),
    "aws:apigatewayv2/authorizer:Authorizer": (c) => ({ id: c.hex(6) }),
    "aws:apigateway/domainName:DomainName": (c) => {
        const domain = text(c.inputs.domainName, c.physicalName);
        return { id: domain, arn: `arn:aws:apigateway:${c.cloud.awsRegion}::/domainnames/${domain}`, certificateUploadDate: CREATED_AT,
            cloudfrontDomainName: `d${c.hex(13)}.cloudfront.net`, cloudfrontZoneId: "Z2FDTNDATAQYW2", domainNameId: c.hex(10),
            regionalDomainName: `d-${c.hex(10)}.execute-api.${c.cloud.awsRegion}.amazonaws.com`, regionalZoneId: "ZLY8HYME6SFDD" };
    },
    "aws:apigateway/basePathMapping:BasePathMapping": (c) => ({ id: `${text(c.inputs.domainName, "")}/${text(c.inputs.basePath, "")}` }),
    "aws:apigateway/account:Account": () => ({ id: "api-gateway-account", apiKeyVersion: "4", features: ["UsagePlans"],
        throttleSettings: [{ burstLimit: 5000, rateLimit: 10000 }] }),
    "aws:apigateway/apiKey:ApiKey": (c) => ({ id: c.hex(10), arn: `arn:aws:apigateway:${c.cloud.awsRegion}::/apikeys/${c.hex(10)}`,
        createdDate: CREATED_AT, lastUpdatedDate: CREATED_AT, value: c.hex(40) }),
    "aws:apigateway/usagePlan:UsagePlan": (c) => ({ id: c.hex(6), arn: `arn:aws:apigateway:${c.cloud.awsRegion}::/usageplans/${c.hex(6)}` }),
    "aws:apigateway/authorizer:Authorizer": (c) => ({ id: c.hex(6),
        arn: `arn:aws:apigateway:${c.cloud.awsRegion}::/restapis/${text(c.inputs.restApi, "")}/authorizers/${c.hex(6)}` }),
    "aws:cloudwatch/eventBus:EventBus": (c) => ({ id: c.physicalName, arn: awsArn(c, "events", `event-bus/${c.physicalName}`) }),
    "aws:cloudwatch/dashboard:Dashboard": (c) => ({ id: text(c.inputs.dashboardName, c.physicalName),
        dashboardArn: `arn:aws:cloudwatch::${c.cloud.awsAccountId}:dashboard/${text(c.inputs.dashboardName, c.physicalName)}` }),
    "aws:cloudwatch/logSubscriptionFilter:LogSubscriptionFilter": (c) => ({ id: `cwlsf-${c.hex(10)}` }),
    "aws:cognito/userPool:UserPool": (c) => {
        const id = `${c.cloud.awsRegion}_${c.hex(9)}`;
        return { id, arn: awsArn(c, "cognito-idp", `userpool/${id}`), endpoint: `cognito-idp.${c.cloud.awsRegion}.amazonaws.com/${id}`,
            creationDate: CREATED_AT, lastModifiedDate: CREATED_AT, estimatedNumberOfUsers: 0, customDomain: "", domain: "" };
    },
    "aws:cognito/userPoolClient:UserPoolClient": (c) => ({ id: c.hex(26), clientSecret: c.inputs.generateSecret === true ? c.hex(51) : "" }),
    "aws:cloudfront/distribution:Distribution": (c) => {
        const id = `E${c.hex(13).toUpperCase()}`;
        return { id, arn: `arn:aws:cloudfront::${c.cloud.awsAccountId}:distribution/${id}`, callerReference: c.uuid(),
            domainName: `d${c.hex(13)}.cloudfront.net`, etag: `E${c.hex(13).toUpperCase()}`, hostedZoneId: "Z2FDTNDATAQYW2",
            inProgressValidationBatches: 0, lastModifiedTime: CREATED_AT, loggingV1Enabled: false, status: "Deployed",
            trustedKeyGroups: [{ enabled: false, items: [] }], trustedSigners: [{ enabled: false, items: [] }] };
    },
    "aws:kinesis/stream:Stream": (c) => ({ id: awsArn(c, "kinesis", `stream/${c.physicalName}`), arn: awsArn(c, "kinesis", `stream/${c.physicalName}`) }),
    "aws:kms/alias:Alias": (c) => ({ id: text(c.inputs.name, `alias/${c.physicalName}`), arn: awsArn(c, "kms", text(c.inputs.name, `alias/${c.physicalName}`)),
        targetKeyArn: awsArn(c, "kms", `key/${text(c.inputs.targetKeyId, "")}`) }),
    "aws:lambda/layerVersionPermission:LayerVersionPermission": (c) => ({ id: `${text(c.inputs.layerName, "")},${String(c.inputs.versionNumber ?? 1)}`,
        revisionId: c.uuid(), policy: "" }),
};

function s3Bucket(c: ResourceContext) {
    const bucket = text(c.inputs.bucket, c.physicalName);
    const region = c.cloud.awsRegion;
    return {
        id: bucket, bucket, arn: `arn:aws:s3:::${bucket}`, bucketDomainName: `${bucket}.s3.amazonaws.com`, bucketRegion: region,
        bucketRegionalDomainName: `${bucket}.s3.${region}.amazonaws.com`, hostedZoneId: "Z3AQBSTGFYJSTF", region,
        websiteDomain: undefined, websiteEndpoint: undefined,
    };
}

/** The website endpoint S3 serves a bucket's website from (`<bucket>.s3-website-<region>.amazonaws.com`). */
function s3Website(c: ResourceContext) {
    const bucket = text(c.inputs.bucket, "");
    const websiteDomain = `s3-website-${c.cloud.awsRegion}.amazonaws.com`;
    return { id: bucket, websiteDomain, websiteEndpoint: `${bucket}.${websiteDomain}` };
}

function s3Object(c: ResourceContext) {
    const key = text(c.inputs.key, c.physicalName);
    return { id: key, key, arn: `arn:aws:s3:::${text(c.inputs.bucket, "")}/${key}`, versionId: "", etag: c.hex(32) };
}
