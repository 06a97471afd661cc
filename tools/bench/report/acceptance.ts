import { BenchResults } from "../results";

/** The acceptance limits. */
export const LIMITS = { zipRatio: 0.05, coldStartRatio: 0.25, scaleRatio: 11, largestPlanSeconds: 60 } as const;

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
    return checks;
}

function worst<T>(items: T[], value: (item: T) => number): T {
    return items.reduce((a, b) => (value(b) > value(a) ? b : a));
}

/** The message's first line after the command that failed (measurePlan puts the process's stderr below it). */
export function firstLine(error: string | null): string {
    const lines = (error ?? "unknown error").split("\n");
    return (lines.find((line) => /^\w*Error: /.test(line)) ?? lines[0]).trim();
}
