import { YAMLError } from "yaml";

/**
 * Checks of a stack file's text and values that the Pulumi CLI makes before a program runs, worded
 * for a user: which file, which line, which key, and what to write instead.
 */

/**
 * A `secure:` value as Pulumi writes one: `v1:<nonce>:<ciphertext>` (passphrase and cloud KMS secrets
 * providers) or a single base64 blob (the Pulumi Cloud secrets provider). Each pattern is linear.
 */
export function isPulumiCiphertext(value: unknown): boolean {
    if (typeof value !== "string") return false;
    if (value.startsWith("v1:")) return /^v1:[A-Za-z0-9+/]+={0,2}:[A-Za-z0-9+/]+={0,2}$/.test(value);
    return value.length >= 4 && value.length % 4 === 0 && /^[A-Za-z0-9+/]+={0,2}$/.test(value);
}

/** The first number in `value` (nested lists and maps included) that is not finite (YAML `.inf`, `.nan`, 1e400). */
export function nonFiniteNumber(value: unknown): number | undefined {
    if (typeof value === "number") return Number.isFinite(value) ? undefined : value;
    if (Array.isArray(value)) {
        for (const element of value) {
            const found = nonFiniteNumber(element);
            if (found !== undefined) return found;
        }
    } else if (typeof value === "object" && value !== null) {
        return nonFiniteNumber(Object.values(value));
    }
    return undefined;
}

/** A value as JSON for a message, cut after 80 characters with its length given (a 1 MB value makes no 1 MB message). */
export function shortJson(value: unknown): string {
    const json = JSON.stringify(value) ?? String(value);
    return json.length > 80 ? `${json.slice(0, 80)}… (${json.length} characters)` : json;
}

/** `file line N: what is wrong, at key K`: the first YAML error, located by line and the key it belongs to. */
export function describeYamlError(file: string, text: string, error: YAMLError): string {
    const lines = text.split("\n");
    const line = error.linePos?.[0].line ?? lineOf(text, error.pos[0]);
    if (error.code === "DUPLICATE_KEY") {
        const key = keyOfLine(lines[line - 1] ?? "") ?? text.slice(error.pos[0], error.pos[1]);
        const depth = indent(lines[line - 1] ?? "");
        const first = lines.findIndex((l, index) => index < line - 1 && indent(l) === depth && keyOfLine(l) === key);
        return `${file} line ${line}: key "${key}" appears twice${first >= 0 ? ` (first at line ${first + 1})` : ""}; keep one`;
    }
    let keyLine = line - 1;
    while (keyLine >= 0 && keyOfLine(lines[keyLine] ?? "") === undefined) keyLine--;
    const key = keyLine >= 0 ? keyOfLine(lines[keyLine]) : undefined;
    const reason = error.code === "MULTIPLE_DOCS" ? "a stack file holds one YAML document, this one has several (---)"
        : error.message.split(" at line ")[0];
    return `${file} line ${line}: ${reason}${key ? ` (in the value of key "${key}", line ${keyLine + 1})` : ""}; ` +
        "fix the YAML there (quote a value that contains `: `, `#` or starts with a special character)";
}

/** The mapping key a line starts, if it starts one (`  key: value`, `- key: value`, `key:`). */
function keyOfLine(line: string): string | undefined {
    let rest = line.trimStart();
    if (rest.startsWith("- ")) rest = rest.slice(2).trimStart();
    if (rest.startsWith("#")) return undefined;
    const separator = rest.indexOf(": ");
    const end = separator >= 0 ? separator : rest.trimEnd().endsWith(":") ? rest.trimEnd().length - 1 : -1;
    return end > 0 ? rest.slice(0, end).trim() : undefined;
}

function indent(line: string): number {
    return line.length - line.trimStart().length;
}

function lineOf(text: string, offset: number): number {
    let line = 1;
    for (let i = 0; i < offset && i < text.length; i++) if (text[i] === "\n") line++;
    return line;
}
