/**
 * The engine answers each registration over RPC, so a program's other I/O runs between registrations. Under
 * the mock runtime the answer is in-process: a large program would answer thousands of registrations, and run
 * the promise chains each answer releases, without ever letting the event loop poll for I/O, and the policy
 * pack's Analyze answers (the plan's other process) would wait until the program ends.
 *
 * A turn lets one registration go per turn of the event loop, in the order they arrived: Node polls for I/O
 * between any two (a `setImmediate` queued while immediates run waits for the next turn).
 */
export function registrationTurns(): () => Promise<void> {
    const waiting: ((() => void) | undefined)[] = [];
    let head = 0;
    let scheduled = false;
    const releaseNext = () => {
        const release = waiting[head];
        waiting[head++] = undefined; // released: not held until the queue empties
        if (head === waiting.length) {
            waiting.length = 0;
            head = 0;
            scheduled = false;
        } else {
            setImmediate(releaseNext);
        }
        release?.();
    };
    return () => new Promise<void>((resolve) => {
        waiting.push(resolve);
        if (!scheduled) {
            scheduled = true;
            setImmediate(releaseNext);
        }
    });
}
