import Ajv, { ErrorObject } from "ajv";
import * as fs from "node:fs";
import {
    ENFORCEMENT_LEVELS, EnforcementLevel, PackInfo, PolicyConfigEntry, PolicyConfigFile, PolicyInfo, PropertySchema,
    ReconciledConfig,
} from "./types";

/** A policy config file the pack cannot accept; the message names the policy, the property and what is allowed. */
export class PolicyConfigError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "PolicyConfigError";
    }
}

/** Key that sets every policy's enforcement level at once (reserved by the CLI). */
const ALL_POLICIES = "all";

function isLevel(value: unknown): value is EnforcementLevel {
    return typeof value === "string" && (ENFORCEMENT_LEVELS as readonly string[]).includes(value);
}

/** Reads and parses a config file, with errors that name the file. */
export function loadPolicyConfigFile(file: string): PolicyConfigFile {
    let text: string;
    try {
        text = fs.readFileSync(file, "utf8");
    } catch {
        throw new PolicyConfigError(`${file}: cannot read the policy config file; check the path.`);
    }
    if (text.trim() === "") return {};
    let parsed: unknown;
    try {
        parsed = JSON.parse(text);
    } catch (error) {
        throw new PolicyConfigError(`${file}: not valid JSON (${(error as Error).message}).`);
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
        throw new PolicyConfigError(`${file}: must be a JSON object mapping policy names to a level or settings.`);
    }
    const overflow = nonFinitePath(parsed);
    if (overflow) {
        const [policy, property, ...rest] = overflow;
        throw new PolicyConfigError(`${file}: policy "${policy}"${property === undefined ? "" : `: property "${property}"`}` +
            `${rest.length ? ` (at /${rest.slice(0, 8).join("/")}${rest.length > 8 ? "/…" : ""})` : ""} is not a finite number (it overflows to Infinity); write a finite number.`);
    }
    return parsed as PolicyConfigFile;
}

/**
 * Where JSON.parse turned a number too large for a double (1e400) into Infinity, which the wire would
 * send as null. Iterative: JSON.parse accepts nesting far deeper than the call stack.
 */
function nonFinitePath(root: unknown): string[] | undefined {
    interface Node { value: unknown; key?: string; parent?: Node }
    const pending: Node[] = [{ value: root }];
    for (let node = pending.pop(); node; node = pending.pop()) {
        if (typeof node.value === "number" && !Number.isFinite(node.value)) {
            const path: string[] = [];
            for (let at: Node | undefined = node; at?.key !== undefined; at = at.parent) path.push(at.key);
            return path.reverse();
        }
        if (typeof node.value === "object" && node.value !== null) {
            for (const [key, value] of Object.entries(node.value).reverse()) pending.push({ value, key, parent: node });
        }
    }
    return undefined;
}

/** One entry of a config source split into level and properties, validating the level like the CLI. */
function parseEntry(policy: string, entry: EnforcementLevel | PolicyConfigEntry): { level?: EnforcementLevel; properties: Record<string, unknown> } {
    const allowedLevels = `allowed: ${ENFORCEMENT_LEVELS.join(", ")}`;
    if (typeof entry === "string") {
        if (!isLevel(entry)) throw new PolicyConfigError(`policy "${policy}": "${entry}" is not an enforcement level (${allowedLevels}).`);
        return { level: entry, properties: {} };
    }
    if (typeof entry !== "object" || entry === null || Array.isArray(entry)) {
        throw new PolicyConfigError(`policy "${policy}": must be an enforcement level or an object of settings.`);
    }
    const { enforcementLevel, ...properties } = entry;
    if (enforcementLevel !== undefined && !isLevel(enforcementLevel)) {
        throw new PolicyConfigError(`policy "${policy}": enforcementLevel "${String(enforcementLevel)}" is not valid (${allowedLevels}).`);
    }
    return { level: enforcementLevel, properties };
}

/** Applies one source on top of `result` the way the CLI does: "all" first, then each policy's own entry. */
function applySource(result: ReconciledConfig, source: PolicyConfigFile, policies: readonly PolicyInfo[]): void {
    const allEntry = source[ALL_POLICIES];
    if (allEntry !== undefined) {
        const { level } = parseEntry(ALL_POLICIES, allEntry);
        if (level) for (const name of Object.keys(result)) result[name].enforcementLevel = level;
    }
    for (const [policy, entry] of Object.entries(source)) {
        if (policy === ALL_POLICIES) continue;
        if (!policies.some((p) => p.name === policy)) {
            throw new PolicyConfigError(`policy "${policy}" is not in this pack; known policies: ${policies.map((p) => p.name).join(", ")}.`);
        }
        const { level, properties } = parseEntry(policy, entry);
        if (level) result[policy].enforcementLevel = level;
        // Defined, not assigned: assigning "__proto__" would set the prototype and drop the name unvalidated.
        for (const [name, value] of Object.entries(properties)) {
            Object.defineProperty(result[policy].properties, name, { value, enumerable: true, writable: true, configurable: true });
        }
    }
}

/** "integer >= 0", "one of a, b", ...: what a property accepts, for error messages. */
function describeSchema(schema: PropertySchema): string {
    const parts: string[] = [];
    if (schema.type !== undefined) parts.push(String(schema.type));
    if (Array.isArray(schema.enum)) parts.push(`one of ${schema.enum.map((v) => JSON.stringify(v)).join(", ")}`);
    if (typeof schema.minimum === "number") parts.push(`>= ${schema.minimum}`);
    if (typeof schema.maximum === "number") parts.push(`<= ${schema.maximum}`);
    const items = schema.items as PropertySchema | undefined;
    if (schema.type === "array" && items && typeof items === "object") parts.push(`of ${describeSchema(items)}`);
    return parts.join(" ");
}

function validationMessage(policy: PolicyInfo, error: ErrorObject): string {
    const schema = policy.configSchema?.properties ?? {};
    const property = error.instancePath.split("/")[1]
        ?? (typeof error.params.missingProperty === "string" ? error.params.missingProperty : "");
    const allowed = schema[property] ? `; allowed: ${describeSchema(schema[property])}` : "";
    return `policy "${policy.name}": property "${property}"${error.instancePath.split("/").length > 2 ? ` (at ${error.instancePath})` : ""} ${error.message ?? "is invalid"}${allowed}.`;
}

const ajv = new Ajv({ allErrors: true, strict: false });

function validateProperties(policy: PolicyInfo, properties: Record<string, unknown>): void {
    const schema = policy.configSchema;
    if (!schema) return;
    for (const property of Object.keys(properties)) {
        // Own names only: `in` would also find Object.prototype's (constructor, toString, ...).
        if (!Object.hasOwn(schema.properties, property)) {
            const known = Object.keys(schema.properties);
            throw new PolicyConfigError(`policy "${policy.name}": property "${property}" is not a setting of this policy; ` +
                (known.length ? `its settings are: ${known.join(", ")}.` : "it has no settings."));
        }
    }
    const validate = ajv.compile({ type: "object", properties: schema.properties, required: schema.required });
    if (!validate(properties)) {
        throw new PolicyConfigError((validate.errors ?? []).map((error) => validationMessage(policy, error)).join("\n"));
    }
}

/**
 * The config the Pulumi CLI would send to Configure: every policy's schema defaults and default
 * level, then the pack's initial config, then the file; "all" sets every policy's level before the
 * file's own entries apply; each policy's properties are validated against its schema. Stricter
 * than the CLI on one point: an unknown policy or property name is an error, not silently ignored.
 */
export function reconcilePolicyConfig(info: Pick<PackInfo, "policies" | "initialConfig">, file?: PolicyConfigFile): ReconciledConfig {
    const result: ReconciledConfig = {};
    for (const policy of info.policies) {
        const properties: Record<string, unknown> = {};
        for (const [key, schema] of Object.entries(policy.configSchema?.properties ?? {})) {
            if (schema.default !== undefined) properties[key] = structuredClone(schema.default);
        }
        result[policy.name] = { enforcementLevel: policy.enforcementLevel, properties };
    }
    const initial: PolicyConfigFile = {};
    for (const [policy, entry] of Object.entries(info.initialConfig)) {
        initial[policy] = { ...entry.properties, ...(entry.enforcementLevel ? { enforcementLevel: entry.enforcementLevel } : {}) };
    }
    applySource(result, initial, info.policies);
    if (file) applySource(result, file, info.policies);
    for (const policy of info.policies) validateProperties(policy, result[policy.name].properties);
    return result;
}
