/** Reports what the plan is doing; a no-op when nobody watches. */
export interface Progress {
    step(message: string): void;
    /** One more of `total` things done; may be drawn less often than called. */
    count(label: string, done: number, total: number): void;
    done(): void;
}

export const NO_PROGRESS: Progress = { step: () => undefined, count: () => undefined, done: () => undefined };

const FRAMES = ["|", "/", "-", "\\"];
/** Counters redraw at most this often, so analyzing thousands of resources does not flood the terminal. */
const COUNT_REDRAW_MS = 80;

/** A one-line spinner on a terminal's stderr, rewritten in place and erased when done. */
export function terminalProgress(stream: { write(text: string): unknown }, clock: () => number = Date.now): Progress {
    let frame = 0;
    let lastDraw = 0;
    const draw = (text: string) => {
        lastDraw = clock();
        stream.write(`\r\x1b[2K${FRAMES[frame++ % FRAMES.length]} ${text}`);
    };
    return {
        step: draw,
        count(label, done, total) {
            if (done === total || clock() - lastDraw >= COUNT_REDRAW_MS) draw(`${label} ${done}/${total}`);
        },
        done() {
            stream.write("\r\x1b[2K");
        },
    };
}
