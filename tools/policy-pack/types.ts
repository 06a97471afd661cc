/** Shapes shared by the policy-pack client and its callers (contract 1 in the team's contracts). */

export type EnforcementLevel = "advisory" | "mandatory" | "remediate" | "disabled";

export const ENFORCEMENT_LEVELS: readonly EnforcementLevel[] = ["advisory", "mandatory", "remediate", "disabled"];

/** A policy config file as `--policy-pack-config` takes it: a level, or an object with a level and properties. */
export type PolicyConfigFile = Record<string, EnforcementLevel | PolicyConfigEntry>;

export interface PolicyConfigEntry {
    enforcementLevel?: EnforcementLevel;
    [property: string]: unknown;
}

/** One policy's config after reconciliation, as Configure sends it. */
export interface ReconciledPolicyConfig {
    enforcementLevel: EnforcementLevel;
    properties: Record<string, unknown>;
}

export type ReconciledConfig = Record<string, ReconciledPolicyConfig>;

/** A JSON schema for one config property, as the pack declares it. */
export type PropertySchema = Record<string, unknown>;

export interface PolicyInfo {
    name: string;
    description: string;
    enforcementLevel: EnforcementLevel;
    severity?: "low" | "medium" | "high" | "critical";
    kind: "resource" | "stack";
    configSchema?: { properties: Record<string, PropertySchema>; required: string[] };
}

/** What GetAnalyzerInfo returned. */
export interface PackInfo {
    name: string;
    version: string;
    policies: PolicyInfo[];
    /** Config the pack passed to `new PolicyPack(..., initialConfig)`. */
    initialConfig: Record<string, { enforcementLevel?: EnforcementLevel; properties: Record<string, unknown> }>;
}

/** A resource as the engine sends it to Analyze (inputs) or AnalyzeStack (outputs). */
export interface AnalyzedResource {
    urn: string;
    type: string;
    name: string;
    /** Plain JSON; unknowns are the engine's sentinel strings; assets/archives keep their signature objects. */
    properties: Record<string, unknown>;
    parent?: string;
    dependencies: string[];
    propertyDependencies: Record<string, string[]>;
    /** Provider reference `<provider urn>::<provider id>`. */
    provider?: string;
}

/** An AnalyzeStack request already in wire form (see encodeStackRequest). */
export interface EncodedStackRequest {
    readonly resourceCount: number;
    readonly bytes: Buffer;
}

export interface PolicyViolation {
    policy: string;
    level: "advisory" | "mandatory";
    /** The resource in violation; null for a finding about the whole stack. */
    urn: string | null;
    message: string;
}

export interface PolicyPackProcess {
    info: PackInfo;
    analyze(resource: AnalyzedResource): Promise<PolicyViolation[]>;
    /** The resources' outputs, or the same request encoded beforehand with encodeStackRequest. */
    analyzeStack(stack: readonly AnalyzedResource[] | EncodedStackRequest): Promise<PolicyViolation[]>;
    /** Sends a new config file through the same reconciliation (the pack keeps running). */
    configure(policyConfig?: PolicyConfigFile): Promise<void>;
    close(): Promise<void>;
}
