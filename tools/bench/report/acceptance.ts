import { BenchResults } from "../results";

/** The acceptance limits. */
export const LIMITS = {
    zipRatio: 0.05, coldStartRatio: 0.25, scaleRatio: 11, largestPlanSeconds: 60,
    /** Our plan's wall time / the cdk-nag peer's, at 100 and at 1,000 functions (issue 18). */
    peerRatio: 0.8, peerRatioSizes: [100, 1000],
    /** Peak RSS of the plan and the pack together at 1,000 functions: 1.5 GB, counted in MiB as /proc reports it. */
    peakRssMb: 1536, peakRssFunctions: 1000,
} as const;

export interface AcceptanceCheck {
    name: string;
    limit: string;
    measured: string;
    met: boolean;
}

/** Each acceptance item against this run's numbers (the worst handler for per-handler limits). */
export function acceptanceChecks(results: BenchResults): AcceptanceCheck[] {
    const checks: AcceptanceCheck[] = [];
    if (results.functions.length > 0) {
        const worstZip = worst(results.functions, (fn) => fn.package.zipRatio);
        const worstColdStart = worst(results.functions, (fn) => fn.coldStart.coldStartRatio);
        checks.push({ name: "zipRatio, every handler", limit: `<= ${LIMITS.zipRatio}`,
            measured: `${worstZip.package.zipRatio} (worst: ${worstZip.source})`, met: worstZip.package.zipRatio <= LIMITS.zipRatio });
        checks.push({ name: "coldStartRatio, every handler", limit: `<= ${LIMITS.coldStartRatio}`,
            measured: `${worstColdStart.coldStart.coldStartRatio} (worst: ${worstColdStart.source})`,
            met: worstColdStart.coldStart.coldStartRatio <= LIMITS.coldStartRatio });
    }
    const { scaleRatio, sizes } = results.policyCheckScale;
    const largest = sizes.at(-1);
    if (scaleRatio !== null && largest) {
        checks.push({ name: `scaleRatio (plan time, ${largest.functions} / ${largest.functions / 10} functions)`, limit: `<= ${LIMITS.scaleRatio}`,
            measured: String(scaleRatio), met: scaleRatio <= LIMITS.scaleRatio });
    }
    if (largest) {
        const { plan } = largest;
        checks.push({ name: `plan of ${largest.functions} functions`, limit: `< ${LIMITS.largestPlanSeconds} s`,
            measured: plan ? `${Math.round(plan.elapsedMs / 100) / 10} s (process wall ${Math.round(plan.wallMs / 100) / 10} s)`
                : `failed: ${firstLine(largest.error)}`,
            met: plan !== null && plan.wallMs < LIMITS.largestPlanSeconds * 1000 });
    }
    const peerSizes = results.peer?.sizes ?? [];
    for (const { functions, plan, planError, peer, ratio, error } of peerSizes) {
        if (!(LIMITS.peerRatioSizes as readonly number[]).includes(functions)) continue;
        checks.push({ name: `plan / cdk-nag peer at ${functions} functions, same design (process wall)`, limit: `<= ${LIMITS.peerRatio}`,
            measured: ratio !== null && peer && plan ? `${ratio} (${seconds(plan.wallMs)} s vs ${seconds(peer.wallMs)} s)`
                : `not measured: ${firstLine(plan ? error : planError ?? "our plan failed")}`,
            met: ratio !== null && ratio <= LIMITS.peerRatio });
    }
    // Both designs at that size: the platform's (ServerlessFunction) and the peer's.
    const rssPlans = [
        { design: "platform design", plan: sizes.find((size) => size.functions === LIMITS.peakRssFunctions)?.plan },
        { design: "peer's design", plan: peerSizes.find((size) => size.functions === LIMITS.peakRssFunctions)?.plan },
    ];
    for (const { design, plan } of rssPlans) {
        if (!plan) continue;
        checks.push({ name: `peak RSS, plan + pack, ${LIMITS.peakRssFunctions} functions, ${design}`, limit: `<= ${LIMITS.peakRssMb} MB`,
            measured: `${plan.peakRssMb} MB`, met: plan.peakRssMb <= LIMITS.peakRssMb });
    }
    return checks;
}

function seconds(milliseconds: number): string {
    return (milliseconds / 1000).toFixed(1);
}

function worst<T>(items: T[], value: (item: T) => number): T {
    return items.reduce((a, b) => (value(b) > value(a) ? b : a));
}

/** The message's first line after the command that failed (measurePlan puts the process's stderr below it). */
export function firstLine(error: string | null): string {
    const lines = (error ?? "unknown error").split("\n");
    return (lines.find((line) => /^\w*Error: /.test(line)) ?? lines[0]).trim();
}
