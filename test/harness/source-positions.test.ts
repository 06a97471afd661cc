import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import * as runtimeSettings from "@pulumi/pulumi/runtime/settings";
import { skipSourcePositions } from "../../tools/harness/source-positions";

class Thing extends pulumi.CustomResource {
    constructor(name: string) {
        super("test:index:Thing", name, {});
    }
}

/** Registers one resource under mocks; returns the source position and stack trace its request carried. */
async function sentPosition(): Promise<{ uri?: string; frames: number }> {
    await pulumi.runtime.setMocks({ newResource: (args) => ({ id: "id", state: args.inputs }), call: () => ({}) }, "project", "stack", false);
    const monitor = runtimeSettings.getMonitor() as unknown as { registerResource(req: unknown, cb: unknown): Promise<void> };
    const register = monitor.registerResource.bind(monitor);
    let sent: { uri?: string; frames: number } | undefined;
    monitor.registerResource = (req, cb) => {
        const request = req as { getSourceposition(): { getUri(): string } | undefined; getStacktrace(): { getFramesList(): unknown[] } | undefined };
        sent = { uri: request.getSourceposition()?.getUri(), frames: request.getStacktrace()?.getFramesList().length ?? 0 };
        return register(req, cb);
    };
    const thing = new Thing("thing");
    await new Promise((resolve) => thing.urn.apply(resolve));
    return sent as { uri?: string; frames: number };
}

describe("source positions under the mock runtime", () => {
    it("are not recorded while skipped, and are again once put back", async () => {
        const restore = skipSourcePositions((module) => require(module));
        assert.ok(restore);
        assert.deepEqual(await sentPosition(), { uri: undefined, frames: 0 });
        restore();
        const sdk = await sentPosition();
        assert.match(sdk.uri ?? "", /source-positions\.test\.ts$/);
        assert.ok(sdk.frames > 0);
    });
});
