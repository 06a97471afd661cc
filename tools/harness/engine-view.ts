/**
 * Converts a property value as the SDK serialized it for the resource monitor into the plain form the
 * engine hands to a policy pack: secrets unwrapped, resource references replaced by their id (or URN),
 * keys starting with "__" dropped, unknowns kept as the engine's sentinel string, assets and archives kept
 * as their signature objects.
 */
const SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
const RESOURCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e";
const OUTPUT_SIG = "d0e6a833031e9bbcd3f4e8bde6ca49a4";

export function toEngineView(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(toEngineView);
    if (value === null || typeof value !== "object") return value;
    const record = value as Record<string, unknown>;
    switch (record[SIG_KEY]) {
        case SECRET_SIG:
            return toEngineView(record.value);
        case RESOURCE_SIG:
            return typeof record.id === "string" && record.id !== "" ? record.id : record.urn;
        case OUTPUT_SIG:
            return "value" in record ? toEngineView(record.value) : undefined;
        case undefined:
            return Object.fromEntries(Object.entries(record)
                .filter(([key]) => !key.startsWith("__"))
                .map(([key, v]) => [key, toEngineView(v)]));
        default:
            return record; // asset or archive: the engine passes these through with their signature
    }
}
