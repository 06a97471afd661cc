/**
 * Secrets in the engine's form: `{ [SIG_KEY]: SECRET_SIG, value }` wherever the program put a secret
 * (`config.requireSecret`, `pulumi.secret`, an output derived from one), at any depth. The recorded
 * resources keep them so, because that is what the engine sends a policy pack (analyzer_plugin.go marshals
 * with `KeepSecrets: true`); these helpers give the plain form (the stand-in cloud, the cost model) and
 * the display form (the plan's output), and copy secretness from inputs to outputs as the engine does.
 */

/** The SDK's `specialSigKey` and `specialSecretSig` (sdk/nodejs/runtime/rpc.ts), as on the wire. */
export const SIG_KEY = "4dabf18193072939515e22adb298388d";
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

/** What the plan prints in place of a secret's value. */
const SECRET_DISPLAY = "[secret]";

interface SecretValue {
    [SIG_KEY]: typeof SECRET_SIG;
    value: unknown;
}

function isSecretValue(value: unknown): value is SecretValue {
    return typeof value === "object" && value !== null && (value as Record<string, unknown>)[SIG_KEY] === SECRET_SIG;
}

export function secretValue(value: unknown): SecretValue {
    return { [SIG_KEY]: SECRET_SIG, value };
}

/** The value with every secret replaced by its plain value; the same object when it holds no secret. */
export function unwrapSecrets<T>(value: T): T {
    return replaceSecrets(value, (secret) => unwrapSecrets(secret.value)) as T;
}

/** The value with every secret replaced by "[secret]", for printing; the same object when it holds no secret. */
export function redactSecrets<T>(value: T): T {
    return replaceSecrets(value, () => SECRET_DISPLAY) as T;
}

/**
 * Outputs a provider computed from plain inputs, marked secret where the inputs were, as the engine does
 * for a provider that does not handle secrets itself (pkg/resource/plugin/provider_plugin.go
 * `annotateSecrets`): an output property whose input held a secret becomes secret, recursing only where
 * both are objects (so an array with one secret element is secret as a whole). Returns a new object only
 * where something changed.
 */
export function annotateSecrets(outputs: Record<string, unknown>, inputs: Record<string, unknown>): Record<string, unknown> {
    let annotated: Record<string, unknown> | undefined;
    for (const [key, input] of Object.entries(inputs)) {
        if (!(key in outputs)) continue;
        const output = outputs[key];
        const marked = isObjectValue(output) && isObjectValue(input) ? annotateSecrets(output, input)
            : !isSecretValue(output) && containsSecrets(input) ? secretValue(output)
            : output;
        if (marked !== output) (annotated ??= { ...outputs })[key] = marked;
    }
    return annotated ?? outputs;
}

function containsSecrets(value: unknown): boolean {
    if (isSecretValue(value)) return true;
    if (Array.isArray(value)) return value.some(containsSecrets);
    return isPlainObject(value) && Object.values(value).some(containsSecrets);
}

/**
 * Rebuilds only the arrays and plain objects on the way to a secret. Class instances (the SDK's assets,
 * archives and resources in deserialized inputs) are left as they are: secrets are never inside them.
 */
function replaceSecrets(value: unknown, replace: (secret: SecretValue) => unknown): unknown {
    if (isSecretValue(value)) return replace(value);
    if (Array.isArray(value)) {
        let copy: unknown[] | undefined;
        value.forEach((item, index) => {
            const replaced = replaceSecrets(item, replace);
            if (replaced !== item) (copy ??= [...value])[index] = replaced;
        });
        return copy ?? value;
    }
    if (!isPlainObject(value)) return value;
    let copy: Record<string, unknown> | undefined;
    for (const [key, item] of Object.entries(value)) {
        const replaced = replaceSecrets(item, replace);
        if (replaced !== item) (copy ??= { ...value })[key] = replaced;
    }
    return copy ?? value;
}

/** An object property value as the engine sees one: not a secret, asset or archive (those carry a signature). */
function isObjectValue(value: unknown): value is Record<string, unknown> {
    return isPlainObject(value) && !(SIG_KEY in value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
    if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
    const prototype = Object.getPrototypeOf(value) as unknown;
    return prototype === Object.prototype || prototype === null;
}
