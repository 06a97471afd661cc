import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import * as rpc from "@pulumi/pulumi/runtime/rpc";
import { useLazyOutputs } from "../../tools/harness/lazy-outputs";

class Thing extends pulumi.CustomResource {
    declare readonly arn: pulumi.Output<string>;
    declare readonly size: pulumi.Output<number>;
    declare readonly token: pulumi.Output<string>;
    declare readonly missing: pulumi.Output<string | undefined>;
    constructor(name: string, props: pulumi.Inputs, opts?: pulumi.CustomResourceOptions) {
        super("test:index:Thing", name, { arn: undefined, token: undefined, missing: undefined, ...props }, opts);
    }
}

/** What a program can observe of one output: its value, whether it is known and secret, the resources it depends on. */
async function observe(output: pulumi.Output<unknown>): Promise<unknown> {
    const internals = output as unknown as { isKnown: Promise<boolean>; isSecret: Promise<boolean>;
        allResources(): Promise<Set<pulumi.Resource>>; promise(withUnknowns: boolean): Promise<unknown> };
    const [known, secret, resources, value] = await Promise.all([internals.isKnown, internals.isSecret, internals.allResources(), internals.promise(true)]);
    const urns = await Promise.all([...resources].map((resource) => (resource.urn as unknown as typeof internals).promise(true)));
    return { value: known ? value : "<unknown>", known, secret, urns };
}

/**
 * Registers two resources under mocks, the second fed by the first's output; reads one output before the
 * registrations answer and the others after. Returns everything the program saw.
 */
async function programView(lazy: boolean, preview: boolean): Promise<unknown> {
    await pulumi.runtime.setMocks({
        newResource: (args) => ({
            id: `${args.name}-id`,
            state: { ...args.inputs, arn: `arn:test:${args.name}`, token: pulumi.secret("s3cr3t"), ...(preview ? { size: undefined } : {}) },
        }),
        call: () => ({}),
    }, "project", "stack", preview);
    const restore = lazy ? useLazyOutputs((module) => require(module)) : undefined;
    try {
        const first = new Thing("first", { size: 3 });
        const arnReadEarly = first.arn; // before its registration answered
        const second = new Thing("second", { size: first.size.apply((s) => s + 1) });
        const firstKeys = Object.keys(first).filter((key) => !key.startsWith("__")).sort();
        const ownArn = Object.prototype.hasOwnProperty.call(second, "arn");
        await new Promise((resolve) => second.urn.apply(resolve));
        await new Promise((resolve) => setTimeout(resolve, 10)); // every registration has answered
        return {
            firstKeys,
            ownArn,
            arnReadEarly: await observe(arnReadEarly),
            size: await observe(second.size),
            arn: await observe(second.arn),
            token: await observe(second.token),
            missing: await observe(second.missing),
            sameOutputTwice: second.arn === second.arn,
        };
    } finally {
        restore?.();
    }
}

describe("lazy output properties under the mock runtime", () => {
    for (const preview of [false, true]) {
        it(`give the program the values, knownness, secretness and dependencies the SDK gives (${preview ? "preview" : "update"})`, async () => {
            const sdk = await programView(false, preview);
            const lazy = await programView(true, preview);
            assert.deepEqual(lazy, sdk);
        });
    }

    it("report what the mock answered, read before or after the registration", async () => {
        const view = await programView(true, false) as Record<string, { value: unknown; secret: boolean; urns: string[] }>;
        assert.equal(view.arnReadEarly.value, "arn:test:first");
        assert.deepEqual(view.arnReadEarly.urns, ["urn:pulumi:stack::project::test:index:Thing::first"]);
        assert.equal(view.size.value, 4);
        assert.equal(view.token.secret, true);
        assert.deepEqual(view.firstKeys, ["arn", "id", "missing", "size", "token", "urn"]);
        assert.equal(view.ownArn, true);
    });

    it("reject every output of a resource whose registration failed, read before or after", async () => {
        await pulumi.runtime.setMocks({ newResource: () => { throw new Error("stand-in failed"); }, call: () => ({}) }, "project", "stack", false);
        const restore = useLazyOutputs((module) => require(module));
        try {
            const thing = new Thing("broken", { size: 1 });
            const early = (thing.arn as unknown as { promise(): Promise<unknown> }).promise();
            early.catch(() => undefined);
            await assert.rejects(early, /stand-in failed/);
            await assert.rejects((thing.size as unknown as { promise(): Promise<unknown> }).promise(), /stand-in failed/);
        } finally {
            restore?.();
        }
    });

    it("let a program assign a transferred property", async () => {
        await pulumi.runtime.setMocks({ newResource: (args) => ({ id: "id", state: args.inputs }), call: () => ({}) }, "project", "stack", false);
        const restore = useLazyOutputs((module) => require(module));
        try {
            const thing = new Thing("assigned", { size: 1 });
            (thing as unknown as { size: unknown }).size = "replaced";
            assert.equal((thing as unknown as { size: unknown }).size, "replaced");
        } finally {
            restore?.();
        }
    });

    it("put the SDK's own transfer back", () => {
        const before = rpc.transferProperties;
        const restore = useLazyOutputs((module) => require(module));
        assert.notEqual(rpc.transferProperties, before);
        restore?.();
        assert.equal(rpc.transferProperties, before);
    });
});
