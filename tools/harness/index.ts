export { loadStackConfig, StackConfigError } from "./stack-config";
export type { StackConfig } from "./stack-config";
export { runProgram, ProgramRunError } from "./run-program";
export type { ProgramRun, RunProgramOptions } from "./run-program";
export type { RecordedResource } from "./recorded-resource";
export { engineUrn } from "./engine-urn";
export { redactSecrets, unwrapSecrets } from "./secret-values";
