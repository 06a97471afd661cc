import * as assert from "node:assert/strict";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import { isBuiltin } from "node:module";
import * as os from "node:os";
import * as path from "node:path";
import { unzipSync } from "fflate";
import { BUNDLE_ENTRY_FILE, deterministicZip, LAMBDA_HANDLER, packageFunction } from "../../packaging";
import { LAMBDA_ON_DEMAND_SDK_MODULES, LAMBDA_RUNTIME_PROVIDED_MODULES } from "../../packaging/lambda-package";
import { ofType, planStack } from "../support/stack";

const ONE_MB = 1024 * 1024;
const REPO_ROOT = path.resolve(__dirname, "../..");

/** The `code` input of a recorded Lambda function: the engine's serialized FileArchive. */
interface RecordedArchive { path: string }

/** A throwaway functions/ folder with one handler, so a test can edit it. */
function scratchFunction(handlerSource: string): { functionsDir: string; buildDir: string; handlerFile: string } {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "bundle-test-"));
    const functionsDir = path.join(root, "functions");
    fs.mkdirSync(path.join(functionsDir, "echo"), { recursive: true });
    const handlerFile = path.join(functionsDir, "echo", "handler.ts");
    fs.writeFileSync(handlerFile, handlerSource);
    return { functionsDir, buildDir: path.join(root, "build"), handlerFile };
}

describe("Lambda packaging (esbuild bundle + deterministic zip)", () => {
    for (const stack of ["dev", "production"]) {
        it(`${stack}: every function's uploaded zip holds the handler entry, matches its sourceCodeHash and is below 1 MB`, async () => {
            const functions = ofType(await planStack(stack), "aws:lambda/function:Function");
            assert.ok(functions.length > 0, "the stack has no Lambda function");
            for (const fn of functions) {
                const zipPath = (fn.inputs.code as RecordedArchive).path;
                const zip = fs.readFileSync(zipPath);
                assert.equal(fn.inputs.handler, LAMBDA_HANDLER);
                assert.ok(Object.keys(unzipSync(zip)).includes(BUNDLE_ENTRY_FILE), `${zipPath} has no ${BUNDLE_ENTRY_FILE}`);
                assert.equal(fn.inputs.sourceCodeHash, createHash("sha256").update(zip).digest("base64"), zipPath);
                assert.ok(zip.byteLength < ONE_MB, `${zipPath} is ${zip.byteLength} bytes`);
            }
        });
    }

    it("customer-api's bundle is one index.js that loads with only Node built-ins (AWS SDK and Powertools bundled) and exports handler", () => {
        const pkg = packageFunction("customer-api");
        assert.deepEqual(pkg.entries, [BUNDLE_ENTRY_FILE]);
        const code = Buffer.from(unzipSync(fs.readFileSync(pkg.zipPath))[BUNDLE_ENTRY_FILE]).toString("utf8");
        const required: string[] = [];
        const builtinsOnly = (id: string) => {
            required.push(id);
            if (!isBuiltin(id)) throw new Error(`the bundle requires ${id} at run time`);
            return require(id) as unknown;
        };
        // Init needs its variables; the closed port makes the secret prefetch fail fast instead of calling AWS.
        const initVariables = { TABLE_NAME: "t", SECRET_ARN: "arn:aws:secretsmanager:eu-west-1:1:secret:s", AWS_ENDPOINT_URL: "http://127.0.0.1:9" };
        Object.assign(process.env, initVariables);
        try {
            const loaded = { exports: {} as Record<string, unknown> };
            new Function("module", "exports", "require", code)(loaded, loaded.exports, builtinsOnly);
            assert.equal(typeof loaded.exports.handler, "function");
        } finally {
            for (const name of Object.keys(initVariables)) delete process.env[name];
        }
        assert.ok(required.every((id) => isBuiltin(id)), required.join(", "));
    });

    it("loads Node built-ins the handler's dependencies import dynamically with require, so no ES module loader starts at init", async () => {
        const handler = `export async function handler() { const { request } = await import("node:http"); return typeof request; }`;
        const scratch = scratchFunction(handler);
        const bundled = Buffer.from(unzipSync(fs.readFileSync(packageFunction("echo", scratch).zipPath))[BUNDLE_ENTRY_FILE]).toString();
        assert.doesNotMatch(bundled, /\bimport\(/);
        assert.match(bundled, /require\("node:http"\)/);
        const bundleFile = path.join(scratch.buildDir, "unpacked.js");
        fs.writeFileSync(bundleFile, bundled);
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const loaded = require(bundleFile) as { handler(): Promise<string> };
        assert.equal(await loaded.handler(), "function");
    });

    it("evaluates a bundled module a dependency imports dynamically when the bundle loads; an unresolvable one stays dynamic", async () => {
        const scratch = scratchFunction(`import { loadPlugin } from "lazy-dep";\nexport const handler = loadPlugin;\n`);
        const dependency = path.join(scratch.functionsDir, "echo", "node_modules", "lazy-dep");
        fs.mkdirSync(dependency, { recursive: true });
        fs.writeFileSync(path.join(dependency, "package.json"), JSON.stringify({ name: "lazy-dep", type: "module", main: "index.js" }));
        fs.writeFileSync(path.join(dependency, "index.js"), [
            "export async function loadPlugin() {",
            "    const { name } = await import(\"./plugin.js\");",
            "    let optional = \"missing\";",
            "    try { optional = (await import(\"not-installed-anywhere\")).name; } catch { /* optional */ }",
            "    return `${name} ${optional}`;",
            "}",
        ].join("\n"));
        fs.writeFileSync(path.join(dependency, "plugin.js"), "globalThis.pluginEvaluated = true;\nexport const name = \"plugin\";\n");
        const bundled = Buffer.from(unzipSync(fs.readFileSync(packageFunction("echo", scratch).zipPath))[BUNDLE_ENTRY_FILE]).toString();
        const bundleFile = path.join(scratch.buildDir, "unpacked.js");
        fs.writeFileSync(bundleFile, bundled);
        const evaluated = globalThis as { pluginEvaluated?: boolean };
        try {
            // eslint-disable-next-line @typescript-eslint/no-require-imports
            const loaded = require(bundleFile) as { handler(): Promise<string> };
            assert.equal(evaluated.pluginEvaluated, true, "the dynamically imported module was not evaluated with the bundle");
            assert.equal(await loaded.handler(), "plugin missing");
        } finally {
            delete evaluated.pluginEvaluated;
        }
    });

    it("wraps each CommonJS module of the bundle in a parenthesized function, which V8 compiles with the bundle", async () => {
        const scratch = scratchFunction(`import { name, thisIsExports } from "cjs-dep";\nexport const handler = async () => \`\${name} \${thisIsExports()}\`;\n`);
        const dependency = path.join(scratch.functionsDir, "echo", "node_modules", "cjs-dep");
        fs.mkdirSync(dependency, { recursive: true });
        fs.writeFileSync(path.join(dependency, "package.json"), JSON.stringify({ name: "cjs-dep", main: "index.js" }));
        fs.writeFileSync(path.join(dependency, "index.js"), [
            "\"use strict\";",
            "var self = this;",
            "exports.name = \"cjs\";",
            "exports.thisIsExports = function () { return self === exports; };",
        ].join("\n"));
        const bundleOf = (options: { sourceMap?: boolean }) =>
            Buffer.from(unzipSync(fs.readFileSync(packageFunction("echo", { ...scratch, ...options }).zipPath))[BUNDLE_ENTRY_FILE]).toString();
        const bundled = bundleOf({});
        // esbuild writes `__commonJS((exports) => {...})`; the bundle holds `__commonJS((function(exports) {...}))`.
        const eagerWrapper = /\(\(function\([\w$,]*\)\{"use strict";/;
        const lazyWrapper = /\((?:\([\w$,]*\)|[\w$]+)=>\{"use strict";/;
        assert.match(bundled, eagerWrapper);
        assert.doesNotMatch(bundled, lazyWrapper);
        const bundleFile = path.join(scratch.buildDir, "unpacked.js");
        fs.writeFileSync(bundleFile, bundled);
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const loaded = require(bundleFile) as { handler(): Promise<string> };
        assert.equal(await loaded.handler(), "cjs true");
        // A source-mapped bundle stays as esbuild wrote it, so that its map matches.
        assert.match(bundleOf({ sourceMap: true }), lazyWrapper);
    });

    it("leaves out the SDK's credential providers but the environment one, and its clients sign with the environment's credentials", async () => {
        // Inside the repository, so that the handler's SDK import resolves to the installed packages.
        const root = fs.mkdtempSync(path.join(REPO_ROOT, ".build", "bundle-test-"));
        try {
            const functionsDir = path.join(root, "functions");
            fs.mkdirSync(path.join(functionsDir, "creds"), { recursive: true });
            fs.writeFileSync(path.join(functionsDir, "creds", "handler.ts"), [
                "import { SNSClient } from \"@aws-sdk/client-sns\";",
                "const sns = new SNSClient({});",
                "export async function handler() { return (await sns.config.credentials()).accessKeyId; }",
            ].join("\n"));
            const pkg = packageFunction("creds", { functionsDir, buildDir: path.join(root, "build") });
            const code = Buffer.from(unzipSync(fs.readFileSync(pkg.zipPath))[BUNDLE_ENTRY_FILE]).toString("utf8");
            // The providers the default chain imports after the environment one are run-time requires, and the
            // STS client they use for assumed roles is not in the bundle at all.
            const required = [...code.matchAll(/require\("(@[a-z-]+\/[a-z-]+)([^"]*)"\)/g)]
                .filter((match) => !LAMBDA_ON_DEMAND_SDK_MODULES.includes(match[1] + match[2])).map((match) => match[1]);
            for (const provider of ["@aws-sdk/credential-provider-ini", "@aws-sdk/credential-provider-sso", "@aws-sdk/credential-provider-process",
                "@aws-sdk/credential-provider-web-identity", "@aws-sdk/credential-provider-http", "@smithy/credential-provider-imds"]) {
                assert.ok(required.includes(provider), `${provider} is bundled`);
            }
            assert.ok(required.every((id) => LAMBDA_RUNTIME_PROVIDED_MODULES.includes(id)), required.join(", "));
            assert.doesNotMatch(code, /AssumeRoleWithWebIdentity/);
            const builtinsOnly = (id: string) => {
                if (!isBuiltin(id)) throw new Error(`the bundle requires ${id}`);
                return require(id) as unknown;
            };
            const variables = { AWS_REGION: "eu-west-1", AWS_ACCESS_KEY_ID: "AKIAENVIRONMENT", AWS_SECRET_ACCESS_KEY: "secret", AWS_SESSION_TOKEN: "token" };
            const saved = Object.fromEntries(Object.keys(variables).map((name) => [name, process.env[name]]));
            Object.assign(process.env, variables);
            try {
                const loaded = { exports: {} as { handler?: () => Promise<string> } };
                new Function("module", "exports", "require", code)(loaded, loaded.exports, builtinsOnly);
                assert.equal(await loaded.exports.handler?.(), "AKIAENVIRONMENT");
            } finally {
                for (const [name, value] of Object.entries(saved)) {
                    if (value === undefined) delete process.env[name];
                    else process.env[name] = value;
                }
            }
        } finally {
            fs.rmSync(root, { recursive: true, force: true });
        }
    });

    it("leaves out the SDK's event-stream support unless a bundled client has event-stream operations", () => {
        // Inside the repository, so that the handlers' SDK imports resolve to the installed packages.
        const root = fs.mkdtempSync(path.join(REPO_ROOT, ".build", "bundle-test-"));
        const bundleOf = (source: string, handler: string[]) => {
            const functionsDir = path.join(root, "functions");
            fs.mkdirSync(path.join(functionsDir, source), { recursive: true });
            fs.writeFileSync(path.join(functionsDir, source, "handler.ts"), handler.join("\n"));
            const pkg = packageFunction(source, { functionsDir, buildDir: path.join(root, "build") });
            return Buffer.from(unzipSync(fs.readFileSync(pkg.zipPath))[BUNDLE_ENTRY_FILE]).toString("utf8");
        };
        // A message of the event-stream codec, which minification keeps.
        const eventStreamCodec = /Attempted to allocate an event message/;
        try {
            // DynamoDB has no event-stream operation: its protocol's dynamic import of the module stays a run-time
            // require that no invocation reaches, and the codec (with its node:zlib CRC32) is not bundled.
            const dynamodb = bundleOf("table", [
                "import { DynamoDBClient, GetItemCommand } from \"@aws-sdk/client-dynamodb\";",
                "const client = new DynamoDBClient({});",
                "export const handler = () => client.send(new GetItemCommand({ TableName: \"t\", Key: { id: { S: \"1\" } } }));",
            ]);
            assert.match(dynamodb, /require\("@smithy\/core\/event-streams"\)/);
            assert.doesNotMatch(dynamodb, eventStreamCodec);
            assert.doesNotMatch(dynamodb, /require\("node:zlib"\)/);
            // Lambda has InvokeWithResponseStream: its client imports the module statically, and it is bundled.
            const lambda = bundleOf("invoker", [
                "import { InvokeWithResponseStreamCommand, LambdaClient } from \"@aws-sdk/client-lambda\";",
                "const client = new LambdaClient({});",
                "export const handler = () => client.send(new InvokeWithResponseStreamCommand({ FunctionName: \"f\" }));",
            ]);
            assert.doesNotMatch(lambda, /require\("@smithy\/core\/event-streams"\)/);
            assert.match(lambda, eventStreamCodec);
        } finally {
            fs.rmSync(root, { recursive: true, force: true });
        }
    });

    it("gives the same zip bytes for the same files whatever their order, with a 1980 timestamp and mode 0644", () => {
        const files = { "b.js": new TextEncoder().encode("b"), "a.js": new TextEncoder().encode("a") };
        const first = deterministicZip(files);
        const second = deterministicZip({ "a.js": files["a.js"], "b.js": files["b.js"] });
        assert.deepEqual(Buffer.from(first), Buffer.from(second));
        // Local file header of the first entry: DOS time at offset 10 (0 = 00:00), DOS date at 12 (1980-01-01 = 0x21).
        const view = Buffer.from(first);
        assert.equal(view.readUInt16LE(10), 0);
        assert.equal(view.readUInt16LE(12), 0x21);
        assert.equal(view.toString("utf8", 30, 34), "a.js");
        // Central directory record: external attributes (offset 38) carry the Unix mode in the high 16 bits.
        const central = view.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
        assert.equal(view.readUInt32LE(central + 38) >>> 16, 0o100644);
    });

    it("keeps the hash of an unchanged handler across fresh builds and changes it when the handler changes", () => {
        const scratch = scratchFunction("export const handler = async () => ({ statusCode: 200, body: 'one' });\n");
        const first = packageFunction("echo", scratch);
        fs.rmSync(scratch.buildDir, { recursive: true });
        const rebuilt = packageFunction("echo", scratch);
        assert.equal(rebuilt.reusedCachedBuild, false);
        assert.equal(rebuilt.sha256Base64, first.sha256Base64);

        fs.writeFileSync(scratch.handlerFile, "export const handler = async () => ({ statusCode: 200, body: 'two' });\n");
        const changed = packageFunction("echo", scratch);
        assert.equal(changed.reusedCachedBuild, false);
        assert.notEqual(changed.sha256Base64, first.sha256Base64);
    });

    it("reuses the cached zip while no input file changed, and rebuilds when the source-map option changes the output", () => {
        const scratch = scratchFunction("export const handler = async () => 'cached';\n");
        const built = packageFunction("echo", scratch);
        const reused = packageFunction("echo", scratch);
        assert.equal(built.reusedCachedBuild, false);
        assert.equal(reused.reusedCachedBuild, true);
        assert.equal(reused.sha256Base64, built.sha256Base64);
        const withMap = packageFunction("echo", { ...scratch, sourceMap: true });
        assert.equal(withMap.reusedCachedBuild, false);
        assert.deepEqual(withMap.entries, [BUNDLE_ENTRY_FILE, `${BUNDLE_ENTRY_FILE}.map`]);
    });

    it("names the expected handler file and the function folders that exist when a function has no handler", () => {
        const scratch = scratchFunction("export const handler = async () => 1;\n");
        assert.throws(() => packageFunction("missing", scratch), (error: Error) => {
            assert.equal(error.message, `no Lambda handler for "missing": expected ${path.join(scratch.functionsDir, "missing", "handler.ts")}. ` +
                "Function folders with a handler: echo");
            return true;
        });
    });
});
