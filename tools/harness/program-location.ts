import * as nodeModule from "node:module";
import * as path from "node:path";

/** Where a program failed: the first stack frame in the program's own code, in its source (TypeScript) lines. */
export interface ProgramLocation {
    file: string;
    line: number;
    column: number;
}

/** The offline plan's own code (harness, plan, policy-pack client): never the program's, whatever it plans. */
const PLAN_CODE_DIRS = ["harness", "plan", "policy-pack"].map((dir) => path.resolve(__dirname, "..", dir) + path.sep);

export function isPlanCode(file: string): boolean {
    return PLAN_CODE_DIRS.some((dir) => file.startsWith(dir));
}
const INLINE_MAP = /\/\/# sourceMappingURL=data:application\/json;base64,([A-Za-z0-9+/=]+)\s*$/;

interface CompilingModule {
    _compile(content: string, filename: string): unknown;
}

/** Compiled code of the program's files (with the inline source map tsx adds), by file. */
const compiled = new Map<string, string>();
const sourceMaps = new Map<string, nodeModule.SourceMap | null>();
let realSourceMaps: boolean | undefined;

/**
 * From now until the returned function is called, keeps the compiled code of every program file loaded
 * and has tsx inline its source map, so a failure can be reported at its TypeScript line without turning
 * on Node's source maps (which would map every stack trace the SDK takes: slow on a large program).
 */
export function recordProgramSources(): () => void {
    const prototype = (nodeModule as unknown as { prototype: CompilingModule }).prototype;
    const compile = prototype._compile;
    prototype._compile = function (this: CompilingModule, content: string, filename: string) {
        if (isProgramFile(filename)) {
            compiled.set(filename, content);
            sourceMaps.delete(filename);
        }
        return compile.call(this, content, filename);
    };
    realSourceMaps = process.sourceMapsEnabled;
    // tsx reads this flag to decide whether to inline a source map; Node itself keeps its own setting.
    const descriptor = Object.getOwnPropertyDescriptor(process, "sourceMapsEnabled");
    Object.defineProperty(process, "sourceMapsEnabled", { get: () => true, enumerable: true, configurable: true });
    return () => {
        prototype._compile = compile;
        if (descriptor) Object.defineProperty(process, "sourceMapsEnabled", descriptor);
    };
}

/** The program's own frame closest to where `error` was thrown, if its stack has one. */
export function programLocation(error: unknown): ProgramLocation | undefined {
    const stack = error instanceof Error && typeof error.stack === "string" ? error.stack : "";
    const frame = programFrame(stack);
    return frame && original(frame);
}

/** The current call stack when the program's own code is on it (not only the SDK, a library or the harness). */
export function programCallStack(): string | undefined {
    const stack = new Error().stack ?? "";
    return programFrame(stack) ? stack : undefined;
}

/** The first frame of a stack trace that is in the program's own files (compiled lines). */
function programFrame(stack: string): ProgramLocation | undefined {
    for (const line of stack.split("\n")) {
        const frame = /^\s+at (?:.*? \()?(.+?):(\d+):(\d+)\)?$/.exec(line);
        if (!frame) continue;
        const file = frame[1].startsWith("file://") ? new URL(frame[1]).pathname : frame[1];
        if (isProgramFile(file)) return { file, line: Number(frame[2]), column: Number(frame[3]) };
    }
    return undefined;
}

/** A message without Node's "Require stack:" list (our internal paths) that a missing module appends. */
export function programMessage(error: unknown): string {
    const message = error instanceof Error ? error.message : String(error);
    const withoutRequireStack = message.split("\nRequire stack:\n")[0];
    return withoutRequireStack.trim() === "" && error instanceof Error ? error.name : withoutRequireStack;
}

function isProgramFile(file: string): boolean {
    return path.isAbsolute(file) && !isPlanCode(file) && !file.includes(`${path.sep}node_modules${path.sep}`);
}

/** Maps a frame of tsx's compiled code back to the TypeScript source, when Node did not already. */
function original(location: ProgramLocation): ProgramLocation {
    if (realSourceMaps) return location;
    const map = sourceMapOf(location.file);
    const entry = map?.findEntry(location.line - 1, location.column - 1);
    if (!entry || !("originalLine" in entry)) return location;
    return { file: location.file, line: entry.originalLine + 1, column: entry.originalColumn + 1 };
}

function sourceMapOf(file: string): nodeModule.SourceMap | undefined {
    if (!sourceMaps.has(file)) {
        const inline = INLINE_MAP.exec(compiled.get(file) ?? "");
        sourceMaps.set(file, inline ? new nodeModule.SourceMap(JSON.parse(Buffer.from(inline[1], "base64").toString("utf8"))) : null);
    }
    return sourceMaps.get(file) ?? undefined;
}
