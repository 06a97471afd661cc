import { HTTP_API_INTEGRATION_TIMEOUT_SECONDS, REST_API_INTEGRATION_TIMEOUT_SECONDS } from "../../contracts/integration-limits";
import { Findings } from "./findings";
import { functionsNamed, functionsReferenced } from "./lambda-targets";
import { bodyOperations } from "./openapi-integrations";
import { StackResource } from "./policy-kit";
import { aws } from "./resource-types";
import { labelOf, StackGraph } from "./stack-graph";
import { at, list, num, str, UNKNOWN } from "./values";

/** The fronts that call a Lambda function synchronously over HTTP. */
export type ApiKind = "HTTP API" | "REST API" | "ALB" | "Function URL";

/** One function called by one HTTP front, with how long that front waits (undefined: as long as the function runs). */
export interface FrontedCall {
    readonly fn: StackResource;
    readonly api: ApiKind;
    readonly limitSeconds?: number;
    /** How messages name the front: `integration "orders"`, `"orders-api" route GET /orders`. */
    readonly label: string;
}

/** One route of an HTTP front and the functions behind it. */
export interface ApiRoute {
    readonly carrier: StackResource;
    readonly routeKey: string;
    /** How messages name the route: `Route "orders" (ANY /{proxy+})`, `REST API "shop" route ANY /{proxy+}`. */
    readonly label: string;
    readonly functions: readonly StackResource[];
    readonly catchAll: boolean;
}

export interface ApiTimeouts {
    httpApiTimeoutSeconds: number;
    restApiTimeoutSeconds: number;
}

/** API Gateway's own limits: HTTP API 30 s, REST API 29 s unless the account's quota was raised. */
const AWS_API_TIMEOUTS: ApiTimeouts = {
    httpApiTimeoutSeconds: HTTP_API_INTEGRATION_TIMEOUT_SECONDS, restApiTimeoutSeconds: REST_API_INTEGRATION_TIMEOUT_SECONDS,
};

/** An ALB waits for a Lambda target as long as its idle timeout (60 s unless set). */
const ALB_DEFAULT_IDLE_TIMEOUT = 60;

/** `$default`, or a greedy path parameter (`{proxy+}`, `{route+}`): every request or every path goes to one integration. */
export function isCatchAll(routeKey: string): boolean {
    return routeKey.trim() === "$default" || /\{[^}]*\+\}/.test(routeKey);
}

/** An integration's own timeout caps the API's: the smaller wins. */
function limitWith(configured: number | typeof UNKNOWN | undefined, apiLimit: number): number {
    return typeof configured === "number" ? Math.min(configured / 1000, apiLimit) : apiLimit;
}

/**
 * Every way the stack puts a Lambda function behind HTTP, read once for platform-limits and
 * single-purpose-functions: HTTP API integrations, routes and quick-create targets; REST API
 * integrations and resources; OpenAPI bodies of REST and HTTP APIs (awsx.classic.apigateway.API
 * included); Function URLs; ALB target groups of type lambda with their listeners and rules.
 */
export class HttpFronts {
    readonly calls: FrontedCall[] = [];
    readonly routes: ApiRoute[] = [];

    constructor(private readonly graph: StackGraph, private readonly findings: Findings,
        private readonly timeouts: ApiTimeouts = AWS_API_TIMEOUTS) {
        this.httpApis();
        this.restApis();
        this.openApiBodies();
        this.functionUrls();
        this.loadBalancers();
    }

    private referenced(from: StackResource, path: ReadonlyArray<string | number>, what: string): readonly StackResource[] {
        const functions = functionsReferenced(this.graph, from, path);
        if (functions.unresolved) this.findings.cannotDetermine(`the function behind ${what} is unknown`);
        return functions.targets;
    }

    private httpApis(): void {
        const byIntegration = new Map<StackResource, readonly StackResource[]>();
        for (const integration of this.graph.ofType(aws.httpApiIntegration)) {
            const functions = this.referenced(integration, ["integrationUri"], `integration "${integration.name}"`);
            byIntegration.set(integration, functions);
            const limit = limitWith(num(at(integration.props, "timeoutMilliseconds")), this.timeouts.httpApiTimeoutSeconds);
            for (const fn of functions) this.calls.push({ fn, api: "HTTP API", limitSeconds: limit, label: `integration "${integration.name}"` });
        }
        for (const route of this.graph.ofType(aws.httpApiRoute)) {
            const routeKey = str(at(route.props, "routeKey"));
            if (routeKey === UNKNOWN) {
                this.findings.cannotDetermine(`the route key of route "${route.name}" is unknown`);
                continue;
            }
            const target = str(at(route.props, "target"));
            const integrations = typeof target === "string"
                ? this.graph.matching(target.replace(/^integrations\//, ""), [aws.httpApiIntegration])
                : this.graph.resolve(route, ["target"], [aws.httpApiIntegration]).targets;
            const key = routeKey ?? route.name;
            this.routes.push({ carrier: route, routeKey: key, label: `Route "${route.name}" (${key})`,
                functions: integrations.flatMap((integration) => byIntegration.get(integration) ?? []), catchAll: isCatchAll(key) });
        }
        // Quick create: `target` on the API itself makes a $default (or routeKey) route to that function.
        for (const api of this.graph.ofType(aws.httpApi)) {
            if (at(api.props, "target") === undefined) continue;
            const functions = this.referenced(api, ["target"], `HTTP API "${api.name}"`);
            const routeKey = str(at(api.props, "routeKey"));
            const key = typeof routeKey === "string" ? routeKey : "$default";
            for (const fn of functions) {
                this.calls.push({ fn, api: "HTTP API", limitSeconds: this.timeouts.httpApiTimeoutSeconds, label: `"${api.name}" (quick create)` });
            }
            this.routes.push({ carrier: api, routeKey: key, label: `HTTP API "${api.name}" route ${key}`, functions, catchAll: isCatchAll(key) });
        }
    }

    private restApis(): void {
        for (const integration of this.graph.ofType(aws.restApiIntegration)) {
            const functions = this.referenced(integration, ["uri"], `integration "${integration.name}"`);
            const limit = limitWith(num(at(integration.props, "timeoutMilliseconds")), this.timeouts.restApiTimeoutSeconds);
            for (const fn of functions) this.calls.push({ fn, api: "REST API", limitSeconds: limit, label: `integration "${integration.name}"` });
            const method = str(at(integration.props, "httpMethod"));
            const resource = this.graph.resolve(integration, ["resourceId"], [aws.restApiResource]).targets[0];
            const path = resource ? str(at(resource.props, "path")) ?? str(at(resource.props, "pathPart")) : undefined;
            const key = `${typeof method === "string" ? method : "ANY"} ${typeof path === "string" ? path : integration.name}`;
            // A greedy resource is reported once, as the resource below.
            this.routes.push({ carrier: integration, routeKey: key, label: `integration "${integration.name}" (${key})`, functions, catchAll: false });
        }
        for (const resource of this.graph.ofType(aws.restApiResource)) {
            const pathPart = str(at(resource.props, "pathPart"));
            if (pathPart === UNKNOWN) this.findings.cannotDetermine(`the path of REST API resource "${resource.name}" is unknown`);
            else if (typeof pathPart === "string" && isCatchAll(pathPart)) {
                this.routes.push({ carrier: resource, routeKey: pathPart, label: `REST API resource "${resource.name}" (${pathPart})`,
                    functions: [], catchAll: true });
            }
        }
    }

    /** REST and HTTP APIs defined by an OpenAPI body, as awsx.classic.apigateway.API and importers write them. */
    private openApiBodies(): void {
        for (const api of this.graph.ofType(aws.restApi, aws.httpApi)) {
            const body = at(api.props, "body");
            if (body === undefined) continue;
            const rest = api.type === aws.restApi;
            const kind: ApiKind = rest ? "REST API" : "HTTP API";
            const apiLimit = rest ? this.timeouts.restApiTimeoutSeconds : this.timeouts.httpApiTimeoutSeconds;
            const operations = bodyOperations(api.props);
            if (operations === UNKNOWN) {
                // The functions the body was built from are its dependencies; their timeouts are judged against the API's limit.
                const behind = this.graph.resolve(api, ["body"], [aws.lambdaFunction, aws.lambdaAlias]);
                const functions = behind.targets.flatMap((target) => target.type === aws.lambdaFunction ? [target]
                    : this.graph.resolve(target, ["functionName"], [aws.lambdaFunction]).targets);
                if (functions.length === 0) this.findings.cannotDetermine(`the OpenAPI body of ${kind} "${api.name}" is unknown`);
                for (const fn of new Set(functions)) this.calls.push({ fn, api: kind, limitSeconds: apiLimit, label: `"${api.name}"` });
                continue;
            }
            if (operations === undefined) {
                this.findings.cannotDetermine(`the body of ${kind} "${api.name}" is neither JSON nor YAML OpenAPI`);
                continue;
            }
            for (const operation of operations) {
                const label = `"${api.name}" route ${operation.routeKey}`;
                if (operation.uri === UNKNOWN) this.findings.cannotDetermine(`the integration of ${kind} ${label} is unknown`);
                const functions = typeof operation.uri === "string" ? functionsNamed(this.graph, operation.uri) : [];
                if (operation.timeoutMilliseconds === UNKNOWN) this.findings.cannotDetermine(`the timeoutInMillis of ${kind} ${label} is unknown`);
                const limit = limitWith(operation.timeoutMilliseconds, apiLimit);
                for (const fn of functions) this.calls.push({ fn, api: kind, limitSeconds: limit, label });
                this.routes.push({ carrier: api, routeKey: operation.routeKey, label: `${kind} ${label}`, functions, catchAll: isCatchAll(operation.routeKey) });
            }
        }
    }

    /** A Function URL calls its function for every path; it has no timeout of its own (the function's applies). */
    private functionUrls(): void {
        for (const url of this.graph.ofType(aws.lambdaFunctionUrl)) {
            const functions = this.referenced(url, ["functionName"], `function URL "${url.name}"`);
            for (const fn of functions) this.calls.push({ fn, api: "Function URL", label: `function URL "${url.name}"` });
            this.routes.push({ carrier: url, routeKey: "function URL", label: `Function URL "${url.name}"`, functions, catchAll: false });
        }
    }

    /** Target groups a listener action forwards to (`targetGroupArn`, or `forward.targetGroups[].arn`). */
    private forwardedGroups(from: StackResource, actionsKey: string): StackResource[] {
        const groups = new Set<StackResource>();
        const actions = list(at(from.props, actionsKey));
        for (const index of Array.isArray(actions) ? actions.keys() : []) {
            for (const path of [[actionsKey, index, "targetGroupArn"], [actionsKey, index, "forward", "targetGroups"]]) {
                const value = at(from.props, ...path);
                const references = Array.isArray(value) ? value.map((group) => at(group, "arn")) : [value];
                for (const reference of references) {
                    const text = str(reference);
                    if (typeof text === "string") this.graph.matching(text, [aws.lbTargetGroup, aws.albTargetGroup]).forEach((g) => groups.add(g));
                }
            }
        }
        if (groups.size === 0 && actions === UNKNOWN) {
            this.graph.resolve(from, [actionsKey], [aws.lbTargetGroup, aws.albTargetGroup]).targets.forEach((g) => groups.add(g));
        }
        return [...groups];
    }

    private loadBalancers(): void {
        const functionsOf = new Map<StackResource, StackResource[]>();
        for (const attachment of this.graph.ofType(aws.lbTargetGroupAttachment, aws.albTargetGroupAttachment)) {
            const groups = this.graph.resolve(attachment, ["targetGroupArn"], [aws.lbTargetGroup, aws.albTargetGroup]).targets;
            const functions = this.referenced(attachment, ["targetId"], `target group attachment "${attachment.name}"`);
            for (const group of groups) functionsOf.set(group, [...(functionsOf.get(group) ?? []), ...functions]);
        }
        const idleTimeoutOf = new Map<StackResource, number>();
        const listeners = this.graph.ofType(aws.lbListener, aws.albListener);
        for (const listener of listeners) {
            const balancer = this.graph.resolve(listener, ["loadBalancerArn"], [aws.lbLoadBalancer, aws.albLoadBalancer]).targets[0];
            const idle = balancer ? num(at(balancer.props, "idleTimeout")) : undefined;
            const seconds = typeof idle === "number" ? idle : ALB_DEFAULT_IDLE_TIMEOUT;
            const groups = this.forwardedGroups(listener, "defaultActions");
            for (const group of groups) idleTimeoutOf.set(group, Math.min(seconds, idleTimeoutOf.get(group) ?? Infinity));
            const functions = groups.flatMap((group) => functionsOf.get(group) ?? []);
            if (functions.length > 0) {
                this.routes.push({ carrier: listener, routeKey: "default action", label: `Listener "${listener.name}" (default action)`, functions, catchAll: true });
            }
        }
        for (const rule of this.graph.ofType(aws.lbListenerRule, aws.albListenerRule)) {
            const functions = this.forwardedGroups(rule, "actions").flatMap((group) => functionsOf.get(group) ?? []);
            if (functions.length === 0) continue;
            const conditions = list(at(rule.props, "conditions"));
            const patterns = (Array.isArray(conditions) ? conditions : []).flatMap((condition) => {
                const values = list(at(condition, "pathPattern", "values"));
                return Array.isArray(values) ? values.map((value) => str(value)).filter((value): value is string => typeof value === "string") : [];
            });
            const key = patterns.length > 0 ? `path ${patterns.join(", ")}` : labelOf(rule);
            const catchAll = patterns.length > 0 && patterns.every((pattern) => /^\/?\*$/.test(pattern));
            this.routes.push({ carrier: rule, routeKey: key, label: `Listener rule "${rule.name}" (${key})`, functions, catchAll });
        }
        for (const [group, functions] of functionsOf) {
            const limit = idleTimeoutOf.get(group) ?? ALB_DEFAULT_IDLE_TIMEOUT;
            for (const fn of functions) this.calls.push({ fn, api: "ALB", limitSeconds: limit, label: `target group "${group.name}"` });
        }
    }
}
