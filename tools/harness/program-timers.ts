import { promisify } from "node:util";
import { calledFromProgram } from "./program-location";

/** The program's pending timers: its process would not exit (nor run `beforeExit`) before they fire. */
export interface ProgramTimers {
    /** True while one of the program's timers is pending and keeps the process alive. */
    busy(): boolean;
    /** Resolves once none is. */
    idle(): Promise<void>;
    /** Puts the global timer functions back. */
    stop(): void;
}

type SetTimeout = typeof globalThis.setTimeout;

/** How often a wait re-checks timers that stopped keeping the process alive without firing. */
const RECHECK_MS = 100;

/**
 * From now on, tracks the timers the program's own code sets with `setTimeout` (not those of the SDK,
 * libraries or the plan): the CLI runs a program until its event loop is empty, so a resource
 * registered, or an error thrown, by a timer that fires after the program's last registration still
 * counts. An unref'd timer does not keep a process alive and is not waited for; nor is an interval,
 * which would keep it alive forever.
 */
export function trackProgramTimers(): ProgramTimers {
    const pending = new Set<NodeJS.Timeout>();
    let changed: (() => void) | undefined;
    const notify = () => {
        const wake = changed;
        changed = undefined;
        wake?.();
    };
    const { setTimeout, clearTimeout } = globalThis;
    const tracked = ((callback: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => {
        if (typeof callback !== "function" || !calledFromProgram()) return setTimeout(callback, ms, ...args);
        const timer = setTimeout((...callArgs: unknown[]) => {
            pending.delete(timer);
            try {
                callback(...callArgs);
            } finally {
                notify();
            }
        }, ms, ...args);
        pending.add(timer);
        return timer;
    }) as SetTimeout;
    // `util.promisify(setTimeout)` keeps working.
    Object.defineProperty(tracked, promisify.custom, { value: (setTimeout as unknown as Record<symbol, unknown>)[promisify.custom] });
    globalThis.setTimeout = tracked;
    globalThis.clearTimeout = ((timer?: NodeJS.Timeout | string | number) => {
        pending.delete(timer as NodeJS.Timeout);
        clearTimeout(timer);
        notify();
    }) as typeof globalThis.clearTimeout;

    // A timer cleared by other means than the global clearTimeout (timer.close()) is destroyed, never fires.
    const busy = () => [...pending].some((timer) => timer.hasRef() && !(timer as unknown as { _destroyed?: boolean })._destroyed);
    return {
        busy,
        async idle() {
            while (busy()) {
                // Woken when a timer fires or is cleared; the tick re-checks one unref'd or closed meanwhile.
                await new Promise<void>((resolve) => {
                    changed = resolve;
                    setTimeout(resolve, RECHECK_MS).unref();
                });
            }
        },
        stop() {
            globalThis.setTimeout = setTimeout;
            globalThis.clearTimeout = clearTimeout;
            notify();
        },
    };
}
