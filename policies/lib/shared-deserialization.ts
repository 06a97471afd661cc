/**
 * @pulumi/policy deserializes a resource's properties again for every policy it runs: for each resource
 * policy on Analyze, and for every resource of the stack, once per stack policy, on AnalyzeStack. With a
 * dozen policies that is most of the pack's time on a large stack. The result depends only on the
 * request's properties (one protobuf Struct object per resource per request, whichever policy asks), so
 * it is computed once and shared. Policies here only read properties (see values.ts), so sharing the
 * object between them is safe.
 */

/** The module-internal function @pulumi/policy 1.x calls through its module object (so it can be replaced). */
interface DeserializeModule {
    deserializeProperties?: (struct: object, proxySecrets: boolean) => Record<string, unknown>;
}

/** Marks the memoized function, so that installing twice does not wrap it twice. */
const SHARED = Symbol("shared deserialization");

/**
 * Replaces @pulumi/policy's deserializer with a memoized one (idempotent). Returns false, changing
 * nothing, when the module no longer has it (a version that reorganised its internals): policies then
 * run as before, only slower.
 */
export function shareDeserializedProperties(): boolean {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- an internal module without typings
    const module: DeserializeModule = require("@pulumi/policy/deserialize");
    const original = module.deserializeProperties;
    if (typeof original !== "function") return false;
    if (SHARED in original) return true;
    const byProxying = new Map([true, false].map((proxySecrets) => [proxySecrets, new WeakMap<object, Record<string, unknown>>()]));
    const shared = (struct: object, proxySecrets: boolean) => {
        const cache = byProxying.get(proxySecrets) as WeakMap<object, Record<string, unknown>>;
        let properties = cache.get(struct);
        if (properties === undefined) {
            properties = original(struct, proxySecrets);
            cache.set(struct, properties);
        }
        return properties;
    };
    module.deserializeProperties = Object.assign(shared, { [SHARED]: true });
    return true;
}
