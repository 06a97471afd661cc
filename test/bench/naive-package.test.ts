import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { productionClosure } from "../../tools/bench/package-size/dependency-closure";
import { naivePackage } from "../../tools/bench/package-size/naive-package";

/** A workspace like the repository's: hoisted packages at the root, one function folder with its own conflict. */
function writeWorkspace(): string {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "bench-naive-test-"));
    const write = (file: string, contents: string) => {
        fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
        fs.writeFileSync(path.join(root, file), contents);
    };
    const manifest = (name: string, version: string, extra: object = {}) => JSON.stringify({ name, version, ...extra });
    write("node_modules/sdk/package.json", manifest("sdk", "3.0.0", { dependencies: { core: "^1" }, optionalDependencies: { native: "1" } }));
    write("node_modules/sdk/index.js", "module.exports = {};\n");
    write("node_modules/core/package.json", manifest("core", "1.0.0", { peerDependencies: { host: "1", "not-installed": "1" } }));
    write("node_modules/host/package.json", manifest("host", "1.0.0"));
    write("node_modules/core/index.js", "module.exports = {};\n");
    write("node_modules/@scope/log/package.json", manifest("@scope/log", "2.0.0", { dependencies: { core: "^2" } }));
    write("node_modules/@scope/log/node_modules/core/package.json", manifest("core", "2.0.0"));
    write("node_modules/@scope/log/README.md", "docs ship too\n");
    write("node_modules/dev-only/package.json", manifest("dev-only", "1.0.0"));
    write("functions/api/package.json", manifest("api", "1.0.0", { dependencies: { sdk: "3", "@scope/log": "2" } }));
    write("functions/api/handler.ts", [
        'import type { Context } from "aws-lambda";',
        'import { log } from "@scope/log";',
        'import { helper } from "../shared/helper";',
        "export const handler = async (_: unknown, context: Context) => log(helper(context.awsRequestId));",
    ].join("\n"));
    write("functions/shared/helper.ts", 'import * as sdk from "sdk";\nimport "undeclared";\nexport const helper = (id: string) => [sdk, id];\n');
    write("node_modules/undeclared/package.json", manifest("undeclared", "0.1.0"));
    return root;
}

describe("naive package (handler + production node_modules, as FileArchive(dir) ships it)", () => {
    let root: string;
    before(() => { root = writeWorkspace(); });
    after(() => fs.rmSync(root, { recursive: true, force: true }));

    it("follows dependencies and installed peers, skips a missing optional or peer, keeps npm's nesting for version conflicts", () => {
        const closure = productionClosure(path.join(root, "functions/api"), root);
        assert.deepEqual(closure.map((p) => `${p.shippedDir}@${p.version}`), [
            "node_modules/@scope/log@2.0.0",
            "node_modules/@scope/log/node_modules/core@2.0.0",
            "node_modules/core@1.0.0",
            "node_modules/host@1.0.0",
            "node_modules/sdk@3.0.0",
        ]);
    });

    it("ships the handler's project modules compiled at their repository paths, its package.json and every file of each package", () => {
        const naive = naivePackage(root, path.join(root, "functions"), "api");
        assert.equal(naive.handlerModule, "functions/api/handler.js");
        assert.deepEqual(Object.keys(naive.files).sort(), [
            "functions/api/handler.js",
            "functions/api/package.json",
            "functions/shared/helper.js",
            "node_modules/@scope/log/README.md",
            "node_modules/@scope/log/node_modules/core/package.json",
            "node_modules/@scope/log/package.json",
            "node_modules/core/index.js",
            "node_modules/core/package.json",
            "node_modules/host/package.json",
            "node_modules/sdk/index.js",
            "node_modules/sdk/package.json",
            "node_modules/undeclared/package.json",
        ]);
        assert.match(Buffer.from(naive.files["functions/api/handler.js"]).toString(), /require\("\.\.\/shared\/helper"\)/);
    });

    it("reports a package the code requires but package.json does not declare, and a type-only import not at all", () => {
        const naive = naivePackage(root, path.join(root, "functions"), "api");
        assert.deepEqual(naive.undeclaredImports, ["undeclared"]);
        assert.equal(naive.packageCount, 6);
    });

    it("names the function and the missing package when a declared dependency is not installed", () => {
        fs.writeFileSync(path.join(root, "functions/api/package.json"), JSON.stringify({ name: "api", dependencies: { ghost: "1" } }));
        try {
            assert.throws(() => productionClosure(path.join(root, "functions/api"), root),
                /functions\/api\/package\.json depends on ghost, which is not installed under .*run `npm install` at the repository root/);
        } finally {
            fs.writeFileSync(path.join(root, "functions/api/package.json"),
                JSON.stringify({ name: "api", version: "1.0.0", dependencies: { sdk: "3", "@scope/log": "2" } }));
        }
    });
});
