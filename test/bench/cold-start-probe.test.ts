import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as http from "node:http";
import { AddressInfo } from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import { dominantImports } from "../../tools/bench/cold-start/measure-cold-start";
import { ProbeResult, runProbe } from "../../tools/bench/cold-start/probe-process";

/** Init work the handler starts but does not await, as a secret prefetch does: a request sent after a timer. */
const ASYNC_INIT_DELAY_MS = 150;

describe("cold start probe (one fresh node process per start)", () => {
    let dir: string;
    let server: http.Server;
    let initUrl: string;
    before(async () => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-probe-test-"));
        fs.mkdirSync(path.join(dir, "node_modules/some-dep"), { recursive: true });
        fs.writeFileSync(path.join(dir, "node_modules/some-dep/package.json"), JSON.stringify({ name: "some-dep", main: "index.js" }));
        fs.writeFileSync(path.join(dir, "node_modules/some-dep/index.js"), "module.exports = {};\n");
        fs.writeFileSync(path.join(dir, "handler.js"), [
            'require("some-dep");',
            `setTimeout(() => require("node:http").get(process.env.BENCH_INIT_URL, (response) => response.resume()), ${ASYNC_INIT_DELAY_MS});`,
            `exports.handler = async () => process.env.BENCH_VALUE;`,
        ].join("\n"));
        fs.writeFileSync(path.join(dir, "no-handler.js"), "exports.other = 1;\n");
        server = http.createServer((_request, response) => response.writeHead(204).end());
        await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
        initUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    });
    after(async () => {
        fs.rmSync(dir, { recursive: true, force: true });
        await new Promise((resolve) => server.close(resolve));
    });

    it("waits for the init work the module started, and reports module load within init within the whole cold start", async () => {
        const result = await runProbe(dir, "handler.js", { PATH: process.env.PATH ?? "", BENCH_INIT_URL: initUrl });
        assert.deepEqual(result.initResponses, [204], "the probe reports only after the request the init started later has its answer");
        assert.ok(result.initMs > result.moduleLoadMs, "init is the module load plus the work it started");
        assert.ok(result.coldStartMs > result.initMs, "the cold start adds node's boot to the init");
        assert.deepEqual(result.importMs, {});
    });

    it("attributes load time to each package the project's own files import when profiling", async () => {
        const result = await runProbe(dir, "handler.js", { PATH: process.env.PATH ?? "", BENCH_INIT_URL: initUrl }, { profileImports: true });
        assert.deepEqual(Object.keys(result.importMs), ["some-dep"]);
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
