import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as http from "node:http";
import { AddressInfo } from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import { FUNCTIONS_DIR, HANDLER_SOURCE_FILE } from "../../packaging";
import { dominantImports } from "../../tools/bench/cold-start/measure-cold-start";
import { firstInvocationOf, firstInvocationProblem } from "../../tools/bench/cold-start/first-invocations";
import { ProbeResult, runProbe } from "../../tools/bench/cold-start/probe-process";

/** Init work the handler starts but does not await, as a secret prefetch does: a request sent after a timer, awaited by the invocation. */
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
            'const http = require("node:http");',
            'require("some-dep");',
            // Init work the module starts without awaiting it, as a secret prefetch does; the invocation awaits it.
            `const initRequest = new Promise((resolve) => setTimeout(() => http.get(process.env.BENCH_INIT_URL, (response) => {`,
            "    response.resume();",
            "    resolve(response.statusCode);",
            `}), ${ASYNC_INIT_DELAY_MS}));`,
            "exports.handler = async (event, context) => {",
            "    const initStatus = await initRequest;",
            "    const invocationStatus = await new Promise((resolve) => http.get(`${process.env.BENCH_INIT_URL}invoke`, (response) => {",
            "        response.resume();",
            "        resolve(response.statusCode);",
            "    }));",
            "    const { performance } = require(\"node:perf_hooks\");",
            "    return { echo: event.value, initStatus, invocationStatus, requestId: context.awsRequestId, answeredAt: performance.now() };",
            "};",
        ].join("\n"));
        fs.writeFileSync(path.join(dir, "throwing.js"), 'exports.handler = async () => { throw new TypeError("no such order"); };\n');
        fs.writeFileSync(path.join(dir, "no-handler.js"), "exports.other = 1;\n");
        server = http.createServer((request, response) => response.writeHead(request.url === "/invoke" ? 202 : 204).end());
        await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
        initUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    });
    after(async () => {
        fs.rmSync(dir, { recursive: true, force: true });
        await new Promise((resolve) => server.close(resolve));
    });

    it("times the cold start up to the first invocation's response, the init work it awaited included", async () => {
        const result = await runProbe(dir, "handler.js", { value: "the event" }, { PATH: process.env.PATH ?? "", BENCH_INIT_URL: initUrl });
        const response = result.response as { echo: string; initStatus: number; invocationStatus: number; requestId: string; answeredAt: number };
        assert.equal(response.echo, "the event", "the handler is invoked with the event given");
        assert.deepEqual([response.initStatus, response.invocationStatus], [204, 202]);
        assert.equal(typeof response.requestId, "string", "the handler gets a Lambda context");
        assert.deepEqual(result.responses, [204, 202], "the requests of init and of the first invocation are reported");
        assert.ok(result.coldStartMs >= response.answeredAt, "the timed span ends only once the handler has answered");
        assert.ok(result.initMs > result.moduleLoadMs, "init is the module load plus the first invocation");
        assert.ok(result.invocationMs > 0 && result.invocationMs < result.initMs, "the invocation is part of the init span");
        assert.ok(result.coldStartMs > result.initMs, "the cold start adds node's boot to the init");
        assert.equal(result.error, undefined);
        assert.deepEqual(result.importMs, {});
    });

    it("reports the error a first invocation throws instead of a response", async () => {
        const result = await runProbe(dir, "throwing.js", {}, { PATH: process.env.PATH ?? "" });
        assert.equal(result.error, "TypeError: no such order");
        assert.equal(result.response, undefined);
        assert.equal(firstInvocationProblem(result), "it threw TypeError: no such order");
    });

    it("attributes load time to each package the project's own files import when profiling", async () => {
        const result = await runProbe(dir, "handler.js", { value: 1 }, { PATH: process.env.PATH ?? "", BENCH_INIT_URL: initUrl }, { profileImports: true });
        assert.deepEqual(Object.keys(result.importMs), ["some-dep"]);
    });

    it("fails with the module's name when it exports no handler", async () => {
        await assert.rejects(runProbe(dir, "no-handler.js", {}, { PATH: process.env.PATH ?? "" }),
            /cold start of no-handler\.js in .* exited with code 1:[\s\S]*no-handler\.js does not export a function named handler/);
    });

    it("ranks imports by their median load time over the profile runs", () => {
        const profiles: Pick<ProbeResult, "importMs">[] = [{ importMs: { a: 10, b: 50 } }, { importMs: { a: 30, b: 40 } }, { importMs: { a: 20, c: 1 } }];
        assert.deepEqual(dominantImports(profiles), [{ module: "b", ms: 40 }, { module: "a", ms: 20 }, { module: "c", ms: 0 }]);
    });

    it("counts a first invocation as answered only when nothing in it failed", () => {
        const answered = { responses: [200, 200], response: { statusCode: 200 } };
        assert.equal(firstInvocationProblem(answered), undefined);
        assert.equal(firstInvocationProblem({ responses: [200, 400], response: { statusCode: 200 } }), "AWS answered HTTP 400");
        assert.equal(firstInvocationProblem({ responses: [200], response: { statusCode: 401 } }), "it answered HTTP 401");
        assert.equal(firstInvocationProblem({ responses: [], response: { batchItemFailures: [{ itemIdentifier: "m-1" }] } }),
            "it reported failed batch items");
        assert.equal(firstInvocationProblem({ responses: [200], response: { batchItemFailures: [] } }), undefined);
    });

    it("has a first invocation for every Lambda handler, with an event of its own for each start", () => {
        const handlers = fs.readdirSync(FUNCTIONS_DIR).filter((name) => fs.existsSync(path.join(FUNCTIONS_DIR, name, HANDLER_SOURCE_FILE)));
        assert.ok(handlers.length > 0);
        for (const source of handlers) {
            const invocation = firstInvocationOf(source);
            assert.notDeepEqual(invocation.event(1), invocation.event(2), `${source}: two starts must not share ids`);
        }
        assert.throws(() => firstInvocationOf("no-such-handler"), /no first invocation for the handler "no-such-handler": describe the event/);
    });
});
