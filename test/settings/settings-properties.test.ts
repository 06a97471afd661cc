import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import fc from "fast-check";
import { stringify as stringifyYaml } from "yaml";
import { settingsFromConfig, SettingsError, settingSpecs } from "../../components/settings";
import { loadStackConfig, StackConfigError } from "../../tools/harness";
import { REPO_ROOT } from "../support/stack";
import { NS } from "./stack-files";

/** Seeded: a failure reproduces run after run (and the counterexample is printed). */
const RUNS = { seed: 1717, numRuns: 300 };
/** Runs that write and read a stack file each are fewer. */
const FILE_RUNS = { seed: 1717, numRuns: 200 };
const base = loadStackConfig({ projectDir: REPO_ROOT, stack: "dev" }).values;

/** Every setting, a few provider keys, near misses and keys nobody declared. */
const anyKey = fc.oneof(
    fc.constantFrom(...Object.keys(settingSpecs).map((name) => `${NS}:${name}`), "aws:region", "gcp:region", "azure-native:location"),
    fc.constantFrom("serverles-platform:clouds", "AWS:region", "azure-natve:location", `${NS}:vpcEnabld`),
    fc.tuple(fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 })).map(([ns, name]) => `${ns}:${name}`),
);

/** Deeply nested lists and maps (within a list's length cap), deeper than the call stack. */
const deeplyNested = fc.tuple(fc.constantFrom(["[", "]"], ["[\"a\",", "]"], ["{\"a\":", "}"]), fc.integer({ min: 1000, max: 30000 }))
    .map(([[open, close], depth]) => `[${open.repeat(depth)}1${close.repeat(depth)}]`);

/** What a raw config value can be: any text, JSON of any value, numbers of every shape, long runs of one character. */
const anyRaw = fc.oneof(
    fc.string({ unit: "binary", maxLength: 64 }),
    fc.jsonValue().map((value) => JSON.stringify(value)),
    fc.double().map(String),
    fc.constantFrom("Infinity", "-Infinity", "NaN", "1e400", "-0", "0x10", " 30 ", "30.0", "[]", "[\"aws\"]", "null", ""),
    fc.tuple(fc.constantFrom("a", "1", "@", ".", "-", " ", "/"), fc.integer({ min: 1, max: 20000 })).map(([c, n]) => c.repeat(n)),
    deeplyNested,
);

/** Valid settings, or a SettingsError whose every line is short; any other exception fails the property. */
function settingsOrSettingsError(raw: Record<string, string>, secretKeys: string[] = []): void {
    try {
        settingsFromConfig(raw, "dev", { secretKeys });
    } catch (error) {
        if (!(error instanceof SettingsError)) throw error;
        for (const line of error.message.split("\n")) assert.ok(line.length < 2000, `a ${line.length}-character line`);
    }
}

describe("settings loader properties (fast-check, seeded)", () => {
    it("any raw value for any key gives valid settings or a settings error, never another exception", () => {
        fc.assert(fc.property(anyKey, anyRaw, fc.boolean(), (key, raw, secret) => {
            settingsOrSettingsError({ ...base, [key]: raw }, secret ? [key] : []);
        }), RUNS);
    });

    it("a list setting given any JSON, nested deeper than the call stack included, gives settings or a settings error", () => {
        const listKeys = Object.entries(settingSpecs).filter(([, spec]) => spec.kind === "stringArray").map(([name]) => `${NS}:${name}`);
        fc.assert(fc.property(fc.constantFrom(...listKeys), fc.oneof(deeplyNested, fc.jsonValue().map((v) => JSON.stringify([v]))), (key, raw) => {
            settingsOrSettingsError({ ...base, [key]: raw });
        }), { ...RUNS, numRuns: 100 });
    });

    it("several keys changed at once still give settings or one settings error", () => {
        fc.assert(fc.property(fc.dictionary(anyKey, anyRaw, { maxKeys: 6 }), (changes) => {
            settingsOrSettingsError({ ...base, ...changes });
        }), RUNS);
    });

    it("any YAML value in a stack file gives a stack file error, or config the settings accept or reject cleanly", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "settings-properties-"));
        const anyYamlValue = fc.oneof(fc.jsonValue(), fc.double(), fc.anything({ maxDepth: 2, withNullPrototype: true }),
            fc.record({ secure: fc.string() }));
        fc.assert(fc.property(anyKey, anyYamlValue, (key, value) => {
            const file = path.join(dir, "stack.yaml");
            fs.writeFileSync(file, stringifyYaml({ config: { [key]: value } }));
            loadsCleanly(file);
        }), FILE_RUNS);
    });

    it("any text as a stack file gives a stack file error or config the settings accept or reject cleanly", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "settings-properties-"));
        const header = "config:\n";
        // Random characters rarely form YAML structure; fragments of it (anchors, aliases, tags, flow
        // collections, merge keys, block scalars, documents) do.
        const fragment = fc.constantFrom("x: ", "*a", "&a ", "*b", "[", "]", "{", "}", ": ", "- ", "\n  ", "\n    ", "'", "\"",
            "#", "!!binary ", "!!set ", "!tag ", "<<: ", "---\n", "? ", "|\n", ">\n", "1e400", ".inf", ".nan", "secure: ",
            "serverless-platform:clouds: ", "serverless-platform:alarmEmail: ", "aws:region: ", "\t");
        const text = fc.oneof(fc.string({ unit: "binary", maxLength: 200 }),
            { arbitrary: fc.array(fragment, { maxLength: 30 }).map((parts) => parts.join("")), weight: 4 });
        fc.assert(fc.property(text, (text) => {
            const file = path.join(dir, "stack.yaml");
            fs.writeFileSync(file, header + text);
            loadsCleanly(file);
        }), { ...FILE_RUNS, numRuns: 400 });
    });
});

/** A stack file gives a stack file error, or config the settings accept or reject with a settings error. */
function loadsCleanly(file: string): void {
    let config;
    try {
        config = loadStackConfig({ projectDir: REPO_ROOT, stack: "dev", configFile: file });
    } catch (error) {
        if (error instanceof StackConfigError) return;
        throw error;
    }
    settingsOrSettingsError(config.values, config.secretKeys);
}
