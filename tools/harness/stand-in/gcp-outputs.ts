import { CREATED_AT, ResourceContext, text } from "./context";
import type { OutputRow } from "./output-row";

/**
 * Computed outputs of Google Cloud resource types (names checked against @pulumi/gcp 9's `/*out*\/`
 * properties). A key set to `undefined` is one the provider leaves empty.
 */
const location = (c: ResourceContext) => text(c.inputs.location ?? c.inputs.region, c.cloud.gcpRegion);
const project = (c: ResourceContext) => text(c.inputs.project, c.cloud.gcpProject);
const runUrl = (c: ResourceContext, name: string) => `https://${name}-${c.hex(10)}-${regionCode(location(c))}.a.run.app`;

/** Cloud Run's URL carries a short code of the region (europe-west1 -> ew). */
function regionCode(region: string): string {
    const [area = "", direction = ""] = region.split("-");
    return `${area[0] ?? "x"}${direction[0] ?? "x"}`;
}

const ready = () => [{ type: "Ready", status: "True", reason: "", message: "", lastTransitionTime: CREATED_AT, severity: "", revisionReason: "", executionReason: "", state: "CONDITION_SUCCEEDED" }];

export const gcpOutputs: Record<string, OutputRow> = {
    "gcp:serviceaccount/account:Account": (c) => {
        const accountId = text(c.inputs.accountId, c.physicalName);
        const email = `${accountId}@${project(c)}.iam.gserviceaccount.com`;
        const name = `projects/${project(c)}/serviceAccounts/${email}`;
        return { id: name, email, member: `serviceAccount:${email}`, uniqueId: c.hex(21).replace(/[a-f]/g, (d) => String(d.charCodeAt(0) % 10)), name };
    },
    "gcp:cloudrun/service:Service": (c) => {
        const name = c.physicalName;
        const revision = `${name}-00001-${c.hex(3)}`;
        return {
            id: `locations/${location(c)}/namespaces/${project(c)}/services/${name}`,
            statuses: [{
                url: runUrl(c, name), latestCreatedRevisionName: revision, latestReadyRevisionName: revision, observedGeneration: 1,
                conditions: [{ type: "Ready", status: "True", reason: "", message: "" }],
                traffics: [{ revisionName: revision, percent: 100, latestRevision: true, tag: "", url: "" }],
            }],
        };
    },
    "gcp:cloudrun/iamMember:IamMember": (c) => iamEtag(c),
    "gcp:cloudrun/iamBinding:IamBinding": (c) => iamEtag(c),
    "gcp:cloudrun/iamPolicy:IamPolicy": (c) => iamEtag(c),
    "gcp:cloudrunv2/service:Service": (c) => {
        const name = c.physicalName;
        const revision = `${name}-00001-${c.hex(3)}`;
        const uri = runUrl(c, name);
        return {
            id: `projects/${project(c)}/locations/${location(c)}/services/${name}`,
            uri, urls: [uri, `https://${name}-${c.hex(12).replace(/[a-f]/g, "1")}.${location(c)}.run.app`], uid: c.uuid(), etag: `"${c.hex(16)}"`,
            generation: "1", observedGeneration: "1", latestReadyRevision: `projects/${project(c)}/locations/${location(c)}/services/${name}/revisions/${revision}`,
            latestCreatedRevision: `projects/${project(c)}/locations/${location(c)}/services/${name}/revisions/${revision}`,
            conditions: [], terminalConditions: ready(), reconciling: false, createTime: CREATED_AT, updateTime: CREATED_AT,
            creator: "planner@example.com", lastModifier: "planner@example.com", deleteTime: "", expireTime: "",
            trafficStatuses: [{ type: "TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST", percent: 100, revision: "", tag: "", uri: "" }],
        };
    },
    "gcp:cloudrunv2/serviceIamMember:ServiceIamMember": (c) => iamEtag(c),
    "gcp:cloudrunv2/serviceIamBinding:ServiceIamBinding": (c) => iamEtag(c),
    "gcp:cloudrunv2/serviceIamPolicy:ServiceIamPolicy": (c) => iamEtag(c),
    "gcp:cloudrunv2/job:Job": (c) => ({
        id: `projects/${project(c)}/locations/${location(c)}/jobs/${c.physicalName}`, uid: c.uuid(), etag: `"${c.hex(16)}"`,
        generation: "1", observedGeneration: "1", executionCount: 0, latestCreatedExecutions: [], conditions: [], terminalConditions: ready(),
        reconciling: false, createTime: CREATED_AT, updateTime: CREATED_AT, creator: "planner@example.com", lastModifier: "planner@example.com",
        deleteTime: "", expireTime: "",
    }),
    "gcp:cloudfunctions/function:Function": (c) => {
        const region = text(c.inputs.region, c.cloud.gcpRegion);
        const httpTrigger = c.inputs.triggerHttp === true;
        return {
            id: `projects/${project(c)}/locations/${region}/functions/${c.physicalName}`, status: "ACTIVE", versionId: "1",
            ...(httpTrigger ? { httpsTriggerUrl: `https://${region}-${project(c)}.cloudfunctions.net/${c.physicalName}` } : {}),
        };
    },
    "gcp:cloudfunctions/functionIamMember:FunctionIamMember": (c) => iamEtag(c),
    "gcp:cloudfunctionsv2/function:Function": (c) => {
        const region = location(c);
        const url = `https://${region}-${project(c)}.cloudfunctions.net/${c.physicalName}`;
        const serviceConfig = c.inputs.serviceConfig as Record<string, unknown> | undefined;
        return {
            id: `projects/${project(c)}/locations/${region}/functions/${c.physicalName}`, url, state: "ACTIVE", environment: "GEN_2",
            updateTime: CREATED_AT,
            serviceConfig: { ...serviceConfig, uri: runUrl(c, c.physicalName), service: `projects/${project(c)}/locations/${region}/services/${c.physicalName}`,
                gcfUri: url },
        };
    },
    "gcp:cloudfunctionsv2/functionIamMember:FunctionIamMember": (c) => iamEtag(c),
    "gcp:storage/bucket:Bucket": (c) => ({
        id: c.physicalName, url: `gs://${c.physicalName}`, selfLink: `https://www.googleapis.com/storage/v1/b/${c.physicalName}`,
        projectNumber: 123456789012, timeCreated: CREATED_AT, updated: CREATED_AT,
    }),
    "gcp:storage/bucketObject:BucketObject": (c) => {
        const bucket = text(c.inputs.bucket, "");
        const name = c.physicalName;
        return {
            id: `${bucket}-${name}`, outputName: name, crc32c: "AAAAAA==", md5hash: "1B2M2Y8AsgTpgAmY7PhCfg==", md5hexhash: "d41d8cd98f00b204e9800998ecf8427e",
            generation: 1, selfLink: `https://www.googleapis.com/storage/v1/b/${bucket}/o/${encodeURIComponent(name)}`,
            mediaLink: `https://storage.googleapis.com/download/storage/v1/b/${bucket}/o/${encodeURIComponent(name)}?generation=1&alt=media`,
        };
    },
    "gcp:pubsub/topic:Topic": (c) => ({ id: `projects/${project(c)}/topics/${c.physicalName}` }),
    "gcp:pubsub/subscription:Subscription": (c) => ({ id: `projects/${project(c)}/subscriptions/${c.physicalName}` }),
    "gcp:cloudscheduler/job:Job": (c) => ({ id: `projects/${project(c)}/locations/${text(c.inputs.region, c.cloud.gcpRegion)}/jobs/${c.physicalName}`, state: "ENABLED" }),
    "gcp:artifactregistry/repository:Repository": (c) => {
        const repositoryId = text(c.inputs.repositoryId, c.physicalName);
        const name = `projects/${project(c)}/locations/${location(c)}/repositories/${repositoryId}`;
        return { id: name, name: repositoryId, registryUri: `${location(c)}-docker.pkg.dev/${project(c)}/${repositoryId}`, createTime: CREATED_AT, updateTime: CREATED_AT };
    },
    "gcp:secretmanager/secret:Secret": (c) => {
        const name = `projects/${project(c)}/secrets/${text(c.inputs.secretId, c.physicalName)}`;
        return { id: name, name, createTime: CREATED_AT };
    },
    "gcp:secretmanager/secretVersion:SecretVersion": (c) => {
        const name = `${text(c.inputs.secret, "")}/versions/1`;
        return { id: name, name, version: "1", createTime: CREATED_AT, destroyTime: "" };
    },
    "gcp:projects/iAMMember:IAMMember": (c) => iamEtag(c),
    "gcp:projects/service:Service": (c) => ({ id: `${project(c)}/${text(c.inputs.service, c.physicalName)}` }),
    "gcp:cloudbuild/trigger:Trigger": (c) => ({ id: `projects/${project(c)}/triggers/${c.uuid()}`, triggerId: c.uuid(), createTime: CREATED_AT }),
    "gcp:eventarc/trigger:Trigger": (c) => ({ id: `projects/${project(c)}/locations/${location(c)}/triggers/${c.physicalName}`, conditions: {} }),
    "gcp:cloudtasks/queue:Queue": (c) => ({ id: `projects/${project(c)}/locations/${location(c)}/queues/${c.physicalName}`, state: "RUNNING" }),
    "gcp:storage/bucketIAMMember:BucketIAMMember": (c) => iamEtag(c),
    "gcp:pubsub/topicIAMMember:TopicIAMMember": (c) => iamEtag(c),
    "gcp:pubsub/subscriptionIAMMember:SubscriptionIAMMember": (c) => iamEtag(c),
    "gcp:secretmanager/secretIamMember:SecretIamMember": (c) => iamEtag(c),
    "gcp:serviceaccount/iAMMember:IAMMember": (c) => iamEtag(c),
    "gcp:apigateway/api:Api": (c) => {
        const name = `projects/${project(c)}/locations/global/apis/${text(c.inputs.apiId, c.physicalName)}`;
        return { id: name, name };
    },
    "gcp:apigateway/apiConfig:ApiConfig": (c) => {
        const name = `projects/${project(c)}/locations/global/apis/${text(c.inputs.api, "")}/configs/${text(c.inputs.apiConfigId, c.physicalName)}`;
        return { id: name, name, serviceConfigId: `${c.physicalName}-${c.hex(6)}` };
    },
    "gcp:apigateway/gateway:Gateway": (c) => {
        const gatewayId = text(c.inputs.gatewayId, c.physicalName);
        const name = `projects/${project(c)}/locations/${text(c.inputs.region, c.cloud.gcpRegion)}/gateways/${gatewayId}`;
        return { id: name, name, defaultHostname: `${gatewayId}-${c.hex(8)}.${regionCode(text(c.inputs.region, c.cloud.gcpRegion))}.gateway.dev` };
    },
    "gcp:firestore/database:Database": (c) => ({
        id: `projects/${project(c)}/databases/${c.physicalName}`, uid: c.uuid(), keyPrefix: "", earliestVersionTime: CREATED_AT, versionRetentionPeriod: "3600s",
    }),
    "gcp:vpcaccess/connector:Connector": (c) => ({
        id: `projects/${project(c)}/locations/${text(c.inputs.region, c.cloud.gcpRegion)}/connectors/${c.physicalName}`, state: "READY", connectedProjects: [project(c)],
        selfLink: `projects/${project(c)}/locations/${text(c.inputs.region, c.cloud.gcpRegion)}/connectors/${c.physicalName}`,
    }),
};

function iamEtag(c: ResourceContext) {
    return { id: `${text(c.inputs.service ?? c.inputs.name ?? c.inputs.cloudFunction ?? c.inputs.project, "")}/${text(c.inputs.role, "")}/${text(c.inputs.member, "")}`, etag: `BwY${c.hex(9)}=` };
}
