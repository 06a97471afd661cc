import * as fs from "node:fs";
import * as path from "node:path";
import { parseDocument } from "yaml";
import { describeYamlError, isPulumiCiphertext, nonFiniteNumber, shortJson } from "./stack-file-checks";

/** The config a Pulumi program sees: `namespace:key` -> string (JSON for non-strings), plus secret keys. */
export interface StackConfig {
    project: string;
    stack: string;
    values: Record<string, string>;
    secretKeys: string[];
    /** The stack file the values were read from; undefined when the stack has none (defaults only). */
    file?: string;
}

/** A user mistake in Pulumi.yaml or a stack file: message names the file, the key and the fix. */
export class StackConfigError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "StackConfigError";
    }
}

/** What a `secure:` value becomes offline: the ciphertext cannot be read without the stack's secrets provider. */
export const SECRET_PLACEHOLDER = "[secret]";

type DeclaredType = "string" | "integer" | "boolean" | "array";

interface Declaration {
    type?: DeclaredType;
    default?: unknown;
}

/**
 * Builds the config the Pulumi CLI would hand the program for `stack`: project-level defaults from
 * Pulumi.yaml's `config:` block first, then the stack file's values, each checked against the declared
 * type as the CLI checks it. `configFile` replaces Pulumi.<stack>.yaml (a missing stack file is fine:
 * a new stack runs on defaults).
 */
export function loadStackConfig(options: { projectDir: string; stack: string; configFile?: string }): StackConfig {
    const projectFile = path.join(options.projectDir, "Pulumi.yaml");
    const project = readYaml(projectFile);
    if (!isRecord(project) || typeof project.name !== "string") {
        throw new StackConfigError(`${projectFile} has no project name: add a top-level "name:" key`);
    }
    const projectName = project.name;
    const declarations = readDeclarations(projectFile, projectName, project.config);

    const values: Record<string, string> = {};
    for (const [key, declaration] of declarations) {
        if (declaration.default !== undefined) values[key] = encode(declaration.default);
    }

    const stackFile = options.configFile ?? path.join(options.projectDir, `Pulumi.${options.stack}.yaml`);
    const secretKeys: string[] = [];
    const hasStackFile = options.configFile !== undefined || fs.existsSync(stackFile);
    if (hasStackFile) {
        const stackDoc = readYaml(stackFile) ?? {};
        if (!isRecord(stackDoc)) throw new StackConfigError(`${stackFile} must be a YAML mapping with a "config:" key`);
        const config = stackDoc.config ?? {};
        if (!isRecord(config)) throw new StackConfigError(`${stackFile}: "config:" must be a mapping of key: value`);
        for (const [rawKey, value] of Object.entries(config)) {
            const key = rawKey.includes(":") ? rawKey : `${projectName}:${rawKey}`;
            if (isRecord(value) && Object.keys(value).length === 1 && "secure" in value && !isPulumiCiphertext(value.secure)) {
                throw new StackConfigError(`${stackFile}: ${key} has a secure: value that is not a Pulumi ciphertext ` +
                    "(v1:<nonce>:<ciphertext> or base64); set it with `pulumi config set --secret` instead of writing it by hand");
            }
            const nonFinite = nonFiniteNumber(value);
            if (nonFinite !== undefined) {
                const written = Number.isNaN(nonFinite) ? ".nan" : nonFinite > 0 ? ".inf" : "-.inf";
                const declared = declarations.get(key)?.type;
                throw new StackConfigError(`${stackFile}: ${key} = ${written} is not a finite number; write ` +
                    (declared ? `a${declared === "integer" || declared === "array" ? "n" : ""} ${declared}, as Pulumi.yaml declares for it` : "a number"));
            }
            if (isRecord(value) && typeof value.secure === "string") {
                values[key] = SECRET_PLACEHOLDER;
                secretKeys.push(key);
                continue;
            }
            const declared = declarations.get(key)?.type;
            if (declared && !hasType(value, declared)) {
                throw new StackConfigError(`${stackFile}: ${key} = ${shortJson(value)} is not of type ${declared}, ` +
                    `which Pulumi.yaml declares for it; write a${declared === "integer" || declared === "array" ? "n" : ""} ${declared}`);
            }
            values[key] = encode(value);
        }
    }
    return { project: projectName, stack: options.stack, values, secretKeys, file: hasStackFile ? stackFile : undefined };
}

function readDeclarations(file: string, projectName: string, config: unknown): Map<string, Declaration> {
    const declarations = new Map<string, Declaration>();
    if (config === undefined || config === null) return declarations;
    if (!isRecord(config)) throw new StackConfigError(`${file}: "config:" must be a mapping`);
    for (const [rawKey, entry] of Object.entries(config)) {
        const key = rawKey.includes(":") ? rawKey : `${projectName}:${rawKey}`;
        // Short form `key: value` sets a default; long form declares type and default.
        const declaration: Declaration = isRecord(entry) && ("type" in entry || "default" in entry)
            ? { type: entry.type as DeclaredType | undefined, default: entry.default }
            : { default: entry };
        if (declaration.type && declaration.default !== undefined && !hasType(declaration.default, declaration.type)) {
            throw new StackConfigError(`${file}: the default of ${key} is not of its declared type ${declaration.type}`);
        }
        declarations.set(key, declaration);
    }
    return declarations;
}

function readYaml(file: string): unknown {
    let text: string;
    try {
        text = fs.readFileSync(file, "utf8");
    } catch {
        throw new StackConfigError(`cannot read ${file}: check the path (stack files are named Pulumi.<stack>.yaml)`);
    }
    const document = parseDocument(text, { uniqueKeys: true });
    if (document.errors.length > 0) throw new StackConfigError(describeYamlError(file, text, document.errors[0]));
    try {
        return document.toJS();
    } catch (err) {
        // Aliases are resolved here: an undefined anchor, or so many aliases the document would explode.
        throw new StackConfigError(`${file}: ${(err as Error).message}; fix the YAML anchors (&name) and aliases (*name)`);
    }
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

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}
