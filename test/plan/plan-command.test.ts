import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { PLAN_LOADER, PLAN_NODE_FLAGS } from "../../tools/plan/node-command";
import { REPO_ROOT } from "../support/stack";

describe("the plan's Node command line", () => {
    it("is the one package.json's plan script runs, so the bench and the tests time and test what users run", () => {
        const scripts = (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
        const loader = `./${path.relative(REPO_ROOT, PLAN_LOADER).split(path.sep).join("/")}`;
        assert.equal(scripts.plan, ["node", ...PLAN_NODE_FLAGS, "--require", loader, "tools/plan/cli.ts"].join(" "));
    });
});
