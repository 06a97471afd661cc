import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { zipSync } from "fflate";
import { measureArchive, MeasuredPaths } from "../../policies/lib/archive-size";
import { scratchFolder } from "../support/scratch-folder";

describe("archive sizes", () => {
    it("measure a zip's and a folder's unzipped bytes, each path once for every archive of one run that ships it", async () => {
        const project = scratchFolder({ "app/index.js": "exports.handler = async () => 1;\n", "app/lib/util.js": "module.exports = {};\n" });
        fs.writeFileSync(path.join(project, "code.zip"), zipSync({ "index.js": new Uint8Array(1000), "lib/a.js": new Uint8Array(24) }));
        const paths: MeasuredPaths = new Map();
        const zip = () => new pulumi.asset.FileArchive("code.zip");
        const folder = () => new pulumi.asset.FileArchive("./app");
        assert.deepEqual(await measureArchive(zip(), project, paths), { bytes: 1024 });
        assert.deepEqual(await measureArchive(folder(), project, paths), { bytes: 54 });
        const bundle = new pulumi.asset.AssetArchive({ code: zip(), extra: new pulumi.asset.StringAsset("four") });
        assert.deepEqual(await measureArchive(bundle, project, paths), { bytes: 1028 });
        assert.deepEqual([...paths.keys()].sort(), [path.join(project, "app"), path.join(project, "code.zip")]);
        // The same run reads neither again; a new run does.
        fs.rmSync(path.join(project, "code.zip"));
        assert.deepEqual(await measureArchive(zip(), project, paths), { bytes: 1024 });
        assert.deepEqual(await measureArchive(zip(), project), { undetermined: `the archive ${path.join(project, "code.zip")} does not exist on this machine` });
    });
});
