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
    if (scaleRatio !== null) {
        checks.push({ name: "policy check scaleRatio", limit: `<= ${LIMITS.scaleRatio}`, measured: String(scaleRatio), met: scaleRatio <= LIMITS.scaleRatio });
    }
    const largest = sizes.at(-1);
    if (largest) {
        const planSeconds = Math.round(largest.plan.elapsedMs / 100) / 10;
        checks.push({ name: `plan of ${largest.functions} functions`, limit: `< ${LIMITS.largestPlanSeconds} s`,
            measured: `${planSeconds} s (process wall ${Math.round(largest.plan.wallMs / 100) / 10} s)`,
            met: largest.plan.wallMs < LIMITS.largestPlanSeconds * 1000 });
    }
    return checks;
}

function worst<T>(items: T[], value: (item: T) => number): T {
    return items.reduce((a, b) => (value(b) > value(a) ? b : a));
}
