import { parse as parseYaml } from "yaml";
import { at, num, Props, record, str, Unknown, UNKNOWN } from "./values";

/** One operation of an OpenAPI body with a Lambda (or any) `x-amazon-apigateway-integration`. */
export interface BodyOperation {
    /** "GET /orders/{id}", "ANY /{proxy+}" (`x-amazon-apigateway-any-method` is ANY). */
    readonly routeKey: string;
    readonly uri: string | Unknown | undefined;
    /** `timeoutInMillis` when the operation sets it. */
    readonly timeoutMilliseconds: number | Unknown | undefined;
}

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace", "x-amazon-apigateway-any-method"];

/** The body as a document: an object, or JSON or YAML text; undefined when it is neither. */
function documentOf(body: unknown): Readonly<Record<string, unknown>> | Unknown | undefined {
    const text = str(body);
    if (text === UNKNOWN) return UNKNOWN;
    if (text === undefined) {
        const object = record(body);
        return object;
    }
    let parsed: unknown;
    try {
        parsed = JSON.parse(text);
    } catch {
        try {
            parsed = parseYaml(text);
        } catch {
            return undefined;
        }
    }
    const document = record(parsed);
    return document === UNKNOWN ? undefined : document;
}

type ParsedBody = BodyOperation[] | Unknown | undefined;

/** Bodies already parsed, by the (shared) properties object of their API: once per request, whichever policy asks. */
const parsedByApi = new WeakMap<object, ParsedBody>();

/**
 * The operations of an API's OpenAPI/Swagger `body` (REST API or HTTP API import; what
 * awsx.classic.apigateway.API generates) and their integrations. UNKNOWN when the body is unknown,
 * undefined when it is neither JSON nor YAML.
 */
export function bodyOperations(api: Props): ParsedBody {
    if (!parsedByApi.has(api)) parsedByApi.set(api, parseBody(at(api, "body")));
    return parsedByApi.get(api);
}

function parseBody(body: unknown): ParsedBody {
    const document = documentOf(body);
    if (document === UNKNOWN || document === undefined) return document;
    const paths = record(at(document, "paths"));
    if (paths === UNKNOWN) return UNKNOWN;
    const operations: BodyOperation[] = [];
    for (const [path, item] of Object.entries(paths ?? {})) {
        const methods = record(item);
        if (methods === undefined || methods === UNKNOWN) continue;
        for (const [method, operation] of Object.entries(methods)) {
            if (!METHODS.includes(method.toLowerCase())) continue;
            const integration = at(operation, "x-amazon-apigateway-integration");
            if (integration === undefined) continue;
            const verb = method.toLowerCase() === "x-amazon-apigateway-any-method" ? "ANY" : method.toUpperCase();
            operations.push({
                routeKey: `${verb} ${path}`,
                uri: str(at(integration, "uri")),
                timeoutMilliseconds: num(at(integration, "timeoutInMillis")),
            });
        }
    }
    return operations;
}
