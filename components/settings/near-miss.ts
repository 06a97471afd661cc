/**
 * "Did you mean": the closest of `candidates` to `value` when it is a likely typo (case, one or two
 * edits, a swapped pair), else undefined. Cost is O(length x candidates) and bounded, since the
 * comparison stops once two strings are further apart than a typo.
 */
export function closest(value: string, candidates: readonly string[]): string | undefined {
    const limit = value.length <= 5 ? 1 : 2;
    let best: { candidate: string; distance: number } | undefined;
    for (const candidate of candidates) {
        if (candidate === value) return undefined;
        const distance = candidate.toLowerCase() === value.toLowerCase() ? 0 : typoDistance(value, candidate, limit);
        if (distance <= limit && (!best || distance < best.distance)) best = { candidate, distance };
    }
    return best?.candidate;
}

/**
 * Optimal-string-alignment distance (insertions, deletions, substitutions, adjacent swaps) between `a`
 * and `b`, or limit + 1 once it is sure to exceed `limit` (only a band of width 2 x limit is computed).
 */
function typoDistance(a: string, b: string, limit: number): number {
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    const far = limit + 1;
    let before = new Array<number>(b.length + 1).fill(far);
    let previous = Array.from({ length: b.length + 1 }, (_, j) => (j <= limit ? j : far));
    for (let i = 1; i <= a.length; i++) {
        const current = new Array<number>(b.length + 1).fill(far);
        if (i <= limit) current[0] = i;
        let rowBest = current[0];
        for (let j = Math.max(1, i - limit); j <= Math.min(b.length, i + limit); j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            let d = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2] + 1);
            current[j] = Math.min(d, far);
            rowBest = Math.min(rowBest, current[j]);
        }
        if (rowBest > limit) return far;
        before = previous;
        previous = current;
    }
    return previous[b.length];
}
