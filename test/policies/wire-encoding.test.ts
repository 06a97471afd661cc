import * as assert from "node:assert/strict";
import * as fc from "fast-check";
import { AnalyzeRequest } from "@pulumi/pulumi/proto/analyzer_pb";
import { AnalyzedResource } from "../../tools/policy-pack";
import { encodeAnalyzeRequest } from "../../tools/policy-pack/wire-encoding";
import { generatedAnalyzeRequest } from "./support/generated-messages";

const STACK = "urn:pulumi:dev::app::pulumi:pulumi:Stack::app-dev";
const PROVIDER = "urn:pulumi:dev::app::pulumi:providers:aws::default_7_48_0::04da6b54-80e4-46f7-96ec-b56ff0331ba9";

function resource(properties: Record<string, unknown>, extra: Partial<AnalyzedResource> = {}): AnalyzedResource {
    return { urn: "urn:pulumi:dev::app::aws:lambda/function:Function::fn", type: "aws:lambda/function:Function", name: "fn",
        properties, parent: STACK, dependencies: [], propertyDependencies: {}, provider: PROVIDER, ...extra };
}

describe("Analyze requests encoded from plain values", () => {
    it("are byte for byte the generated message's encoding of the JSON form", () => {
        const cases: AnalyzedResource[] = [
            resource({ runtime: "nodejs22.x", memorySize: 256, timeout: 30.5, publish: false, name: "",
                environment: { variables: { LOG_LEVEL: "INFO", zeta: "z", Alpha: "a", "é": "accent" } },
                architectures: ["arm64"], layers: [], tags: null, __defaults: ["name"], nested: { __kept: 1 } }),
            resource({ code: { "4dabf18193072939515e22adb298388d": "0def7320c3a5731c473e5ecbe6d01bc7", path: "/tmp/code.zip" } }),
            resource({ skipped: undefined, list: [1, undefined, null, [true, { deep: [] }]], notANumber: Number.NaN,
                infinite: Number.POSITIVE_INFINITY, negativeZero: -0, big: 1e21, small: -3.25e-7 }),
            resource({}, { parent: undefined, provider: undefined, name: "" }),
            resource({ policy: "x".repeat(20_000), nested: { list: Array.from({ length: 300 }, (_, i) => `item-${i}`) },
                unicode: "naïve – 日本 😀", lone: "a\uD800b\uDC00c\uD83D", pair: "\uD83D\uDE00" }),
        ];
        for (const input of cases) {
            assert.deepEqual(Buffer.from(encodeAnalyzeRequest(input)), Buffer.from(generatedAnalyzeRequest(input).serializeBinary()));
        }
    });

    it("hand each request its own bytes: encoding the next one leaves the previous one as it was", () => {
        const large = resource({ policy: "x".repeat(20_000) });
        const first = encodeAnalyzeRequest(large);
        const copy = Buffer.from(first);
        encodeAnalyzeRequest(resource({ other: "y".repeat(30_000) }));
        assert.deepEqual(first, copy);
        assert.deepEqual(first, Buffer.from(generatedAnalyzeRequest(large).serializeBinary()));
    });

    it("match the generated encoding for any JSON-like properties, undefined members included", () => {
        // Any UTF-16 code units, lone surrogates included.
        const text = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)), maxLength: 200 });
        const value = fc.letrec((tie) => ({
            value: fc.oneof({ depthSize: "small" }, fc.constant(undefined), fc.constant(null), fc.boolean(), fc.double(), text,
                fc.array(tie("value")), fc.dictionary(text, tie("value"))),
        })).value;
        fc.assert(fc.property(fc.dictionary(text, value), (properties) => {
            const input = resource(properties);
            assert.deepEqual(Buffer.from(encodeAnalyzeRequest(input)), Buffer.from(generatedAnalyzeRequest(input).serializeBinary()));
        }), { numRuns: 300 });
    });

    it("decode to the resource the pack should see: undefined left out, internal top-level keys dropped", () => {
        const decoded = AnalyzeRequest.deserializeBinary(encodeAnalyzeRequest(resource({ a: undefined, b: [undefined], __defaults: [], c: { __x: 1 } })));
        assert.deepEqual(decoded.getProperties()?.toJavaScript(), { b: [null], c: { __x: 1 } });
        assert.equal(decoded.getOptions()?.getParent(), STACK);
        assert.equal(decoded.getProvider()?.getType(), "pulumi:providers:aws");
        assert.equal(decoded.getProvider()?.getName(), "default_7_48_0");
    });
});
