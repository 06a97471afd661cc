import { CREATED_AT, ResourceContext, text } from "./context";
import type { OutputRow } from "./output-row";

/**
 * Computed outputs of azure-native resource types (names checked against @pulumi/azure-native 3's
 * `/*out*\/` properties), plus the ARM resource type each one reports. A key set to `undefined` is one
 * Azure leaves empty.
 */
export const azureResourceTypes: Record<string, string> = {
    "azure-native:resources:ResourceGroup": "Microsoft.Resources/resourceGroups",
    "azure-native:storage:StorageAccount": "Microsoft.Storage/storageAccounts",
    "azure-native:storage:BlobContainer": "Microsoft.Storage/storageAccounts/blobServices/containers",
    "azure-native:storage:Queue": "Microsoft.Storage/storageAccounts/queueServices/queues",
    "azure-native:storage:Table": "Microsoft.Storage/storageAccounts/tableServices/tables",
    "azure-native:web:AppServicePlan": "Microsoft.Web/serverfarms",
    "azure-native:web:WebApp": "Microsoft.Web/sites",
    "azure-native:web:WebAppApplicationSettings": "Microsoft.Web/sites/config",
    "azure-native:web:WebAppFtpAllowed": "Microsoft.Web/sites/basicPublishingCredentialsPolicies",
    "azure-native:web:WebAppScmAllowed": "Microsoft.Web/sites/basicPublishingCredentialsPolicies",
    "azure-native:applicationinsights:Component": "Microsoft.Insights/components",
    "azure-native:operationalinsights:Workspace": "Microsoft.OperationalInsights/workspaces",
    "azure-native:keyvault:Vault": "Microsoft.KeyVault/vaults",
    "azure-native:keyvault:Secret": "Microsoft.KeyVault/vaults/secrets",
    "azure-native:managedidentity:UserAssignedIdentity": "Microsoft.ManagedIdentity/userAssignedIdentities",
    "azure-native:authorization:RoleAssignment": "Microsoft.Authorization/roleAssignments",
    "azure-native:servicebus:Namespace": "Microsoft.ServiceBus/namespaces",
    "azure-native:web:WebAppSourceControl": "Microsoft.Web/sites/sourcecontrols",
    "azure-native:web:WebAppFunction": "Microsoft.Web/sites/functions",
    "azure-native:cosmosdb:DatabaseAccount": "Microsoft.DocumentDB/databaseAccounts",
    "azure-native:servicebus:Queue": "Microsoft.ServiceBus/namespaces/queues",
    "azure-native:eventgrid:Topic": "Microsoft.EventGrid/topics",
};

/** `/subscriptions/<id>/resourceGroups/<group>/providers/<ARM type path>/<name>`. */
export function azureId(c: ResourceContext, armType: string | undefined): string {
    const group = text(c.inputs.resourceGroupName, c.physicalName);
    const base = `/subscriptions/${c.cloud.azureSubscriptionId}/resourceGroups/${group}`;
    if (armType === "Microsoft.Resources/resourceGroups") return base;
    // A type outside the ARM table: `Microsoft.<module>/<type name>`, the shape of the real id.
    const [, module, typeName] = c.type.split(":");
    const [namespace, ...segments] = (armType ?? `Microsoft.${module.split("/")[0]}/${typeName}`).split("/");
    // Child types name each parent: storageAccounts/<account>/blobServices/default/containers/<name>.
    const parents = [text(c.inputs.accountName ?? c.inputs.namespaceName ?? c.inputs.name ?? c.inputs.vaultName, c.physicalName), "default"];
    const path = segments.map((segment, i) => i === segments.length - 1 ? `${segment}/${c.physicalName}` : `${segment}/${parents[i] ?? "default"}`);
    return `${base}/providers/${namespace}/${path.join("/")}`;
}

/** Where a resource whose location Azure derives (not given as an input) is placed. */
const DEFAULT_LOCATION = "westeurope";

const storageEndpoints = (account: string) => ({
    blob: `https://${account}.blob.core.windows.net/`, queue: `https://${account}.queue.core.windows.net/`,
    table: `https://${account}.table.core.windows.net/`, file: `https://${account}.file.core.windows.net/`,
    dfs: `https://${account}.dfs.core.windows.net/`, web: `https://${account}.z6.web.core.windows.net/`,
});

export const azureOutputs: Record<string, OutputRow> = {
    "azure-native:resources:ResourceGroup": () => ({ properties: { provisioningState: "Succeeded" } }),
    "azure-native:storage:StorageAccount": (c) => ({
        primaryEndpoints: storageEndpoints(c.physicalName), primaryLocation: text(c.inputs.location, DEFAULT_LOCATION),
        secondaryEndpoints: undefined, secondaryLocation: undefined, statusOfPrimary: "available", statusOfSecondary: undefined,
        provisioningState: "Succeeded", creationTime: CREATED_AT, keyCreationTime: { key1: CREATED_AT, key2: CREATED_AT },
        accountMigrationInProgress: undefined, blobRestoreStatus: undefined, failoverInProgress: undefined, geoReplicationStats: undefined,
        isSkuConversionBlocked: undefined, lastGeoFailoverTime: undefined, privateEndpointConnections: [], storageAccountSkuConversionStatus: undefined,
    }),
    "azure-native:storage:BlobContainer": (c) => ({
        etag: `"0x8DC${c.hex(12).toUpperCase()}"`, deleted: false, deletedTime: undefined, hasImmutabilityPolicy: false, hasLegalHold: false,
        immutabilityPolicy: undefined, lastModifiedTime: CREATED_AT, leaseDuration: undefined, leaseState: "Available", leaseStatus: "Unlocked",
        legalHold: { hasLegalHold: false, tags: [] }, remainingRetentionDays: 0, version: undefined,
    }),
    "azure-native:storage:Blob": (c) => ({
        url: `https://${text(c.inputs.accountName, "account")}.blob.core.windows.net/${text(c.inputs.containerName, "container")}/${c.physicalName}`,
    }),
    "azure-native:storage:Queue": () => ({ approximateMessageCount: 0 }),
    "azure-native:web:AppServicePlan": (c) => ({
        geoRegion: text(c.inputs.location, "West Europe"), maximumNumberOfWorkers: 1, numberOfSites: 0, numberOfWorkers: 1,
        provisioningState: "Succeeded", resourceGroup: text(c.inputs.resourceGroupName, ""), status: "Ready", subscription: c.cloud.azureSubscriptionId,
    }),
    "azure-native:web:WebApp": (c) => {
        const host = `${c.physicalName}.azurewebsites.net`;
        const identity = c.inputs.identity as Record<string, unknown> | undefined;
        return {
            defaultHostName: host, hostNames: [host], enabledHostNames: [host, `${c.physicalName}.scm.azurewebsites.net`],
            state: "Running", usageState: "Normal", availabilityState: "Normal", repositorySiteName: c.physicalName,
            resourceGroup: text(c.inputs.resourceGroupName, ""), outboundIpAddresses: "203.0.113.20,203.0.113.21",
            possibleOutboundIpAddresses: "203.0.113.20,203.0.113.21,203.0.113.22", isDefaultContainer: undefined, inProgressOperationId: undefined,
            lastModifiedTimeUtc: CREATED_AT, maxNumberOfWorkers: undefined, sku: "Dynamic", slotSwapStatus: undefined, suspendedTill: undefined,
            targetSwapSlot: undefined, trafficManagerHostNames: undefined,
            ...(identity ? { identity: { ...identity, principalId: c.uuid("principal"), tenantId: c.uuid("tenant") } } : {}),
        };
    },
    "azure-native:applicationinsights:Component": (c) => {
        const key = c.uuid();
        return {
            appId: c.uuid("app"), applicationId: c.physicalName, instrumentationKey: key, creationDate: CREATED_AT, etag: `"${c.hex(16)}"`,
            connectionString: `InstrumentationKey=${key};IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/;LiveEndpoint=https://westeurope.livediagnostics.monitor.azure.com/`,
            hockeyAppToken: undefined, laMigrationDate: undefined, privateLinkScopedResources: undefined, provisioningState: "Succeeded",
            tenantId: c.cloud.azureSubscriptionId,
        };
    },
    "azure-native:operationalinsights:Workspace": (c) => ({
        customerId: c.uuid(), createdDate: CREATED_AT, modifiedDate: CREATED_AT, etag: `"${c.hex(16)}"`,
        privateLinkScopedResources: undefined, provisioningState: "Succeeded",
    }),
    "azure-native:keyvault:Vault": (c) => ({
        properties: { ...(c.inputs.properties as object | undefined), vaultUri: `https://${c.physicalName}.vault.azure.net/`, provisioningState: "Succeeded" },
    }),
    // A secret lives where its vault does; the stand-in's vaults are in its default region.
    "azure-native:keyvault:Secret": () => ({ location: DEFAULT_LOCATION }),
    "azure-native:managedidentity:UserAssignedIdentity": (c) => ({ clientId: c.uuid("client"), principalId: c.uuid("principal"), tenantId: c.uuid("tenant") }),
    "azure-native:servicebus:Namespace": (c) => ({
        serviceBusEndpoint: `https://${c.physicalName}.servicebus.windows.net:443/`, metricId: `${c.cloud.azureSubscriptionId}:${c.physicalName}`,
        status: "Active", createdAt: CREATED_AT, updatedAt: CREATED_AT,
    }),
    "azure-native:servicebus:Queue": () => ({
        location: DEFAULT_LOCATION, accessedAt: CREATED_AT, createdAt: CREATED_AT, updatedAt: CREATED_AT, messageCount: 0, sizeInBytes: 0,
        countDetails: { activeMessageCount: 0, deadLetterMessageCount: 0, scheduledMessageCount: 0, transferDeadLetterMessageCount: 0, transferMessageCount: 0 },
    }),
    "azure-native:eventgrid:Topic": (c) => ({
        endpoint: `https://${c.physicalName}.${text(c.inputs.location, DEFAULT_LOCATION)}-1.eventgrid.azure.net/api/events`, metricResourceId: c.uuid(),
        privateEndpointConnections: [],
    }),
    "azure-native:cosmosdb:DatabaseAccount": (c) => ({
        documentEndpoint: `https://${c.physicalName}.documents.azure.com:443/`, instanceId: c.uuid(), keyVaultKeyUriVersion: undefined,
        keysMetadata: {}, privateEndpointConnections: [], failoverPolicies: [], readLocations: [], writeLocations: [],
    }),
    "azure-native:authorization:RoleAssignment": () => ({
        createdBy: "planner", createdOn: CREATED_AT, updatedBy: "planner", updatedOn: CREATED_AT,
    }),
};
