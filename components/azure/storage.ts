import * as storage from "@pulumi/azure-native/storage";
import * as pulumi from "@pulumi/pulumi";

export interface AppStorage {
    account: storage.StorageAccount;
    /** Flex Consumption reads the app package from this container. */
    packageContainer: storage.BlobContainer;
    /** Every queue by name, each work queue followed by its poison queue. */
    queues: Record<string, storage.Queue>;
    tables: Record<string, storage.Table>;
    /** `https://<account>.blob.core.windows.net/<container>`, the app's deployment storage. */
    packageContainerUrl: pulumi.Output<string>;
}

export const PACKAGE_CONTAINER = "app-package";

/**
 * The app's storage account: host storage (AzureWebJobsStorage), the deployment container and the app's
 * queues and tables. Shared keys are disabled: every client, the Functions host included, signs in with
 * the app's managed identity.
 */
export function createAppStorage(
    name: string,
    args: { resourceGroupName: pulumi.Input<string>; location: string; queues: string[]; tables: string[]; tags: Record<string, string> },
    opts: pulumi.CustomResourceOptions,
): AppStorage {
    // Storage account names allow only lower-case letters and digits, so this child drops the dashes.
    const account = new storage.StorageAccount(`${name.replace(/[^a-z0-9]/g, "")}st`, {
        resourceGroupName: args.resourceGroupName,
        location: args.location,
        kind: storage.Kind.StorageV2,
        sku: { name: storage.SkuName.Standard_LRS },
        allowSharedKeyAccess: false,
        defaultToOAuthAuthentication: true,
        allowBlobPublicAccess: false,
        enableHttpsTrafficOnly: true,
        minimumTlsVersion: storage.MinimumTlsVersion.TLS1_2,
        tags: args.tags,
    }, opts);
    const common = { resourceGroupName: args.resourceGroupName, accountName: account.name };
    const packageContainer = new storage.BlobContainer(`${name}-package`, {
        ...common,
        containerName: PACKAGE_CONTAINER,
        publicAccess: storage.PublicAccess.None,
    }, opts);
    const queues = Object.fromEntries(args.queues.map((queueName) =>
        [queueName, new storage.Queue(`${name}-queue-${queueName}`, { ...common, queueName }, opts)]));
    const tables = Object.fromEntries(args.tables.map((tableName) =>
        [tableName, new storage.Table(`${name}-table-${tableName}`, { ...common, tableName }, opts)]));
    const packageContainerUrl = pulumi.interpolate`${account.primaryEndpoints.blob}${PACKAGE_CONTAINER}`;
    return { account, packageContainer, queues, tables, packageContainerUrl };
}
