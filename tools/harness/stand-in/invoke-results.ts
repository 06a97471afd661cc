import { awsArn, CREATED_AT, hash, StandInLocation, text, uuidOf } from "./context";
import { renderPolicyDocument } from "./policy-document";

type Args = Record<string, unknown>;
/** One row of the invoke table: the result the provider function returns for these arguments. */
export type InvokeRow = (args: Args, cloud: StandInLocation) => Record<string, unknown>;

const zones = (cloud: StandInLocation) => ["a", "b", "c"].map((letter) => `${cloud.awsRegion}${letter}`);
const hex = (seed: string, length: number) => hash(seed).slice(0, length);
/** The default VPC of the stand-in account, which getVpc/getSubnets/getSubnet agree on. */
const defaultVpcId = (cloud: StandInLocation) => `vpc-${hex(`default-vpc:${cloud.awsRegion}`, 17)}`;
const subnetIdOf = (zone: string) => `subnet-${hex(`default-subnet:${zone}`, 17)}`;

/**
 * Results of the provider functions (invokes) serverless programs call, keyed by invoke token (checked
 * against @pulumi/aws 7, @pulumi/gcp 9 and @pulumi/azure-native 3). A token missing here is not an
 * error: its result is unknown, as in a first preview, and the plan lists it under `unresolved`.
 */
export const invokeResults: Record<string, InvokeRow> = {
    "aws:index/getCallerIdentity:getCallerIdentity": (_, cloud) => ({
        id: cloud.awsAccountId, accountId: cloud.awsAccountId, arn: `arn:aws:iam::${cloud.awsAccountId}:user/planner`, userId: "AIDAPLANNER",
    }),
    "aws:index/getRegion:getRegion": (args, cloud) => {
        const region = text(args.region ?? args.name, cloud.awsRegion);
        return { id: region, name: region, region, endpoint: `ec2.${region}.amazonaws.com`, description: region };
    },
    "aws:index/getPartition:getPartition": () => ({ id: "aws", partition: "aws", dnsSuffix: "amazonaws.com", reverseDnsPrefix: "com.amazonaws" }),
    "aws:index/getAvailabilityZones:getAvailabilityZones": (args, cloud) => {
        const names = zones(cloud).filter((zone) => !(args.excludeNames as string[] | undefined)?.includes(zone));
        return { id: cloud.awsRegion, region: cloud.awsRegion, names, zoneIds: names.map((_, i) => `${cloud.awsRegion.replace(/-/g, "").slice(0, 4)}-az${i + 1}`),
            groupNames: names.map(() => cloud.awsRegion), state: text(args.state, "available") };
    },
    "aws:ec2/getVpc:getVpc": (args, cloud) => {
        const id = text(args.id, defaultVpcId(cloud));
        return {
            id, arn: awsArn({ cloud }, "ec2", `vpc/${id}`), cidrBlock: "172.31.0.0/16", default: args.id === undefined || args.default === true,
            cidrBlockAssociations: [{ associationId: `vpc-cidr-assoc-${hex(id, 17)}`, cidrBlock: "172.31.0.0/16", state: "associated" }],
            dhcpOptionsId: `dopt-${hex(id, 17)}`, enableDnsHostnames: true, enableDnsSupport: true, enableNetworkAddressUsageMetrics: false,
            instanceTenancy: "default", ipv6AssociationId: "", ipv6CidrBlock: "", ipv6CidrBlockAssociations: [], mainRouteTableId: `rtb-${hex(id, 17)}`,
            ownerId: cloud.awsAccountId, region: cloud.awsRegion, state: "available", tags: { ...(args.tags as object | undefined) },
        };
    },
    "aws:ec2/getSubnets:getSubnets": (args, cloud) => ({
        id: cloud.awsRegion, region: cloud.awsRegion, ids: zones(cloud).map((zone) => subnetIdOf(zone)), tags: { ...(args.tags as object | undefined) },
    }),
    "aws:ec2/getSubnet:getSubnet": (args, cloud) => {
        const zoneIndex = Math.max(0, zones(cloud).findIndex((zone) => subnetIdOf(zone) === args.id));
        const zone = zones(cloud)[zoneIndex];
        const id = text(args.id, subnetIdOf(zone));
        return {
            id, arn: awsArn({ cloud }, "ec2", `subnet/${id}`), availabilityZone: zone, availabilityZoneId: `az${zoneIndex + 1}`,
            availableIpAddressCount: 4091, cidrBlock: `172.31.${zoneIndex * 16}.0/20`, vpcId: defaultVpcId(cloud), defaultForAz: true,
            mapPublicIpOnLaunch: true, assignIpv6AddressOnCreation: false, customerOwnedIpv4Pool: "", enableDns64: false, enableLniAtDeviceIndex: 0,
            enableResourceNameDnsARecordOnLaunch: false, enableResourceNameDnsAaaaRecordOnLaunch: false, ipv6CidrBlock: "",
            ipv6CidrBlockAssociationId: "", ipv6Native: false, mapCustomerOwnedIpOnLaunch: false, outpostArn: "", ownerId: cloud.awsAccountId,
            privateDnsHostnameTypeOnLaunch: "ip-name", region: cloud.awsRegion, state: "available", tags: {},
        };
    },
    "aws:ec2/getSecurityGroup:getSecurityGroup": (args, cloud) => {
        const id = text(args.id, `sg-${hex(`sg:${text(args.name, "default")}`, 17)}`);
        return { id, arn: awsArn({ cloud }, "ec2", `security-group/${id}`), name: text(args.name, "default"),
            description: "default VPC security group", vpcId: text(args.vpcId, defaultVpcId(cloud)), region: cloud.awsRegion, tags: {} };
    },
    "aws:iam/getPolicyDocument:getPolicyDocument": (args) => {
        const { json, minifiedJson } = renderPolicyDocument(args);
        return { id: hex(minifiedJson, 10), json, minifiedJson };
    },
    "aws:iam/getRole:getRole": (args, cloud) => {
        const name = text(args.name, "role");
        return { id: name, name, arn: `arn:aws:iam::${cloud.awsAccountId}:role/${name}`, path: "/", createDate: CREATED_AT, description: "",
            maxSessionDuration: 3600, permissionsBoundary: "", roleLastUseds: [], tags: {}, uniqueId: `AROA${hex(name, 17).toUpperCase()}`,
            assumeRolePolicy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }] }) };
    },
    "aws:iam/getPolicy:getPolicy": (args, cloud) => {
        const arn = text(args.arn, `arn:aws:iam::${cloud.awsAccountId}:policy/${text(args.name, "policy")}`);
        const name = arn.split("/").pop() ?? "policy";
        return { id: arn, arn, name, path: "/", description: "", attachmentCount: 1, policyId: `ANPA${hex(arn, 17).toUpperCase()}`, tags: {},
            // The document of an arbitrary policy is not knowable offline.
            policy: JSON.stringify({ Version: "2012-10-17", Statement: [] }) };
    },
    "aws:ssm/getParameter:getParameter": (args, cloud) => {
        const name = text(args.name, "parameter");
        const value = `stand-in value of ${name}`;
        return { id: name, name, arn: awsArn({ cloud }, "ssm", `parameter/${name.replace(/^\//, "")}`), type: "String", value, insecureValue: value,
            version: 1, region: cloud.awsRegion, withDecryption: args.withDecryption ?? true };
    },
    "aws:s3/getBucket:getBucket": (args, cloud) => {
        const bucket = text(args.bucket, "bucket");
        return { id: bucket, bucket, arn: `arn:aws:s3:::${bucket}`, bucketDomainName: `${bucket}.s3.amazonaws.com`, bucketRegion: cloud.awsRegion,
            bucketRegionalDomainName: `${bucket}.s3.${cloud.awsRegion}.amazonaws.com`, hostedZoneId: "Z3AQBSTGFYJSTF", region: cloud.awsRegion,
            websiteDomain: "", websiteEndpoint: "" };
    },
    "aws:ecr/getAuthorizationToken:getAuthorizationToken": (args, cloud) => {
        const registry = text(args.registryId, cloud.awsAccountId);
        return { id: cloud.awsRegion, authorizationToken: Buffer.from("AWS:stand-in-password").toString("base64"), userName: "AWS",
            password: "stand-in-password", expiresAt: "2026-01-01T12:00:00Z", proxyEndpoint: `https://${registry}.dkr.ecr.${cloud.awsRegion}.amazonaws.com`,
            region: cloud.awsRegion, registryId: registry };
    },
    "aws:kms/getKey:getKey": (args, cloud) => {
        const keyId = text(args.keyId, "key").replace(/^.*key\//, "");
        const isAlias = keyId.startsWith("alias/") || text(args.keyId, "").includes(":alias/");
        const id = isAlias ? uuidOf(keyId) : keyId;
        return { id, keyId: id, arn: awsArn({ cloud }, "kms", `key/${id}`), awsAccountId: cloud.awsAccountId, cloudHsmClusterId: "", creationDate: CREATED_AT,
            customKeyStoreId: "", customerMasterKeySpec: "SYMMETRIC_DEFAULT", deletionDate: "", description: "", enabled: true, expirationModel: "",
            keyManager: "CUSTOMER", keySpec: "SYMMETRIC_DEFAULT", keyState: "Enabled", keyUsage: "ENCRYPT_DECRYPT", multiRegion: false,
            multiRegionConfigurations: [], origin: "AWS_KMS", pendingDeletionWindowInDays: 0, region: cloud.awsRegion, validTo: "", xksKeyConfigurations: [] };
    },
    "aws:secretsmanager/getSecret:getSecret": (args, cloud) => {
        const given = text(args.arn ?? args.name, "secret");
        const name = given.startsWith("arn:") ? given.split(":secret:")[1]?.replace(/-[A-Za-z0-9]{6}$/, "") ?? given : given;
        const arn = given.startsWith("arn:") ? given : awsArn({ cloud }, "secretsmanager", `secret:${name}-${hex(name, 6)}`);
        return { id: arn, arn, name, description: "", kmsKeyId: "", policy: "", createdDate: CREATED_AT, lastChangedDate: CREATED_AT,
            region: cloud.awsRegion, tags: {} };
    },
    "gcp:organizations/getProject:getProject": (args, cloud) => {
        const projectId = text(args.projectId, cloud.gcpProject);
        return { id: `projects/${projectId}`, projectId, number: "123456789012", name: projectId, orgId: "", folderId: "", billingAccount: "",
            autoCreateNetwork: true, deletionPolicy: "PREVENT", labels: {}, effectiveLabels: {}, pulumiLabels: {}, tags: {} };
    },
    "gcp:organizations/getClientConfig:getClientConfig": (_, cloud) => ({
        id: `projects/${cloud.gcpProject}/regions/${cloud.gcpRegion}/zones/${cloud.gcpRegion}-b`, project: cloud.gcpProject, region: cloud.gcpRegion,
        zone: `${cloud.gcpRegion}-b`, accessToken: "stand-in-access-token", defaultLabels: {},
    }),
    "gcp:cloudrun/getService:getService": (args, cloud) => {
        const name = text(args.name, "service");
        const location = text(args.location, cloud.gcpRegion);
        const project = text(args.project, cloud.gcpProject);
        const revision = `${name}-00001-${hex(name, 3)}`;
        return {
            id: `locations/${location}/namespaces/${project}/services/${name}`, name, location, project, autogenerateRevisionName: false,
            deletionPolicy: "DELETE", metadatas: [{ namespace: project, labels: {}, annotations: {}, generation: 1, resourceVersion: "1", selfLink: "", uid: uuidOf(name) }],
            statuses: [{ url: `https://${name}-${hex(name, 10)}-ew.a.run.app`, latestCreatedRevisionName: revision, latestReadyRevisionName: revision,
                observedGeneration: 1, conditions: [{ type: "Ready", status: "True", reason: "", message: "" }], traffics: [] }],
            templates: [], traffics: [{ percent: 100, latestRevision: true, revisionName: "", tag: "", url: "" }],
        };
    },
    "azure-native:authorization:getClientConfig": (_, cloud) => ({
        subscriptionId: cloud.azureSubscriptionId, tenantId: "11111111-2222-3333-4444-555555555555", objectId: "66666666-7777-8888-9999-000000000000", clientId: "planner",
    }),
    "azure-native:storage:listStorageAccountKeys": (args) => {
        const account = text(args.accountName, "account");
        return { keys: ["key1", "key2"].map((keyName) => ({ keyName, permissions: "FULL", creationTime: CREATED_AT,
            value: Buffer.from(hash(`${account}:${keyName}`)).toString("base64").slice(0, 86) + "==" })) };
    },
    "azure-native:storage:listStorageAccountServiceSAS": (args) => ({ serviceSasToken: sasToken(args, "sr") }),
    "azure-native:storage:listStorageAccountSAS": (args) => ({ accountSasToken: sasToken(args, "ss") }),
    "azure-native:web:listWebAppHostKeys": (args) => {
        const site = text(args.name, "site");
        return { masterKey: hex(`${site}:master`, 40), functionKeys: { default: hex(`${site}:default`, 40) }, systemKeys: {} };
    },
    "azure-native:web:listWebAppFunctionKeys": (args) => {
        const site = text(args.name, "site");
        const fn = text(args.functionName, "function");
        return { id: `/subscriptions/${text(args.subscriptionId, "")}/resourceGroups/${text(args.resourceGroupName, "")}/providers/Microsoft.Web/sites/${site}/functions/${fn}/keys`,
            name: fn, kind: undefined, type: "Microsoft.Web/sites/functions/keys", properties: { default: hex(`${site}:${fn}`, 40) } };
    },
};

/** A SAS query string built from the arguments as Azure signs it (`sv`, `sp`, `se`, ... `sig`). */
function sasToken(args: Args, scopeKey: "sr" | "ss"): string {
    const scope = scopeKey === "sr" ? text(args.resource, "b") : text(args.services, "b");
    const params: [string, string][] = [
        ["sv", "2022-11-02"],
        [scopeKey, scope],
        ...(scopeKey === "ss" ? [["srt", text(args.resourceTypes, "sco")] as [string, string]] : []),
        ["sp", text(args.permissions, "r")],
        ...(typeof args.sharedAccessStartTime === "string" ? [["st", args.sharedAccessStartTime] as [string, string]] : []),
        ["se", text(args.sharedAccessExpiryTime, "2030-01-01")],
        ["spr", text(args.protocols, "https")],
        ["sig", Buffer.from(hash(JSON.stringify(args)), "hex").toString("base64")],
    ];
    return params.map(([key, value]) => `${key}=${encodeURIComponent(value)}`).join("&");
}
