import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";
import { REPO_ROOT } from "../support/stack";

interface Step { uses?: string; run?: string; if?: string; with?: Record<string, string> }
interface Workflow { on: Record<string, unknown>; jobs: Record<string, { strategy?: { matrix: { stack: string[] } }; steps: Step[] }> }

const workflow = parse(fs.readFileSync(path.join(REPO_ROOT, ".github/workflows/pull-request.yml"), "utf8")) as Workflow;
const stacks = fs.readdirSync(REPO_ROOT).map((f) => /^Pulumi\.(.+)\.yaml$/.exec(f)?.[1]).filter((s): s is string => s !== undefined).sort();

describe("pull-request workflow", () => {
    it("runs on pull requests: install, type-check and the tests", () => {
        assert.ok("pull_request" in workflow.on);
        assert.deepEqual(workflow.jobs.test.steps.map((s) => s.run).filter(Boolean), ["npm ci", "npm run lint", "npm test"]);
    });

    it("plans every stack that has a Pulumi.<stack>.yaml offline, failing on the plan's exit code", () => {
        const job = workflow.jobs["offline-plan"];
        assert.deepEqual([...(job.strategy?.matrix.stack ?? [])].sort(), stacks);
        const plan = job.steps.find((s) => s.run?.includes("npm run plan"));
        assert.match(plan?.run ?? "", /npm run plan -- --stack \$\{\{ matrix\.stack \}\}/);
        assert.match(plan?.run ?? "", /exit "\$\{PIPESTATUS\[0\]\}"/);
    });

    it("previews every stack with the policy pack and its policy config through pulumi/actions, only with credentials", () => {
        const job = workflow.jobs.preview;
        assert.deepEqual([...(job.strategy?.matrix.stack ?? [])].sort(), stacks);
        const preview = job.steps.find((s) => s.uses?.startsWith("pulumi/actions@"));
        assert.deepEqual(preview?.with && { command: preview.with.command, policyPacks: preview.with.policyPacks, policyPackConfigs: preview.with.policyPackConfigs },
            { command: "preview", policyPacks: "policies", policyPackConfigs: "policies/config/${{ matrix.stack }}.json" });
        assert.equal(preview?.if, "steps.credentials.outputs.enabled == 'true'");
        for (const stack of stacks) assert.ok(fs.existsSync(path.join(REPO_ROOT, "policies", "config", `${stack}.json`)), `policies/config/${stack}.json`);
    });
});
