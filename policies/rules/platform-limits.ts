import { HTTP_API_INTEGRATION_TIMEOUT_SECONDS, REST_API_INTEGRATION_TIMEOUT_SECONDS } from "../../contracts/integration-limits";
import { PolicyConfigSchema, StackValidationPolicy } from "@pulumi/policy";
import { Findings } from "../lib/findings";
import { ApiTimeouts, HttpFronts } from "../lib/http-fronts";
import { StackResource, validateStackOf } from "../lib/policy-kit";
import { aws, azure, gcp } from "../lib/resource-types";
import { StackGraph } from "../lib/stack-graph";
import { at, list, num, str, Unknown, UNKNOWN } from "../lib/values";

type LimitsConfig = ApiTimeouts;

const configSchema: PolicyConfigSchema = {
    properties: {
        httpApiTimeoutSeconds: {
            type: "number", minimum: 1, maximum: HTTP_API_INTEGRATION_TIMEOUT_SECONDS, default: HTTP_API_INTEGRATION_TIMEOUT_SECONDS,
            description: "API Gateway HTTP API integration timeout (30 s maximum, the default).",
        },
        restApiTimeoutSeconds: {
            type: "number", minimum: 1, default: REST_API_INTEGRATION_TIMEOUT_SECONDS,
            description: "API Gateway REST API integration timeout (29 s unless the account's quota was raised).",
        },
    },
};

const HTTP_API_MAX_MS = 30_000;

/** Lambda defaults applied by the provider when a program leaves them out. */
const LAMBDA_DEFAULT_TIMEOUT = 3;

interface Range {
    readonly what: string;
    readonly min: number;
    readonly max: number;
    readonly unit: string;
}

function checkRange(resource: StackResource, value: number | Unknown | undefined, range: Range, findings: Findings): void {
    if (value === UNKNOWN) findings.cannotDetermine(`the ${range.what} of "${resource.name}" is unknown`);
    else if (value !== undefined && (value < range.min || value > range.max)) {
        findings.violation(`"${resource.name}" sets ${range.what} ${value} ${range.unit}, outside the platform's ` +
            `${range.min}..${range.max} ${range.unit}. Bring it within the limit.`, resource.urn);
    }
}

/** "30s" / "1.5s" -> seconds. */
function durationSeconds(value: unknown): number | Unknown | undefined {
    const text = str(value);
    if (text === UNKNOWN) return UNKNOWN;
    const match = typeof text === "string" ? /^(\d+(?:\.\d+)?)s$/.exec(text.trim()) : null;
    return match ? Number(match[1]) : undefined;
}

/** "512Mi" / "2Gi" / "1G" -> MiB. */
function memoryMib(value: unknown): number | Unknown | undefined {
    const text = str(value);
    if (text === UNKNOWN) return UNKNOWN;
    const match = typeof text === "string" ? /^(\d+(?:\.\d+)?)(Mi|Gi|M|G)$/.exec(text.trim()) : null;
    if (!match) return undefined;
    const amount = Number(match[1]);
    return match[2].startsWith("G") ? amount * 1024 : amount;
}

/** "1" / "2000m" -> vCPU. */
function cpuCount(value: unknown): number | Unknown | undefined {
    const text = str(value);
    if (text === UNKNOWN) return UNKNOWN;
    const match = typeof text === "string" ? /^(\d+(?:\.\d+)?)(m?)$/.exec(text.trim()) : null;
    if (!match) return undefined;
    return match[2] === "m" ? Number(match[1]) / 1000 : Number(match[1]);
}

function checkLambda(fn: StackResource, findings: Findings): void {
    checkRange(fn, num(at(fn.props, "timeout")), { what: "timeout", min: 1, max: 900, unit: "s" }, findings);
    checkRange(fn, num(at(fn.props, "memorySize")), { what: "memorySize", min: 128, max: 10240, unit: "MB" }, findings);
    checkRange(fn, num(at(fn.props, "ephemeralStorage", "size")), { what: "ephemeral storage", min: 512, max: 10240, unit: "MB" }, findings);
}

function checkCloudRun(service: StackResource, findings: Findings): void {
    const v2 = service.type === gcp.cloudRunV2Service;
    const timeout = v2 ? durationSeconds(at(service.props, "template", "timeout")) : num(at(service.props, "template", "spec", "timeoutSeconds"));
    checkRange(service, timeout, { what: "request timeout", min: 1, max: 3600, unit: "s" }, findings);
    const concurrency = v2 ? num(at(service.props, "template", "maxInstanceRequestConcurrency"))
        : num(at(service.props, "template", "spec", "containerConcurrency"));
    checkRange(service, concurrency, { what: "concurrency per instance", min: v2 ? 1 : 0, max: 1000, unit: "requests" }, findings);
    const containers = list(at(service.props, "template", ...(v2 ? [] : ["spec"]), "containers"));
    for (const container of Array.isArray(containers) ? containers : []) {
        const limits = at(container, "resources", "limits");
        checkRange(service, memoryMib(at(limits, "memory")), { what: "container memory", min: 128, max: 32768, unit: "MiB" }, findings);
        checkRange(service, cpuCount(at(limits, "cpu")), { what: "container CPU", min: 0.08, max: 8, unit: "vCPU" }, findings);
    }
}

const FLEX_MEMORY_SIZES = [512, 2048, 4096];

function checkFunctionApp(app: StackResource, findings: Findings): void {
    const scale = at(app.props, "functionAppConfig", "scaleAndConcurrency");
    const memory = num(at(scale, "instanceMemoryMB"));
    if (memory === UNKNOWN) findings.cannotDetermine(`the instance memory of "${app.name}" is unknown`);
    else if (memory !== undefined && !FLEX_MEMORY_SIZES.includes(memory)) {
        findings.violation(`"${app.name}" sets instanceMemoryMB ${memory}; Flex Consumption offers ${FLEX_MEMORY_SIZES.join(", ")} MB.`, app.urn);
    }
    checkRange(app, num(at(scale, "maximumInstanceCount")), { what: "maximum instance count", min: 1, max: 1000, unit: "instances" }, findings);
    checkRange(app, num(at(scale, "triggers", "http", "perInstanceConcurrency")),
        { what: "HTTP concurrency per instance", min: 1, max: 1000, unit: "requests" }, findings);
}

/** HTTP APIs refuse an integration timeout above 30 s; REST APIs accept more only after a quota increase. */
function checkIntegrationMaximum(graph: StackGraph, findings: Findings): void {
    for (const integration of graph.ofType(aws.httpApiIntegration)) {
        const configured = num(at(integration.props, "timeoutMilliseconds"));
        if (typeof configured === "number" && configured > HTTP_API_MAX_MS) {
            findings.violation(`Integration "${integration.name}" sets timeoutMilliseconds ${configured}, above the HTTP API ` +
                `maximum of ${HTTP_API_MAX_MS}.`, integration.urn);
        }
    }
}

/** An HTTP-fronted function must finish before its front gives up on it (the client would get a 504 while it keeps running). */
function checkFrontedTimeouts(fronts: HttpFronts, findings: Findings): void {
    for (const call of fronts.calls) {
        if (call.limitSeconds === undefined) continue;
        const timeout = num(at(call.fn.props, "timeout")) ?? LAMBDA_DEFAULT_TIMEOUT;
        if (timeout === UNKNOWN) findings.cannotDetermine(`the timeout of Lambda "${call.fn.name}" is unknown`);
        else if (timeout > call.limitSeconds) {
            findings.violation(`Lambda "${call.fn.name}" may run ${timeout} s but its ${call.api} ${call.label} ` +
                `gives up after ${call.limitSeconds} s: callers get a 504 while the function keeps running (and billing). Set the ` +
                `function's timeout to at most ${call.limitSeconds} s, or move the long work behind a queue.`, call.fn.urn);
        }
    }
}

/** The seed's platform tables: what each platform accepts, checked before deployment fails (or worse, succeeds). */
export const platformLimits: StackValidationPolicy = {
    name: "platform-limits",
    description: "Timeouts, memory and concurrency must be within each platform's limits (Lambda 900 s and 128-10240 MB, Cloud Run 3600 s and 1-1000 concurrent requests, Azure Flex Consumption sizes), and an HTTP-fronted Lambda's timeout must fit its API's integration timeout (HTTP API 30 s, REST API 29 s).",
    enforcementLevel: "mandatory",
    severity: "medium",
    configSchema,
    validateStack: validateStackOf<LimitsConfig>(configSchema, (resources, config, findings) => {
        const graph = StackGraph.of(resources);
        graph.ofType(aws.lambdaFunction).forEach((fn) => checkLambda(fn, findings));
        graph.ofType(gcp.cloudRunV2Service, gcp.cloudRunV1Service).forEach((service) => checkCloudRun(service, findings));
        graph.ofType(azure.webApp).forEach((app) => checkFunctionApp(app, findings));
        checkIntegrationMaximum(graph, findings);
        checkFrontedTimeouts(new HttpFronts(graph, findings, config), findings);
    }),
};
