import { PolicyConfigSchema, StackValidationPolicy } from "@pulumi/policy";
import { Findings } from "../lib/findings";
import { StackResource, validateStackOf } from "../lib/policy-kit";
import { aws } from "../lib/resource-types";
import { labelOf, StackGraph } from "../lib/stack-graph";
import { at, isSet, list, str, UNKNOWN } from "../lib/values";

interface NatConfig {
    endpointOnlySubnets: string[];
}

const configSchema: PolicyConfigSchema = {
    properties: {
        endpointOnlySubnets: {
            type: "array", items: { type: "string" }, default: [],
            description: "Subnets (logical names or subnet ids) deliberately without internet egress, reached only through VPC endpoints.",
        },
    },
};

const ANYWHERE = "0.0.0.0/0";

type Egress = "nat" | "internet-gateway" | "none" | "unknown";

/** Where a default route goes: its target property names say it (an unknown NAT id is still a NAT). */
function egressOf(route: unknown, cidrKey: string): Egress {
    const destination = str(at(route, cidrKey));
    if (destination === UNKNOWN) return "unknown";
    if (destination !== ANYWHERE) return "none";
    if (isSet(at(route, "natGatewayId"))) return "nat";
    if (isSet(at(route, "gatewayId"))) return "internet-gateway";
    return "none";
}

/** Route tables per subnet and default-route egress per route table, computed once for the stack. */
class RoutingIndex {
    readonly tablesBySubnet = new Map<StackResource, StackResource[]>();
    readonly egressByTable = new Map<StackResource, Egress[]>();

    constructor(graph: StackGraph, findings: Findings) {
        for (const association of graph.ofType(aws.routeTableAssociation)) {
            const subnets = graph.resolve(association, ["subnetId"], [aws.subnet]);
            const tables = graph.resolve(association, ["routeTableId"], [aws.routeTable, aws.defaultRouteTable]);
            if (subnets.unresolved || tables.unresolved) findings.cannotDetermine(`what ${labelOf(association)} associates is unknown`);
            for (const subnet of subnets.targets) {
                this.tablesBySubnet.set(subnet, [...(this.tablesBySubnet.get(subnet) ?? []), ...tables.targets]);
            }
        }
        for (const table of graph.ofType(aws.routeTable, aws.defaultRouteTable)) {
            const routes = list(at(table.props, "routes"));
            const inline = Array.isArray(routes) ? routes.map((route) => egressOf(route, "cidrBlock")) : [];
            this.egressByTable.set(table, routes === UNKNOWN ? ["unknown"] : inline);
        }
        for (const route of graph.ofType(aws.route)) {
            const egress = egressOf(route.props, "destinationCidrBlock");
            for (const table of graph.resolve(route, ["routeTableId"], [aws.routeTable, aws.defaultRouteTable]).targets) {
                this.egressByTable.set(table, [...(this.egressByTable.get(table) ?? []), egress]);
            }
        }
    }
}

function checkSubnet(fn: StackResource, subnet: StackResource, routing: RoutingIndex, findings: Findings): void {
    const tables = routing.tablesBySubnet.get(subnet) ?? [];
    const subnetLabel = `subnet "${subnet.name}"`;
    if (tables.length === 0) {
        findings.violation(`Lambda "${fn.name}" runs in ${subnetLabel}, which has no route table association in this stack, so ` +
            `it uses the VPC's main route table and has no NAT route. Associate a route table that sends ${ANYWHERE} to a ` +
            `NAT gateway, or list the subnet in endpointOnlySubnets if it only reaches AWS through VPC endpoints.`, fn.urn);
        return;
    }
    const egress = tables.flatMap((table) => routing.egressByTable.get(table) ?? []);
    if (egress.includes("nat")) return;
    if (egress.includes("unknown")) {
        findings.cannotDetermine(`the routes of ${subnetLabel} used by Lambda "${fn.name}" are unknown`);
    } else if (egress.includes("internet-gateway")) {
        findings.violation(`Lambda "${fn.name}" runs in public ${subnetLabel} (${ANYWHERE} goes to an internet gateway): ` +
            `Lambda network interfaces get no public IP, so the function cannot reach the internet or AWS APIs. ` +
            `Use private subnets whose route table sends ${ANYWHERE} to a NAT gateway.`, fn.urn);
    } else {
        findings.violation(`Lambda "${fn.name}" runs in ${subnetLabel}, whose route table has no ${ANYWHERE} route to a NAT ` +
            `gateway: calls to the internet and to AWS APIs without a VPC endpoint time out. Add a NAT gateway route, or list ` +
            `the subnet in endpointOnlySubnets if it only reaches AWS through VPC endpoints.`, fn.urn);
    }
}

function checkFunction(fn: StackResource, graph: StackGraph, routing: RoutingIndex, config: NatConfig, findings: Findings): void {
    const subnetIds = list(at(fn.props, "vpcConfig", "subnetIds"));
    if (subnetIds !== UNKNOWN && (subnetIds === undefined || subnetIds.length === 0)) return;
    const subnets = graph.resolve(fn, ["vpcConfig", "subnetIds"], [aws.subnet]);
    if (subnets.unresolved) {
        findings.cannotDetermine(`the subnets of Lambda "${fn.name}" are unknown`);
        return;
    }
    const allowed = (subnet: StackResource): boolean => config.endpointOnlySubnets.includes(subnet.name)
        || config.endpointOnlySubnets.includes(String(str(at(subnet.props, "id"))));
    for (const subnet of subnets.targets.filter((s) => !allowed(s))) checkSubnet(fn, subnet, routing, findings);
    const outside = (Array.isArray(subnetIds) ? subnetIds : [])
        .filter((id): id is string => typeof id === "string" && graph.matching(id, [aws.subnet]).length === 0)
        .filter((id) => !config.endpointOnlySubnets.includes(id));
    if (outside.length > 0 && subnets.targets.length === 0) {
        findings.cannotDetermine(`the subnets ${outside.join(", ")} of Lambda "${fn.name}" are not defined in this stack`);
    }
}

/** The seed's "VPC sans NAT": a function in a VPC must have a NAT route out, or be declared endpoint-only. */
export const vpcRequiresNat: StackValidationPolicy = {
    name: "vpc-requires-nat",
    description: "A Lambda function placed in a VPC must only use subnets whose route table sends 0.0.0.0/0 to a NAT gateway, unless the subnet is declared endpoint-only in the policy config.",
    enforcementLevel: "mandatory",
    severity: "high",
    configSchema,
    validateStack: validateStackOf<NatConfig>(configSchema, (resources, config, findings) => {
        const graph = StackGraph.of(resources);
        const functionsInVpc = graph.ofType(aws.lambdaFunction).filter((fn) => isSet(at(fn.props, "vpcConfig", "subnetIds")));
        if (functionsInVpc.length === 0) return;
        const routing = new RoutingIndex(graph, findings);
        for (const fn of functionsInVpc) checkFunction(fn, graph, routing, config, findings);
    }),
};
