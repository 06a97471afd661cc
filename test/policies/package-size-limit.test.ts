import * as assert from "node:assert/strict";
import { zipSync } from "fflate";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { analyzeStack, PRODUCTION_CONFIG, undetermined, withConfig } from "./support/pack";
import { arn, lambdaFunction, resource, T } from "./support/fixtures";
import { fileArchive, UNKNOWN } from "./support/wire-values";

const POLICY = "package-size-limit";
const MB = 1024 * 1024;

describe("package-size-limit", () => {
    let dir: string;

    /** A folder holding one file of `megabytes` (sparse: nothing is written, the size is what counts). */
    function folderOf(name: string, megabytes: number): string {
        const folder = path.join(dir, name);
        fs.mkdirSync(folder, { recursive: true });
        const blob = path.join(folder, "blob.bin");
        fs.writeFileSync(blob, "");
        fs.truncateSync(blob, megabytes * MB);
        return folder;
    }

    before(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "package-size-"));
        fs.writeFileSync(path.join(dir, "big.zip"), zipSync({ "index.js": new Uint8Array(60 * MB) }, { level: 1 }));
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("passes the bundled handler archive (a few hundred bytes)", async () => {
        assert.deepEqual(await analyzeStack([lambdaFunction("api", arn.role("r"))], POLICY), []);
    });

    it("flags a FileArchive folder above Lambda's 250 MB unzipped limit", async () => {
        const fn = lambdaFunction("api", arn.role("r"), { code: fileArchive(folderOf("naive", 260)) });
        assert.deepEqual(await analyzeStack([fn], POLICY), [{
            policy: POLICY, level: "advisory", urn: fn.urn,
            detail: `Lambda "api" deploys 260.0 MB unzipped, above the 250 MB limit: the deployment will fail. Bundle and ` +
                `tree-shake the handler (esbuild), move large dependencies to a layer or ship a container image.`,
        }]);
    });

    it("reads a .zip's unzipped size from its central directory, resolving a relative path against projectDir", async () => {
        const fn = lambdaFunction("api", arn.role("r"), { code: fileArchive("big.zip") });
        const config = { ...PRODUCTION_CONFIG, [POLICY]: { projectDir: dir } };
        assert.deepEqual((await withConfig(config, () => analyzeStack([fn], POLICY))).map((f) => f.detail), [
            `Lambda "api" deploys 60.0 MB unzipped, above the 50 MB soft limit: large packages make cold starts slow. ` +
            `Bundle and tree-shake the handler, drop unused dependencies, or raise softLimitMb for this stack.`,
        ]);
    });

    it("adds the layers defined in the stack to the function's code", async () => {
        const layerArn = "arn:aws:lambda:eu-west-1:123456789012:layer:deps:3";
        const layer = resource(T.layer, "deps", { arn: layerArn, layerName: "deps", code: fileArchive(folderOf("layer", 45)) });
        const fn = lambdaFunction("api", arn.role("r"), { code: fileArchive(folderOf("code", 10)), layers: [layerArn] });
        assert.deepEqual((await analyzeStack([layer, fn], POLICY)).map((f) => f.detail), [
            `Lambda "api" deploys 55.0 MB unzipped (code 10.0 MB plus 1 layer(s)), above the 50 MB soft limit: large ` +
            `packages make cold starts slow. Bundle and tree-shake the handler, drop unused dependencies, or raise softLimitMb for this stack.`,
        ]);
    });

    it("skips container-image functions", async () => {
        const fn = lambdaFunction("api", arn.role("r"), { packageType: "Image", imageUri: "123.dkr.ecr.eu-west-1.amazonaws.com/api@sha256:0", code: undefined });
        assert.deepEqual(await analyzeStack([fn], POLICY), []);
    });

    it("reports 'cannot be determined' when the code archive is unknown", async () => {
        const fn = lambdaFunction("api", arn.role("r"), { code: UNKNOWN });
        assert.deepEqual(await analyzeStack([fn], POLICY), [
            undetermined(POLICY, null, `the package of "api": the code archive is unknown`),
        ]);
    });
});
