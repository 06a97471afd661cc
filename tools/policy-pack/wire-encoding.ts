/**
 * Encodes the analyzer's per-resource messages straight from the client's plain values, without building
 * google-protobuf message objects first. On a stack of thousands of resources the plan process spent most
 * of its protocol time (and much of its garbage collection) building a Struct tree per resource, only to
 * serialize it once and drop it. The bytes are exactly those of the generated messages' serializeBinary
 * (same fields, same order, map keys sorted as google-protobuf sorts them): the pack decodes them with
 * the generated code, as it decodes the engine's.
 */
import { ProtoWriter } from "./proto-writer";
import type { AnalyzedResource } from "./types";

/** Field numbers of pulumirpc.AnalyzeRequest / AnalyzerResource (analyzer.proto); 7-9 are AnalyzerResource only. */
const RESOURCE = { type: 1, properties: 2, urn: 3, name: 4, options: 5, provider: 6, parent: 7, dependencies: 8, propertyDependencies: 9 } as const;
/** pulumirpc.AnalyzerResourceOptions.parent. */
const OPTIONS_PARENT = 8;
/** pulumirpc.AnalyzerProviderResource: type, properties (always an empty Struct), urn, name. */
const PROVIDER = { type: 1, properties: 2, urn: 3, name: 4 } as const;
/** pulumirpc.AnalyzerPropertyDependencies.urns. */
const DEPENDENCY_URNS = 1;
/** A map entry (google.protobuf.Struct.fields and AnalyzerResource.propertyDependencies): key, value. */
const MAP_KEY = 1;
const MAP_VALUE = 2;
/** google.protobuf.Value's kinds. */
const VALUE = { null: 1, number: 2, string: 3, bool: 4, struct: 5, list: 6 } as const;
/** google.protobuf.Struct.fields / ListValue.values. */
const STRUCT_FIELDS = 1;
const LIST_VALUES = 1;

type Plain = Record<string, unknown>;

/**
 * One writer for every Analyze request (encoding is synchronous): a large stack sends thousands, and a
 * buffer of its own for each was as many allocations outside the heap, held until collected.
 */
const analyzeWriter = new ProtoWriter();

/** The bytes of the AnalyzeRequest the engine sends for one resource (its inputs), in a buffer of their own. */
export function encodeAnalyzeRequest(resource: AnalyzedResource): Buffer {
    analyzeWriter.reset();
    writeResource(analyzeWriter, resource);
    return Buffer.from(analyzeWriter.finish());
}

/** One AnalyzerResource of an AnalyzeStack request (its outputs, parent and dependency edges). */
export function writeStackResource(writer: ProtoWriter, resource: AnalyzedResource): void {
    writeResource(writer, resource);
    if (resource.parent) writer.string(RESOURCE.parent, resource.parent);
    writer.repeatedString(RESOURCE.dependencies, resource.dependencies);
    const properties = Object.keys(resource.propertyDependencies).sort();
    for (const property of properties) {
        const urns = resource.propertyDependencies[property];
        writer.message(RESOURCE.propertyDependencies, () => {
            writer.string(MAP_KEY, property);
            writer.message(MAP_VALUE, () => writer.repeatedString(DEPENDENCY_URNS, urns));
        });
    }
}

/** The fields AnalyzeRequest and AnalyzerResource share (1-6), in field order. */
function writeResource(writer: ProtoWriter, resource: AnalyzedResource): void {
    if (resource.type) writer.string(RESOURCE.type, resource.type);
    writer.message(RESOURCE.properties, () => writeStruct(writer, resource.properties, true));
    if (resource.urn) writer.string(RESOURCE.urn, resource.urn);
    if (resource.name) writer.string(RESOURCE.name, resource.name);
    writer.message(RESOURCE.options, () => {
        if (resource.parent) writer.string(OPTIONS_PARENT, resource.parent);
    });
    const provider = resource.provider ? providerOf(resource.provider) : undefined;
    if (provider) {
        writer.message(RESOURCE.provider, () => {
            if (provider.type) writer.string(PROVIDER.type, provider.type);
            writer.message(PROVIDER.properties, () => undefined);
            if (provider.urn) writer.string(PROVIDER.urn, provider.urn);
            if (provider.name) writer.string(PROVIDER.name, provider.name);
        });
    }
}

/** `urn:pulumi:stack::project::pulumi:providers:aws::default_7_48_0::<id>` -> the provider resource's urn, type and name. */
function providerOf(reference: string): { urn: string; type: string; name: string } | undefined {
    const separator = reference.lastIndexOf("::");
    if (separator < 0) return undefined;
    const urn = reference.slice(0, separator);
    const parts = urn.split("::");
    return { urn, type: parts[parts.length - 2]?.split("$").pop() ?? "", name: parts[parts.length - 1] ?? "" };
}

/**
 * A google.protobuf.Struct of a plain object, with the conversions the JSON round trip used to make:
 * undefined members dropped (in lists: null), non-finite numbers as null, `toJSON` honoured. With
 * `dropInternalKeys`, top-level keys starting with `__` are left out, as the engine leaves them out.
 */
function writeStruct(writer: ProtoWriter, object: Plain, dropInternalKeys = false): void {
    const keys = Object.keys(object).sort();
    for (const key of keys) {
        if (dropInternalKeys && key.startsWith("__")) continue;
        const value = jsonValue(object[key]);
        if (value === undefined) continue;
        writer.message(STRUCT_FIELDS, () => {
            writer.string(MAP_KEY, key);
            writer.message(MAP_VALUE, () => writeValue(writer, value));
        });
    }
}

/** What JSON.stringify would make of a value (undefined: left out), before its kind is written. */
function jsonValue(value: unknown): unknown {
    if (value !== null && typeof value === "object" && typeof (value as { toJSON?: unknown }).toJSON === "function") {
        return jsonValue((value as { toJSON(): unknown }).toJSON());
    }
    if (typeof value === "function" || typeof value === "symbol" || value === undefined) return undefined;
    if (typeof value === "bigint") throw new TypeError("Do not know how to serialize a BigInt");
    return value;
}

function writeValue(writer: ProtoWriter, value: unknown): void {
    if (value === null) {
        writer.uint(VALUE.null, 0);
    } else if (typeof value === "number") {
        // As JSON: -0 becomes 0, NaN and infinities become null.
        if (Number.isFinite(value)) writer.double(VALUE.number, value === 0 ? 0 : value);
        else writer.uint(VALUE.null, 0);
    } else if (typeof value === "string") {
        writer.string(VALUE.string, value);
    } else if (typeof value === "boolean") {
        writer.uint(VALUE.bool, value ? 1 : 0);
    } else if (Array.isArray(value)) {
        writer.message(VALUE.list, () => {
            for (const element of value) {
                const item = jsonValue(element) ?? null;
                writer.message(LIST_VALUES, () => writeValue(writer, item));
            }
        });
    } else {
        writer.message(VALUE.struct, () => writeStruct(writer, value as Plain));
    }
}
