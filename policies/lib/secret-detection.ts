/**
 * Heuristics for "this environment variable or app setting holds a secret in plain text".
 * A variable is suspicious by its name (PASSWORD, API_KEY, ...) unless the name says it holds a
 * reference (SECRET_ARN, TOKEN_PARAMETER_NAME); a value is suspicious by its shape (an AWS access
 * key id, a private key, credentials in a URL or connection string) whatever the name.
 */

/**
 * Credential formats, each a fixed prefix then one character class, so a test is linear in the text
 * (no nested or overlapping quantifiers: safe on megabytes of inline code).
 */
const CREDENTIAL_FORMATS: ReadonlyArray<{ what: string; pattern: RegExp }> = [
    { what: "an AWS access key id", pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/ },
    { what: "a private key", pattern: /-----BEGIN [A-Z ]{0,40}PRIVATE KEY-----/ },
    { what: "a GitHub token", pattern: /\bgh[pousr]_[A-Za-z0-9]{36}\b/ },
    { what: "a GitHub token", pattern: /\bgithub_pat_[A-Za-z0-9_]{22,255}/ },
    { what: "a Slack token", pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}/ },
    { what: "a Slack webhook URL", pattern: /https:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9]+\/[A-Za-z0-9]+\/[A-Za-z0-9]+/ },
    { what: "a Stripe live key", pattern: /\b(?:sk|rk)_live_[A-Za-z0-9]{16,}/ },
    { what: "an Azure storage account key", pattern: /AccountKey=[A-Za-z0-9+/]{86}==/ },
];

/** An Azure SAS token: a signed version and a signature in the same query string (two linear scans). */
function isSasToken(text: string): boolean {
    return /\bsv=\d{4}-\d{2}-\d{2}/.test(text) && /[?&]sig=[A-Za-z0-9%+/]{16,}/.test(text);
}

/** The credential format found in a text (inline code or a value), if any. */
export function credentialIn(text: string): string | undefined {
    return CREDENTIAL_FORMATS.find((format) => format.pattern.test(text))?.what
        ?? (isSasToken(text) ? "an Azure SAS token (sig=)" : undefined);
}

/** Value shapes that are secrets themselves, beyond the credential formats; each with the name used in messages. */
const SECRET_VALUE_SHAPES: ReadonlyArray<{ what: string; pattern: RegExp }> = [
    { what: "a URL with a password", pattern: /^[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+:[^/\s@]+@/i },
    { what: "a connection string with a key or password", pattern: /(AccountKey|SharedAccessKey|Password|Pwd)=[^;]+/i },
];

/** Values that point at a secret store instead of holding the secret. */
const SECRET_REFERENCE_PREFIXES = [
    "arn:aws:secretsmanager:", "arn:aws:ssm:", "arn:aws-us-gov:secretsmanager:", "arn:aws-cn:secretsmanager:",
    "{{resolve:", "@Microsoft.KeyVault(", "projects/",
];

export interface SecretNaming {
    /** Regular expression (case-insensitive) of names that suggest a secret. */
    secretNamePattern: string;
    /** Name suffixes that mark a reference to a secret rather than the secret (e.g. `_ARN`). */
    referenceNameSuffixes: string[];
}

export function secretValueShape(value: string): string | undefined {
    return credentialIn(value) ?? SECRET_VALUE_SHAPES.find((shape) => shape.pattern.test(value))?.what;
}

export function isSecretReference(value: string): boolean {
    return SECRET_REFERENCE_PREFIXES.some((prefix) => value.startsWith(prefix));
}

/** A name that suggests a secret and does not announce itself as a reference. */
export function hasSecretName(name: string, naming: SecretNaming): boolean {
    const upper = name.toUpperCase();
    if (naming.referenceNameSuffixes.some((suffix) => upper.endsWith(suffix.toUpperCase()))) return false;
    return new RegExp(naming.secretNamePattern, "i").test(name);
}
