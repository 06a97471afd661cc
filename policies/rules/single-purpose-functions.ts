import { PolicyConfigSchema, StackValidationPolicy } from "@pulumi/policy";
import { Findings } from "../lib/findings";
import { serviceOf } from "../lib/iam-documents";
import { HttpFronts } from "../lib/http-fronts";
import { StackResource, validateStackOf } from "../lib/policy-kit";
import { aws } from "../lib/resource-types";
import { executionRoleOf, RoleGrantIndex } from "../lib/role-grants";
import { StackGraph } from "../lib/stack-graph";
import { UNKNOWN } from "../lib/values";

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

function checkRoutes(fronts: HttpFronts, config: SinglePurposeConfig, findings: Findings): void {
    const routesPerFunction = new Map<StackResource, string[]>();
    for (const route of fronts.routes) {
        for (const fn of route.functions) routesPerFunction.set(fn, [...(routesPerFunction.get(fn) ?? []), route.routeKey]);
        if (!route.catchAll) continue;
        if (route.functions.length === 0 && route.carrier.type === aws.restApiResource) {
            findings.violation(`${route.label} is a catch-all that sends every path to one integration. Declare a resource ` +
                `and method per operation, each with its own function.`, route.carrier.urn);
            continue;
        }
        const served = route.functions.length > 0 ? ` sends every request to Lambda ${route.functions.map((f) => `"${f.name}"`).join(", ")}`
            : " catches every path";
        findings.violation(`${route.label}${served}: one function doing all routing, business logic and data access is the ` +
            `seed's "Lambda monolithique". Declare one route per operation, each with its own function.`, route.carrier.urn);
    }
    for (const [fn, routes] of routesPerFunction) {
        if (routes.length > config.maxRoutesPerFunction) {
            findings.violation(`Lambda "${fn.name}" serves ${routes.length} routes (more than ${config.maxRoutesPerFunction}): ` +
                `split it into functions with one responsibility each.`, fn.urn);
        }
    }
}

function checkRoleBreadth(graph: StackGraph, config: SinglePurposeConfig, findings: Findings): void {
    const grants = RoleGrantIndex.of(graph);
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
        const graph = StackGraph.of(resources);
        checkRoutes(new HttpFronts(graph, findings), config, findings);
        checkRoleBreadth(graph, config, findings);
    }),
};
