/**
 * A protobuf writer into one growing Buffer. google-protobuf's BinaryWriter keeps every nested message as
 * its own small Uint8Array until the end: for an AnalyzeStack request of thousands of resources that is
 * millions of small objects (hundreds of MB, and the garbage collection that goes with them). Here a
 * nested message is written in place, one byte reserved for its length; the rare message of 128 bytes or
 * more is moved right by the extra length bytes once it is done. The bytes are the same as
 * google-protobuf's (strings are UTF-8 encoded the way its BinaryEncoder does it).
 */
const WIRE_VARINT = 0;
const WIRE_FIXED64 = 1;
const WIRE_DELIMITED = 2;
/** Strings this short encode to at most 127 bytes: their length fits the one reserved byte. */
const SHORT_STRING = 42;
const UNPAIRED_SURROGATE_CANDIDATE = /[\uD800-\uDFFF]/;

export class ProtoWriter {
    private buffer: Buffer;
    private position = 0;

    constructor(initialBytes = 4096) {
        this.buffer = Buffer.allocUnsafe(initialBytes);
    }

    /** A length-delimited field whose content `write` produces. */
    message(field: number, write: () => void): void {
        this.tag(field, WIRE_DELIMITED);
        this.reserve(1);
        const lengthAt = this.position++;
        write();
        this.closeLength(lengthAt);
    }

    string(field: number, value: string): void {
        this.tag(field, WIRE_DELIMITED);
        if (UNPAIRED_SURROGATE_CANDIDATE.test(value)) {
            this.bytes(googleProtobufUtf8(value));
        } else if (value.length <= SHORT_STRING) {
            this.reserve(1 + value.length * 3);
            const written = this.buffer.write(value, this.position + 1, "utf8");
            this.buffer[this.position] = written;
            this.position += 1 + written;
        } else {
            const length = Buffer.byteLength(value, "utf8");
            this.varint(length);
            this.reserve(length);
            this.position += this.buffer.write(value, this.position, "utf8");
        }
    }

    repeatedString(field: number, values: readonly string[]): void {
        for (const value of values) this.string(field, value);
    }

    double(field: number, value: number): void {
        this.tag(field, WIRE_FIXED64);
        this.reserve(8);
        this.position = this.buffer.writeDoubleLE(value, this.position);
    }

    /** enum and bool fields (non-negative values below 2^31). */
    uint(field: number, value: number): void {
        this.tag(field, WIRE_VARINT);
        this.varint(value);
    }

    /** Starts a new message in the same buffer (what finish() returned before is overwritten). */
    reset(): void {
        this.position = 0;
    }

    /** The bytes written so far (a view of the writer's buffer). */
    finish(): Buffer {
        return this.buffer.subarray(0, this.position);
    }

    private bytes(content: Uint8Array): void {
        this.varint(content.length);
        this.reserve(content.length);
        this.buffer.set(content, this.position);
        this.position += content.length;
    }

    private tag(field: number, wireType: number): void {
        this.varint(field * 8 + wireType);
    }

    private varint(value: number): void {
        this.reserve(5);
        while (value > 127) {
            this.buffer[this.position++] = (value & 127) | 128;
            value >>>= 7;
        }
        this.buffer[this.position++] = value;
    }

    /** Writes the length of the message that started after `lengthAt`, moving it right if it needs more than one byte. */
    private closeLength(lengthAt: number): void {
        const length = this.position - lengthAt - 1;
        if (length < 128) {
            this.buffer[lengthAt] = length;
            return;
        }
        const extra = varintSize(length) - 1;
        this.reserve(extra);
        this.buffer.copyWithin(lengthAt + 1 + extra, lengthAt + 1, this.position);
        this.position += extra;
        let at = lengthAt;
        let rest = length;
        while (rest > 127) {
            this.buffer[at++] = (rest & 127) | 128;
            rest >>>= 7;
        }
        this.buffer[at] = rest;
    }

    private reserve(bytes: number): void {
        if (this.position + bytes <= this.buffer.length) return;
        const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.position + bytes));
        this.buffer.copy(grown, 0, 0, this.position);
        this.buffer = grown;
    }
}

function varintSize(value: number): number {
    let size = 1;
    while (value > 127) {
        value >>>= 7;
        size++;
    }
    return size;
}

/**
 * UTF-8 as google-protobuf's BinaryEncoder.writeString produces it, for strings with surrogate code units:
 * a pair is one 4-byte character, a lone low surrogate is encoded as its own 3 bytes, and a high surrogate
 * followed by anything but a low one is left out.
 */
function googleProtobufUtf8(value: string): Uint8Array {
    const bytes: number[] = [];
    for (let i = 0; i < value.length; i++) {
        let c = value.charCodeAt(i);
        if (c < 128) {
            bytes.push(c);
        } else if (c < 2048) {
            bytes.push((c >> 6) | 192, (c & 63) | 128);
        } else if (c >= 0xD800 && c <= 0xDBFF && i + 1 < value.length) {
            const second = value.charCodeAt(i + 1);
            if (second >= 0xDC00 && second <= 0xDFFF) {
                c = (c - 0xD800) * 0x400 + second - 0xDC00 + 0x10000;
                bytes.push((c >> 18) | 240, ((c >> 12) & 63) | 128, ((c >> 6) & 63) | 128, (c & 63) | 128);
                i++;
            }
        } else {
            bytes.push((c >> 12) | 224, ((c >> 6) & 63) | 128, (c & 63) | 128);
        }
    }
    return Uint8Array.from(bytes);
}
