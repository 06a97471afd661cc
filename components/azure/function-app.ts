import * as authorization from "@pulumi/azure-native/authorization";
import type * as keyvault from "@pulumi/azure-native/keyvault";
import * as resources from "@pulumi/azure-native/resources";
import * as web from "@pulumi/azure-native/web";
import * as pulumi from "@pulumi/pulumi";
import { costTags, CostTraffic } from "../../contracts/cost-tags";
import { AZURE_HTTP_TIMEOUT_SECONDS } from "../../contracts/integration-limits";
import { LogLevel } from "../../contracts/log-levels";
import { AZURE_FUNCTIONS_NODE_VERSION } from "../../contracts/runtimes";
import { createStoredSecret, StoredSecret } from "./key-vault";
import { createMonitoring, Monitoring } from "./monitoring";
import { FlexOneDeploy, scmHostName } from "./one-deploy";
import { grantRole } from "./roles";
import { AppStorage, createAppStorage } from "./storage";

/** Secret name of the Application Insights connection string in the app's Key Vault. */
export const INSIGHTS_SECRET_NAME = "appinsights-connection-string";

/** A built Functions app package (buildAzure makes it with packaging/packageFunctionsApp). */
export interface FunctionsAppCode {
    /** Absolute path of the zip OneDeploy uploads. */
    zipPath: string;
    /** Hex SHA-256 of the zip: a new value means new code to deploy. */
    sha256: string;
}

export interface FunctionAppArgs {
    /** Azure region. @example "westeurope" */
    location: string;
    /** The app's built code package. */
    code: FunctionsAppCode;
    /** Storage queues the app reads and writes; each gets its `<name>-poison` queue too. @example ["orders"] */
    queues: string[];
    /** Storage tables the app reads and writes. @example ["orders"] */
    tables: string[];
    /** Most instances Flex Consumption scales out to (40 to 1000). */
    maxInstanceCount: number;
    /** Memory of each instance, in MB. */
    instanceMemoryMb: 512 | 2048 | 4096;
    /** Instances kept warm for HTTP triggers, at most maxInstanceCount; 0 accepts cold starts. @default 0 */
    alwaysReadyHttpInstances?: number;
    /** Function timeout of every function of the app, in seconds (1 to 230: the HTTP front end's limit). */
    functionTimeoutSeconds: number;
    /** Deliveries of a queue message before the host moves it to the poison queue. @example 5 */
    maxDequeueCount: number;
    /** LOG_LEVEL of the functions. */
    logLevel: LogLevel;
    /** Days the Log Analytics workspace keeps logs (raised to its 30-day minimum). */
    logRetentionDays: number;
    /** Expected traffic, tagged for the cost estimate. */
    traffic: CostTraffic;
    /** Tags on every resource. @default {} */
    tags?: Record<string, string>;
}

/** Where every child goes: the app's resource group, region and tags. */
interface Placement {
    resourceGroupName: pulumi.Output<string>;
    location: string;
    tags: Record<string, string>;
}

/**
 * An Azure Functions app on the Flex Consumption plan (FC1, Linux), hardened and identity-based: its storage
 * refuses shared keys, the app reaches storage and Key Vault with its system-assigned identity through
 * role assignments scoped to the storage account (blob, host and deployment storage), each queue, each table
 * and the one secret it reads; the code is published with OneDeploy on every change of the package.
 */
export class FunctionApp extends pulumi.ComponentResource {
    readonly resourceGroup: resources.ResourceGroup;
    /** The storage account with the host's blobs, the package container and the app's queues and tables. */
    readonly storage: AppStorage;
    /** Log Analytics workspace and Application Insights. */
    readonly monitoring: Monitoring;
    /** The app's Key Vault (RBAC authorization); the app reads its secrets with its identity. */
    readonly keyVault: keyvault.Vault;
    /** The Application Insights connection string in the Key Vault, and the app setting that references it. */
    readonly insightsSecret: StoredSecret;
    readonly plan: web.AppServicePlan;
    readonly app: web.WebApp;
    /** FTP and SCM basic-auth publishing, both disallowed. */
    readonly basicAuthPolicies: [web.WebAppFtpAllowed, web.WebAppScmAllowed];
    readonly roleAssignments: authorization.RoleAssignment[];
    readonly deployment: FlexOneDeploy;
    readonly storageAccountName: pulumi.Output<string>;
    /** `https://<host>` of the app. */
    readonly url: pulumi.Output<string>;

    constructor(name: string, args: FunctionAppArgs, opts?: pulumi.ComponentResourceOptions) {
        super("serverless-platform:azure:FunctionApp", name, {}, opts);
        assertArgs(name, args);
        const client = authorization.getClientConfigOutput({ parent: this });
        this.resourceGroup = new resources.ResourceGroup(`${name}-rg`, { location: args.location, tags: args.tags ?? {} }, { parent: this });
        const placement: Placement = { resourceGroupName: this.resourceGroup.name, location: args.location, tags: args.tags ?? {} };
        this.storage = this.createStorage(name, args, placement);
        this.monitoring = createMonitoring(name, { ...placement, retentionDays: args.logRetentionDays }, { parent: this });
        this.insightsSecret = this.createInsightsSecret(name, placement, client.tenantId);
        this.keyVault = this.insightsSecret.vault;
        this.plan = this.createPlan(name, placement);
        this.app = this.createApp(name, args, placement);
        this.basicAuthPolicies = this.disableBasicAuth(name);
        this.roleAssignments = this.grantIdentity(name, client.subscriptionId);
        this.deployment = this.createDeployment(name, args);
        this.storageAccountName = this.storage.account.name;
        this.url = pulumi.interpolate`https://${this.app.defaultHostName}`;
        this.registerOutputs({ url: this.url, storageAccountName: this.storageAccountName });
    }

    /** Every work queue comes with the `<queue>-poison` queue the host moves failed messages to. */
    private createStorage(name: string, args: FunctionAppArgs, placement: Placement): AppStorage {
        const queues = args.queues.flatMap((queue) => [queue, `${queue}-poison`]);
        return createAppStorage(name, { ...placement, queues, tables: args.tables }, { parent: this });
    }

    private createInsightsSecret(name: string, placement: Placement, tenantId: pulumi.Input<string>): StoredSecret {
        return createStoredSecret(name, {
            ...placement, tenantId, secretName: INSIGHTS_SECRET_NAME, value: this.monitoring.insights.connectionString,
        }, { parent: this });
    }

    private createPlan(name: string, placement: Placement): web.AppServicePlan {
        return new web.AppServicePlan(`${name}-plan`, {
            ...placement,
            kind: "functionapp",
            reserved: true, // Linux: the only OS of Flex Consumption
            sku: { name: "FC1", tier: "FlexConsumption" },
        }, { parent: this });
    }

    private createApp(name: string, args: FunctionAppArgs, placement: Placement): web.WebApp {
        return new web.WebApp(`${name}-app`, {
            ...placement,
            kind: "functionapp,linux",
            serverFarmId: this.plan.id,
            identity: { type: web.ManagedServiceIdentityType.SystemAssigned },
            httpsOnly: true,
            clientCertEnabled: false,
            functionAppConfig: {
                deployment: {
                    storage: { type: "blobContainer", value: this.storage.packageContainerUrl, authentication: { type: "SystemAssignedIdentity" } },
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
                    { name: "AzureWebJobsStorage__accountName", value: this.storage.account.name },
                    { name: "APPLICATIONINSIGHTS_CONNECTION_STRING", value: this.insightsSecret.appSettingReference },
                    // Stack settings override host.json (the host reads AzureFunctionsJobHost__<path>).
                    { name: "AzureFunctionsJobHost__functionTimeout", value: timeSpan(args.functionTimeoutSeconds) },
                    { name: "AzureFunctionsJobHost__extensions__queues__maxDequeueCount", value: String(args.maxDequeueCount) },
                    { name: "LOG_LEVEL", value: args.logLevel },
                ],
            },
            tags: { ...placement.tags, ...costTags(args.traffic) },
        }, { parent: this });
    }

    /** Basic-auth publishing (FTP and SCM user/password) is off: OneDeploy signs in with Entra ID. */
    private disableBasicAuth(name: string): [web.WebAppFtpAllowed, web.WebAppScmAllowed] {
        const site = { resourceGroupName: this.resourceGroup.name, name: this.app.name, allow: false };
        return [
            new web.WebAppFtpAllowed(`${name}-ftp-basic-auth`, site, { parent: this }),
            new web.WebAppScmAllowed(`${name}-scm-basic-auth`, site, { parent: this }),
        ];
    }

    /** The app's identity gets exactly its storage, its queues, its tables and its one secret. */
    private grantIdentity(name: string, subscriptionId: pulumi.Input<string>): authorization.RoleAssignment[] {
        const principal = { principalId: this.app.identity.apply((identity) => identity?.principalId ?? ""), subscriptionId };
        const child = { parent: this };
        return [
            // The host keeps locks and keys in blob containers it creates, and reads the package container:
            // the blob role cannot be narrower than the account.
            grantRole(`${name}-blob-data-owner`, { ...principal, role: "storageBlobDataOwner", scope: this.storage.account.id }, child),
            ...Object.entries(this.storage.queues).map(([queueName, queue]) =>
                grantRole(`${name}-queue-${queueName}`, { ...principal, role: "storageQueueDataContributor", scope: queue.id }, child)),
            ...Object.entries(this.storage.tables).map(([tableName, table]) =>
                grantRole(`${name}-table-${tableName}`, { ...principal, role: "storageTableDataContributor", scope: table.id }, child)),
            grantRole(`${name}-secret-${INSIGHTS_SECRET_NAME}`,
                { ...principal, role: "keyVaultSecretsUser", scope: this.insightsSecret.secret.id }, child),
        ];
    }

    /** After the roles: the upload needs blob access, and the restart it causes resolves the Key Vault reference. */
    private createDeployment(name: string, args: FunctionAppArgs): FlexOneDeploy {
        return new FlexOneDeploy(`${name}-code`, {
            scmHostName: this.app.defaultHostName.apply(scmHostName),
            zipPath: args.code.zipPath,
            zipSha256: args.code.sha256,
        }, { parent: this, dependsOn: this.roleAssignments });
    }
}

/** Plain checks of the arguments; the stack's settings refuse such values before any component runs. */
function assertArgs(name: string, args: FunctionAppArgs): void {
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
