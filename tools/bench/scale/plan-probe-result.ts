/** What one plan reports to the scale bench (see plan-probe.ts); times in ms. */
export interface PlanProbeResult {
    /** runPlan from its call to its return: config read to last policy answer, pack stopped (process and module start-up excluded). */
    elapsedMs: number;
    /** The program under the mock runtime, until every registration is recorded. */
    programMs: number;
    /** Waiting for the pack if still starting, Analyze of every resource, then AnalyzeStack. */
    policyCheckMs: number;
    /** The single AnalyzeStack call over all resources. */
    analyzeStackMs: number;
    resources: number;
    mandatoryViolations: number;
    advisoryViolations: number;
}
