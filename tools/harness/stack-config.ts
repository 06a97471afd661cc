import * as fs from "node:fs";
import { isRecord, PulumiProject, readProject, readYamlFile, stackFileOf, StackConfigError } from "./project";
import { isPulumiCiphertext, nonFiniteNumber, shortJson } from "./stack-file-checks";

export { StackConfigError } from "./project";

/** The config a Pulumi program sees: `namespace:key` -> string (JSON for non-strings), plus secret keys. */
export interface StackConfig {
    project: string;
    stack: string;
    values: Record<string, string>;
    secretKeys: string[];
    /** The stack file the values were read from; undefined when the stack has none (defaults only). */
    file?: string;
}

/** What a `secure:` value becomes offline: the ciphertext cannot be read without the stack's secrets provider. */
export const SECRET_PLACEHOLDER = "[secret]";

type DeclaredType = "string" | "integer" | "boolean" | "array";
const DECLARED_TYPES: readonly string[] = ["string", "integer", "boolean", "array"];

interface Declaration {
    type?: DeclaredType;
    /** The project-level value: `default` for the project's own keys, `value` for other namespaces. */
    value?: unknown;
}

/**
 * Builds the config the Pulumi CLI would hand the program for `stack`: project-level values from
 * Pulumi.yaml's `config:` block first, then the stack file's values, each checked against the declared
 * type as the CLI checks it. Keys without a namespace belong to the project. `configFile` replaces
 * Pulumi.<stack>.yaml (a missing stack file is fine: a new stack runs on defaults).
 */
export function loadStackConfig(options: { projectDir: string; stack: string; configFile?: string }): StackConfig {
    return stackConfigOf(readProject(options.projectDir), options.stack, options.configFile);
}

export function stackConfigOf(project: PulumiProject, stack: string, configFile?: string): StackConfig {
    const projectFile = project.file ?? `${project.dir} (no Pulumi.yaml)`;
    const declarations = readDeclarations(projectFile, project.name, project.config);
    const values: Record<string, string> = {};
    const secretKeys = new Set<string>();
    const set = (key: string, value: unknown) => {
        const { plain, secret } = withSecretPlaceholders(value);
        values[key] = encode(plain);
        if (secret) secretKeys.add(key);
        else secretKeys.delete(key);
    };
    for (const [key, declaration] of declarations) {
        if (declaration.value !== undefined) set(key, declaration.value);
    }

    const stackFile = configFile ?? stackFileOf(project, stack);
    const hasStackFile = configFile !== undefined || fs.existsSync(stackFile);
    if (hasStackFile) {
        const stackDoc = readYamlFile(stackFile) ?? {};
        if (!isRecord(stackDoc)) throw new StackConfigError(`${stackFile} must be a YAML mapping with a "config:" key`);
        const config = stackDoc.config ?? {};
        if (!isRecord(config)) throw new StackConfigError(`${stackFile}: "config:" must be a mapping of key: value`);
        for (const [rawKey, value] of Object.entries(config)) {
            const key = namespaced(rawKey, project.name);
            const malformed = malformedSecure(value);
            if (malformed) {
                throw new StackConfigError(`${stackFile}: ${key} has a secure: value that is not a Pulumi ciphertext ` +
                    "(v1:<nonce>:<ciphertext> or base64); set it with `pulumi config set --secret` instead of writing it by hand");
            }
            const declared = declarations.get(key)?.type;
            const nonFinite = nonFiniteNumber(value);
            if (nonFinite !== undefined) {
                const written = Number.isNaN(nonFinite) ? ".nan" : nonFinite > 0 ? ".inf" : "-.inf";
                throw new StackConfigError(`${stackFile}: ${key} = ${written} is not a finite number; write ` +
                    (declared ? `a${declared === "integer" || declared === "array" ? "n" : ""} ${declared}, as Pulumi.yaml declares for it` : "a number"));
            }
            if (declared && !isSecure(value) && !hasType(value, declared)) {
                throw new StackConfigError(`${stackFile}: ${key} = ${shortJson(value)} is not of type ${declared}, ` +
                    `which Pulumi.yaml declares for it; write a${declared === "integer" || declared === "array" ? "n" : ""} ${declared}`);
            }
            set(key, value);
        }
    }
    return { project: project.name, stack, values, secretKeys: [...secretKeys], file: hasStackFile ? stackFile : undefined };
}

function readDeclarations(file: string, projectName: string, config: unknown): Map<string, Declaration> {
    const declarations = new Map<string, Declaration>();
    if (config === undefined || config === null) return declarations;
    if (!isRecord(config)) throw new StackConfigError(`${file}: "config:" must be a mapping`);
    for (const [rawKey, entry] of Object.entries(config)) {
        const key = namespaced(rawKey, projectName);
        declarations.set(key, readDeclaration(file, key, entry));
    }
    return declarations;
}

/** Short form `key: value` sets a value; long form declares `type` and `default` (or `value` for another namespace). */
function readDeclaration(file: string, key: string, entry: unknown): Declaration {
    if (!isRecord(entry) || !("type" in entry || "default" in entry || "value" in entry || "description" in entry || "secret" in entry)) {
        return { value: entry };
    }
    if (entry.type !== undefined && !DECLARED_TYPES.includes(entry.type as string)) {
        throw new StackConfigError(`${file}: ${key} declares type ${JSON.stringify(entry.type)}; use one of ${DECLARED_TYPES.join(", ")}`);
    }
    const declaration: Declaration = { type: entry.type as DeclaredType | undefined, value: entry.default ?? entry.value };
    if (declaration.type && declaration.value !== undefined && !hasType(declaration.value, declaration.type)) {
        throw new StackConfigError(`${file}: the default of ${key} is not of its declared type ${declaration.type}`);
    }
    return declaration;
}

/** Keys without a namespace belong to the project, as `pulumi config set` writes them. */
function namespaced(key: string, projectName: string): string {
    return key.includes(":") ? key : `${projectName}:${key}`;
}

/** Whether a `{secure: ...}` at any depth of the value holds something Pulumi would never have written. */
function malformedSecure(value: unknown): boolean {
    if (isRecord(value) && Object.keys(value).length === 1 && "secure" in value) return !isPulumiCiphertext(value.secure);
    if (Array.isArray(value)) return value.some(malformedSecure);
    if (isRecord(value)) return Object.values(value).some(malformedSecure);
    return false;
}

function isSecure(value: unknown): value is { secure: string } {
    return isRecord(value) && typeof value.secure === "string" && Object.keys(value).length === 1;
}

/**
 * Replaces every `{secure: ...}` at any depth by the placeholder, as the CLI replaces each by its
 * plaintext; a value holding one is a secret as a whole (the CLI marks the whole key secret).
 */
function withSecretPlaceholders(value: unknown): { plain: unknown; secret: boolean } {
    if (isSecure(value)) return { plain: SECRET_PLACEHOLDER, secret: true };
    if (Array.isArray(value)) {
        const items = value.map(withSecretPlaceholders);
        return { plain: items.map((item) => item.plain), secret: items.some((item) => item.secret) };
    }
    if (isRecord(value)) {
        const entries = Object.entries(value).map(([key, item]) => [key, withSecretPlaceholders(item)] as const);
        return {
            plain: Object.fromEntries(entries.map(([key, item]) => [key, item.plain])),
            secret: entries.some(([, item]) => item.secret),
        };
    }
    return { plain: value, secret: false };
}

function hasType(value: unknown, type: DeclaredType): boolean {
    switch (type) {
        case "string": return typeof value === "string";
        case "integer": return typeof value === "number" && Number.isInteger(value);
        case "boolean": return typeof value === "boolean";
        case "array": return Array.isArray(value);
    }
}

/** Pulumi passes strings through and every other value as JSON. */
function encode(value: unknown): string {
    return typeof value === "string" ? value : JSON.stringify(value);
}
