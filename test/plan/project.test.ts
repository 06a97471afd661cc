import { strict as assert } from "node:assert";
import * as path from "node:path";
import { findProjectDir, programEntry, readProject } from "../../tools/harness/project";
import { SECRET_PLACEHOLDER, stackConfigOf, StackConfigError } from "../../tools/harness/stack-config";
import { scratchFolder } from "../support/scratch-folder";

describe("Pulumi project and stack config, read as the CLI reads them", () => {
    it("finds the nearest Pulumi.yaml at or above a program, none above a folder without one", () => {
        const dir = scratchFolder({ "Pulumi.yaml": "name: outer\n", "services/api/Pulumi.yaml": "name: api\n", "services/api/src/index.ts": "", "lib/util.ts": "" });
        assert.equal(findProjectDir(path.join(dir, "services/api/src/index.ts")), path.join(dir, "services/api"));
        assert.equal(findProjectDir(path.join(dir, "lib/util.ts")), dir);
        const bare = scratchFolder({ "index.ts": "" });
        assert.equal(findProjectDir(path.join(bare, "index.ts")), undefined);
        assert.equal(readProject(bare).name, path.basename(bare));
    });

    it("runs main: a file, or a folder's package.json main, else its index.ts", () => {
        const withFile = scratchFolder({ "Pulumi.yaml": "name: a\nmain: src/app.ts\n", "src/app.ts": "" });
        assert.equal(programEntry(readProject(withFile)), path.join(withFile, "src/app.ts"));
        const withPackage = scratchFolder({ "Pulumi.yaml": "name: b\n", "package.json": '{"main": "infra/main.ts"}', "infra/main.ts": "" });
        assert.equal(programEntry(readProject(withPackage)), path.join(withPackage, "infra/main.ts"));
        const withIndex = scratchFolder({ "Pulumi.yaml": "name: c\nmain: deploy/\n", "deploy/index.ts": "" });
        assert.equal(programEntry(readProject(withIndex)), path.join(withIndex, "deploy/index.ts"));
        const missing = scratchFolder({ "Pulumi.yaml": "name: d\nmain: nowhere.ts\n" });
        assert.throws(() => programEntry(readProject(missing)), (err: Error) => err instanceof StackConfigError && /"nowhere\.ts" does not exist/.test(err.message));
    });

    it("rejects a Pulumi.yaml without a name or for another runtime, naming the file", () => {
        const nameless = scratchFolder({ "Pulumi.yaml": "runtime: nodejs\n" });
        assert.throws(() => readProject(nameless), (err: Error) => err instanceof StackConfigError &&
            err.message === `${path.join(nameless, "Pulumi.yaml")} has no project name: add a top-level "name:" key`);
        const python = scratchFolder({ "Pulumi.yaml": "name: p\nruntime:\n  name: python\n" });
        assert.throws(() => readProject(python), (err: Error) => err instanceof StackConfigError &&
            err.message.startsWith(`${path.join(python, "Pulumi.yaml")}: runtime "python" is not a Node.js program`));
    });

    it("takes the modules runtime.options.nodeargs preloads, in order, and rejects nodeargs that are not a string", () => {
        const dir = scratchFolder({ "Pulumi.yaml": "name: n\nruntime:\n  name: nodejs\n  options:\n    nodeargs: \"-r a --inspect --require=b --require ./c.js\"\n" });
        assert.deepEqual(readProject(dir).preload, ["a", "b", "./c.js"]);
        const bad = scratchFolder({ "Pulumi.yaml": "name: n\nruntime:\n  name: nodejs\n  options:\n    nodeargs: [\"-r\", \"a\"]\n" });
        assert.throws(() => readProject(bad), (err: Error) => err instanceof StackConfigError && /runtime\.options\.nodeargs must be a string/.test(err.message));
    });

    it("applies the config block (project keys' defaults, other namespaces' values) and then the stack file from stackConfigDir", () => {
        const dir = scratchFolder({
            "Pulumi.yaml": "name: shop\nstackConfigDir: stacks\nconfig:\n  tier:\n    type: string\n    default: basic\n" +
                "  aws:region:\n    value: eu-central-1\n  gcp:project: shop-gcp\n  retries: 3\n",
            "stacks/Pulumi.dev.yaml": "config:\n  shop:tier: premium\n  aws:region: eu-west-3\n",
        });
        const config = stackConfigOf(readProject(dir), "dev");
        assert.deepEqual(config.values, { "shop:tier": "premium", "aws:region": "eu-west-3", "gcp:project": "shop-gcp", "shop:retries": "3" });
        assert.equal(config.project, "shop");
    });

    it("replaces secure values at any depth by a placeholder and marks the whole key secret", () => {
        const dir = scratchFolder({
            "Pulumi.yaml": "name: shop\n",
            "Pulumi.dev.yaml": "config:\n  shop:db:\n    user: app\n    hosts:\n      - name: a\n        token:\n          secure: v1:AAECAwQFBgcICQoL:YQ==\n" +
                "  shop:apiKey:\n    secure: v1:DA0ODxAREhMUFRYX:Yg==\n  shop:plain:\n    secureish: true\n",
        });
        const config = stackConfigOf(readProject(dir), "dev");
        assert.deepEqual(JSON.parse(config.values["shop:db"]), { user: "app", hosts: [{ name: "a", token: SECRET_PLACEHOLDER }] });
        assert.equal(config.values["shop:apiKey"], SECRET_PLACEHOLDER);
        assert.deepEqual(JSON.parse(config.values["shop:plain"]), { secureish: true });
        assert.deepEqual(config.secretKeys.sort(), ["shop:apiKey", "shop:db"]);
    });
});
