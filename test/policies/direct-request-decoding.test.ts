import * as assert from "node:assert/strict";
import * as fc from "fast-check";
import * as analyzer from "@pulumi/pulumi/proto/analyzer_pb";
import { AnalyzerService } from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import * as structModule from "google-protobuf/google/protobuf/struct_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import type { JavaScriptValue } from "google-protobuf/google/protobuf/struct_pb";
import { allPolicies } from "../../policies/lib/catalog";
import { WireAnalyzeRequest, WireAnalyzeStackRequest, WireContext } from "../../policies/lib/analyzer-requests";
import { decodeAnalyzerRequestsDirectly, lightClassesCover } from "../../policies/lib/direct-request-decoding";
import { shareDeserializedProperties } from "../../policies/lib/shared-deserialization";
import { arn, compliantEventStack, lambdaFunction, withProps } from "./support/fixtures";
import { generatedAnalyzeRequest, generatedStackResource } from "./support/generated-messages";
import { delimited, text, varintField } from "./support/proto-bytes";

const context: WireContext = { stockStruct: Struct };

/** Everything the read API of a request shows, read through its getters (the map's own methods included). */
type Readable = Record<string, (...args: never[]) => unknown>;
const call = (message: unknown, method: string, ...args: unknown[]) => (message as Readable)[method](...(args as never[]));

function properties(struct: unknown): unknown {
    if (struct === undefined) return "none";
    try {
        return JSON.stringify((struct as { toJavaScript(): unknown }).toJavaScript());
    } catch (error) {
        return `throws ${(error as Error).message}`;
    }
}

function options(o: unknown): unknown {
    if (o === undefined) return "none";
    const timeouts = call(o, "getCustomtimeouts");
    return {
        protect: call(o, "getProtect"), ignoreChanges: call(o, "getIgnorechangesList"), deleteBeforeReplace: call(o, "getDeletebeforereplace"),
        deleteBeforeReplaceDefined: call(o, "getDeletebeforereplacedefined"), additionalSecretOutputs: call(o, "getAdditionalsecretoutputsList"),
        aliases: call(o, "getAliasesList"), hasCustomTimeouts: call(o, "hasCustomtimeouts"), parent: call(o, "getParent"),
        customTimeouts: timeouts === undefined ? "none"
            : ["getCreate", "getUpdate", "getDelete", "getRead"].map((getter) => call(timeouts, getter)),
    };
}

function readRequest(r: unknown): Record<string, unknown> {
    const provider = call(r, "getProvider");
    return {
        type: call(r, "getType"), urn: call(r, "getUrn"), name: call(r, "getName"), hasProperties: call(r, "hasProperties"),
        properties: properties(call(r, "getProperties")), hasOptions: call(r, "hasOptions"), options: options(call(r, "getOptions")),
        hasProvider: call(r, "hasProvider"),
        provider: provider === undefined ? "none" : {
            type: call(provider, "getType"), urn: call(provider, "getUrn"), name: call(provider, "getName"),
            hasProperties: call(provider, "hasProperties"), properties: properties(call(provider, "getProperties")),
        },
    };
}

function readResource(r: unknown): Record<string, unknown> {
    const untouched = call(r, "getPropertydependenciesMap", true) === undefined;
    const map = call(r, "getPropertydependenciesMap") as Readable;
    const urns = (deps: unknown) => call(deps, "getUrnsList");
    const keys = [...(map.keys() as Iterable<string>)];
    const forEach: unknown[] = [];
    map.forEach(((value: unknown, key: string) => forEach.push([key, urns(value)])) as never);
    return {
        ...readRequest(r), parent: call(r, "getParent"), dependencies: call(r, "getDependenciesList"), untouched,
        entries: [...(map.entries() as Iterable<[string, unknown]>)].map(([key, value]) => [key, urns(value)]),
        keys, values: [...(map.values() as Iterable<unknown>)].map(urns), forEach, length: map.getLength(),
        get: keys.map((key) => urns(map.get(key as never))), has: [...keys, "missing"].map((key) => map.has(key as never)),
    };
}

const readStack = (request: unknown) => (call(request, "getResourcesList") as unknown[]).map(readResource);

const stockRequest = (bytes: Uint8Array) => analyzer.AnalyzeRequest.deserializeBinary(bytes);
const stockStack = (bytes: Uint8Array) => analyzer.AnalyzeStackRequest.deserializeBinary(bytes);

/** A request message with every field set at random through the generated setters. */
const textArb = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)), maxLength: 12 });
const json = fc.dictionary(textArb, fc.oneof(fc.constant(null), fc.boolean(), fc.double(), textArb, fc.array(textArb, { maxLength: 2 })), { maxKeys: 4 });
const optionsArb = fc.record({
    protect: fc.boolean(), ignoreChanges: fc.array(textArb, { maxLength: 2 }), deleteBeforeReplace: fc.boolean(),
    deleteBeforeReplaceDefined: fc.boolean(), additionalSecretOutputs: fc.array(textArb, { maxLength: 2 }),
    aliases: fc.array(textArb, { maxLength: 2 }), parent: textArb,
    timeouts: fc.option(fc.tuple(fc.double(), fc.double(), fc.double(), fc.double())),
});
const resourceArb = fc.record({
    type: textArb, urn: textArb, name: textArb, properties: fc.option(json), options: fc.option(optionsArb),
    provider: fc.option(fc.record({ type: textArb, urn: textArb, name: textArb, properties: fc.option(json) })),
    parent: textArb, dependencies: fc.array(textArb, { maxLength: 3 }),
    propertyDependencies: fc.array(fc.tuple(textArb, fc.array(textArb, { maxLength: 2 })), { maxLength: 3 }),
});
type ResourceFields = typeof resourceArb extends fc.Arbitrary<infer R> ? R : never;

function setShared(message: analyzer.AnalyzeRequest | analyzer.AnalyzerResource, fields: ResourceFields): void {
    message.setType(fields.type);
    message.setUrn(fields.urn);
    message.setName(fields.name);
    if (fields.properties) message.setProperties(Struct.fromJavaScript(fields.properties as Record<string, JavaScriptValue>));
    if (fields.options) {
        const o = new analyzer.AnalyzerResourceOptions();
        o.setProtect(fields.options.protect);
        o.setIgnorechangesList(fields.options.ignoreChanges);
        o.setDeletebeforereplace(fields.options.deleteBeforeReplace);
        o.setDeletebeforereplacedefined(fields.options.deleteBeforeReplaceDefined);
        o.setAdditionalsecretoutputsList(fields.options.additionalSecretOutputs);
        o.setAliasesList(fields.options.aliases);
        o.setParent(fields.options.parent);
        if (fields.options.timeouts) {
            const t = new analyzer.AnalyzerResourceOptions.CustomTimeouts();
            const [create, update, del, read] = fields.options.timeouts;
            t.setCreate(create);
            t.setUpdate(update);
            t.setDelete(del);
            t.setRead(read);
            o.setCustomtimeouts(t);
        }
        message.setOptions(o);
    }
    if (fields.provider) {
        const p = new analyzer.AnalyzerProviderResource();
        p.setType(fields.provider.type);
        p.setUrn(fields.provider.urn);
        p.setName(fields.provider.name);
        if (fields.provider.properties) p.setProperties(Struct.fromJavaScript(fields.provider.properties as Record<string, JavaScriptValue>));
        message.setProvider(p);
    }
}

function stackResourceOf(fields: ResourceFields): analyzer.AnalyzerResource {
    const message = new analyzer.AnalyzerResource();
    setShared(message, fields);
    message.setParent(fields.parent);
    message.setDependenciesList(fields.dependencies);
    for (const [key, urns] of fields.propertyDependencies) {
        const deps = new analyzer.AnalyzerPropertyDependencies();
        deps.setUrnsList(urns);
        message.getPropertydependenciesMap().set(key, deps);
    }
    return message;
}

/** A small stack as the plan sends it: edges, a parent and a provider, some findings (a plain API key, no alarm for one function). */
function fixtureStack() {
    const events = compliantEventStack();
    const plain = lambdaFunction("plain", arn.role("plain"), { environment: { variables: { API_KEY: "k" } } });
    const mapping = withProps(events.mapping, {}, { propertyDependencies: { eventSourceArn: [events.workQueue.urn], functionName: [events.consumer.urn] } });
    return [...events.all().filter((resource) => resource.urn !== mapping.urn), mapping,
        { ...plain, parent: events.consumer.urn, provider: "urn:pulumi:test::fixture::pulumi:providers:aws::default::04da6b54-80e4-46f7-96ec-b56ff0331ba9" }];
}

describe("Analyze and AnalyzeStack requests decoded directly from their bytes", () => {
    it("read like the generated messages for any field values, and when several messages are concatenated (protobuf merging)", () => {
        fc.assert(fc.property(fc.array(resourceArb, { minLength: 1, maxLength: 3 }), (all) => {
            const requests = all.map((fields) => {
                const message = new analyzer.AnalyzeRequest();
                setShared(message, fields);
                return [...message.serializeBinary()];
            });
            const bytes = new Uint8Array(requests.flat());
            assert.deepStrictEqual(readRequest(new WireAnalyzeRequest(Buffer.from(bytes), context)), readRequest(stockRequest(bytes)));
            const stack = new analyzer.AnalyzeStackRequest();
            stack.setResourcesList(all.map(stackResourceOf));
            const stackBytes = stack.serializeBinary();
            const resources = all.map((fields) => [...stackResourceOf(fields).serializeBinary()]);
            // One resource message made of all the others: each field's last occurrence, lists appended, map entries merged.
            const merged = new Uint8Array([...stackBytes, ...delimited(1, resources.flat())]);
            assert.deepStrictEqual(readStack(new WireAnalyzeStackRequest(Buffer.from(merged), context)), readStack(stockStack(merged)));
        }), { numRuns: 300 });
    });

    it("read the requests the plan sends for real resources like the generated messages, and give their bytes back", () => {
        const stack = fixtureStack();
        for (const resource of stack) {
            const bytes = generatedAnalyzeRequest(resource).serializeBinary();
            const direct = new WireAnalyzeRequest(Buffer.from(bytes), context);
            assert.deepStrictEqual(readRequest(direct), readRequest(stockRequest(bytes)));
            assert.deepEqual(direct.serializeBinary(), bytes);
        }
        const request = new analyzer.AnalyzeStackRequest();
        request.setResourcesList(stack.map(generatedStackResource));
        const bytes = request.serializeBinary();
        assert.deepStrictEqual(readStack(new WireAnalyzeStackRequest(Buffer.from(bytes), context)), readStack(stockStack(bytes)));
    });

    it("decode each provider of a stack request once: resources naming the same provider share it, others get their own", () => {
        const provider = (name: string, properties: Record<string, string> | null = null) => ({
            type: "pulumi:providers:aws", urn: `urn:pulumi:test::p::pulumi:providers:aws::${name}`, name, properties,
        });
        const resource = (name: string, fields: Partial<ResourceFields>): ResourceFields => ({
            type: "aws:sqs/queue:Queue", urn: `urn:pulumi:test::p::aws:sqs/queue:Queue::${name}`, name, properties: { name },
            options: null, provider: null, parent: "", dependencies: [], propertyDependencies: [], ...fields,
        });
        const stack = new analyzer.AnalyzeStackRequest();
        stack.setResourcesList([
            resource("a", { provider: provider("default", { region: "eu-west-1" }) }),
            resource("b", { provider: provider("default", { region: "eu-west-1" }) }),
            resource("c", { provider: provider("default", { region: "us-east-1" }) }),
            resource("d", { provider: provider("other") }),
            resource("e", {}),
        ].map(stackResourceOf));
        const bytes = stack.serializeBinary();
        const direct = new WireAnalyzeStackRequest(Buffer.from(bytes), context);
        assert.deepStrictEqual(readStack(direct), readStack(stockStack(bytes)));
        const [a, b, c, d, e] = direct.getResourcesList().map((r) => r.getProvider());
        assert.equal(b, a);
        assert.equal(new Set([a, c, d]).size, 3);
        assert.equal(e, undefined);
        assert.deepEqual(c?.getProperties()?.toJavaScript(), { region: "us-east-1" });
    });

    it("skip unknown fields, take a map entry's missing key as \"\", and keep a property's Struct as google-protobuf builds it", () => {
        const entry = delimited(9, [...delimited(2, text(1, "urn:a")), ...varintField(3, 1)]);
        const resource = [...text(1, "aws:sqs/queue:Queue"), ...varintField(15, 42), ...delimited(2, delimited(1, [...text(1, "k"), ...delimited(2, text(3, "v"))])), ...entry];
        const bytes = new Uint8Array([...varintField(7, 1), ...delimited(1, resource)]);
        const direct = new WireAnalyzeStackRequest(Buffer.from(bytes), context);
        assert.deepStrictEqual(readStack(direct), readStack(stockStack(bytes)));
        const [wire] = direct.getResourcesList();
        assert.deepEqual([...(wire.getPropertydependenciesMap()?.keys() ?? [])], [""]);
        const fields = (wire.getProperties()?.getFieldsMap() as { get(key: string): { toJavaScript(): unknown } }).get("k");
        assert.equal(fields.toJavaScript(), "v");
    });

    it("are installed on the service definition @pulumi/policy registers, once however often asked", () => {
        assert.equal(decodeAnalyzerRequestsDirectly(), true);
        const installed = [AnalyzerService.analyze.requestDeserialize, AnalyzerService.analyzeStack.requestDeserialize];
        assert.equal(decodeAnalyzerRequestsDirectly(), true);
        assert.deepEqual([AnalyzerService.analyze.requestDeserialize, AnalyzerService.analyzeStack.requestDeserialize], installed);
        const bytes = Buffer.from(generatedAnalyzeRequest(fixtureStack()[0]).serializeBinary());
        assert.ok(AnalyzerService.analyze.requestDeserialize(bytes) instanceof WireAnalyzeRequest);
        assert.ok(AnalyzerService.analyzeStack.requestDeserialize(Buffer.alloc(0)) instanceof WireAnalyzeStackRequest);
    });

    it("are not installed when a generated message has a read method the light one lacks (a field added in a later version)", () => {
        assert.equal(lightClassesCover(analyzer as unknown as Record<string, unknown>, structModule as unknown as Record<string, unknown>), true);
        class LaterOptions extends analyzer.AnalyzerResourceOptions {
            getRetainondelete(): boolean {
                return false;
            }
        }
        const later = { ...analyzer, AnalyzerResourceOptions: Object.assign(LaterOptions, { CustomTimeouts: analyzer.AnalyzerResourceOptions.CustomTimeouts }) };
        assert.equal(lightClassesCover(later as unknown as Record<string, unknown>, structModule as unknown as Record<string, unknown>), false);
        const { AnalyzerPropertyDependencies: _removed, ...missing } = analyzer;
        assert.equal(lightClassesCover(missing as unknown as Record<string, unknown>, structModule as unknown as Record<string, unknown>), false);
    });

    it("give @pulumi/policy's server the same answers, with this pack's policies, as the generated messages", async () => {
        shareDeserializedProperties();
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- the server's internal RPC functions, as serve() builds them
        const server = require("@pulumi/policy/server") as Record<string, (...args: unknown[]) => (call: unknown, callback: (error: unknown, response?: { serializeBinary(): Uint8Array }) => void) => Promise<void>>;
        const answer = async (rpc: ReturnType<typeof server.makeAnalyzeRpcFun>, request: unknown) => {
            let response: Uint8Array | undefined;
            await rpc({ request }, (error, result) => {
                assert.equal(error ?? null, null);
                response = result?.serializeBinary();
            });
            return Buffer.from(response as Uint8Array);
        };
        const analyze = server.makeAnalyzeRpcFun("serverless-guardrails", "1.0.0", "advisory", allPolicies);
        const analyzeStack = server.makeAnalyzeStackRpcFun("serverless-guardrails", "1.0.0", "advisory", allPolicies);
        const stack = fixtureStack();
        let violations = 0;
        for (const resource of stack) {
            const bytes = generatedAnalyzeRequest(resource).serializeBinary();
            const stock = await answer(analyze, stockRequest(bytes));
            assert.deepEqual(await answer(analyze, new WireAnalyzeRequest(Buffer.from(bytes), context)), stock);
            violations += analyzer.AnalyzeResponse.deserializeBinary(stock).getDiagnosticsList().length;
        }
        const request = new analyzer.AnalyzeStackRequest();
        request.setResourcesList(stack.map(generatedStackResource));
        const bytes = request.serializeBinary();
        const stock = await answer(analyzeStack, stockStack(bytes));
        assert.deepEqual(await answer(analyzeStack, new WireAnalyzeStackRequest(Buffer.from(bytes), context)), stock);
        violations += analyzer.AnalyzeResponse.deserializeBinary(stock).getDiagnosticsList().length;
        assert.ok(violations > 0, "the stack has findings to compare");
    });
});
