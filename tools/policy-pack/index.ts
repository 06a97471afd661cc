export { startPolicyPack } from "./start";
export { encodeStackRequest } from "./stack-request";
export type { StartPolicyPackOptions } from "./start";
export { reconcilePolicyConfig, loadPolicyConfigFile, PolicyConfigError } from "./policy-config";
export type {
    AnalyzedResource, EncodedStackRequest, EnforcementLevel, PackInfo, PolicyConfigEntry, PolicyConfigFile, PolicyInfo, PolicyPackProcess,
    PolicyViolation, ReconciledConfig,
} from "./types";
