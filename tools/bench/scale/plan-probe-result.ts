/** What one plan reports to the scale bench (see plan-probe.ts); times in ms, from runPlan's own timings. */
export interface PlanProbeResult {
    /** The whole plan: config read to last policy answer, pack start-up included (process and module start-up excluded). */
    elapsedMs: number;
    /** Plan start to the program's last registration recorded (the program under the mock runtime). */
    programMs: number;
    /** Plan start to the pack answering (it starts in parallel with the program: ts-node type-checks it). */
    packReadyMs: number;
    /** Analyze of every resource and AnalyzeStack, once both the program and the pack are ready. */
    policyCheckMs: number;
    /** The single AnalyzeStack call over all resources. */
    analyzeStackMs: number;
    resources: number;
    mandatoryViolations: number;
    advisoryViolations: number;
}
