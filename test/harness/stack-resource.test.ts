import { strict as assert } from "node:assert";
import * as aws from "@pulumi/aws";
import * as sdkState from "@pulumi/pulumi/runtime/state";
import { runProgram, StackConfig } from "../../tools/harness";

/** Internal to the SDK (no typings). */
const getStackResource = () => (sdkState as unknown as { getStackResource(): unknown }).getStackResource();
const config: StackConfig = { project: "fixture", stack: "test", values: { "aws:region": "eu-west-1" }, secretKeys: [] };

describe("after a program's run", () => {
    it("the SDK no longer holds the run's stack resource (nor, through it, the program's resources)", async () => {
        let during: unknown;
        const run = await runProgram({
            config,
            program: () => {
                new aws.sqs.Queue("orders", {});
                during = getStackResource();
            },
        });
        assert.ok(during, "the SDK has a stack resource while the program runs");
        assert.equal(getStackResource(), undefined);
        // What the run recorded is plain data, complete without the SDK's objects.
        assert.deepEqual(run.resources.map((r) => r.name), ["fixture-test", "orders"]);
    });
});
