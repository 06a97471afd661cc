import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import * as runtimeSettings from "@pulumi/pulumi/runtime/settings";
import { useLeanRegistration } from "../../tools/harness/lean-registration";

/** A state with the values a mock returns: nested objects, lists with nulls, numbers the JSON form would change. */
const STATE = { arn: "arn:aws:sqs:eu-west-1:123456789012:q", nested: { list: [1, null, "x", { deep: true }] }, zero: -0, notANumber: Number.NaN };

class Group extends pulumi.ComponentResource {
    constructor(name: string) {
        super("test:index:Group", name, {});
    }
}

class Thing extends pulumi.CustomResource {
    constructor(name: string, props: pulumi.Inputs, opts?: pulumi.CustomResourceOptions) {
        super("test:index:Thing", name, props, opts);
    }
}

/** Registers one custom resource and one component under the mock runtime; returns what the program sees. */
async function registerUnderMocks(lean: boolean): Promise<{ outputs: unknown; id: string; urn: string; registry: string[]; newResourceArgs: unknown[] }> {
    const newResourceArgs: unknown[] = [];
    await pulumi.runtime.setMocks({
        newResource: (args) => {
            newResourceArgs.push({ type: args.type, name: args.name, inputs: args.inputs, custom: args.custom, id: args.id, provider: args.provider });
            return { id: args.custom ? `${args.name}-id` : undefined, state: { ...args.inputs, ...STATE } };
        },
        call: () => ({}),
    }, "project", "stack", false);
    const monitor = runtimeSettings.getMonitor();
    if (lean) assert.equal(useLeanRegistration(monitor), true);
    const component = new Group("group");
    const thing = new Thing("thing", { size: 3, tags: { a: "b" }, arn: undefined, nested: undefined,
        zero: undefined, notANumber: undefined }, { parent: component });
    const outputs = await new Promise((resolve) => pulumi.all([thing.urn, thing.id, (thing as unknown as Record<string, pulumi.Output<unknown>>).nested,
        (thing as unknown as Record<string, pulumi.Output<unknown>>).zero, (thing as unknown as Record<string, pulumi.Output<unknown>>).notANumber])
        .apply(resolve));
    const [urn, id, nested, zero, notANumber] = outputs as [string, string, unknown, number, number];
    const registry = [...(monitor as unknown as { resources: Map<string, unknown> }).resources.keys()];
    return { outputs: { nested, zeroIsNegative: Object.is(zero, -0), notANumber: Number.isNaN(notANumber) }, id, urn, registry, newResourceArgs };
}

describe("lean mock registrations", () => {
    it("give the program the same outputs, ids, URNs, mock arguments and monitor registry as the SDK's MockMonitor", async () => {
        const sdk = await registerUnderMocks(false);
        const lean = await registerUnderMocks(true);
        assert.deepEqual(lean, sdk);
        assert.deepEqual(sdk.outputs, { nested: { list: [1, null, "x", { deep: true }] }, zeroIsNegative: true, notANumber: true });
        assert.equal(sdk.id, "thing-id");
    });

    it("leaves any other monitor alone", () => {
        assert.equal(useLeanRegistration({ registerResource: () => undefined }), false);
        assert.equal(useLeanRegistration(undefined), false);
    });
});
