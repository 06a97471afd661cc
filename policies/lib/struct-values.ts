import { ProtoReader, WIRE_DELIMITED } from "./proto-reader";

/**
 * A `google.protobuf.Struct` read straight from its bytes into the plain value google-protobuf's
 * `Struct.toJavaScript()` returns after `Struct.deserializeBinary()`, without building its message objects
 * (a Value, a map entry and their arrays per property: millions of objects for a large stack).
 *
 * The same value in every detail a policy can observe: keys in google-protobuf's map order (sorted as strings,
 * the last entry of a repeated key winning, `__proto__` lost as its map's plain-object storage loses it), numbers
 * as doubles, a Value that sets no kind making the whole conversion throw its error unless a later entry
 * replaces it, the fields of a map entry's value read as one merged message.
 */

/** Stands for a Value with no kind set: google-protobuf's toJavaScript throws on reaching one. */
const NO_KIND = Symbol("a Value with no kind");

/** Value fields (google/protobuf/struct.proto). */
const NULL_VALUE = 1;
const NUMBER_VALUE = 2;
const STRING_VALUE = 3;
const BOOL_VALUE = 4;
const STRUCT_VALUE = 5;
const LIST_VALUE = 6;

/** The value set by the Value message the reader is narrowed to, the last kind read winning; `current` if it sets none. */
function readValue(reader: ProtoReader, current: unknown): unknown {
    let value = current;
    while (reader.next()) {
        switch (reader.field) {
            case NULL_VALUE:
                reader.varint32();
                value = null;
                break;
            case NUMBER_VALUE:
                value = reader.double();
                break;
            case STRING_VALUE:
                value = reader.string();
                break;
            case BOOL_VALUE:
                value = reader.bool();
                break;
            case STRUCT_VALUE: {
                const outer = reader.enter();
                value = readStruct(reader);
                reader.leave(outer);
                break;
            }
            case LIST_VALUE: {
                const outer = reader.enter();
                value = readList(reader);
                reader.leave(outer);
                break;
            }
            default:
                reader.skip();
        }
    }
    return value;
}

function readList(reader: ProtoReader): unknown {
    const items: unknown[] = [];
    let complete = true;
    while (reader.next()) {
        if (reader.field !== 1 || reader.wireType !== WIRE_DELIMITED) {
            reader.skip();
            continue;
        }
        const outer = reader.enter();
        const item = readValue(reader, NO_KIND);
        reader.leave(outer);
        if (item === NO_KIND) complete = false;
        items.push(item);
    }
    return complete ? items : NO_KIND;
}

function readStruct(reader: ProtoReader): unknown {
    const keys: string[] = [];
    const values: unknown[] = [];
    let ascending = true;
    while (reader.next()) {
        if (reader.field !== 1 || reader.wireType !== WIRE_DELIMITED) {
            reader.skip();
            continue;
        }
        // One map entry: its key ("" when absent) and its value (no kind when absent; its occurrences merge).
        const outer = reader.enter();
        let key = "";
        let value: unknown = NO_KIND;
        while (reader.next()) {
            if (reader.field === 1) key = reader.string();
            else if (reader.field === 2) {
                const entryEnd = reader.enter();
                value = readValue(reader, value);
                reader.leave(entryEnd);
            } else reader.skip();
        }
        reader.leave(outer);
        if (keys.length > 0 && !(keys[keys.length - 1] < key)) ascending = false;
        keys.push(key);
        values.push(value);
    }
    return ascending ? buildObject(keys, values) : buildObject(...inMapOrder(keys, values));
}

/** Keys sorted, each once with its last value: the order google-protobuf's map iterates in. */
function inMapOrder(keys: string[], values: unknown[]): [string[], unknown[]] {
    const last = new Map<string, unknown>();
    keys.forEach((key, i) => last.set(key, values[i]));
    const sorted = [...last.keys()].sort();
    return [sorted, sorted.map((key) => last.get(key))];
}

function buildObject(keys: readonly string[], values: readonly unknown[]): unknown {
    const object: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) {
        if (keys[i] === "__proto__") continue;
        if (values[i] === NO_KIND) return NO_KIND;
        object[keys[i]] = values[i];
    }
    return object;
}

/** `Struct.deserializeBinary(bytes.subarray(start, end)).toJavaScript()`, read directly. */
export function structToJavaScript(bytes: Buffer, start: number, end: number): Record<string, unknown> {
    const value = readStruct(new ProtoReader(bytes, start, end));
    if (value === NO_KIND) throw new Error("Unexpected struct type");
    return value as Record<string, unknown>;
}
