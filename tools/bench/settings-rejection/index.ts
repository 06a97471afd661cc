import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { stringify as stringifyYaml } from "yaml";
import { PROJECT_NAME, settingsFromConfig, SettingsError, settingSpecs } from "../../../components/settings";
import { loadStackConfig, StackConfigError } from "../../harness/stack-config";

const REPO_ROOT = path.resolve(__dirname, "../../..");
/** Value sizes measured: the growth from the first to the last shows whether rejection is linear. */
const SIZES = [10 * 1024, 100 * 1024, 1024 * 1024];
const RUNS = 5;
/** The goal for a 1 MB value. */
const GOAL_MS = 100;

export interface SettingRejection {
    key: string;
    /** Median ms to reject the value in the settings alone, per size. */
    settingsMs: number[];
    /** Median ms from the stack file's text to the error (YAML parsing, stack config, settings), per size. */
    stackFileMs: number[];
}

/**
 * The time to reject a long value of every string setting (and of each list's element): the value is
 * the worst case for a pattern, a long run of allowed characters ending in one that is not.
 */
export function measureSettingsRejection(): SettingRejection[] {
    const base = loadStackConfig({ projectDir: REPO_ROOT, stack: "dev" }).values;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "settings-rejection-"));
    const results: SettingRejection[] = [];
    for (const [name, spec] of Object.entries(settingSpecs)) {
        if (spec.kind !== "string" && spec.kind !== "stringArray") continue;
        const key = `${PROJECT_NAME}:${name}`;
        const valueOf = (size: number) => spec.kind === "string" ? `${"a".repeat(size - 1)}!` : [`${"a".repeat(size - 1)}!`];
        const settingsMs = SIZES.map((size) => {
            const raw = typeof valueOf(size) === "string" ? valueOf(size) as string : JSON.stringify(valueOf(size));
            return median(RUNS, () => expectError(() => settingsFromConfig({ ...base, [key]: raw }, "dev"), SettingsError));
        });
        const stackFileMs = SIZES.map((size) => {
            const file = path.join(dir, `${name}-${size}.yaml`);
            fs.writeFileSync(file, stringifyYaml({ config: { [key]: valueOf(size) } }, { lineWidth: 0 }));
            return median(RUNS, () => expectError(() => {
                const config = loadStackConfig({ projectDir: REPO_ROOT, stack: "dev", configFile: file });
                settingsFromConfig(config.values, "dev", { configFile: file });
            }, SettingsError, StackConfigError));
        });
        results.push({ key, settingsMs, stackFileMs });
    }
    fs.rmSync(dir, { recursive: true, force: true });
    return results;
}

/** Milliseconds `body` takes to throw one of `expected` (anything else, or no error, ends the bench). */
function expectError(body: () => void, ...expected: (new (...args: never[]) => Error)[]): number {
    const started = performance.now();
    try {
        body();
    } catch (error) {
        if (expected.some((type) => error instanceof type)) return performance.now() - started;
        throw error;
    }
    throw new Error("the settings accepted a value they must reject");
}

function median(runs: number, measure: () => number): number {
    const times = Array.from({ length: runs }, measure).sort((a, b) => a - b);
    return Math.round(times[Math.floor(runs / 2)] * 100) / 100;
}

/** One line per setting: times per size, the growth from 10 KB to 1 MB (linear: about 100x or less), the goal. */
export function settingsRejectionReport(results: readonly SettingRejection[]): string {
    const sizes = SIZES.map((s) => (s >= 1024 * 1024 ? `${s / 1024 / 1024} MB` : `${s / 1024} KB`)).join(" / ");
    const lines = [`[settings rejection] median of ${RUNS} runs, ${sizes}; settings alone | stack file to error (YAML included)`];
    for (const r of results) {
        const last = r.stackFileMs[r.stackFileMs.length - 1];
        const growth = Math.round(last / Math.max(r.stackFileMs[0], 0.01));
        lines.push(`[settings rejection] ${r.key}: ${r.settingsMs.join(" / ")} ms | ${r.stackFileMs.join(" / ")} ms, ` +
            `x${growth} from 10 KB to 1 MB, ${last < GOAL_MS ? "under" : "OVER"} the ${GOAL_MS} ms goal`);
    }
    return lines.join("\n");
}

if (require.main === module) process.stdout.write(`${settingsRejectionReport(measureSettingsRejection())}\n`);
