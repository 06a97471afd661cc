import * as authorization from "@pulumi/azure-native/authorization";
import * as resources from "@pulumi/azure-native/resources";
import * as web from "@pulumi/azure-native/web";
import * as pulumi from "@pulumi/pulumi";
import { costTags, CostTraffic } from "../../contracts/cost-tags";
import { AZURE_HTTP_TIMEOUT_SECONDS } from "../../contracts/integration-limits";
import { AZURE_FUNCTIONS_NODE_VERSION } from "../../contracts/runtimes";
import { AppPackage } from "./app-package";
import { createStoredSecret } from "./key-vault";
import { createMonitoring } from "./monitoring";
import { FlexOneDeploy, scmHostName } from "./one-deploy";
import { grantRole } from "./roles";
import { createAppStorage } from "./storage";


/** Secret name of the Application Insights connection string in the app's Key Vault. */
export const INSIGHTS_SECRET_NAME = "appinsights-connection-string";

export interface FunctionAppArgs {
    /** Azure region. @example "westeurope" */
    location: string;
    /** The app's code package (see packageFunctionsApp). */
    appPackage: AppPackage;
    /** Storage queues the app reads and writes; each gets its `<name>-poison` queue too. */
    queues: string[];
    /** Storage tables the app reads and writes. */
    tables: string[];
    /** Most instances Flex Consumption scales out to (40..1000). */
    maxInstanceCount: number;
    /** Memory of each instance, in MB. */
    instanceMemoryMb: 512 | 2048 | 4096;
    /** Instances kept warm for HTTP triggers; 0 = none, cold starts accepted. @default 0 */
    alwaysReadyHttpInstances?: number;
    /** Function timeout of every function of the app, in seconds (at most 230: the HTTP front end's limit). */
    functionTimeoutSeconds: number;
    /** Deliveries of a queue message before the host moves it to the poison queue. */
    maxDequeueCount: number;
    /** LOG_LEVEL of the functions (DEBUG, INFO, WARN, ERROR). */
    logLevel: string;
    /** Days the Log Analytics workspace keeps logs (raised to its 30-day minimum). */
    logRetentionDays: number;
    /** Expected traffic, tagged for the cost estimate. */
    traffic: CostTraffic;
    /** Tags on every resource. @default {} */
    tags?: Record<string, string>;
}

/**
 * An Azure Functions app on the Flex Consumption plan (FC1, Linux), hardened and identity-based: its storage
 * refuses shared keys, the app reaches storage and Key Vault with its system-assigned identity through
 * role assignments scoped to the storage account (blob, host and deployment storage), each queue, each table
 * and the one secret it reads; the code is published with OneDeploy on every change of the package.
 */
export class FunctionApp extends pulumi.ComponentResource {
    readonly resourceGroup: resources.ResourceGroup;
    readonly app: web.WebApp;
    readonly plan: web.AppServicePlan;
    readonly storageAccountName: pulumi.Output<string>;
    readonly roleAssignments: authorization.RoleAssignment[];
    readonly deployment: FlexOneDeploy;
    /** `https://<host>` of the app. */
    readonly url: pulumi.Output<string>;

    constructor(name: string, args: FunctionAppArgs, opts?: pulumi.ComponentResourceOptions) {
        super("serverless-platform:azure:FunctionApp", name, {}, opts);
        validate(name, args);
        const child = { parent: this };
        const tags = args.tags ?? {};
        const client = authorization.getClientConfigOutput({ parent: this });

        this.resourceGroup = new resources.ResourceGroup(`${name}-rg`, { location: args.location, tags }, child);
        const placement = { resourceGroupName: this.resourceGroup.name, location: args.location, tags };
        const queues = args.queues.flatMap((queue) => [queue, `${queue}-poison`]);
        const storage = createAppStorage(name, { ...placement, queues, tables: args.tables }, child);
        const monitoring = createMonitoring(name, { ...placement, retentionDays: args.logRetentionDays }, child);
        const insightsSecret = createStoredSecret(name, {
            ...placement, tenantId: client.tenantId, secretName: INSIGHTS_SECRET_NAME, value: monitoring.insights.connectionString,
        }, child);

        this.plan = new web.AppServicePlan(`${name}-plan`, {
            ...placement,
            kind: "functionapp",
            reserved: true, // Linux: the only OS of Flex Consumption
            sku: { name: "FC1", tier: "FlexConsumption" },
        }, child);

        this.app = new web.WebApp(`${name}-app`, {
            ...placement,
            kind: "functionapp,linux",
            serverFarmId: this.plan.id,
            identity: { type: web.ManagedServiceIdentityType.SystemAssigned },
            httpsOnly: true,
            clientCertEnabled: false,
            functionAppConfig: {
                deployment: {
                    storage: { type: "blobContainer", value: storage.packageContainerUrl, authentication: { type: "SystemAssignedIdentity" } },
                },
                runtime: { name: "node", version: AZURE_FUNCTIONS_NODE_VERSION },
                scaleAndConcurrency: {
                    maximumInstanceCount: args.maxInstanceCount,
                    instanceMemoryMB: args.instanceMemoryMb,
                    alwaysReady: args.alwaysReadyHttpInstances ? [{ name: "http", instanceCount: args.alwaysReadyHttpInstances }] : undefined,
                },
            },
            siteConfig: {
                minTlsVersion: web.SupportedTlsVersions.SupportedTlsVersions_1_2,
                scmMinTlsVersion: web.SupportedTlsVersions.SupportedTlsVersions_1_2,
                ftpsState: web.FtpsState.Disabled,
                remoteDebuggingEnabled: false,
                http20Enabled: true,
                appSettings: [
                    // Identity-based host storage: no connection string, no key.
                    { name: "AzureWebJobsStorage__accountName", value: storage.account.name },
                    { name: "APPLICATIONINSIGHTS_CONNECTION_STRING", value: insightsSecret.appSettingReference },
                    // Stack settings override host.json (the host reads AzureFunctionsJobHost__<path>).
                    { name: "AzureFunctionsJobHost__functionTimeout", value: timeSpan(args.functionTimeoutSeconds) },
                    { name: "AzureFunctionsJobHost__extensions__queues__maxDequeueCount", value: String(args.maxDequeueCount) },
                    { name: "LOG_LEVEL", value: args.logLevel },
                ],
            },
            tags: { ...tags, ...costTags(args.traffic) },
        }, child);

        // Basic-auth publishing (FTP and SCM user/password) is off: OneDeploy below signs in with Entra ID.
        new web.WebAppFtpAllowed(`${name}-ftp-basic-auth`, { resourceGroupName: this.resourceGroup.name, name: this.app.name, allow: false }, child);
        new web.WebAppScmAllowed(`${name}-scm-basic-auth`, { resourceGroupName: this.resourceGroup.name, name: this.app.name, allow: false }, child);

        const principal = { principalId: this.app.identity.apply((identity) => identity?.principalId ?? ""), subscriptionId: client.subscriptionId };
        this.roleAssignments = [
            // The host keeps locks and keys in blob containers it creates, and reads the package container:
            // the blob role cannot be narrower than the account.
            grantRole(`${name}-blob-data-owner`, { ...principal, role: "storageBlobDataOwner", scope: storage.account.id }, child),
            ...Object.entries(storage.queues).map(([queueName, queue]) =>
                grantRole(`${name}-queue-${queueName}`, { ...principal, role: "storageQueueDataContributor", scope: queue.id }, child)),
            ...Object.entries(storage.tables).map(([tableName, table]) =>
                grantRole(`${name}-table-${tableName}`, { ...principal, role: "storageTableDataContributor", scope: table.id }, child)),
            grantRole(`${name}-secret-${INSIGHTS_SECRET_NAME}`, { ...principal, role: "keyVaultSecretsUser", scope: insightsSecret.secret.id }, child),
        ];

        // After the roles: the upload needs blob access, and the restart it causes resolves the Key Vault reference.
        this.deployment = new FlexOneDeploy(`${name}-code`, {
            scmHostName: this.app.defaultHostName.apply(scmHostName),
            zipPath: args.appPackage.zipPath,
            zipSha256: args.appPackage.sha256,
        }, { ...child, dependsOn: this.roleAssignments });

        this.storageAccountName = storage.account.name;
        this.url = pulumi.interpolate`https://${this.app.defaultHostName}`;
        this.registerOutputs({ url: this.url, storageAccountName: this.storageAccountName });
    }
}

function validate(name: string, args: FunctionAppArgs): void {
    if (args.functionTimeoutSeconds < 1 || args.functionTimeoutSeconds > AZURE_HTTP_TIMEOUT_SECONDS) {
        throw new Error(`FunctionApp ${name}: functionTimeoutSeconds = ${args.functionTimeoutSeconds} must be from 1 to ` +
            `${AZURE_HTTP_TIMEOUT_SECONDS} (the HTTP front end answers 502 after ${AZURE_HTTP_TIMEOUT_SECONDS} s whatever the timeout)`);
    }
    if ((args.alwaysReadyHttpInstances ?? 0) > args.maxInstanceCount) {
        throw new Error(`FunctionApp ${name}: alwaysReadyHttpInstances = ${args.alwaysReadyHttpInstances} must be at most ` +
            `maxInstanceCount = ${args.maxInstanceCount}`);
    }
}

/** Seconds as the host's TimeSpan format, e.g. 30 -> "00:00:30". */
export function timeSpan(seconds: number): string {
    const pad = (n: number) => String(n).padStart(2, "0");
    return `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor((seconds % 3600) / 60))}:${pad(seconds % 60)}`;
}
