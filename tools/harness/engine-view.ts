import { SECRET_SIG, secretValue, SIG_KEY } from "./secret-values";

/**
 * Converts a property value as the SDK serialized it for the resource monitor into the form the engine
 * hands to a policy pack: secrets kept wrapped (the engine marshals Analyze and AnalyzeStack properties
 * with `KeepSecrets: true`; see secret-values.ts), resource references replaced by their id (or URN),
 * keys starting with "__" dropped, unknowns kept as the engine's sentinel string, assets and archives kept
 * as their signature objects.
 */
const RESOURCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e";
const OUTPUT_SIG = "d0e6a833031e9bbcd3f4e8bde6ca49a4";

export function toEngineView(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(toEngineView);
    if (value === null || typeof value !== "object") return value;
    const record = value as Record<string, unknown>;
    switch (record[SIG_KEY]) {
        case SECRET_SIG:
            return secretValue(toEngineView(record.value));
        case RESOURCE_SIG:
            return typeof record.id === "string" && record.id !== "" ? record.id : record.urn;
        case OUTPUT_SIG: {
            // An output value carries its secretness as a flag; the engine turns a known one into a secret.
            if (!("value" in record)) return undefined;
            const plain = toEngineView(record.value);
            return record.secret === true ? secretValue(plain) : plain;
        }
        case undefined: {
            // A loop, not entries/filter/fromEntries: every property of every registration passes here.
            const view: Record<string, unknown> = {};
            for (const key of Object.keys(record)) {
                if (!key.startsWith("__")) view[key] = toEngineView(record[key]);
            }
            return view;
        }
        default:
            return record; // asset or archive: the engine passes these through with their signature
    }
}
