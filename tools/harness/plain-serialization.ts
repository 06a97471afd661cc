/**
 * The SDK serializes a value with `serializeProperty` (rpc.js), an async walk that awaits every nested
 * value in turn: for a resource's state of a few dozen properties, hundreds of promises and a context
 * string per property, even when the value holds nothing to wait for. The mock monitor serializes each
 * resource's mocked state that way. That state is plain data (the stand-in cloud computes it from the
 * deserialized inputs), so this walks it synchronously to the same result, and gives up, leaving the value
 * to the SDK, at the first thing the SDK would treat specially (an output, promise, asset, archive, resource,
 * unknown value, or an object of another class).
 */

/** The members by which the SDK recognises its own classes (utils.isInstance), in whatever copy of it. */
const SDK_CLASS_MARKERS = ["__pulumiOutput", "__pulumiAsset", "__pulumiArchive", "__pulumiUnknown", "__pulumiCustomResource",
    "__pulumiComponentResource", "__pulumiResource"];

/** Returned by the walk for a value it leaves to the SDK. */
const NOT_PLAIN: unique symbol = Symbol("not plain data");

function isSdkClassInstance(value: object): boolean {
    const members = value as Record<string, unknown>;
    return SDK_CLASS_MARKERS.some((marker) => members[marker] === true);
}

function serializedValue(value: unknown): unknown {
    switch (typeof value) {
        case "undefined": case "boolean": case "number": case "string": return value;
        case "function": return undefined; // the SDK drops functions
        case "object": break;
        default: return NOT_PLAIN; // bigint, symbol: left to the SDK
    }
    if (value === null) return null;
    const prototype = Object.getPrototypeOf(value) as unknown;
    if (isSdkClassInstance(value)) return NOT_PLAIN;
    if (Array.isArray(value) && prototype === Array.prototype) {
        const result: unknown[] = [];
        for (const item of value) {
            const serialized = serializedValue(item);
            if (serialized === NOT_PLAIN) return NOT_PLAIN;
            result.push(serialized === undefined ? null : serialized); // as JSON does, and the SDK
        }
        return result;
    }
    if (prototype !== Object.prototype && prototype !== null) return NOT_PLAIN;
    return serializedObject(value as Record<string, unknown>);
}

function serializedObject(value: Record<string, unknown>): Record<string, unknown> | typeof NOT_PLAIN {
    const result: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
        const serialized = serializedValue(value[key]);
        if (serialized === NOT_PLAIN) return NOT_PLAIN;
        if (serialized !== undefined) result[key] = serialized; // undefined properties are left out, as by the SDK
    }
    return result;
}

/**
 * What `await rpc.serializeProperties(label, props)` gives for `props`, computed synchronously, or undefined
 * when `props` holds anything but plain data (the caller then uses the SDK's own serializer).
 */
export function serializePlainProperties(props: Record<string, unknown>): Record<string, unknown> | undefined {
    const serialized = serializedObject(props);
    return serialized === NOT_PLAIN ? undefined : serialized;
}
