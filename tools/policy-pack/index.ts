export { startPolicyPack } from "./start";
export type { StartPolicyPackOptions } from "./start";
export { reconcilePolicyConfig, loadPolicyConfigFile, PolicyConfigError } from "./policy-config";
export type {
    AnalyzedResource, EnforcementLevel, PackInfo, PolicyConfigEntry, PolicyConfigFile, PolicyInfo, PolicyPackProcess,
    PolicyViolation, ReconciledConfig,
} from "./types";
