/**
 * Protobuf wire bytes written field by field, for messages no well-behaved encoder writes: repeated and
 * unsorted map keys, values with no kind or several, unknown fields, arbitrary string bytes.
 */

export function varint(value: number): number[] {
    const bytes: number[] = [];
    let rest = value;
    while (rest >= 0x80) {
        bytes.push((rest % 0x80) | 0x80);
        rest = Math.floor(rest / 0x80);
    }
    bytes.push(rest);
    return bytes;
}

export function tag(field: number, wireType: number): number[] {
    return varint(field * 8 + wireType);
}

export function delimited(field: number, content: readonly number[]): number[] {
    return [...tag(field, 2), ...varint(content.length), ...content];
}

export function text(field: number, value: string | readonly number[]): number[] {
    return delimited(field, typeof value === "string" ? [...Buffer.from(value, "utf8")] : value);
}

export function double(field: number, value: number): number[] {
    const bytes = Buffer.alloc(8);
    bytes.writeDoubleLE(value);
    return [...tag(field, 1), ...bytes];
}

export function varintField(field: number, value: number): number[] {
    return [...tag(field, 0), ...varint(value)];
}

export function fixed32(field: number): number[] {
    return [...tag(field, 5), 1, 2, 3, 4];
}
