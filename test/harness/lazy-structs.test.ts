import * as assert from "node:assert/strict";
import { RegisterResourceRequest } from "@pulumi/pulumi/proto/resource_pb";
import { Struct, Value } from "google-protobuf/google/protobuf/struct_pb";
import type { JavaScriptValue } from "google-protobuf/google/protobuf/struct_pb";
import { useLazyStructs } from "../../tools/harness/lazy-structs";

/** Serialized inputs as the SDK hands them over: nested objects, lists with nulls, numbers JSON would change. */
const INPUTS = { name: "fn", memorySize: 512, enabled: false, tags: { team: "a" }, list: [1, null, "x", { deep: true }], zero: -0, notANumber: Number.NaN };
const inputs = () => structuredClone(INPUTS) as unknown as Record<string, JavaScriptValue>;

/** What the SDK's own conversion gives, taken before the lazy one is installed. */
const original = Struct.fromJavaScript;

describe("structs that hold the SDK's plain inputs", () => {
    let restore: (() => void) | undefined;
    afterEach(() => {
        restore?.();
        restore = undefined;
    });

    it("give back what the SDK's round trip gives, keys in the same order, without building fields", () => {
        const value = { zeta: 1, alpha: { delta: [{ b: 1, a: 2 }], beta: null }, "10": "ten", "9": "nine", mid: "x" };
        const expected = original(value).toJavaScript();
        restore = useLazyStructs();
        const ownValueConversion = Value.fromJavaScript;
        let valuesBuilt = 0;
        Value.fromJavaScript = (item) => { valuesBuilt++; return ownValueConversion(item); };
        try {
            const struct = Struct.fromJavaScript(value);
            assert.ok(struct instanceof Struct);
            assert.equal(JSON.stringify(struct.toJavaScript()), JSON.stringify(expected));
            assert.equal(valuesBuilt, 0);
        } finally {
            Value.fromJavaScript = ownValueConversion;
        }
    });

    it("build exactly the SDK's fields for any other reader: encoding, fields map, object form", () => {
        restore = useLazyStructs();
        const expected = original(inputs());
        assert.deepEqual(Buffer.from(Struct.fromJavaScript(inputs()).serializeBinary()), Buffer.from(expected.serializeBinary()));
        assert.deepEqual(Struct.fromJavaScript(inputs()).toObject(), expected.toObject());
        const struct = Struct.fromJavaScript(inputs());
        assert.equal(struct.getFieldsMap().getLength(), expected.getFieldsMap().getLength());
        assert.deepEqual(struct.toJavaScript(), expected.toJavaScript());
    });

    it("encode inside a registration request exactly as the SDK's own", () => {
        const encoded = (object: Struct) => {
            const request = new RegisterResourceRequest();
            request.setType("aws:lambda/function:Function");
            request.setObject(object);
            return Buffer.from(request.serializeBinary());
        };
        const expected = encoded(original(inputs()));
        restore = useLazyStructs();
        assert.deepEqual(encoded(Struct.fromJavaScript(inputs())), expected);
    });

    it("are gone once the run is over", () => {
        useLazyStructs()();
        assert.equal(Struct.fromJavaScript, original);
        const value = inputs();
        assert.notEqual(Struct.fromJavaScript(value).toJavaScript(), value);
    });
});
