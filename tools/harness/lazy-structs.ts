/**
 * The Pulumi SDK hands a registration's inputs to the resource monitor as a protobuf Struct: it converts
 * its serialized inputs with `Struct.fromJavaScript` (a Value message, with its array and map entry, per
 * value at every depth), and under the mock runtime the monitor converts that tree straight back with
 * `toJavaScript`. Nothing encodes it: the mock monitor is in-process. On a large stack those two copies of
 * every input were about a twentieth of the program's time, and more of its garbage.
 *
 * While the harness runs a program on this repository's SDK (with lean-registration.ts), the SDK's
 * `fromJavaScript` gives a Struct that holds the plain value it was given: its `toJavaScript()` returns what
 * the round trip returns, a copy with every object's keys in sorted order (a Struct's fields are a map,
 * which google-protobuf reads in key order, as the engine marshals properties), without the Value message
 * per value; anything else that reads its fields (encoding it, `getFieldsMap`, `toObject`) first builds
 * the very fields the SDK's own would have built. The value is what the SDK serialized: plain JSON-like
 * data, which `fromJavaScript` always accepts.
 */
import * as path from "node:path";

/** The slice of google-protobuf's generated Struct class used here. */
interface StructMessage {
    toJavaScript(): Record<string, unknown>;
    getFieldsMap(noLazyCreate?: boolean): FieldsMap;
}
interface FieldsMap {
    set(key: string, value: unknown): unknown;
    forEach(callback: (value: unknown, key: string) => void): void;
}
interface StructClass {
    new (): StructMessage;
    prototype: StructMessage;
    fromJavaScript(value: Record<string, unknown>): StructMessage;
}

/** google-protobuf's Struct, as the SDK that this repository's harness runs loads it. */
function sdkStructClass(): StructClass {
    const sdkDir = path.dirname(require.resolve("@pulumi/pulumi/package.json"));
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- resolved from the SDK's own folder
    return (require(require.resolve("google-protobuf/google/protobuf/struct_pb", { paths: [sdkDir] })) as { Struct: StructClass }).Struct;
}

/** What a Struct's round trip gives for a JSON-like value: the same values, every object's keys sorted. */
function sortedCopy(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(sortedCopy);
    if (value === null || typeof value !== "object") return value;
    const record = value as Record<string, unknown>;
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(record).sort()) copy[key] = sortedCopy(record[key]);
    return copy;
}

/** Installs the lazy conversion; returns the function that puts the SDK's own back. */
export function useLazyStructs(): () => void {
    const Struct = sdkStructClass();
    const original = Struct.fromJavaScript;
    const ownFields = Struct.prototype.getFieldsMap;
    const ownToJavaScript = Struct.prototype.toJavaScript;

    class PlainValueStruct extends Struct {
        private plain: Record<string, unknown> | undefined;

        constructor(plain: Record<string, unknown>) {
            super();
            this.plain = plain;
        }

        override toJavaScript(): Record<string, unknown> {
            return this.plain === undefined ? ownToJavaScript.call(this) : sortedCopy(this.plain) as Record<string, unknown>;
        }

        override getFieldsMap(noLazyCreate?: boolean): FieldsMap {
            if (this.plain !== undefined) {
                const fields = ownFields.call(this);
                original(this.plain).getFieldsMap().forEach((value, key) => fields.set(key, value));
                this.plain = undefined;
            }
            return ownFields.call(this, noLazyCreate);
        }
    }

    Struct.fromJavaScript = (value) => new PlainValueStruct(value);
    return () => { Struct.fromJavaScript = original; };
}
