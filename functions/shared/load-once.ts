/**
 * A value loaded at most once per Lambda execution environment. `prefetch()` during init starts the
 * load (it then overlaps the init phase), and every invocation awaits the same promise through `get()`.
 * A failed load is forgotten, so the next invocation retries instead of failing until the environment
 * is recycled.
 */
export interface LoadedOnce<T> {
    get(): Promise<T>;
    /** Starts loading now; a failure surfaces on the next `get()`, which retries. */
    prefetch(): void;
}

export function loadOnce<T>(load: () => Promise<T>): LoadedOnce<T> {
    let pending: Promise<T> | undefined;
    const get = () => {
        pending ??= load().catch((error: unknown) => {
            pending = undefined;
            throw error;
        });
        return pending;
    };
    return { get, prefetch: () => { get().catch(() => undefined); } };
}
