/** Median and 90th percentile of a sample, in the sample's unit, rounded to 0.1. */
export interface Distribution {
    median: number;
    p90: number;
    runs: number;
}

/**
 * Nearest-rank percentile (the value below which `percent`% of the runs fall), so every reported
 * number is one that was actually measured.
 */
export function percentile(values: number[], percent: number): number {
    if (values.length === 0) throw new Error("percentile of an empty sample");
    const sorted = [...values].sort((a, b) => a - b);
    const rank = Math.ceil((percent / 100) * sorted.length);
    return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function distribution(values: number[]): Distribution {
    return { median: round(percentile(values, 50)), p90: round(percentile(values, 90)), runs: values.length };
}

/** Ratio a/b rounded to 3 decimals (ratios below 0.05 need the third one). */
export function ratio(a: number, b: number): number {
    return Math.round((a / b) * 1000) / 1000;
}

export function round(value: number, decimals = 1): number {
    const factor = 10 ** decimals;
    return Math.round(value * factor) / factor;
}
