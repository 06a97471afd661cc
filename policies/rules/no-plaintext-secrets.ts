import { PolicyConfigSchema, ResourceValidationPolicy } from "@pulumi/policy";
import { Findings } from "../lib/findings";
import { ResourceView, validateResources } from "../lib/policy-kit";
import { aws, azure, gcp } from "../lib/resource-types";
import { hasSecretName, isSecretReference, SecretNaming, secretValueShape } from "../lib/secret-detection";
import { at, isSet, list, record, str, UNKNOWN } from "../lib/values";

const configSchema: PolicyConfigSchema = {
    properties: {
        secretNamePattern: {
            type: "string",
            default: "SECRET|PASSWORD|PASSWD|PASSPHRASE|TOKEN|API_?KEY|PRIVATE_?KEY|CREDENTIAL|CONNECTION_?STRING|ACCESS_?KEY|SAS_?KEY",
            description: "Regular expression (case-insensitive) of variable names that suggest a secret.",
        },
        referenceNameSuffixes: {
            type: "array", items: { type: "string" },
            default: ["_ARN", "_NAME", "_ID", "_PATH", "_PARAM", "_PARAMETER", "_REF", "_SECRET_NAME"],
            description: "Name suffixes that mark a reference to a secret (e.g. SECRET_ARN), not the secret itself.",
        },
    },
};

/** One named value a platform puts in the process environment, and where it was found. */
interface Setting {
    name: string;
    value: unknown;
    where: string;
}

const FIXES: Record<string, string> = {
    lambda: "Store it in Secrets Manager (or SSM SecureString), pass its ARN (e.g. SECRET_ARN) and read it once at init.",
    cloudRun: "Store it in Secret Manager and reference it with valueSource.secretKeyRef (v1: valueFrom.secretKeyRef).",
    azure: "Store it in Key Vault and use a @Microsoft.KeyVault(SecretUri=...) reference, or use the app's managed identity (e.g. AzureWebJobsStorage__accountName).",
};

function checkSetting(resource: ResourceView, setting: Setting, naming: SecretNaming, fix: string, findings: Findings): void {
    const value = str(setting.value);
    const secretName = hasSecretName(setting.name, naming);
    if (value === UNKNOWN) {
        if (secretName) findings.cannotDetermine(`${setting.where} ${setting.name} is computed, so whether it holds a plain secret is unknown`);
        return;
    }
    if (value === undefined || value === "" || isSecretReference(value)) return;
    const shape = secretValueShape(value);
    if (shape || secretName) {
        findings.violation(`"${resource.name}" puts ${shape ? shape : "a secret"} in plain text in ${setting.where} ` +
            `${setting.name}: anyone who can read the configuration can read it. ${fix}`);
    }
}

function namedValues(map: unknown, where: string): Setting[] {
    const entries = record(map);
    return entries && entries !== UNKNOWN ? Object.entries(entries).map(([name, value]) => ({ name, value, where })) : [];
}

/** `[{ name, value }]` lists (Cloud Run env, Azure appSettings); entries whose value comes from a secret ref are skipped. */
function nameValueList(items: unknown, where: string, secretRefKeys: string[]): Setting[] {
    const entries = list(items);
    if (!Array.isArray(entries)) return [];
    return entries
        .filter((entry) => !secretRefKeys.some((key) => isSet(at(entry, key))))
        .map((entry) => ({ name: String(str(at(entry, "name")) ?? ""), value: at(entry, "value"), where }));
}

function settingsOf(resource: ResourceView): { settings: Setting[]; fix: string; unknown?: string } {
    const props = resource.props;
    switch (resource.type) {
        case aws.lambdaFunction:
            return { settings: namedValues(at(props, "environment", "variables"), "environment variable"), fix: FIXES.lambda,
                unknown: at(props, "environment", "variables") === UNKNOWN ? "the environment variables are unknown" : undefined };
        case gcp.cloudRunV2Service: {
            const containers = list(at(props, "template", "containers"));
            return { fix: FIXES.cloudRun, settings: (Array.isArray(containers) ? containers : [])
                .flatMap((container) => nameValueList(at(container, "envs"), "env var", ["valueSource"])) };
        }
        case gcp.cloudRunV1Service: {
            const containers = list(at(props, "template", "spec", "containers"));
            return { fix: FIXES.cloudRun, settings: (Array.isArray(containers) ? containers : [])
                .flatMap((container) => nameValueList(at(container, "envs"), "env var", ["valueFrom"])) };
        }
        case gcp.cloudFunctionV2:
            return { settings: namedValues(at(props, "serviceConfig", "environmentVariables"), "environment variable"), fix: FIXES.cloudRun };
        case azure.webApp:
            return { settings: nameValueList(at(props, "siteConfig", "appSettings"), "app setting", []), fix: FIXES.azure };
        default:
            return { settings: namedValues(at(props, "properties"), "app setting"), fix: FIXES.azure };
    }
}

/** Secrets belong in a secret store: environment variables and app settings carry references, never the secret. */
export const noPlaintextSecrets: ResourceValidationPolicy = {
    name: "no-plaintext-secrets",
    description: "Environment variables and app settings that look like secrets (by name or by value) must reference a secret store (Secrets Manager/SSM, Secret Manager, Key Vault) instead of holding the secret in plain text.",
    enforcementLevel: "mandatory",
    severity: "critical",
    configSchema,
    validateResource: validateResources<SecretNaming>(
        [aws.lambdaFunction, gcp.cloudRunV2Service, gcp.cloudRunV1Service, gcp.cloudFunctionV2, azure.webApp, azure.webAppApplicationSettings],
        configSchema,
        (resource, naming, findings) => {
            const { settings, fix, unknown } = settingsOf(resource);
            if (unknown) findings.cannotDetermine(unknown);
            for (const setting of settings) checkSetting(resource, setting, naming, fix, findings);
        }),
};
