import * as assert from "node:assert/strict";
import { REPO_ROOT } from "../support/stack";
import { importEdges } from "./import-graph";
import { ArchitectureReport, checkArchitecture } from "./import-rules";
import { scratchFolder } from "../support/scratch-folder";

describe("architecture: every import of the repository follows the one-way flow", () => {
    let report: ArchitectureReport;
    before(() => {
        report = checkArchitecture(REPO_ROOT);
    });

    it("no component imports tools, tests, handlers or policies; no handler imports components, tools, policies, packaging or tests", () => {
        assert.deepEqual(report.forbidden.filter((line) => /\((components|handlers) -> /.test(line)), []);
    });

    it("no policy imports components, tools, handlers, packaging or tests; packaging imports no component, handler, policy, tool or test", () => {
        assert.deepEqual(report.forbidden.filter((line) => /\((policies|packaging) -> /.test(line)), []);
    });

    it("tools never import tests", () => {
        assert.deepEqual(report.forbidden.filter((line) => line.includes("(tools -> ")), []);
    });

    it("contracts import no other folder of the repository, no Pulumi and no cloud SDK, so policies and handlers can use them", () => {
        assert.deepEqual(report.impureContracts, []);
    });

    it("components receive built packages: only a cloud's build entry imports packaging/", () => {
        assert.deepEqual(report.componentsPackaging, []);
    });

    it("components own their argument types: only a cloud's build entry reads the settings module", () => {
        assert.deepEqual(report.componentsSettings, []);
    });

    it("every relative import resolves to a file of the repository", () => {
        assert.deepEqual(report.unresolved, []);
    });

    it("has no import cycle", () => {
        assert.deepEqual(report.cycles, []);
    });
});

describe("architecture checker (on scratch repositories)", () => {
    it("finds static, re-exported, require, dynamic import() and import-type imports", () => {
        const root = scratchFolder({
            "tools/a.ts": [
                'import { x } from "./b";',
                'export * from "./c";',
                'import d = require("./d");',
                'const e = require("./e");',
                'const f = import("./f");',
                'type G = import("./g").G;',
                'import "@pulumi/pulumi";',
            ].join("\n"),
            ...Object.fromEntries(["b", "c", "d", "e", "f", "g"].map((name) => [`tools/${name}.ts`, "export {};\n"])),
        });
        assert.deepEqual(importEdges(root, ["tools/a.ts"]).map((edge) => [edge.specifier, edge.to, edge.line]), [
            ["./b", "tools/b.ts", 1], ["./c", "tools/c.ts", 2], ["./d", "tools/d.ts", 3], ["./e", "tools/e.ts", 4],
            ["./f", "tools/f.ts", 5], ["./g", "tools/g.ts", 6], ["@pulumi/pulumi", undefined, 7],
        ]);
    });

    it("reports each forbidden import with its file, line and the two layers", () => {
        const root = scratchFolder({
            "components/aws/function.ts": 'import { packageFunction } from "../../tools/bundle";\nimport "../../functions/api/routes";\n',
            "components/aws/index.ts": 'import { packageFunction } from "../../packaging";\n',
            "components/aws/saga.ts": 'import { packageFunction } from "../../packaging";\nimport { AwsSettings } from "../settings";\n',
            "components/settings/index.ts": 'import { between } from "./schema";\nexport type AwsSettings = {};\n',
            "components/settings/schema.ts": "export const between = 1;\n",
            "functions/api/routes.ts": 'const events = require("../../components/aws/function");\n',
            "policies/rules/p.ts": 'export const load = () => import("../../tools/x");\n',
            "tools/x.ts": 'import { moto } from "../test/support/moto";\n',
            "tools/bundle.ts": "export const packageFunction = 1;\n",
            "test/support/moto.ts": "export const moto = 1;\n",
            "packaging/index.ts": 'import "../components/aws/function";\nexport const packageFunction = 1;\n',
            "contracts/limits.ts": 'import * as pulumi from "@pulumi/pulumi";\nimport "../tools/x";\nimport { z } from "zod";\nimport "./names";\n',
            "contracts/names.ts": 'import { S3Client } from "@aws-sdk/client-s3";\n',
        });
        const report = checkArchitecture(root);
        assert.deepEqual(report.forbidden.sort(), [
            "components/aws/function.ts:1 imports ../../tools/bundle (components -> tools)",
            "components/aws/function.ts:2 imports ../../functions/api/routes (components -> handlers)",
            "functions/api/routes.ts:1 imports ../../components/aws/function (handlers -> components)",
            "packaging/index.ts:1 imports ../components/aws/function (packaging -> components)",
            "policies/rules/p.ts:1 imports ../../tools/x (policies -> tools)",
            "tools/x.ts:1 imports ../test/support/moto (tools -> tests)",
        ]);
        assert.deepEqual(report.impureContracts, ["contracts/limits.ts:1 imports @pulumi/pulumi", "contracts/limits.ts:2 imports ../tools/x",
            "contracts/names.ts:1 imports @aws-sdk/client-s3"]);
        assert.deepEqual(report.componentsPackaging, ["components/aws/saga.ts:1 imports ../../packaging"]);
        assert.deepEqual(report.componentsSettings, ["components/aws/saga.ts:2 imports ../settings"]);
        assert.deepEqual(report.cycles, ["components/aws/function.ts <-> functions/api/routes.ts"]);
    });

    it("finds a cycle through several files and a file importing itself, and nothing in an acyclic tree", () => {
        const cyclic = checkArchitecture(scratchFolder({
            "tools/a.ts": 'import "./b";\n', "tools/b.ts": 'import "./c";\n', "tools/c.ts": 'import "./a";\n',
            "tools/self.ts": 'import "./self";\n', "tools/leaf.ts": 'import "./a";\n',
        }));
        assert.deepEqual(cyclic.cycles, ["tools/a.ts <-> tools/b.ts <-> tools/c.ts", "tools/self.ts"]);
        const acyclic = checkArchitecture(scratchFolder({ "tools/a.ts": 'import "./b";\nimport "./c";\n', "tools/b.ts": 'import "./c";\n', "tools/c.ts": "" }));
        assert.deepEqual(acyclic.cycles, []);
    });

    it("reports a relative import that resolves to nothing, and does not follow a path computed at run time", () => {
        const root = scratchFolder({ "tools/a.ts": 'import "./missing";\nconst name = "../test/b";\nrequire(name);\n', "test/b.ts": "" });
        assert.deepEqual(checkArchitecture(root).unresolved, ["tools/a.ts:1 imports ./missing"]);
        assert.deepEqual(importEdges(root, ["tools/a.ts"]).map((edge) => edge.specifier), ["./missing"]);
    });
});
