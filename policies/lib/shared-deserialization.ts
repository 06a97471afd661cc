import { SharedProperties, WireStruct } from "./analyzer-requests";

/**
 * @pulumi/policy deserializes a resource's properties again for every policy it runs: for each resource
 * policy on Analyze, and for every resource of the stack, once per stack policy, on AnalyzeStack. With a
 * dozen policies that is most of the pack's time on a large stack. The result depends only on the
 * request's properties (one protobuf Struct object per resource per request, whichever policy asks), so
 * it is computed once and shared. Policies here only read properties (see values.ts), so sharing the
 * object between them is safe.
 *
 * Each policy then gets those properties wrapped in a new unknown-checking proxy (twice per policy and
 * resource, with the provider's). The proxy holds no state of its own (it only reads its target), so the
 * same properties object gets the same proxy: hundreds of thousands fewer objects per large request.
 *
 * Both are asked for every resource of the stack by every stack policy (twice, with the provider's), so
 * finding them is kept cheap: the properties of a request decoded here (analyzer-requests.ts) are kept on
 * its Struct, with their proxy, and the server asks for the proxy right after the properties it wraps. A
 * WeakMap (keyed by any other Struct, or properties) is the fallback.
 */

/** The module-internal function @pulumi/policy 1.x calls through its module object (so it can be replaced). */
interface DeserializeModule {
    deserializeProperties?: (struct: object, proxySecrets: boolean) => Record<string, unknown>;
}

/** The same for its proxy module. */
interface ProxyModule {
    unknownCheckingProxy?: <T>(target: T) => T;
}

/** Marks a memoized function, so that installing twice does not wrap it twice. */
const SHARED = Symbol("shared deserialization");

/**
 * Replaces @pulumi/policy's deserializer and root proxy factory with memoized ones (idempotent). Returns
 * false, changing nothing, when the modules no longer have them (a version that reorganised its
 * internals): policies then run as before, only slower.
 */
export function shareDeserializedProperties(): boolean {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- internal modules without typings
    const deserialize: DeserializeModule = require("@pulumi/policy/deserialize");
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const proxy: ProxyModule = require("@pulumi/policy/proxy");
    const original = deserialize.deserializeProperties;
    const originalProxy = proxy.unknownCheckingProxy;
    if (typeof original !== "function" || typeof originalProxy !== "function") return false;
    // The properties last returned from a Struct decoded here: the server wraps them next. Let go once wrapped,
    // so that nothing here keeps a finished request (and its bytes) alive.
    let last: SharedProperties | undefined;
    if (!(SHARED in original)) {
        const byProxying = new Map([true, false].map((proxySecrets) => [proxySecrets, new WeakMap<object, Record<string, unknown>>()]));
        const shared = (struct: object, proxySecrets: boolean) => {
            if (!proxySecrets && struct instanceof WireStruct) {
                struct.shared ??= { properties: original(struct, false) };
                last = struct.shared;
                return last.properties;
            }
            const cache = byProxying.get(proxySecrets) as WeakMap<object, Record<string, unknown>>;
            let properties = cache.get(struct);
            if (properties === undefined) {
                properties = original(struct, proxySecrets);
                cache.set(struct, properties);
            }
            return properties;
        };
        deserialize.deserializeProperties = Object.assign(shared, { [SHARED]: true });
    }
    if (!(SHARED in originalProxy)) {
        const proxies = new WeakMap<object, unknown>();
        const sharedProxy = <T>(target: T): T => {
            if (typeof target !== "object" || target === null) return originalProxy(target);
            if (last !== undefined && last.properties === target) {
                const asked = last;
                last = undefined;
                return (asked.proxy ??= originalProxy(target)) as T;
            }
            let wrapped = proxies.get(target) as T | undefined;
            if (wrapped === undefined) {
                wrapped = originalProxy(target);
                proxies.set(target, wrapped);
            }
            return wrapped;
        };
        proxy.unknownCheckingProxy = Object.assign(sharedProxy, { [SHARED]: true });
    }
    return true;
}
