import { PolicyConfigSchema, ResourceValidationPolicy } from "@pulumi/policy";
import { appSettingsOf } from "../lib/azure-apps";
import { Findings } from "../lib/findings";
import { ResourceView, validateResources } from "../lib/policy-kit";
import { aws, azure, gcp } from "../lib/resource-types";
import endOfSupport from "../lib/runtime-end-of-support.json";
import { at, list, str, Unknown, UNKNOWN } from "../lib/values";

interface RuntimeConfig {
    asOfDate: string;
    extraDeprecatedRuntimes: string[];
}

const configSchema: PolicyConfigSchema = {
    properties: {
        asOfDate: {
            type: "string", pattern: "^(\\d{4}-\\d{2}-\\d{2})?$", default: "",
            description: "Date (YYYY-MM-DD) to judge deprecation at; empty means today.",
        },
        extraDeprecatedRuntimes: {
            type: "array", items: { type: "string" }, default: [],
            description: "More runtime identifiers to refuse (e.g. \"nodejs22.x\", \"node|20\", \"nodejs20\") ahead of the platform's date.",
        },
    },
};

type Platform = "lambda" | "azure" | "gcp";

const PLATFORM_NAMES: Record<Platform, string> = { lambda: "AWS Lambda", azure: "Azure Functions", gcp: "Google Cloud" };

function checkRuntime(resource: ResourceView, platform: Platform, runtime: string, config: RuntimeConfig, findings: Findings): void {
    const table: Record<string, string> = endOfSupport[platform];
    const endDate = table[runtime.toLowerCase()];
    const asOf = config.asOfDate || new Date().toISOString().slice(0, 10);
    if (config.extraDeprecatedRuntimes.includes(runtime)) {
        findings.violation(`"${resource.name}" uses runtime ${runtime}, which this organisation no longer accepts. ` +
            `Move to a newer ${PLATFORM_NAMES[platform]} runtime.`);
    } else if (endDate !== undefined && endDate <= asOf) {
        findings.violation(`"${resource.name}" uses runtime ${runtime}, deprecated on ${PLATFORM_NAMES[platform]} since ${endDate}: ` +
            `it gets no security patches and deployments will be blocked. Move to a supported runtime (see ${endOfSupport.sources[platform]}).`);
    }
}

/** "~18" / "18" / "18.x" -> "18". */
function majorVersion(value: string): string {
    return value.trim().replace(/^~/, "").replace(/\.x$/i, "");
}

/**
 * What an Azure site runs: the Functions host version (FUNCTIONS_EXTENSION_VERSION, as "functions|~4"),
 * Node on Windows (WEBSITE_NODE_DEFAULT_VERSION "~20" -> "node|20"), Flex `functionAppConfig.runtime`
 * and Linux `siteConfig.linuxFxVersion` ("Node|20"), all compared lower-case as Azure does.
 */
function azureRuntimes(app: ResourceView): Array<string | Unknown> {
    const runtimes: Array<string | Unknown> = [];
    const settings = appSettingsOf(app);
    const host = str(settings.get("FUNCTIONS_EXTENSION_VERSION"));
    if (host === UNKNOWN) runtimes.push(UNKNOWN);
    else if (host) runtimes.push(`functions|~${majorVersion(host)}`);
    const node = str(settings.get("WEBSITE_NODE_DEFAULT_VERSION"));
    if (node === UNKNOWN) runtimes.push(UNKNOWN);
    else if (node) runtimes.push(`node|${majorVersion(node)}`);
    if (app.type === azure.webAppApplicationSettings || app.type === azure.webAppApplicationSettingsSlot) return runtimes;
    const name = str(at(app.props, "functionAppConfig", "runtime", "name"));
    const version = str(at(app.props, "functionAppConfig", "runtime", "version"));
    if (name === UNKNOWN || version === UNKNOWN) runtimes.push(UNKNOWN);
    else if (name && version) runtimes.push(`${name}|${version}`.toLowerCase());
    const fx = str(at(app.props, "siteConfig", "linuxFxVersion"));
    if (fx === UNKNOWN) runtimes.push(UNKNOWN);
    else if (fx && fx.includes("|")) runtimes.push(fx.toLowerCase());
    return runtimes;
}

/** ".../serverless-runtimes/google-22/runtimes/nodejs22" -> "nodejs22". */
function cloudRunRuntimes(service: ResourceView): Array<string | Unknown> {
    const containers = list(at(service.props, "template", "containers"));
    return (Array.isArray(containers) ? containers : []).flatMap((container): Array<string | Unknown> => {
        const base = str(at(container, "baseImageUri"));
        if (base === UNKNOWN) return [UNKNOWN];
        const match = typeof base === "string" ? /\/runtimes\/([a-z]+\d+)$/.exec(base) : null;
        return match ? [match[1]] : [];
    });
}

function runtimesOf(resource: ResourceView): { platform: Platform; runtimes: Array<string | Unknown> } {
    switch (resource.type) {
        case aws.lambdaFunction: {
            if (str(at(resource.props, "packageType")) === "Image") return { platform: "lambda", runtimes: [] };
            const runtime = str(at(resource.props, "runtime"));
            return { platform: "lambda", runtimes: runtime === undefined ? [] : [runtime] };
        }
        case aws.lambdaLayerVersion: {
            const compatible = list(at(resource.props, "compatibleRuntimes"));
            return { platform: "lambda", runtimes: compatible === UNKNOWN ? [UNKNOWN]
                : (compatible ?? []).map((r) => str(r)).filter((r): r is string | Unknown => r !== undefined) };
        }
        case gcp.cloudFunctionV1:
        case gcp.cloudFunctionV2: {
            const runtime = str(at(resource.props, ...(resource.type === gcp.cloudFunctionV1 ? ["runtime"] : ["buildConfig", "runtime"])));
            return { platform: "gcp", runtimes: runtime === undefined ? [] : [runtime] };
        }
        case gcp.cloudRunV2Service:
            return { platform: "gcp", runtimes: cloudRunRuntimes(resource) };
        default:
            return { platform: "azure", runtimes: azureRuntimes(resource) };
    }
}

/** Deprecated runtimes get no security patches; the platforms then block updates to functions that use them. */
export const supportedRuntime: ResourceValidationPolicy = {
    name: "supported-runtime",
    description: "Functions and services must use a runtime their platform still supports (AWS Lambda, Azure Functions, Google Cloud Functions and Cloud Run base images), judged against each platform's published deprecation dates.",
    enforcementLevel: "mandatory",
    severity: "high",
    configSchema,
    validateResource: validateResources<RuntimeConfig>(
        [aws.lambdaFunction, aws.lambdaLayerVersion, gcp.cloudFunctionV1, gcp.cloudFunctionV2, gcp.cloudRunV2Service, azure.webApp,
            azure.webAppSlot, azure.webAppApplicationSettings, azure.webAppApplicationSettingsSlot], configSchema,
        (resource, config, findings) => {
            const { platform, runtimes } = runtimesOf(resource);
            for (const runtime of runtimes) {
                if (runtime === UNKNOWN) findings.cannotDetermine("the runtime is unknown");
                else checkRuntime(resource, platform, runtime, config, findings);
            }
        }),
};
