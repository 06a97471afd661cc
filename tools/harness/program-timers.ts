import { promisify } from "node:util";
import { programCallStack } from "./program-location";

/** The program's pending timers: its process would not exit (nor run `beforeExit`) before they are done. */
export interface ProgramTimers {
    /** True while one of the program's timers is pending and keeps the process alive. */
    busy(): boolean;
    /** Resolves once none is; rejects with ProgramIntervalError when only intervals are left and stay. */
    idle(): Promise<void>;
    /** Puts the global timer functions back. */
    stop(): void;
}

/** An interval the program never clears: under the CLI its process, and so the preview, would never end. */
export class ProgramIntervalError extends Error {
    constructor(createdAt: string) {
        super(`an interval it started is still running ${INTERVAL_GRACE_MS / 1000} s after the rest of its work ended, ` +
            "so `pulumi preview` would never finish: clear it (clearInterval) or unref() it");
        this.name = "ProgramIntervalError";
        // Reported where setInterval was called.
        this.stack = `${this.name}: ${this.message}\n${createdAt.split("\n").slice(1).join("\n")}`;
    }
}

/** How long the plan waits for intervals once nothing else of the program is pending. */
const INTERVAL_GRACE_MS = 10_000;
/** How often a wait re-checks timers that stopped keeping the process alive without firing. */
const RECHECK_MS = 100;

interface Pending {
    interval: boolean;
    /** The call stack of the setTimeout/setInterval call. */
    createdAt: string;
}

/**
 * From now on, tracks the timers the program's own code sets with setTimeout and setInterval (not
 * those of the SDK, libraries or the plan): the CLI runs a program until its event loop is empty, so a
 * resource registered, or an error thrown, by a timer that fires after the program's last registration
 * still counts. An unref'd timer does not keep a process alive and is not waited for.
 */
export function trackProgramTimers(): ProgramTimers {
    const pending = new Map<NodeJS.Timeout, Pending>();
    let changed: (() => void) | undefined;
    const notify = () => {
        const wake = changed;
        changed = undefined;
        wake?.();
    };
    const { setTimeout, setInterval, clearTimeout, clearInterval } = globalThis;

    const trackedTimeout = ((callback: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => {
        const createdAt = typeof callback === "function" ? programCallStack() : undefined;
        if (createdAt === undefined) return setTimeout(callback, ms, ...args);
        const timer = setTimeout((...callArgs: unknown[]) => {
            pending.delete(timer);
            try {
                callback(...callArgs);
            } finally {
                notify();
            }
        }, ms, ...args);
        pending.set(timer, { interval: false, createdAt });
        return timer;
    }) as typeof globalThis.setTimeout;
    // `util.promisify(setTimeout)` keeps working.
    Object.defineProperty(trackedTimeout, promisify.custom, { value: (setTimeout as unknown as Record<symbol, unknown>)[promisify.custom] });

    const trackedInterval = ((callback: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => {
        const createdAt = typeof callback === "function" ? programCallStack() : undefined;
        const timer = setInterval(callback, ms, ...args);
        if (createdAt !== undefined) pending.set(timer, { interval: true, createdAt });
        return timer;
    }) as typeof globalThis.setInterval;

    // Node's clearTimeout and clearInterval clear either kind.
    const clear = (original: (timer?: NodeJS.Timeout | string | number) => void) => (timer?: NodeJS.Timeout | string | number) => {
        pending.delete(timer as NodeJS.Timeout);
        original(timer);
        notify();
    };
    globalThis.setTimeout = trackedTimeout;
    globalThis.setInterval = trackedInterval;
    globalThis.clearTimeout = clear(clearTimeout) as typeof globalThis.clearTimeout;
    globalThis.clearInterval = clear(clearInterval) as typeof globalThis.clearInterval;

    // A timer stopped by other means than the globals (timer.close()) is destroyed and never fires.
    const alive = () => [...pending].filter(([timer]) => timer.hasRef() && !(timer as unknown as { _destroyed?: boolean })._destroyed);
    return {
        busy: () => alive().length > 0,
        async idle() {
            let onlyIntervalsSince: number | undefined;
            for (let left = alive(); left.length > 0; left = alive()) {
                const onlyIntervals = left.every(([, timer]) => timer.interval);
                onlyIntervalsSince = onlyIntervals ? onlyIntervalsSince ?? Date.now() : undefined;
                if (onlyIntervalsSince !== undefined && Date.now() - onlyIntervalsSince >= INTERVAL_GRACE_MS) {
                    throw new ProgramIntervalError(left[0][1].createdAt);
                }
                // Woken when a timer fires or is cleared; the tick re-checks the rest.
                await new Promise<void>((resolve) => {
                    changed = resolve;
                    setTimeout(resolve, RECHECK_MS).unref();
                });
            }
        },
        stop() {
            globalThis.setTimeout = setTimeout;
            globalThis.setInterval = setInterval;
            globalThis.clearTimeout = clearTimeout;
            globalThis.clearInterval = clearInterval;
            notify();
        },
    };
}
