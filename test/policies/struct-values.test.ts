import * as assert from "node:assert/strict";
import * as fc from "fast-check";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import type { JavaScriptValue } from "google-protobuf/google/protobuf/struct_pb";
import { structToJavaScript } from "../../policies/lib/struct-values";
import { delimited, double, fixed32, text, varintField } from "./support/proto-bytes";

/** A value with its key order made explicit (and -0, NaN kept): equal shapes mean equal in everything a policy can see. */
function shape(value: unknown): unknown {
    if (Array.isArray(value)) return { list: value.map(shape) };
    if (typeof value === "object" && value !== null) return { keys: Object.keys(value).map((key) => [key, shape((value as Record<string, unknown>)[key])]) };
    return value;
}

/** What google-protobuf makes of the bytes, and what the direct reading makes of them: a value's shape or the error thrown. */
function both(bytes: readonly number[]): [unknown, unknown] {
    const outcome = (read: () => unknown) => {
        try {
            return shape(read());
        } catch (error) {
            return `throws ${(error as Error).message}`;
        }
    };
    return [outcome(() => Struct.deserializeBinary(new Uint8Array(bytes)).toJavaScript()),
        outcome(() => structToJavaScript(Buffer.from(bytes), 0, bytes.length))];
}

const entry = (key: string | null, ...values: number[][]) => delimited(1, [...(key === null ? [] : text(1, key)), ...values.flatMap((v) => delimited(2, v))]);
const stringValue = (value: string | number[]) => text(3, value);

/** String bytes of every kind google-protobuf's decoder meets, each sequence complete: valid UTF-8, lone surrogates, stray and invalid bytes. */
const stringBytes = fc.array(fc.oneof(
    fc.string({ unit: "binary", maxLength: 3 }).map((s) => [...Buffer.from(s, "utf8")]),
    fc.integer({ min: 0xa0, max: 0xbf }).chain((second) => fc.integer({ min: 0x80, max: 0xbf }).map((third) => [0xed, second, third])),
    fc.integer({ min: 0x80, max: 0xbf }).map((b) => [b]),
    fc.integer({ min: 0xf8, max: 0xff }).map((b) => [b]),
    fc.tuple(fc.integer({ min: 0xc0, max: 0xdf }), fc.integer({ min: 0, max: 0xff })),
    fc.tuple(fc.integer({ min: 0xe0, max: 0xef }), fc.integer({ min: 0, max: 0xff }), fc.integer({ min: 0, max: 0xff })),
    fc.tuple(fc.integer({ min: 0xf0, max: 0xf7 }), fc.integer({ min: 0, max: 0xff }), fc.integer({ min: 0, max: 0xff }), fc.integer({ min: 0, max: 0xff })),
), { maxLength: 6 }).map((units) => units.flat());

/** Keys that collide, sort oddly, or are special to plain objects. */
const keys = fc.oneof(fc.constantFrom("a", "b", "B", "10", "9", "", "__proto__", "constructor", "é"), fc.string({ maxLength: 4 }));

/** Struct bytes as any encoder might write them: entries repeated and unsorted, values with no kind or several, unknown fields. */
const wireStruct: fc.Arbitrary<number[]> = fc.letrec((tie) => ({
    value: fc.array(fc.oneof({ depthSize: "small" },
        fc.constant(varintField(1, 0)),
        fc.double().map((n) => double(2, n)),
        stringBytes.map((bytes) => stringValue(bytes)),
        fc.constantFrom(0, 1, 2 ** 32, 2 ** 32 + 1, 300).map((n) => varintField(4, n)),
        tie("struct").map((struct) => delimited(5, struct as number[])),
        fc.array(tie("value"), { maxLength: 3 }).map((items) => delimited(6, (items as number[][]).flatMap((item) => delimited(1, item)))),
        fc.constant(fixed32(9)),
    ), { maxLength: 3 }).map((fields) => fields.flat()),
    struct: fc.array(fc.oneof(
        fc.tuple(fc.option(keys), fc.array(tie("value"), { maxLength: 2 })).map(([key, values]) => entry(key, ...(values as number[][]))),
        fc.constant(varintField(2, 7)),
    ), { maxLength: 4 }).map((entries) => entries.flat()),
})).struct as fc.Arbitrary<number[]>;

describe("Struct bytes read directly into plain values", () => {
    it("are what google-protobuf's Struct.toJavaScript gives for any JSON-like value, lone surrogates included", () => {
        const unit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));
        const textValue = fc.string({ unit, maxLength: 30 });
        const value = fc.letrec((tie) => ({
            value: fc.oneof({ depthSize: "small" }, fc.constant(null), fc.boolean(), fc.double(), textValue,
                fc.array(tie("value")), fc.dictionary(textValue, tie("value"))),
        })).value;
        fc.assert(fc.property(fc.dictionary(textValue, value), (object) => {
            const bytes = [...Struct.fromJavaScript(object as Record<string, JavaScriptValue>).serializeBinary()];
            const [stock, direct] = both(bytes);
            assert.deepStrictEqual(direct, stock);
        }));
    });

    it("are what google-protobuf reads from any Struct bytes: repeated and unsorted keys, kindless or merged values, invalid UTF-8", () => {
        fc.assert(fc.property(wireStruct, (bytes) => {
            const [stock, direct] = both(bytes);
            assert.deepStrictEqual(direct, stock);
        }), { numRuns: 2000 });
    });

    it("keep google-protobuf's map behaviour: sorted keys, the last of a repeated key, __proto__ dropped, a later entry replacing a kindless one", () => {
        const bytes = [...entry("b", stringValue("1")), ...entry("10", stringValue("ten")), ...entry("9", stringValue("nine")),
            ...entry("__proto__", stringValue("x")), ...entry("a"), ...entry("b", stringValue("3")), ...entry("a", stringValue("2"))];
        const value = structToJavaScript(Buffer.from(bytes), 0, bytes.length);
        assert.deepEqual(Object.keys(value), ["9", "10", "a", "b"]);
        assert.deepEqual(value, { 9: "nine", 10: "ten", a: "2", b: "3" });
        assert.equal(Object.getPrototypeOf(value), Object.prototype);
        assert.deepStrictEqual(both(bytes)[0], shape(value));
    });

    it("throw google-protobuf's error for a value that sets no kind, in a map or a list", () => {
        for (const bytes of [entry("a"), entry("a", delimited(6, delimited(1, [])))]) {
            assert.throws(() => structToJavaScript(Buffer.from(bytes), 0, bytes.length), /^Error: Unexpected struct type$/);
            assert.deepEqual(both(bytes), ["throws Unexpected struct type", "throws Unexpected struct type"]);
        }
    });

    it("read a Struct inside a larger buffer from its own bytes only, and refuse truncated bytes", () => {
        const inner = entry("name", stringValue("orders"));
        const buffer = Buffer.from([0xff, 0xff, ...inner, 0xff]);
        assert.deepEqual(structToJavaScript(buffer, 2, 2 + inner.length), { name: "orders" });
        assert.throws(() => structToJavaScript(Buffer.from(inner), 0, inner.length - 1), /malformed protobuf message/);
    });
});
