/**
 * Which property values the engine marked secret.
 *
 * The engine sends Analyze and AnalyzeStack properties marshalled with `KeepSecrets: true`
 * (pkg/resource/plugin/analyzer_plugin.go), so a secret reaches the pack wrapped as
 * `{ "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value }`. @pulumi/policy
 * then unwraps it while deserializing (`deserializeProperties(struct, false)`), so policies see the
 * plain value and nothing says it was secret. This module keeps, for each deserialized properties
 * object, the request's own protobuf Struct, and reads the marks from it only when a policy asks
 * (a few resource types), so other resources cost one WeakMap entry.
 */
import { Props } from "./values";

const SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

/** What @pulumi/policy passes its deserializer: a protobuf Struct. */
interface WireStruct {
    toJavaScript(): unknown;
}

/** The module-internal function @pulumi/policy 1.x calls through its module object (so it can be wrapped). */
interface DeserializeModule {
    deserializeProperties?: (struct: WireStruct, proxySecrets: boolean) => Record<string, unknown>;
}

const RECORDING = Symbol("records wire properties");
const wireOf = new WeakMap<object, WireStruct>();
const plainWire = new WeakMap<object, unknown>();

/**
 * Wraps @pulumi/policy's deserializer (whatever is installed: the shared one included) to remember each
 * result's Struct. Returns false, changing nothing, when the module no longer has it: secret marks are
 * then unavailable and policies fall back on names and value shapes.
 */
export function recordWireProperties(): boolean {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- an internal module without typings
    const module: DeserializeModule = require("@pulumi/policy/deserialize");
    const inner = module.deserializeProperties;
    if (typeof inner !== "function") return false;
    if (RECORDING in inner) return true;
    const recording = (struct: WireStruct, proxySecrets: boolean) => {
        const props = inner(struct, proxySecrets);
        if (typeof props === "object" && props !== null && !wireOf.has(props)) wireOf.set(props, struct);
        return props;
    };
    module.deserializeProperties = Object.assign(recording, { [RECORDING]: true });
    return true;
}

function isSecretWrapper(value: unknown): value is { value: unknown } {
    return typeof value === "object" && value !== null && (value as Record<string, unknown>)[SIG_KEY] === SECRET_SIG;
}

/**
 * Whether the value at `path` (or a value containing it) arrived marked secret. Undefined when the wire
 * form of `props` is not known (a pack without the hook, or properties built by hand).
 */
export function isSecretAt(props: Props, path: ReadonlyArray<string | number>): boolean | undefined {
    const struct = wireOf.get(props);
    if (struct === undefined) return undefined;
    if (!plainWire.has(props)) plainWire.set(props, struct.toJavaScript());
    let current = plainWire.get(props);
    for (const step of path) {
        if (isSecretWrapper(current)) return true;
        if (typeof current !== "object" || current === null) return false;
        current = (current as Record<string | number, unknown>)[step];
    }
    return isSecretWrapper(current);
}
