import { PolicyConfigSchema, StackValidationPolicy } from "@pulumi/policy";
import { Findings } from "../lib/findings";
import { serviceOf } from "../lib/iam-documents";
import { functionsReferenced } from "../lib/lambda-targets";
import { StackResource, validateStackOf } from "../lib/policy-kit";
import { aws } from "../lib/resource-types";
import { executionRoleOf, RoleGrantIndex } from "../lib/role-grants";
import { StackGraph } from "../lib/stack-graph";
import { at, str, UNKNOWN } from "../lib/values";

interface SinglePurposeConfig {
    maxServicesPerRole: number;
    baselineServices: string[];
    maxRoutesPerFunction: number;
}

const configSchema: PolicyConfigSchema = {
    properties: {
        maxServicesPerRole: {
            type: "integer", minimum: 1, default: 4,
            description: "Most AWS services (beyond the baseline) one function's role may act on before it looks like a monolith.",
        },
        baselineServices: {
            type: "array", items: { type: "string" }, default: ["logs", "xray", "cloudwatch", "ec2", "kms"],
            description: "Services every function may need (logging, tracing, metrics, VPC networking, decryption); not counted.",
        },
        maxRoutesPerFunction: {
            type: "integer", minimum: 1, default: 10,
            description: "Most API routes one function may serve before it is a router in disguise.",
        },
    },
};

/** "$default", "ANY /{proxy+}", "/{proxy+}": routes that send everything to one function. */
function isCatchAll(routeKey: string): boolean {
    return routeKey === "$default" || routeKey.includes("{proxy+}");
}

/** The functions behind an HTTP API route: route.target is "integrations/<integration id>". */
function functionsOfRoute(route: StackResource, graph: StackGraph): StackResource[] {
    const target = str(at(route.props, "target"));
    const integrations = typeof target === "string"
        ? graph.matching(target.replace(/^integrations\//, ""), [aws.httpApiIntegration])
        : graph.resolve(route, ["target"], [aws.httpApiIntegration]).targets;
    return integrations.flatMap((integration) => functionsReferenced(graph, integration, ["integrationUri"]).targets);
}

function checkRoutes(graph: StackGraph, config: SinglePurposeConfig, findings: Findings): void {
    const routesPerFunction = new Map<StackResource, string[]>();
    for (const route of graph.ofType(aws.httpApiRoute)) {
        const routeKey = str(at(route.props, "routeKey"));
        if (routeKey === UNKNOWN) {
            findings.cannotDetermine(`the route key of route "${route.name}" is unknown`);
            continue;
        }
        const functions = functionsOfRoute(route, graph);
        for (const fn of functions) routesPerFunction.set(fn, [...(routesPerFunction.get(fn) ?? []), routeKey ?? route.name]);
        if (routeKey !== undefined && isCatchAll(routeKey)) {
            const served = functions.length > 0 ? ` sends every request to Lambda ${functions.map((f) => `"${f.name}"`).join(", ")}` : " catches every path";
            findings.violation(`Route "${route.name}" (${routeKey})${served}: one function doing all routing, business logic ` +
                `and data access is the seed's "Lambda monolithique". Declare one route per operation, each with its own function.`, route.urn);
        }
    }
    for (const [fn, routes] of routesPerFunction) {
        if (routes.length > config.maxRoutesPerFunction) {
            findings.violation(`Lambda "${fn.name}" serves ${routes.length} routes (more than ${config.maxRoutesPerFunction}): ` +
                `split it into functions with one responsibility each.`, fn.urn);
        }
    }
    for (const resource of graph.ofType(aws.restApiResource)) {
        if (str(at(resource.props, "pathPart")) === "{proxy+}") {
            findings.violation(`REST API resource "${resource.name}" is a {proxy+} catch-all that sends every path to one ` +
                `integration. Declare a resource and method per operation, each with its own function.`, resource.urn);
        }
    }
}

function checkRoleBreadth(graph: StackGraph, config: SinglePurposeConfig, findings: Findings): void {
    const grants = new RoleGrantIndex(graph);
    for (const fn of graph.ofType(aws.lambdaFunction)) {
        const { role } = executionRoleOf(graph, fn);
        if (!role) continue;
        const services = new Set<string>();
        for (const document of grants.of(role).documents) {
            if (document.statements === UNKNOWN) continue;
            for (const statement of document.statements) {
                if (statement.effect !== "Allow" || statement.notAction) continue;
                statement.actions.map(serviceOf).filter((s) => !config.baselineServices.includes(s)).forEach((s) => services.add(s));
            }
        }
        if (services.size > config.maxServicesPerRole) {
            findings.violation(`Lambda "${fn.name}" can act on ${services.size} services (${[...services].sort().join(", ")}), more ` +
                `than ${config.maxServicesPerRole}: it likely does several jobs. Split it into single-purpose functions, each with ` +
                `the role its one job needs.`, fn.urn);
        }
    }
}

/** The seed's "Lambda monolithique": catch-all routes, routers in disguise, roles that span many services. */
export const singlePurposeFunctions: StackValidationPolicy = {
    name: "single-purpose-functions",
    description: "Functions should have one responsibility: no catch-all API routes ($default, {proxy+}), no function serving many routes, and no execution role spanning many AWS services.",
    enforcementLevel: "advisory",
    severity: "low",
    configSchema,
    validateStack: validateStackOf<SinglePurposeConfig>(configSchema, (resources, config, findings) => {
        const graph = new StackGraph(resources);
        checkRoutes(graph, config, findings);
        checkRoleBreadth(graph, config, findings);
    }),
};
