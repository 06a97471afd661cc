import { strict as assert } from "node:assert";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { unzipSync } from "fflate";
import { parse as parseYaml } from "yaml";
import { packageFunctionsApp } from "../../packaging";
import { timeSpan } from "../../components/azure/function-app";
import { ORDER_INTAKE_APP_DIR } from "../../components/azure/index";
import { REPO_ROOT } from "../support/stack";

/** Stand-in for the module the Node.js worker injects: prints what the app registers, as JSON. */
const WORKER_STUB = `const seen = [];
process.on("exit", () => process.stdout.write(JSON.stringify(seen)));
module.exports = {
    setProgrammingModel() {}, registerHook() { return { dispose() {} }; }, log() {},
    registerFunction(metadata) { seen.push(metadata); return { dispose() {} }; },
};`;

type Binding = Record<string, unknown>;

/** Runs the zipped app in a fresh Node process with the worker stub; returns its registrations. */
function registrationsOfPackage(zipPath: string): { name: string; bindings: Record<string, Binding> }[] {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "order-intake-package-"));
    try {
        for (const [file, contents] of Object.entries(unzipSync(fs.readFileSync(zipPath)))) fs.writeFileSync(path.join(dir, file), contents);
        const stubDir = path.join(dir, "node_modules", "@azure", "functions-core");
        fs.mkdirSync(stubDir, { recursive: true });
        fs.writeFileSync(path.join(stubDir, "index.js"), WORKER_STUB);
        const main = (JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as { main: string }).main;
        const stdout = execFileSync(process.execPath, [path.join(dir, main)], {
            cwd: dir,
            env: { PATH: process.env.PATH, AzureWebJobsStorage: "UseDevelopmentStorage=true" },
        });
        return JSON.parse(stdout.toString());
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}

/** The `| \`key\` | \`value\` |` rows of the host.json table in docs/azure-functions.md. */
function documentedHostSettings(): Record<string, string> {
    const doc = fs.readFileSync(path.join(REPO_ROOT, "docs", "azure-functions.md"), "utf8");
    return Object.fromEntries([...doc.matchAll(/^\| `([\w.]+)` \| `([^`]+)` \|/gm)].map((m) => [m[1], m[2]]));
}

function valueAt(json: unknown, dottedPath: string): string {
    return String(dottedPath.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)?.[key], json));
}

describe("Azure order-intake package and host.json", () => {
    it("the zipped bundle registers the HTTP intake on POST /api/orders and the processor on the orders queue", () => {
        const registrations = registrationsOfPackage(packageFunctionsApp(ORDER_INTAKE_APP_DIR).zipPath);
        const summary = registrations.map(({ name, bindings }) => {
            const trigger = Object.values(bindings).find((b) => String(b.type).endsWith("Trigger")) as Binding;
            return { name, type: trigger.type, route: trigger.route, methods: trigger.methods, authLevel: trigger.authLevel,
                queueName: trigger.queueName, connection: trigger.connection };
        });
        assert.deepEqual(summary, [
            { name: "orderIntake", type: "httpTrigger", route: "orders", methods: ["POST"], authLevel: "function", queueName: undefined, connection: undefined },
            { name: "orderProcessor", type: "queueTrigger", route: undefined, methods: undefined, authLevel: undefined, queueName: "orders", connection: "AzureWebJobsStorage" },
        ]);
    });

    it("host.json carries exactly the retry and poison settings docs/azure-functions.md documents", () => {
        const hostJson = JSON.parse(fs.readFileSync(path.join(ORDER_INTAKE_APP_DIR, "host.json"), "utf8"));
        const documented = documentedHostSettings();
        assert.deepEqual(Object.keys(documented).sort(), [
            "extensions.queues.maxDequeueCount", "extensions.queues.messageEncoding", "extensions.queues.visibilityTimeout", "functionTimeout",
        ]);
        for (const [key, value] of Object.entries(documented)) assert.equal(valueAt(hostJson, key), value, key);
    });

    it("host.json defaults equal the Pulumi.yaml defaults the app settings override them with", () => {
        const hostJson = JSON.parse(fs.readFileSync(path.join(ORDER_INTAKE_APP_DIR, "host.json"), "utf8"));
        const config = (parseYaml(fs.readFileSync(path.join(REPO_ROOT, "Pulumi.yaml"), "utf8")) as { config: Record<string, { default: number }> }).config;
        assert.equal(hostJson.extensions.queues.maxDequeueCount, config.azureMaxDequeueCount.default);
        assert.equal(hostJson.functionTimeout, timeSpan(config.azureHttpTimeoutSeconds.default));
    });
});
