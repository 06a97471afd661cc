import * as assert from "node:assert/strict";
import { analyzeResource, undetermined } from "./support/pack";
import { resource, T, withProps } from "./support/fixtures";
import { UNKNOWN } from "./support/wire-values";

const POLICY = "azure-function-hardening";

describe("azure-function-hardening", () => {
    const app = resource(T.webApp, "orders-app", {
        kind: "functionapp,linux", httpsOnly: true, identity: { type: "SystemAssigned" },
        siteConfig: { minTlsVersion: "1.2", ftpsState: "Disabled", remoteDebuggingEnabled: false, http20Enabled: true },
    });

    it("passes HTTPS only, TLS 1.2, FTPS disabled, no remote debugging and a system-assigned identity", async () => {
        assert.deepEqual(await analyzeResource(app, POLICY), []);
    });

    it("flags each missing hardening setting with its fix (Azure's defaults where left out)", async () => {
        const bare = withProps(app, { httpsOnly: undefined, identity: undefined, siteConfig: { minTlsVersion: "1.0", remoteDebuggingEnabled: true } });
        assert.deepEqual((await analyzeResource(bare, POLICY)).map((f) => [f.level, f.detail]), [
            ["mandatory", `"orders-app" accepts plain HTTP. Set httpsOnly: true.`],
            ["mandatory", `"orders-app" accepts TLS 1.0. Set siteConfig.minTlsVersion to "1.2".`],
            ["mandatory", `"orders-app" has FTP deployment AllAllowed (Azure's default). Set siteConfig.ftpsState: "Disabled".`],
            ["mandatory", `"orders-app" has remote debugging on, which opens a debugging endpoint. Set siteConfig.remoteDebuggingEnabled: false.`],
            ["mandatory", `"orders-app" has no managed identity, so it must reach storage, queues and Key Vault with connection ` +
                `strings and keys. Set identity: { type: "SystemAssigned" } and grant it data roles.`],
        ]);
    });

    it("flags basic-auth FTP publishing credentials left enabled", async () => {
        const ftp = resource(T.ftpAllowed, "orders-app-ftp", { name: "orders-app", resourceGroupName: "rg", allow: true });
        assert.deepEqual((await analyzeResource(ftp, POLICY)).map((f) => f.detail), [
            `"orders-app-ftp" enables basic-auth publishing credentials on FTP. Set allow: false and deploy with the app's Entra ID identity.`,
        ]);
    });

    it("reports 'cannot be determined' when httpsOnly is unknown", async () => {
        assert.deepEqual(await analyzeResource(withProps(app, { httpsOnly: UNKNOWN }), POLICY), [undetermined(POLICY, app.urn, "httpsOnly is unknown")]);
    });

    it("checks deployment slots and apps of any kind spelling, enum values compared as Azure does (\"disabled\" is Disabled)", async () => {
        const slot = resource("azure-native:web:WebAppSlot", "orders-app-staging", { kind: "FunctionApp", name: "orders-app", slot: "staging",
            httpsOnly: false, identity: { type: "SystemAssigned, UserAssigned" }, siteConfig: { ftpsState: "disabled" } });
        assert.deepEqual((await analyzeResource(slot, POLICY)).map((f) => f.detail), [`"orders-app-staging" accepts plain HTTP. Set httpsOnly: true.`]);
        const scm = resource("azure-native:web:WebAppScmAllowedSlot", "orders-app-staging-scm", { name: "orders-app", slot: "staging", allow: true });
        assert.deepEqual((await analyzeResource(scm, POLICY)).map((f) => f.detail), [
            `"orders-app-staging-scm" enables basic-auth publishing credentials on SCM. Set allow: false and deploy with the app's Entra ID identity.`,
        ]);
    });
});
