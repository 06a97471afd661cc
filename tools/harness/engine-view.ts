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

/** Whether a secret already has exactly the shape `secretValue` gives: its signature, then its value. */
function isSecretValueShape(record: Record<string, unknown>): boolean {
    const keys = Object.keys(record);
    return keys.length === 2 && keys[0] === SIG_KEY && keys[1] === "value" && Object.getPrototypeOf(record) === Object.prototype;
}

export function toEngineView(value: unknown): unknown {
    if (Array.isArray(value)) {
        // Copied only from the first element that changes: most values are already in the engine's form, and
        // a registration's inputs and outputs are kept for the whole plan (the views are only read).
        let copy: unknown[] | undefined;
        for (let index = 0; index < value.length; index++) {
            const item = value[index];
            const view = toEngineView(item);
            if (view !== item && copy === undefined) copy = value.slice(0, index);
            copy?.push(view);
        }
        return copy ?? value;
    }
    if (value === null || typeof value !== "object") return value;
    const record = value as Record<string, unknown>;
    switch (record[SIG_KEY]) {
        case SECRET_SIG: {
            const plain = toEngineView(record.value);
            return plain === record.value && isSecretValueShape(record) ? record : secretValue(plain);
        }
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
            let view: Record<string, unknown> | undefined;
            const keys = Object.keys(record);
            for (let index = 0; index < keys.length; index++) {
                const key = keys[index];
                const item = record[key];
                const dropped = key.startsWith("__");
                const itemView = dropped ? undefined : toEngineView(item);
                if (view === undefined && (dropped || itemView !== item || Object.getPrototypeOf(record) !== Object.prototype)) {
                    view = {};
                    for (let before = 0; before < index; before++) view[keys[before]] = record[keys[before]];
                }
                if (view !== undefined && !dropped) view[key] = itemView;
            }
            return view ?? record;
        }
        default:
            return record; // asset or archive: the engine passes these through with their signature
    }
}
