import { createRequire } from "node:module";
import {
    WireAnalyzeRequest, WireAnalyzeStackRequest, WireContext, WireCustomTimeouts, WirePropertyDependencies, WireProviderResource,
    WireResource, WireResourceOptions, WireStruct,
} from "./analyzer-requests";

/**
 * @pulumi/policy's analyzer server decodes every request with google-protobuf's generated classes: a message
 * object per Value and map entry of every property, all alive until the request ends. For AnalyzeStack over
 * thousands of resources that is millions of objects (the largest part of the pack's memory and much of its
 * garbage collection), and on Analyze a good part of each call's cost. The gRPC server takes each method's
 * request decoder from the service definition (`AnalyzerService.<method>.requestDeserialize`) when the server
 * registers the service, so decoding is replaced there, before the pack starts its server, by readers that
 * build light objects with the generated read API (analyzer-requests.ts). The wire protocol is unchanged.
 *
 * Only when the definition and the generated classes are as expected: every getter and has-method of each
 * generated request class must exist on its light counterpart. A version of @pulumi/pulumi whose messages gained
 * a field fails that check, and its requests are then decoded by google-protobuf as before.
 */

interface MethodDefinition {
    requestType?: unknown;
    requestDeserialize?: (bytes: Buffer) => unknown;
}

interface ServiceDefinition {
    analyze?: MethodDefinition;
    analyzeStack?: MethodDefinition;
}

/** A class, as far as these checks read it. */
type MessageClass = { prototype: object };

/** Generated classes of analyzer.proto, by message name, and the light class standing for each. */
const COUNTERPARTS: ReadonlyArray<readonly [string, MessageClass]> = [
    ["AnalyzeRequest", WireAnalyzeRequest],
    ["AnalyzeStackRequest", WireAnalyzeStackRequest],
    ["AnalyzerResource", WireResource],
    ["AnalyzerResourceOptions", WireResourceOptions],
    ["AnalyzerResourceOptions.CustomTimeouts", WireCustomTimeouts],
    ["AnalyzerProviderResource", WireProviderResource],
    ["AnalyzerPropertyDependencies", WirePropertyDependencies],
];

/** Marks an installed decoder, so that installing twice changes nothing. */
const DIRECT = Symbol("decodes analyzer requests directly");

const READ_METHOD = /^(get|has)[A-Z]/;

/** The getters and has-methods a light class has, its own and inherited. */
function lightReadMethods(type: MessageClass): Set<string> {
    const names = new Set<string>();
    for (let proto = type.prototype; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
        for (const name of Object.getOwnPropertyNames(proto)) if (READ_METHOD.test(name)) names.add(name);
    }
    return names;
}

/** The getters and has-methods generated for a message's fields: on its class (jspb.Message's own are for extensions). */
function fieldReadMethods(type: MessageClass): string[] {
    return Object.getOwnPropertyNames(type.prototype).filter((name) => READ_METHOD.test(name));
}

function classAt(module: Record<string, unknown>, dotted: string): MessageClass | undefined {
    let value: unknown = module;
    for (const part of dotted.split(".")) value = (value as Record<string, unknown> | undefined)?.[part];
    return typeof value === "function" ? value as MessageClass : undefined;
}

function covers(generated: MessageClass | undefined, light: MessageClass): boolean {
    if (generated === undefined) return false;
    const ours = lightReadMethods(light);
    return fieldReadMethods(generated).every((method) => ours.has(method));
}

/** Whether every read method of every generated request class (and of Struct) has its light counterpart. */
export function lightClassesCover(analyzer: Record<string, unknown>, struct: Record<string, unknown>): boolean {
    return COUNTERPARTS.every(([name, light]) => covers(classAt(analyzer, name), light)) && covers(classAt(struct, "Struct"), WireStruct);
}

/**
 * Installs the direct decoders on the analyzer service definition that @pulumi/policy's server registers
 * (resolved from @pulumi/policy itself, so it is the copy its server uses). Returns false, changing nothing,
 * when that definition or its generated classes are not as expected.
 */
export function decodeAnalyzerRequestsDirectly(): boolean {
    const fromPolicy = createRequire(require.resolve("@pulumi/policy/server"));
    const service = (fromPolicy("@pulumi/pulumi/proto/analyzer_grpc_pb") as { AnalyzerService?: ServiceDefinition }).AnalyzerService;
    const generated = fromPolicy("@pulumi/pulumi/proto/analyzer_pb") as Record<string, unknown>;
    const analyze = service?.analyze;
    const analyzeStack = service?.analyzeStack;
    if (!analyze || !analyzeStack || typeof analyze.requestDeserialize !== "function" || typeof analyzeStack.requestDeserialize !== "function") return false;
    if (DIRECT in analyze.requestDeserialize && DIRECT in analyzeStack.requestDeserialize) return true;
    if (analyze.requestType !== generated.AnalyzeRequest || analyzeStack.requestType !== generated.AnalyzeStackRequest) return false;
    const struct = createRequire(fromPolicy.resolve("@pulumi/pulumi/proto/analyzer_pb"))("google-protobuf/google/protobuf/struct_pb") as Record<string, unknown>;
    if (!lightClassesCover(generated, struct)) return false;
    const context: WireContext = { stockStruct: struct.Struct as WireContext["stockStruct"] };
    analyze.requestDeserialize = Object.assign((bytes: Buffer) => new WireAnalyzeRequest(bytes, context), { [DIRECT]: true });
    analyzeStack.requestDeserialize = Object.assign((bytes: Buffer) => new WireAnalyzeStackRequest(bytes, context), { [DIRECT]: true });
    return true;
}
