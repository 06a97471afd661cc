import { ProtoReader } from "./proto-reader";
import { structToJavaScript } from "./struct-values";

/**
 * Analyze and AnalyzeStack requests read straight from their bytes into light objects with the read API of
 * the generated messages (`@pulumi/pulumi/proto/analyzer_pb`): the same getters, returning what they return
 * after `deserializeBinary` (google-protobuf's defaults for absent fields, its map order, the last occurrence of
 * a repeated singular field winning), and `serializeBinary()` giving back the bytes received. Properties stay
 * bytes until `toJavaScript()` is called, which @pulumi/policy does once per resource and request (see
 * shared-deserialization.ts), so a request never exists as a tree of google-protobuf objects.
 */

/** google-protobuf's generated Struct class, for the one getter that returns its message objects. */
interface StockStruct {
    getFieldsMap(): unknown;
}
export type StockStructClass = { deserializeBinary(bytes: Uint8Array): StockStruct };

/** A view of `bytes[start, end)` that keeps the bytes it was given (the received request). */
abstract class WireMessage {
    constructor(protected readonly bytes: Buffer, protected readonly start: number, readonly end: number) {}

    /** Reads this message's fields in order: `read` is called on each field, the reader on its value. */
    protected readFields(reader: ProtoReader, read: (field: number) => void): void {
        const outer = reader.end;
        reader.end = this.end;
        while (reader.next()) read(reader.field);
        reader.leave(outer);
    }

    /** The bytes received for the message (the generated class would write the same fields, perhaps in another order). */
    serializeBinary(): Uint8Array {
        return new Uint8Array(this.bytes.subarray(this.start, this.end));
    }
}

/** The bytes, start and end of the length-delimited message field the reader is on (its length read). */
function nested(reader: ProtoReader): [Buffer, number, number] {
    const end = reader.delimited();
    return [reader.bytes, reader.pos, end];
}

/** One Struct's properties as @pulumi/policy's deserializer made them (secrets not proxied) and, once asked, their proxy. */
export interface SharedProperties {
    readonly properties: Record<string, unknown>;
    proxy?: unknown;
}

/** `google.protobuf.Struct`: decoded to plain values when asked. */
export class WireStruct extends WireMessage {
    /** What @pulumi/policy's deserializer made of these properties, kept with them for every policy (shared-deserialization.ts). */
    shared?: SharedProperties = undefined;

    constructor(bytes: Buffer, start: number, end: number, private readonly stock: StockStructClass) {
        super(bytes, start, end);
    }

    toJavaScript(): Record<string, unknown> {
        return structToJavaScript(this.bytes, this.start, this.end);
    }

    /** The map of google-protobuf Value objects, as the generated class builds it (nothing here asks for it). */
    getFieldsMap(): unknown {
        return this.stock.deserializeBinary(this.serializeBinary()).getFieldsMap();
    }
}

/** A read-only protobuf map with google-protobuf's read API (`jspb.Map`), iterated in its order: keys sorted. */
export class WireMap<V> {
    private readonly sortedKeys: string[];
    /** The entries in that order, as `entries()` gives them: the pairs read when they came sorted, as they usually do. */
    private readonly pairs: ReadonlyArray<[string, V]>;

    /** `entries` in wire order: the last value of a repeated key wins; a "__proto__" key is lost, as in its plain-object storage. */
    constructor(entries: Array<[string, V]>) {
        const keys = entries.map(([key]) => key);
        if (keys.every((key, i) => key !== "__proto__" && (i === 0 || keys[i - 1] < key))) {
            this.sortedKeys = keys;
            this.pairs = entries;
        } else {
            const byKey = new Map<string, V>();
            for (const [key, value] of entries) if (key !== "__proto__") byKey.set(key, value);
            this.sortedKeys = [...byKey.keys()].sort();
            this.pairs = this.sortedKeys.map((key): [string, V] => [key, byKey.get(key) as V]);
        }
    }

    get(key: string): V | undefined {
        const index = this.sortedKeys.indexOf(String(key));
        return index < 0 ? undefined : this.pairs[index][1];
    }

    has(key: string): boolean {
        return this.sortedKeys.includes(String(key));
    }

    getLength(): number {
        return this.sortedKeys.length;
    }

    keys(): IterableIterator<string> {
        return this.sortedKeys.values();
    }

    values(): IterableIterator<V> {
        return this.pairs.map(([, value]) => value).values();
    }

    /** The same pairs on every call (jspb.Map makes new ones): @pulumi/policy reads them once per stack policy, and only destructures them. */
    entries(): IterableIterator<[string, V]> {
        return this.pairs.values();
    }

    forEach(callback: (value: V, key: string, map: this) => void, thisArg?: unknown): void {
        this.pairs.forEach(([key, value]) => callback.call(thisArg, value, key, this));
    }
}

/** What the message readers need besides the bytes: google-protobuf's Struct class, for WireStruct.getFieldsMap. */
export interface WireContext {
    readonly stockStruct: StockStructClass;
}

function readStruct(reader: ProtoReader, context: WireContext): WireStruct {
    const struct = new WireStruct(...nested(reader), context.stockStruct);
    reader.pos = struct.end;
    return struct;
}

/** `AnalyzerResourceOptions.CustomTimeouts`. */
export class WireCustomTimeouts extends WireMessage {
    private create = 0;
    private update = 0;
    private delete = 0;
    private read = 0;

    constructor(reader: ProtoReader) {
        super(...nested(reader));
        this.readFields(reader, (field) => {
            switch (field) {
                case 1: this.create = reader.double(); break;
                case 2: this.update = reader.double(); break;
                case 3: this.delete = reader.double(); break;
                case 4: this.read = reader.double(); break;
                default: reader.skip();
            }
        });
    }

    getCreate(): number { return this.create; }
    getUpdate(): number { return this.update; }
    getDelete(): number { return this.delete; }
    getRead(): number { return this.read; }
}

/** `AnalyzerResourceOptions`. */
export class WireResourceOptions extends WireMessage {
    private protect = false;
    private readonly ignoreChanges: string[] = [];
    private deleteBeforeReplace = false;
    private deleteBeforeReplaceDefined = false;
    private readonly additionalSecretOutputs: string[] = [];
    private readonly aliases: string[] = [];
    private customTimeouts?: WireCustomTimeouts;
    private parent = "";

    constructor(reader: ProtoReader) {
        super(...nested(reader));
        this.readFields(reader, (field) => {
            switch (field) {
                case 1: this.protect = reader.bool(); break;
                case 2: this.ignoreChanges.push(reader.string()); break;
                case 3: this.deleteBeforeReplace = reader.bool(); break;
                case 4: this.deleteBeforeReplaceDefined = reader.bool(); break;
                case 5: this.additionalSecretOutputs.push(reader.string()); break;
                case 6: this.aliases.push(reader.string()); break;
                case 7: this.customTimeouts = new WireCustomTimeouts(reader); break;
                case 8: this.parent = reader.string(); break;
                default: reader.skip();
            }
        });
    }

    getProtect(): boolean { return this.protect; }
    getIgnorechangesList(): string[] { return this.ignoreChanges; }
    getDeletebeforereplace(): boolean { return this.deleteBeforeReplace; }
    getDeletebeforereplacedefined(): boolean { return this.deleteBeforeReplaceDefined; }
    getAdditionalsecretoutputsList(): string[] { return this.additionalSecretOutputs; }
    getAliasesList(): string[] { return this.aliases; }
    getCustomtimeouts(): WireCustomTimeouts | undefined { return this.customTimeouts; }
    hasCustomtimeouts(): boolean { return this.customTimeouts !== undefined; }
    getParent(): string { return this.parent; }
}

/** `AnalyzerProviderResource`. */
export class WireProviderResource extends WireMessage {
    private type = "";
    private properties?: WireStruct;
    private urn = "";
    private name = "";

    constructor(reader: ProtoReader, context: WireContext) {
        super(...nested(reader));
        this.readFields(reader, (field) => {
            switch (field) {
                case 1: this.type = reader.string(); break;
                case 2: this.properties = readStruct(reader, context); break;
                case 3: this.urn = reader.string(); break;
                case 4: this.name = reader.string(); break;
                default: reader.skip();
            }
        });
    }

    getType(): string { return this.type; }
    getProperties(): WireStruct | undefined { return this.properties; }
    hasProperties(): boolean { return this.properties !== undefined; }
    getUrn(): string { return this.urn; }
    getName(): string { return this.name; }
}

/** `AnalyzerPropertyDependencies`; the occurrences of one map entry's value merge, as google-protobuf reads them. */
export class WirePropertyDependencies {
    readonly urns: string[] = [];

    read(reader: ProtoReader): void {
        const outer = reader.enter();
        while (reader.next()) {
            if (reader.field === 1) this.urns.push(reader.string());
            else reader.skip();
        }
        reader.leave(outer);
    }

    getUrnsList(): string[] { return this.urns; }
}

/**
 * The provider of the resource the reader is on. With `known` (one request's providers, by their bytes), a provider
 * already read is the same object: every resource of a stack names one of a few providers, in the same bytes.
 */
function readProvider(reader: ProtoReader, context: WireContext, known?: Map<string, WireProviderResource>): WireProviderResource {
    if (known === undefined) return new WireProviderResource(reader, context);
    const lengthAt = reader.pos;
    const end = reader.delimited();
    const key = reader.bytes.toString("latin1", reader.pos, end);
    const found = known.get(key);
    if (found !== undefined) {
        reader.pos = end;
        return found;
    }
    reader.pos = lengthAt;
    const provider = new WireProviderResource(reader, context);
    known.set(key, provider);
    return provider;
}

/** The fields AnalyzeRequest and AnalyzerResource share (1 to 6). */
abstract class WireResourceBase extends WireMessage {
    protected type = "";
    protected properties?: WireStruct;
    protected urn = "";
    protected name = "";
    protected options?: WireResourceOptions;
    protected provider?: WireProviderResource;

    /** Reads field 1 to 6 (providers shared through `providers`, see readProvider); false for a field of the subclass's own. */
    protected readShared(reader: ProtoReader, context: WireContext, providers?: Map<string, WireProviderResource>): boolean {
        switch (reader.field) {
            case 1: this.type = reader.string(); return true;
            case 2: this.properties = readStruct(reader, context); return true;
            case 3: this.urn = reader.string(); return true;
            case 4: this.name = reader.string(); return true;
            case 5: this.options = new WireResourceOptions(reader); return true;
            case 6: this.provider = readProvider(reader, context, providers); return true;
            default: return false;
        }
    }

    getType(): string { return this.type; }
    getProperties(): WireStruct | undefined { return this.properties; }
    hasProperties(): boolean { return this.properties !== undefined; }
    getUrn(): string { return this.urn; }
    getName(): string { return this.name; }
    getOptions(): WireResourceOptions | undefined { return this.options; }
    hasOptions(): boolean { return this.options !== undefined; }
    getProvider(): WireProviderResource | undefined { return this.provider; }
    hasProvider(): boolean { return this.provider !== undefined; }
}

/** `AnalyzeRequest`: one resource's inputs. */
export class WireAnalyzeRequest extends WireResourceBase {
    constructor(bytes: Buffer, context: WireContext) {
        super(bytes, 0, bytes.length);
        const reader = new ProtoReader(bytes, 0, bytes.length);
        while (reader.next()) if (!this.readShared(reader, context)) reader.skip();
    }
}

/** One `propertyDependencies` entry: key "" when absent; a key seen again gets a new value, as in google-protobuf. */
function readDependencyEntry(reader: ProtoReader): [string, WirePropertyDependencies] {
    const outer = reader.enter();
    let key = "";
    const value = new WirePropertyDependencies();
    while (reader.next()) {
        if (reader.field === 1) key = reader.string();
        else if (reader.field === 2) value.read(reader);
        else reader.skip();
    }
    reader.leave(outer);
    return [key, value];
}

/** `AnalyzerResource`: one resource of AnalyzeStack, with its graph edges. */
export class WireResource extends WireResourceBase {
    private parent = "";
    private readonly dependencies: string[] = [];
    private dependencyMap?: WireMap<WirePropertyDependencies>;

    constructor(reader: ProtoReader, context: WireContext, providers?: Map<string, WireProviderResource>) {
        super(...nested(reader));
        const outer = reader.end;
        reader.end = this.end;
        const dependencyEntries: Array<[string, WirePropertyDependencies]> = [];
        while (reader.next()) {
            if (this.readShared(reader, context, providers)) continue;
            switch (reader.field) {
                case 7: this.parent = reader.string(); break;
                case 8: this.dependencies.push(reader.string()); break;
                case 9: dependencyEntries.push(readDependencyEntry(reader)); break;
                default: reader.skip();
            }
        }
        reader.leave(outer);
        if (dependencyEntries.length > 0) this.dependencyMap = new WireMap(dependencyEntries);
    }

    getParent(): string { return this.parent; }
    getDependenciesList(): string[] { return this.dependencies; }

    /** Undefined with `noLazyCreate` when the request had no entry (and no caller asked for the map before), as generated. */
    getPropertydependenciesMap(noLazyCreate?: boolean): WireMap<WirePropertyDependencies> | undefined {
        if (!noLazyCreate) this.dependencyMap ??= new WireMap([]);
        return this.dependencyMap;
    }
}

/** `AnalyzeStackRequest`: every resource of the stack (outputs). */
export class WireAnalyzeStackRequest extends WireMessage {
    private readonly resources: WireResource[] = [];

    constructor(bytes: Buffer, context: WireContext) {
        super(bytes, 0, bytes.length);
        // URNs recur in every resource's parent, dependencies and property dependencies: one string each;
        // providers recur in every resource: one object each.
        const reader = new ProtoReader(bytes, 0, bytes.length, new Map());
        const providers = new Map<string, WireProviderResource>();
        while (reader.next()) {
            if (reader.field === 1) this.resources.push(new WireResource(reader, context, providers));
            else reader.skip();
        }
    }

    getResourcesList(): WireResource[] { return this.resources; }
}
