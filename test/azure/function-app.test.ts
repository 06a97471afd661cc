import { strict as assert } from "node:assert";
import { APP_ENTRY_FILE, packageFunctionsApp } from "../../packaging";
import { ORDER_INTAKE_APP_DIR } from "../../components/azure/index";
import { BUILT_IN_ROLES } from "../../components/azure/roles";
import { ProgramRun, RecordedResource } from "../../tools/harness";
import { ofType, planStack, resource } from "../support/stack";

const SUBSCRIPTION = "/subscriptions/00000000-0000-0000-0000-000000000000";

const webApp = (run: ProgramRun) => resource(run, "azure-native:web:WebApp", "order-intake-app");
const scaleOf = (run: ProgramRun) =>
    (webApp(run).inputs.functionAppConfig as { scaleAndConcurrency: Record<string, unknown> }).scaleAndConcurrency;

/** Each role assignment as [role name, logical name of the resource it is scoped to]. */
function grants(run: ProgramRun): string[][] {
    const byId = new Map(run.resources.filter((r) => r.id).map((r) => [r.id, r]));
    const roleNames = new Map<string, string>(Object.entries(BUILT_IN_ROLES).map(([roleName, guid]) => [guid, roleName]));
    return ofType(run, "azure-native:authorization:RoleAssignment").map((assignment) => {
        const guid = String(assignment.inputs.roleDefinitionId).split("/").pop() ?? "";
        return [roleNames.get(guid) ?? guid, byId.get(String(assignment.inputs.scope))?.name ?? String(assignment.inputs.scope)];
    }).sort();
}

for (const stack of ["dev", "production"]) {
    describe(`Azure order intake on Flex Consumption (${stack} stack, mocks)`, () => {
        let run: ProgramRun;
        before(async () => { run = await planStack(stack); });

        it("hardens the function app: HTTPS only, TLS 1.2, FTPS and remote debugging off, system identity, basic auth off", () => {
            const app = webApp(run).inputs;
            const site = app.siteConfig as Record<string, unknown>;
            assert.deepEqual(
                [app.httpsOnly, site.minTlsVersion, site.scmMinTlsVersion, site.ftpsState, site.remoteDebuggingEnabled, app.identity],
                [true, "1.2", "1.2", "Disabled", false, { type: "SystemAssigned" }]);
            assert.equal(resource(run, "azure-native:web:WebAppFtpAllowed", "order-intake-ftp-basic-auth").inputs.allow, false);
            assert.equal(resource(run, "azure-native:web:WebAppScmAllowed", "order-intake-scm-basic-auth").inputs.allow, false);
        });

        it("runs a Linux Node 22 app on an FC1 Flex Consumption plan", () => {
            const plan = resource(run, "azure-native:web:AppServicePlan", "order-intake-plan");
            assert.deepEqual([plan.inputs.sku, plan.inputs.kind, plan.inputs.reserved], [{ name: "FC1", tier: "FlexConsumption" }, "functionapp", true]);
            assert.equal(webApp(run).inputs.serverFarmId, plan.id);
            assert.equal(webApp(run).inputs.kind, "functionapp,linux");
            assert.deepEqual((webApp(run).inputs.functionAppConfig as Record<string, unknown>).runtime, { name: "node", version: "22" });
        });

        it("connects to storage and Application Insights through the identity, with no key or plaintext secret", () => {
            const account = resource(run, "azure-native:storage:StorageAccount", "orderintakest");
            const vault = resource(run, "azure-native:keyvault:Vault", "order-intake-kv");
            assert.deepEqual([account.inputs.allowSharedKeyAccess, account.inputs.allowBlobPublicAccess, account.inputs.minimumTlsVersion],
                [false, false, "TLS1_2"]);
            const settings = Object.fromEntries(((webApp(run).inputs.siteConfig as { appSettings: { name: string; value: string }[] }).appSettings)
                .map((s) => [s.name, s.value]));
            assert.deepEqual(settings, {
                AzureWebJobsStorage__accountName: account.outputs.name,
                APPLICATIONINSIGHTS_CONNECTION_STRING: `@Microsoft.KeyVault(SecretUri=https://${vault.outputs.name}.vault.azure.net/secrets/appinsights-connection-string)`,
                AzureFunctionsJobHost__functionTimeout: "00:00:30",
                AzureFunctionsJobHost__extensions__queues__maxDequeueCount: "5",
                LOG_LEVEL: stack === "dev" ? "DEBUG" : "INFO",
            });
            assert.equal((vault.inputs.properties as Record<string, unknown>).enableRbacAuthorization, true);
            const deploymentStorage = (webApp(run).inputs.functionAppConfig as { deployment: { storage: unknown } }).deployment.storage;
            assert.deepEqual(deploymentStorage, {
                type: "blobContainer",
                value: `https://${account.outputs.name}.blob.core.windows.net/app-package`,
                authentication: { type: "SystemAssignedIdentity" },
            });
        });

        it("grants the app's identity only its storage account blobs, its queues, its table and its one secret", () => {
            assert.deepEqual(grants(run), [
                ["keyVaultSecretsUser", "order-intake-appinsights-connection-string"],
                ["storageBlobDataOwner", "orderintakest"],
                ["storageQueueDataContributor", "order-intake-queue-orders"],
                ["storageQueueDataContributor", "order-intake-queue-orders-poison"],
                ["storageTableDataContributor", "order-intake-table-orders"],
            ]);
            const principalId = (webApp(run).outputs.identity as { principalId: string }).principalId;
            for (const assignment of ofType(run, "azure-native:authorization:RoleAssignment")) {
                assert.deepEqual([assignment.inputs.principalId, assignment.inputs.principalType], [principalId, "ServicePrincipal"]);
                assert.match(String(assignment.inputs.roleDefinitionId), new RegExp(`^${SUBSCRIPTION}/providers/Microsoft.Authorization/roleDefinitions/[0-9a-f-]{36}$`));
            }
        });

        it("tags the app with the stack's traffic assumptions for the cost estimate", () => {
            const tags = webApp(run).inputs.tags as Record<string, string>;
            assert.deepEqual([tags["cost-requests-per-month"], tags["cost-avg-duration-ms"], tags["cost-payload-kb"]],
                [stack === "dev" ? "100000" : "5000000", "150", "1"]);
        });

        it("publishes the current package with OneDeploy after every role assignment exists", () => {
            const deploy: RecordedResource = resource(run, "pulumi-nodejs:dynamic/azure:FlexOneDeploy", "order-intake-code");
            const appPackage = packageFunctionsApp(ORDER_INTAKE_APP_DIR);
            assert.deepEqual([deploy.inputs.zipPath, deploy.inputs.zipSha256], [appPackage.zipPath, appPackage.sha256]);
            assert.equal(deploy.inputs.scmHostName, String(webApp(run).outputs.defaultHostName).replace(".azurewebsites.net", ".scm.azurewebsites.net"));
            for (const assignment of ofType(run, "azure-native:authorization:RoleAssignment")) assert.ok(deploy.dependencies.includes(assignment.urn), assignment.name);
            assert.deepEqual(appPackage.entries, ["host.json", APP_ENTRY_FILE, "package.json"]);
        });
    });
}

describe("Azure order intake scale per stack (mocks)", () => {
    it("dev scales to 40 instances of 2048 MB with no always-ready instance", async () => {
        assert.deepEqual(scaleOf(await planStack("dev")), { maximumInstanceCount: 40, instanceMemoryMB: 2048 });
    });
    it("production scales to 100 instances and keeps 2 HTTP instances always ready", async () => {
        assert.deepEqual(scaleOf(await planStack("production")),
            { maximumInstanceCount: 100, instanceMemoryMB: 2048, alwaysReady: [{ name: "http", instanceCount: 2 }] });
    });
});
