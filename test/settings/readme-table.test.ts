import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { parse as parseYaml } from "yaml";
import { settingSpecs } from "../../components/settings";
import { REPO_ROOT } from "../support/stack";

const readme = fs.readFileSync(path.join(REPO_ROOT, "README.md"), "utf8");
const defaults = (parseYaml(fs.readFileSync(path.join(REPO_ROOT, "Pulumi.yaml"), "utf8")) as { config: Record<string, { default: unknown }> }).config;

/** The README's settings table, as setting name -> its cells (allowed, default, dev, production). */
function settingsTable(): Map<string, string[]> {
    const rows = new Map<string, string[]>();
    for (const line of readme.split("\n")) {
        const match = /^\| `([A-Za-z]+)` \| (.*) \|$/.exec(line);
        if (match && Object.hasOwn(settingSpecs, match[1])) rows.set(match[1], match[2].split(" | "));
    }
    return rows;
}

describe("README settings table", () => {
    const table = settingsTable();

    it("has one row per setting, in the order Pulumi.yaml declares them", () => {
        assert.deepEqual([...table.keys()], Object.keys(settingSpecs));
        assert.deepEqual([...table.keys()], Object.keys(defaults));
    });

    for (const [name, spec] of Object.entries(settingSpecs)) {
        it(`gives the allowed values and the default of ${name}`, () => {
            const [allowed, defaultValue] = table.get(name) ?? [];
            assert.ok(allowed?.startsWith(spec.rule.allowed), `README says "${allowed}", the settings say "${spec.rule.allowed}"`);
            const declared = defaults[name].default;
            const shown = Array.isArray(declared) ? (declared.length ? declared.join(", ") : "[]") : declared === "" ? "\"\"" : String(declared);
            assert.equal(defaultValue, shown);
        });
    }
});
