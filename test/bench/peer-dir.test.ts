import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { checkPeerDir } from "../../tools/bench/peer/measure-peer";

describe("bench --peer folder", () => {
    let dir: string;
    beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), "peer-dir-test-")); });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("says to copy the peer app when the folder has no app.js", () => {
        assert.throws(() => checkPeerDir(dir), /no app\.js there; copy the peer app \(app\.js and package\.json\) into a folder and run npm install/);
    });

    it("says to run npm install when aws-cdk-lib or cdk-nag is missing", () => {
        fs.writeFileSync(path.join(dir, "app.js"), "");
        fs.mkdirSync(path.join(dir, "node_modules", "aws-cdk-lib"), { recursive: true });
        assert.throws(() => checkPeerDir(dir), new RegExp(`aws-cdk-lib or cdk-nag is not installed there; run npm install in ${dir}`));
    });

    it("accepts an installed peer and returns its absolute path", () => {
        fs.writeFileSync(path.join(dir, "app.js"), "");
        for (const pkg of ["aws-cdk-lib", "cdk-nag"]) fs.mkdirSync(path.join(dir, "node_modules", pkg), { recursive: true });
        assert.equal(checkPeerDir(path.relative(process.cwd(), dir)), dir);
    });
});
