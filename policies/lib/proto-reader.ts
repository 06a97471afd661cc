import { isUtf8 } from "node:buffer";

/**
 * Reading protobuf wire format field by field, with google-protobuf's own readings of scalars (its generated
 * classes are what @pulumi/policy's server decodes requests with): a varint's low 32 bits for lengths, bools and
 * enums, little-endian doubles, and its UTF-8 decoding of strings, which turns the 3-byte form of a lone
 * surrogate (what its encoder writes for one) back into that surrogate where standard decoding would not.
 */

const WIRE_VARINT = 0;
const WIRE_FIXED64 = 1;
export const WIRE_DELIMITED = 2;
const WIRE_FIXED32 = 5;

function malformed(why: string): Error {
    return new Error(`malformed protobuf message: ${why}`);
}

/** google-protobuf's string decoding (BinaryDecoder.readString), for bytes that are not valid UTF-8. */
function decodeLikeGoogleProtobuf(bytes: Uint8Array, start: number, end: number): string {
    let text = "";
    const codes: number[] = [];
    // A sequence cut short by the string's end reads as zeros (google-protobuf reads on into the next field's bytes;
    // only a broken encoder writes one).
    const at = (i: number) => (i < end ? bytes[i] : 0);
    let i = start;
    while (i < end) {
        const lead = bytes[i++];
        if (lead < 0x80) codes.push(lead);
        else if (lead < 0xc0) continue;
        else if (lead < 0xe0) {
            codes.push((lead & 0x1f) << 6 | at(i) & 0x3f);
            i += 1;
        } else if (lead < 0xf0) {
            codes.push((lead & 0x0f) << 12 | (at(i) & 0x3f) << 6 | at(i + 1) & 0x3f);
            i += 2;
        } else if (lead < 0xf8) {
            const point = ((lead & 0x07) << 18 | (at(i) & 0x3f) << 12 | (at(i + 1) & 0x3f) << 6 | at(i + 2) & 0x3f) - 0x10000;
            codes.push((point >> 10 & 0x3ff) + 0xd800, (point & 0x3ff) + 0xdc00);
            i += 3;
        }
        if (codes.length >= 8192) {
            text += String.fromCharCode(...codes);
            codes.length = 0;
        }
    }
    return text + String.fromCharCode(...codes);
}

/** The string in `bytes[start, end)`, as google-protobuf decodes it. */
export function decodeString(bytes: Buffer, start: number, end: number): string {
    for (let i = start; i < end; i++) {
        if (bytes[i] >= 0x80) {
            // Valid UTF-8 decodes the same both ways; only other bytes need google-protobuf's own reading.
            return isUtf8(bytes.subarray(start, end)) ? bytes.toString("utf8", start, end) : decodeLikeGoogleProtobuf(bytes, start, end);
        }
    }
    return bytes.toString("latin1", start, end);
}

/** A cursor over one message's bytes: `next()` reads a field's tag, then one read or `skip()` consumes its value. */
export class ProtoReader {
    pos: number;
    field = 0;
    wireType = 0;

    /** With `interned`, equal strings read by `string()` are one string (the map holds them while reading). */
    constructor(readonly bytes: Buffer, start: number, public end: number, private readonly interned?: Map<string, string>) {
        this.pos = start;
    }

    /** Narrows the reader to the length-delimited value of the current field; returns the end that `leave` restores. */
    enter(): number {
        const inner = this.delimited();
        const outer = this.end;
        this.end = inner;
        return outer;
    }

    /** Back to the enclosing message, after the value `enter` narrowed to. */
    leave(outer: number): void {
        this.pos = this.end;
        this.end = outer;
    }

    /** Reads the next tag; false at the end of the message. */
    next(): boolean {
        if (this.pos >= this.end) return false;
        const tag = this.varint32();
        this.field = tag >>> 3;
        this.wireType = tag & 7;
        return true;
    }

    /** A varint's low 32 bits, unsigned. */
    varint32(): number {
        let result = 0;
        for (let shift = 0; shift < 70; shift += 7) {
            if (this.pos >= this.end) throw malformed("a varint runs past the end");
            const byte = this.bytes[this.pos++];
            if (shift < 32) result |= (byte & 0x7f) << shift;
            if (byte < 0x80) return result >>> 0;
        }
        throw malformed("a varint is longer than 10 bytes");
    }

    private expect(wireType: number): void {
        if (this.wireType !== wireType) throw malformed(`field ${this.field} has wire type ${this.wireType}, not ${wireType}`);
    }

    /** The end of a length-delimited value; `pos` is left at its start. */
    delimited(): number {
        this.expect(WIRE_DELIMITED);
        const length = this.varint32();
        if (length > this.end - this.pos) throw malformed(`field ${this.field} is longer than its message`);
        return this.pos + length;
    }

    string(): string {
        const end = this.delimited();
        const text = decodeString(this.bytes, this.pos, end);
        this.pos = end;
        if (this.interned === undefined) return text;
        const known = this.interned.get(text);
        if (known !== undefined) return known;
        this.interned.set(text, text);
        return text;
    }

    bool(): boolean {
        this.expect(WIRE_VARINT);
        return this.varint32() !== 0;
    }

    double(): number {
        this.expect(WIRE_FIXED64);
        if (this.pos + 8 > this.end) throw malformed(`field ${this.field} runs past the end`);
        const value = this.bytes.readDoubleLE(this.pos);
        this.pos += 8;
        return value;
    }

    /** Skips the value of a field this reader does not use, as google-protobuf keeps unknown fields out of its getters. */
    skip(): void {
        switch (this.wireType) {
            case WIRE_VARINT:
                this.varint32();
                return;
            case WIRE_FIXED64:
                this.pos += 8;
                break;
            case WIRE_DELIMITED:
                this.pos = this.delimited();
                return;
            case WIRE_FIXED32:
                this.pos += 4;
                break;
            default:
                throw malformed(`field ${this.field} has wire type ${this.wireType} (groups are not used by these messages)`);
        }
        if (this.pos > this.end) throw malformed(`field ${this.field} runs past the end`);
    }
}
