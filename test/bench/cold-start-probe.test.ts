import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { dominantImports } from "../../tools/bench/cold-start/measure-cold-start";
import { ProbeResult, runProbe } from "../../tools/bench/cold-start/probe-process";

/** Init work the handler starts but does not await, as a secret prefetch does. */
const ASYNC_INIT_MS = 150;

describe("cold start probe (one fresh node process per start)", () => {
    let dir: string;
    before(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-probe-test-"));
        fs.mkdirSync(path.join(dir, "node_modules/slow-dep"), { recursive: true });
        fs.writeFileSync(path.join(dir, "node_modules/slow-dep/package.json"), JSON.stringify({ name: "slow-dep", main: "index.js" }));
        // Busy-waits at load: a dependency whose module evaluation is expensive.
        fs.writeFileSync(path.join(dir, "node_modules/slow-dep/index.js"),
            "const end = performance.now() + 60; while (performance.now() < end) {}\nmodule.exports = {};\n");
        fs.writeFileSync(path.join(dir, "handler.js"), [
            'require("slow-dep");',
            `setTimeout(() => { process.env.BENCH_READY = "yes"; }, ${ASYNC_INIT_MS});`,
            `exports.handler = async () => process.env.BENCH_VALUE;`,
        ].join("\n"));
        fs.writeFileSync(path.join(dir, "no-handler.js"), "exports.other = 1;\n");
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("waits for the init work the module started and times module load, init and the whole cold start", async () => {
        const result = await runProbe(dir, "handler.js", { PATH: process.env.PATH ?? "" });
        assert.ok(result.moduleLoadMs >= 60, `module load ${result.moduleLoadMs} ms includes the 60 ms dependency`);
        assert.ok(result.initMs >= result.moduleLoadMs + ASYNC_INIT_MS - 5, `init ${result.initMs} ms waits for the timer`);
        assert.ok(result.coldStartMs > result.initMs, "the cold start adds node's boot to the init");
        assert.deepEqual(result.importMs, {});
        assert.deepEqual(result.initResponses, []);
    });

    it("attributes load time to each package the project's own files import when profiling", async () => {
        const result = await runProbe(dir, "handler.js", { PATH: process.env.PATH ?? "" }, { profileImports: true });
        assert.deepEqual(Object.keys(result.importMs), ["slow-dep"]);
        assert.ok(result.importMs["slow-dep"] >= 60);
    });

    it("fails with the module's name when it exports no handler", async () => {
        await assert.rejects(runProbe(dir, "no-handler.js", { PATH: process.env.PATH ?? "" }),
            /cold start of no-handler\.js in .* exited with code 1:[\s\S]*no-handler\.js does not export a function named handler/);
    });

    it("ranks imports by their median load time over the profile runs", () => {
        const profiles: Pick<ProbeResult, "importMs">[] = [{ importMs: { a: 10, b: 50 } }, { importMs: { a: 30, b: 40 } }, { importMs: { a: 20, c: 1 } }];
        assert.deepEqual(dominantImports(profiles), [{ module: "b", ms: 40 }, { module: "a", ms: 20 }, { module: "c", ms: 0 }]);
    });
});
