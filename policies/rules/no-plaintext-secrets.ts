import * as pulumi from "@pulumi/pulumi";
import { PolicyConfigSchema, ResourceValidationPolicy } from "@pulumi/policy";
import { Findings } from "../lib/findings";
import { ResourceView, validateResources } from "../lib/policy-kit";
import { aws, azure, gcp } from "../lib/resource-types";
import { credentialIn, hasSecretName, isSecretReference, SecretNaming, secretValueShape } from "../lib/secret-detection";
import { isSecretAt } from "../lib/secret-marks";
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

/** One named value a platform puts in the process environment, where it was found and its property path. */
interface Setting {
    name: string;
    value: unknown;
    where: string;
    path: ReadonlyArray<string | number>;
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
        if (isSecretAt(resource.props, setting.path) === true) reportPulumiSecret(resource, setting, fix, findings);
        else if (secretName) findings.cannotDetermine(`${setting.where} ${setting.name} is computed, so whether it holds a plain secret is unknown`);
        return;
    }
    if (value === undefined || value === "" || isSecretReference(value)) return;
    if (isSecretAt(resource.props, setting.path) === true) {
        reportPulumiSecret(resource, setting, fix, findings);
        return;
    }
    const shape = secretValueShape(value);
    if (shape || secretName) {
        findings.violation(`"${resource.name}" puts ${shape ? shape : "a secret"} in plain text in ${setting.where} ` +
            `${setting.name}: anyone who can read the configuration can read it. ${fix}`);
    }
}

/** The engine marked the value secret (config.requireSecret, pulumi.secret): in an environment it is plain text again. */
function reportPulumiSecret(resource: ResourceView, setting: Setting, fix: string, findings: Findings): void {
    findings.violation(`"${resource.name}" puts a Pulumi secret in ${setting.where} ${setting.name}: the platform stores and ` +
        `shows it in plain text (console, configuration APIs, deployment logs) whatever Pulumi encrypts in its state. ${fix}`);
}

function namedValues(map: unknown, where: string, path: ReadonlyArray<string | number>): Setting[] {
    const entries = record(map);
    return entries && entries !== UNKNOWN
        ? Object.entries(entries).map(([name, value]) => ({ name, value, where, path: [...path, name] }))
        : [];
}

/** `[{ name, value }]` lists (Cloud Run env, Azure appSettings); entries whose value comes from a secret ref are skipped. */
function nameValueList(items: unknown, where: string, path: ReadonlyArray<string | number>, secretRefKeys: string[]): Setting[] {
    const entries = list(items);
    if (!Array.isArray(entries)) return [];
    return [...entries.entries()]
        .filter(([, entry]) => !secretRefKeys.some((key) => isSet(at(entry, key))))
        .map(([index, entry]) => ({ name: String(str(at(entry, "name")) ?? ""), value: at(entry, "value"), where, path: [...path, index, "value"] }));
}

function containerSettings(props: ResourceView["props"], containersPath: string[], secretRefKey: string): Setting[] {
    const containers = list(at(props, ...containersPath));
    return [...(Array.isArray(containers) ? containers : []).keys()]
        .flatMap((index) => nameValueList(at(props, ...containersPath, index, "envs"), "env var", [...containersPath, index, "envs"], [secretRefKey]));
}

function settingsOf(resource: ResourceView): { settings: Setting[]; fix: string; unknown?: string } {
    const props = resource.props;
    switch (resource.type) {
        case aws.lambdaFunction:
            return { settings: namedValues(at(props, "environment", "variables"), "environment variable", ["environment", "variables"]), fix: FIXES.lambda,
                unknown: at(props, "environment", "variables") === UNKNOWN ? "the environment variables are unknown" : undefined };
        case gcp.cloudRunV2Service:
            return { fix: FIXES.cloudRun, settings: containerSettings(props, ["template", "containers"], "valueSource") };
        case gcp.cloudRunV1Service:
            return { fix: FIXES.cloudRun, settings: containerSettings(props, ["template", "spec", "containers"], "valueFrom") };
        case gcp.cloudFunctionV1:
            return { settings: namedValues(at(props, "environmentVariables"), "environment variable", ["environmentVariables"]), fix: FIXES.cloudRun };
        case gcp.cloudFunctionV2:
            return { settings: namedValues(at(props, "serviceConfig", "environmentVariables"), "environment variable",
                ["serviceConfig", "environmentVariables"]), fix: FIXES.cloudRun };
        case azure.webApp:
        case azure.webAppSlot:
            return { settings: nameValueList(at(props, "siteConfig", "appSettings"), "app setting", ["siteConfig", "appSettings"], []), fix: FIXES.azure };
        default:
            return { settings: namedValues(at(props, "properties"), "app setting", ["properties"]), fix: FIXES.azure };
    }
}

/** The texts of an archive's inline assets (StringAsset, closure-serialized code), by file name. */
async function inlineTexts(archive: unknown, prefix = ""): Promise<Array<{ file: string; text: string }>> {
    if (!pulumi.asset.Archive.isInstance(archive)) return [];
    // Read by shape rather than instanceof: the archive objects may come from another copy of the SDK.
    const assets = await (archive as { assets?: Promise<Record<string, unknown>> }).assets;
    const texts: Array<{ file: string; text: string }> = [];
    for (const [name, member] of Object.entries(assets ?? {})) {
        if (pulumi.asset.Archive.isInstance(member)) texts.push(...await inlineTexts(member, `${prefix}${name}/`));
        else {
            const text = pulumi.asset.Asset.isInstance(member) ? await (member as unknown as { text?: Promise<string> }).text : undefined;
            if (typeof text === "string") texts.push({ file: `${prefix}${name}`, text });
        }
    }
    return texts;
}

/** Literal credentials in a function's inline code: deployed with it, readable by anyone who can download the package. */
async function checkInlineCode(resource: ResourceView, findings: Findings): Promise<void> {
    for (const { file, text } of await inlineTexts(at(resource.props, "code"))) {
        const credential = credentialIn(text);
        if (credential) {
            findings.violation(`"${resource.name}" has ${credential} written in its inline code (${file}): anyone who can read ` +
                `the deployment package or the stack can use it. Revoke it, store it in Secrets Manager and read it at init.`);
        }
    }
}

/** Secrets belong in a secret store: environment variables and app settings carry references, never the secret. */
export const noPlaintextSecrets: ResourceValidationPolicy = {
    name: "no-plaintext-secrets",
    description: "Environment variables and app settings that look like secrets (by name or by value) or hold a Pulumi secret must reference a secret store (Secrets Manager/SSM, Secret Manager, Key Vault) instead of holding the secret in plain text; inline function code must not contain credentials.",
    enforcementLevel: "mandatory",
    severity: "critical",
    configSchema,
    validateResource: validateResources<SecretNaming>(
        [aws.lambdaFunction, aws.lambdaLayerVersion, gcp.cloudRunV2Service, gcp.cloudRunV1Service, gcp.cloudFunctionV1, gcp.cloudFunctionV2,
            azure.webApp, azure.webAppSlot, azure.webAppApplicationSettings, azure.webAppApplicationSettingsSlot],
        configSchema,
        async (resource, naming, findings) => {
            if (resource.type === aws.lambdaFunction || resource.type === aws.lambdaLayerVersion) await checkInlineCode(resource, findings);
            if (resource.type === aws.lambdaLayerVersion) return;
            const { settings, fix, unknown } = settingsOf(resource);
            if (unknown) findings.cannotDetermine(unknown);
            for (const setting of settings) checkSetting(resource, setting, naming, fix, findings);
        }),
};
