/** Conversions between the client's plain shapes and the analyzer's protobuf messages (resources: wire-encoding.ts). */
import * as analyzer from "@pulumi/pulumi/proto/analyzer_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import type { JavaScriptValue } from "google-protobuf/google/protobuf/struct_pb";
import { EnforcementLevel, PackInfo, PolicyInfo, PolicyViolation, PropertySchema, ReconciledConfig } from "./types";

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

/** A policy's config properties as a Struct (JSON values only: undefined ones dropped). Resources go through wire-encoding.ts. */
function toStruct(properties: Record<string, unknown>): Struct {
    return Struct.fromJavaScript(JSON.parse(JSON.stringify(properties)) as Record<string, JavaScriptValue>);
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
        wire.setProperties(toStruct(entry.properties));
        request.getPolicyconfigMap().set(policy, wire);
    }
    return request;
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
