import { at, list, Props, record, str, Unknown, UNKNOWN } from "./values";

/** One IAM statement, normalised: lists everywhere, unknown resource ARNs kept as UNKNOWN elements. */
export interface IamStatement {
    readonly effect: "Allow" | "Deny";
    /** `Action`, or `NotAction` when `notAction` is set. */
    readonly actions: readonly string[];
    readonly notAction: boolean;
    /** `Resource`, or `NotResource` when `notResource` is set. */
    readonly resources: ReadonlyArray<string | Unknown>;
    readonly notResource: boolean;
}

function parseJson(text: string): unknown {
    try {
        return JSON.parse(text);
    } catch {
        return undefined;
    }
}

/** A string or list of strings; element-level unknowns kept, other shapes dropped. */
function stringsOf(value: unknown): Array<string | Unknown> | Unknown {
    if (value === UNKNOWN) return UNKNOWN;
    const single = str(value);
    if (single !== undefined) return [single];
    const items = list(value);
    if (items === UNKNOWN) return UNKNOWN;
    return (items ?? []).map((item) => str(item)).filter((item): item is string | Unknown => item !== undefined);
}

function parseStatement(raw: unknown): IamStatement | Unknown | undefined {
    const statement = record(raw);
    if (statement === UNKNOWN) return UNKNOWN;
    if (statement === undefined) return undefined;
    const effect = str(at(statement, "Effect"));
    if (effect === UNKNOWN) return UNKNOWN;
    const notAction = statement.NotAction !== undefined;
    const actions = stringsOf(at(statement, notAction ? "NotAction" : "Action"));
    // An unknown action cannot be judged; an unknown resource is an ARN from another resource.
    if (actions === UNKNOWN || actions.includes(UNKNOWN)) return UNKNOWN;
    const notResource = statement.NotResource !== undefined;
    const resources = stringsOf(at(statement, notResource ? "NotResource" : "Resource"));
    return {
        effect: effect === "Deny" ? "Deny" : "Allow",
        actions: actions as string[],
        notAction,
        resources: resources === UNKNOWN ? [UNKNOWN] : resources,
        notResource,
    };
}

/**
 * The statements of an IAM policy document given as a JSON string (what the provider stores) or
 * as an object (a raw program input). UNKNOWN when the document or one of its actions is unknown;
 * undefined when it is absent or not a policy document.
 */
export function parsePolicyDocument(value: unknown): readonly IamStatement[] | Unknown | undefined {
    if (value === UNKNOWN) return UNKNOWN;
    const text = str(value);
    if (text === UNKNOWN) return UNKNOWN;
    const document = record(text !== undefined ? parseJson(text) : value);
    if (document === UNKNOWN) return UNKNOWN;
    if (document === undefined) return undefined;
    const rawStatements = at(document, "Statement");
    const items = Array.isArray(rawStatements) ? rawStatements : [rawStatements];
    const statements: IamStatement[] = [];
    for (const item of items) {
        const statement = parseStatement(at(item));
        if (statement === UNKNOWN) return UNKNOWN;
        if (statement) statements.push(statement);
    }
    return statements;
}

type ParsedDocument = readonly IamStatement[] | Unknown | undefined;

/** Documents already parsed, by the properties object that carries them (shared by every policy of a request). */
const parsedByCarrier = new WeakMap<object, Map<string, ParsedDocument>>();

/**
 * The statements of the policy document at `path` in `props`, parsed once per properties object: the
 * SDK hands every policy of one request the same object, so a role's documents are parsed once per
 * request whichever policies read them.
 */
export function documentAt(props: Props, ...path: ReadonlyArray<string | number>): ParsedDocument {
    let byPath = parsedByCarrier.get(props);
    if (!byPath) {
        byPath = new Map();
        parsedByCarrier.set(props, byPath);
    }
    const key = path.join("\u0000");
    if (!byPath.has(key)) byPath.set(key, parsePolicyDocument(at(props, ...path)));
    return byPath.get(key);
}

/**
 * A resource pattern that covers every resource of its service: `*`, or an ARN whose region, account
 * and resource parts are all wildcards or empty (`arn:aws:s3:::*`, `arn:aws:logs:*:*:*`).
 */
export function isEveryResource(resource: string): boolean {
    return resource === "*" || /^arn:[^:]+:[^:]+:\*?:\*?:\*$/.test(resource);
}

/** Compiled action patterns: the same few (config lists, a stack's documents) are matched thousands of times per stack. */
const patternCache = new Map<string, RegExp>();
/** Bound on the cache, so that a long-running pack fed ever new documents does not grow without end. */
const PATTERN_CACHE_LIMIT = 4096;

function patternRegex(pattern: string): RegExp {
    let regex = patternCache.get(pattern);
    if (regex === undefined) {
        regex = new RegExp(`^${pattern.split("").map((c) => c === "*" ? ".*" : c === "?" ? "." : c.replace(/[.+^${}()|[\]\\]/g, "\\$&")).join("")}$`, "i");
        if (patternCache.size >= PATTERN_CACHE_LIMIT) patternCache.clear();
        patternCache.set(pattern, regex);
    }
    return regex;
}

/** IAM action wildcard match (`*`, `?`), case-insensitive as IAM is. */
export function actionMatches(pattern: string, action: string): boolean {
    return patternRegex(pattern).test(action);
}

/** True when an Allow statement grants `action` (honouring NotAction). */
export function allows(statement: IamStatement, action: string): boolean {
    if (statement.effect !== "Allow") return false;
    const listed = statement.actions.some((pattern) => actionMatches(pattern, action));
    return statement.notAction ? !listed : listed;
}

/** The lower-case service prefix of an action (`dynamodb` for `dynamodb:GetItem`, `*` for `*`). */
export function serviceOf(action: string): string {
    const colon = action.indexOf(":");
    return (colon < 0 ? action : action.slice(0, colon)).toLowerCase();
}
