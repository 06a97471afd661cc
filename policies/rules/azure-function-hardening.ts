import { PolicyConfigSchema, ResourceValidationPolicy } from "@pulumi/policy";
import { Findings } from "../lib/findings";
import { ResourceView, validateResources } from "../lib/policy-kit";
import { azure } from "../lib/resource-types";
import { at, bool, str, UNKNOWN } from "../lib/values";

interface HardeningConfig {
    minimumTlsVersion: string;
    allowedFtpsStates: string[];
}

const configSchema: PolicyConfigSchema = {
    properties: {
        minimumTlsVersion: {
            type: "string", enum: ["1.2", "1.3"], default: "1.2",
            description: "Lowest TLS version the app (and its SCM site) may accept.",
        },
        allowedFtpsStates: {
            type: "array", items: { type: "string", enum: ["Disabled", "FtpsOnly", "AllAllowed"] }, default: ["Disabled"],
            description: "Accepted siteConfig.ftpsState values (deployments go through the identity-based APIs, not FTP).",
        },
    },
};

/** A boolean that must be true (or false) with Azure's default when it is left out. */
function expectBoolean(app: ResourceView, path: string[], expected: boolean, azureDefault: boolean, message: string, findings: Findings): void {
    const value = bool(at(app.props, ...path));
    if (value === UNKNOWN) findings.cannotDetermine(`${path.join(".")} is unknown`);
    else if ((value ?? azureDefault) !== expected) findings.violation(message);
}

function checkTls(app: ResourceView, key: "minTlsVersion" | "scmMinTlsVersion", config: HardeningConfig, findings: Findings): void {
    const version = str(at(app.props, "siteConfig", key));
    if (version === UNKNOWN) findings.cannotDetermine(`siteConfig.${key} is unknown`);
    // Left out, Azure applies 1.2 to new apps.
    else if (version !== undefined && Number(version) < Number(config.minimumTlsVersion)) {
        findings.violation(`"${app.name}" accepts TLS ${version}${key === "scmMinTlsVersion" ? " on its SCM site" : ""}. ` +
            `Set siteConfig.${key} to "${config.minimumTlsVersion}".`);
    }
}

function checkWebApp(app: ResourceView, config: HardeningConfig, findings: Findings): void {
    expectBoolean(app, ["httpsOnly"], true, false, `"${app.name}" accepts plain HTTP. Set httpsOnly: true.`, findings);
    checkTls(app, "minTlsVersion", config, findings);
    checkTls(app, "scmMinTlsVersion", config, findings);
    const ftps = str(at(app.props, "siteConfig", "ftpsState"));
    if (ftps === UNKNOWN) findings.cannotDetermine("siteConfig.ftpsState is unknown");
    // Azure compares its enum values case-insensitively ("disabled" is Disabled).
    else if (!config.allowedFtpsStates.some((state) => state.toLowerCase() === (ftps ?? "AllAllowed").toLowerCase())) {
        findings.violation(`"${app.name}" has FTP deployment ${ftps ?? "AllAllowed (Azure's default)"}. ` +
            `Set siteConfig.ftpsState: "Disabled".`);
    }
    expectBoolean(app, ["siteConfig", "remoteDebuggingEnabled"], false, false,
        `"${app.name}" has remote debugging on, which opens a debugging endpoint. Set siteConfig.remoteDebuggingEnabled: false.`, findings);
    const identity = str(at(app.props, "identity", "type"));
    if (identity === UNKNOWN) findings.cannotDetermine("identity.type is unknown");
    else if (identity === undefined || !/assigned/i.test(identity)) {
        findings.violation(`"${app.name}" has no managed identity, so it must reach storage, queues and Key Vault with ` +
            `connection strings and keys. Set identity: { type: "SystemAssigned" } and grant it data roles.`);
    }
}

/** FTP and SCM basic-auth publishing credentials are passwords outside Entra ID; both must be off. */
function checkBasicAuthPublishing(resource: ResourceView, findings: Findings): void {
    const allowed = bool(at(resource.props, "allow"));
    const channel = resource.type === azure.webAppFtpAllowed || resource.type === azure.webAppFtpAllowedSlot ? "FTP" : "SCM";
    if (allowed === UNKNOWN) findings.cannotDetermine("allow is unknown");
    else if (allowed === true) {
        findings.violation(`"${resource.name}" enables basic-auth publishing credentials on ${channel}. Set allow: false ` +
            `and deploy with the app's Entra ID identity.`);
    }
}

/** Azure App Service / Functions hardening: HTTPS only, TLS 1.2+, no FTP, no remote debugging, a managed identity. */
export const azureFunctionHardening: ResourceValidationPolicy = {
    name: "azure-function-hardening",
    description: "Azure function apps must be HTTPS only with TLS 1.2 or later, FTP(S) deployment and basic-auth publishing disabled, remote debugging off, and a managed identity.",
    enforcementLevel: "mandatory",
    severity: "high",
    configSchema,
    validateResource: validateResources<HardeningConfig>([azure.webApp, azure.webAppSlot, azure.webAppFtpAllowed, azure.webAppScmAllowed,
        azure.webAppFtpAllowedSlot, azure.webAppScmAllowedSlot], configSchema,
        (resource, config, findings) => {
            if (resource.type === azure.webApp || resource.type === azure.webAppSlot) checkWebApp(resource, config, findings);
            else checkBasicAuthPublishing(resource, findings);
        }),
};
