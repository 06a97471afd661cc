import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import * as rpc from "@pulumi/pulumi/runtime/rpc";
import { serializePlainProperties } from "../../tools/harness/plain-serialization";

/** The engine's secret wrapper, as the stand-in cloud's state carries it (a plain object with a signature). */
const SECRET = { [rpc.specialSigKey]: rpc.specialSecretSig, value: "s3cr3t" };

class Point {
    constructor(readonly x: number) {}
}

describe("serializing a mocked state that is plain data", () => {
    it("gives what the SDK's serializer gives, key for key and in the same order", async () => {
        const nullPrototype = Object.assign(Object.create(null) as Record<string, unknown>, { b: 2, a: 1 });
        const state: Record<string, unknown> = {
            zeta: "last declared first", arn: "arn:aws:sqs:us-east-1:123456789012:q", count: 3, ratio: 0.5, enabled: false, none: null,
            skipped: undefined, handler: () => "dropped", "10": "ten", "9": "nine",
            tags: { team: "a", empty: {} }, list: [1, undefined, null, "x", { deep: [true, undefined] }, () => 1],
            secret: SECRET, nested: { secret: { ...SECRET, value: { token: "t" } } }, nullPrototype,
        };
        const expected = await rpc.serializeProperties("", state);
        const serialized = serializePlainProperties(state);
        assert.deepStrictEqual(serialized, expected);
        assert.equal(JSON.stringify(serialized), JSON.stringify(expected));
        assert.equal(Object.getPrototypeOf(serialized?.nullPrototype), Object.prototype, "the SDK builds its copies as plain objects");
    });

    it("leaves a value the SDK treats specially to the SDK, at any depth", async () => {
        const special: Record<string, unknown>[] = [
            { code: new pulumi.asset.FileArchive("./app") },
            { nested: { list: [new pulumi.asset.StringAsset("x")] } },
            { arn: pulumi.output("arn:aws:sqs:us-east-1:123456789012:q") },
            { later: Promise.resolve(1) },
            { point: new Point(1) },
            { big: 1n },
            { unknown: pulumi.unknown },
        ];
        for (const state of special) assert.equal(serializePlainProperties(state), undefined, JSON.stringify(Object.keys(state)));
    });

    it("copies: the state it was given is never what it returns", () => {
        const state = { tags: { team: "a" }, list: ["x"] };
        const serialized = serializePlainProperties(state) as typeof state;
        assert.notEqual(serialized, state);
        assert.notEqual(serialized.tags, state.tags);
        assert.notEqual(serialized.list, state.list);
    });
});
