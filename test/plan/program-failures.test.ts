import { strict as assert } from "node:assert";
import * as path from "node:path";
import { packProcess, PlanProcess, pollFor, processesMarked, startPlanProcess } from "./plan-process";

const FIXTURES = "test/plan/fixtures/programs-run";
const FIXTURE_PACK = "test/plan/fixture-pack";
/** What a report must never show without --verbose: our paths, dependencies, Node internals, a crash dump. */
const INTERNALS = /node_modules|tools[/\\]|node:internal|Require stack|\n\s+at |Node\.js v\d/;

/** Waits until no process of the plan's is left (the pack exits with it), failing with what survived. */
async function nothingLeft(plan: PlanProcess): Promise<void> {
    let survivors: { pid: number; command: string }[] = [];
    await pollFor(() => {
        survivors = processesMarked(plan.marker);
        return survivors.length === 0 ? true : undefined;
    }, "the plan's processes to end", 20_000).catch(() => {
        assert.fail(`still running after the plan ended: ${survivors.map((p) => `${p.pid} ${p.command}`).join("; ")}`);
    });
}

/** Plans a failing fixture, seeing its policy pack start, and returns its outcome once it exited. */
async function planFailing(name: string) {
    const plan = startPlanProcess(["--program", `${FIXTURES}/${name}/index.ts`, "--policy-pack", FIXTURE_PACK]);
    let packSeen = false;
    let exited = false;
    const outcome = plan.outcome.finally(() => { exited = true; });
    await pollFor(() => (packProcess(plan) ? (packSeen = true) : exited ? false : undefined), "the policy pack to start");
    const result = await outcome;
    assert.ok(packSeen, "the plan started its policy pack before the program failed");
    await nothingLeft(plan);
    return result;
}

describe("offline plan process: a failing program exits 2 with its own message and line, and stops the policy pack", () => {
    const cases = [
        { name: "sync-throw", mode: "a synchronous throw", message: "jobs: maxJobs = 0 must be at least 1", at: "11:11" },
        { name: "timer-throw", mode: "a throw in a timer", message: "quota check failed: 0 of 10 slots left", at: "8:11" },
        { name: "event-throw", mode: "a throw in an event handler", message: "no capacity in eu-west-3", at: "8:11" },
        { name: "unhandled-rejection", mode: "an unhandled promise rejection", message: "no owner registered for team payments", at: "7:11" },
        { name: "interval-throw", mode: "a throw in an interval", message: "health check failed after 3 attempts", at: "10:11" },
        { name: "endless-interval", mode: "an interval never cleared (the CLI would never finish)", at: "6:1",
            message: "an interval it started is still running 10 s after the rest of its work ended, so `pulumi preview` would never finish: " +
                "clear it (clearInterval) or unref() it" },
        { name: "early-exit", mode: "process.exit(1) halfway", message: "it called process.exit(1) before it finished", at: "8:13",
            printed: "SHIPPING_REGION is not set\n" },
    ];
    for (const { name, mode, message, at, printed = "" } of cases) {
        it(`${mode}: exit 2, "${message}" at index.ts:${at}, no internal path, no process left`, async () => {
            const outcome = await planFailing(name);
            assert.equal(outcome.code, 2, outcome.stderr);
            assert.equal(outcome.stdout, "");
            assert.equal(outcome.stderr, `${printed}error: the program failed: ${message}\n  location: ${path.join(FIXTURES, name, "index.ts")}:${at}\n`);
            assert.doesNotMatch(outcome.stderr, INTERNALS);
        });
    }

    it("a missing module: exit 2, the module named at the import's line, without Node's require stack, no process left", async () => {
        const outcome = await planFailing("missing-module");
        assert.equal(outcome.code, 2, outcome.stderr);
        assert.equal(outcome.stderr, "error: the program failed: Cannot find module 'acme-sharding-helpers'\n" +
            `  location: ${path.join(FIXTURES, "missing-module", "index.ts")}:3:23\n` +
            "  hint: install the program's dependencies (npm install in its folder)\n");
        assert.doesNotMatch(outcome.stderr, INTERNALS);
    });
});

describe("offline plan process: the policy pack never outlives the plan", () => {
    /** Starts planning a program that runs for a minute and returns once its pack process exists. */
    async function planRunning(): Promise<{ plan: PlanProcess; pack: { pid: number } }> {
        const plan = startPlanProcess(["--program", `${FIXTURES}/slow/index.ts`, "--policy-pack", FIXTURE_PACK]);
        const pack = await pollFor(() => packProcess(plan), "the policy pack to start");
        return { plan, pack };
    }

    for (const [signal, code] of [["SIGTERM", 143], ["SIGINT", 130]] as const) {
        it(`${signal}: the plan exits ${code} saying it was interrupted and its policy pack is gone`, async () => {
            const { plan, pack } = await planRunning();
            plan.child.kill(signal);
            const outcome = await plan.outcome;
            assert.equal(outcome.code, code, outcome.stderr);
            assert.equal(outcome.stderr, `error: the plan was interrupted (${signal})\n`);
            assert.ok(!processesMarked(plan.marker).some((p) => p.pid === pack.pid), "the pack exits with the plan");
            await nothingLeft(plan);
        });
    }

    it("SIGKILL: the plan cannot clean up, and still its policy pack exits on its own", async () => {
        const { plan, pack } = await planRunning();
        plan.child.kill("SIGKILL");
        await plan.outcome;
        await nothingLeft(plan);
        assert.ok(!processesMarked(plan.marker).some((p) => p.pid === pack.pid));
    });
});
