/** Conversions between the client's plain shapes and the analyzer's protobuf messages. */
import * as analyzer from "@pulumi/pulumi/proto/analyzer_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import type { JavaScriptValue } from "google-protobuf/google/protobuf/struct_pb";
import { AnalyzedResource, EnforcementLevel, PackInfo, PolicyInfo, PolicyViolation, PropertySchema, ReconciledConfig } from "./types";

const LEVEL_TO_WIRE: Record<EnforcementLevel, analyzer.EnforcementLevel> = {
    advisory: analyzer.EnforcementLevel.ADVISORY,
    mandatory: analyzer.EnforcementLevel.MANDATORY,
    disabled: analyzer.EnforcementLevel.DISABLED,
    remediate: analyzer.EnforcementLevel.REMEDIATE,
};

function levelFromWire(level: analyzer.EnforcementLevel): EnforcementLevel {
    const found = (Object.keys(LEVEL_TO_WIRE) as EnforcementLevel[]).find((key) => LEVEL_TO_WIRE[key] === level);
    return found ?? "advisory";
}

const SEVERITIES: Record<number, PolicyInfo["severity"]> = {
    [analyzer.PolicySeverity.POLICY_SEVERITY_LOW]: "low",
    [analyzer.PolicySeverity.POLICY_SEVERITY_MEDIUM]: "medium",
    [analyzer.PolicySeverity.POLICY_SEVERITY_HIGH]: "high",
    [analyzer.PolicySeverity.POLICY_SEVERITY_CRITICAL]: "critical",
};

/** Drops undefined values (protobuf Struct has no such thing) and top-level `__` keys, as the engine does. */
function toStruct(properties: Record<string, unknown>, dropInternalKeys: boolean): Struct {
    const plain = JSON.parse(JSON.stringify(properties)) as Record<string, JavaScriptValue>;
    if (dropInternalKeys) for (const key of Object.keys(plain)) if (key.startsWith("__")) delete plain[key];
    return Struct.fromJavaScript(plain);
}

export function packInfoFromWire(info: analyzer.AnalyzerInfo): PackInfo {
    const policies = info.getPoliciesList().map((policy): PolicyInfo => {
        const schema = policy.getConfigschema();
        return {
            name: policy.getName(),
            description: policy.getDescription(),
            enforcementLevel: levelFromWire(policy.getEnforcementlevel()),
            severity: SEVERITIES[policy.getSeverity()],
            kind: policy.getPolicyType() === analyzer.PolicyType.POLICY_TYPE_STACK ? "stack" : "resource",
            configSchema: schema && {
                properties: (schema.getProperties()?.toJavaScript() ?? {}) as Record<string, PropertySchema>,
                required: schema.getRequiredList(),
            },
        };
    });
    const initialConfig: PackInfo["initialConfig"] = {};
    info.getInitialconfigMap().forEach((config, policy) => {
        initialConfig[policy] = {
            enforcementLevel: levelFromWire(config.getEnforcementlevel()),
            properties: (config.getProperties()?.toJavaScript() ?? {}) as Record<string, unknown>,
        };
    });
    return { name: info.getName(), version: info.getVersion(), policies, initialConfig };
}

export function configureRequest(config: ReconciledConfig): analyzer.ConfigureAnalyzerRequest {
    const request = new analyzer.ConfigureAnalyzerRequest();
    for (const [policy, entry] of Object.entries(config)) {
        const wire = new analyzer.PolicyConfig();
        wire.setEnforcementlevel(LEVEL_TO_WIRE[entry.enforcementLevel]);
        wire.setProperties(toStruct(entry.properties, false));
        request.getPolicyconfigMap().set(policy, wire);
    }
    return request;
}

function resourceOptions(resource: AnalyzedResource): analyzer.AnalyzerResourceOptions {
    const options = new analyzer.AnalyzerResourceOptions();
    if (resource.parent) options.setParent(resource.parent);
    return options;
}

/** `urn:pulumi:stack::project::pulumi:providers:aws::default_7_48_0::<id>` -> the provider resource. */
function providerFromReference(reference: string): analyzer.AnalyzerProviderResource | undefined {
    const separator = reference.lastIndexOf("::");
    if (separator < 0) return undefined;
    const urn = reference.slice(0, separator);
    const parts = urn.split("::");
    const provider = new analyzer.AnalyzerProviderResource();
    provider.setUrn(urn);
    provider.setType(parts[parts.length - 2]?.split("$").pop() ?? "");
    provider.setName(parts[parts.length - 1] ?? "");
    provider.setProperties(new Struct());
    return provider;
}

/** What Analyze and AnalyzeStack send alike for one resource: identity, properties, options, provider. */
function describeResource<M extends analyzer.AnalyzeRequest | analyzer.AnalyzerResource>(message: M, resource: AnalyzedResource): M {
    message.setUrn(resource.urn);
    message.setType(resource.type);
    message.setName(resource.name);
    message.setProperties(toStruct(resource.properties, true));
    message.setOptions(resourceOptions(resource));
    const provider = resource.provider ? providerFromReference(resource.provider) : undefined;
    if (provider) message.setProvider(provider);
    return message;
}

export function analyzeRequest(resource: AnalyzedResource): analyzer.AnalyzeRequest {
    return describeResource(new analyzer.AnalyzeRequest(), resource);
}

/** One resource of an AnalyzeStack request: its outputs, graph edges and provider. */
export function stackResourceMessage(resource: AnalyzedResource): analyzer.AnalyzerResource {
    const wire = describeResource(new analyzer.AnalyzerResource(), resource);
    if (resource.parent) wire.setParent(resource.parent);
    wire.setDependenciesList(resource.dependencies);
    for (const [property, urns] of Object.entries(resource.propertyDependencies)) {
        const deps = new analyzer.AnalyzerPropertyDependencies();
        deps.setUrnsList(urns);
        wire.getPropertydependenciesMap().set(property, deps);
    }
    return wire;
}

/** Diagnostics -> violations. A resource policy's diagnostic carries no URN: the analyzed resource is meant. */
export function violationsFromWire(response: analyzer.AnalyzeResponse, defaultUrn: string | null): PolicyViolation[] {
    return response.getDiagnosticsList().map((diagnostic) => ({
        policy: diagnostic.getPolicyname(),
        level: diagnostic.getEnforcementlevel() === analyzer.EnforcementLevel.ADVISORY ? "advisory" : "mandatory",
        urn: diagnostic.getUrn() || defaultUrn,
        message: diagnostic.getMessage(),
    }));
}
