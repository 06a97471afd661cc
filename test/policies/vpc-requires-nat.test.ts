import * as assert from "node:assert/strict";
import { analyzeStack, PRODUCTION_CONFIG, undetermined, withConfig } from "./support/pack";
import { arn, lambdaFunction, replacing, resource, T, urnOf, withProps } from "./support/fixtures";
import { UNKNOWN } from "./support/wire-values";

const POLICY = "vpc-requires-nat";

/** A private subnet wired like awsx.ec2.Vpc children: subnet, route table, association, NAT route. */
function privateNetwork(withIds: boolean) {
    const vpcParent = "urn:pulumi:test::fixture::awsx:ec2:Vpc::network";
    const id = (value: string) => (withIds ? value : UNKNOWN);
    const subnet = resource(T.subnet, "network-private-1", { id: id("subnet-0a1"), vpcId: id("vpc-1"), cidrBlock: "10.0.0.0/19" }, { parent: vpcParent });
    const nat = resource(T.nat, "network-1", { id: id("nat-0b2"), subnetId: id("subnet-0pub") }, { parent: vpcParent });
    const table = resource(T.routeTable, "network-private-1", { id: id("rtb-0c3"), vpcId: id("vpc-1") }, { parent: vpcParent });
    const association = resource(T.association, "network-private-1", { subnetId: id("subnet-0a1"), routeTableId: id("rtb-0c3") },
        { parent: vpcParent, propertyDependencies: { subnetId: [subnet.urn], routeTableId: [table.urn] } });
    const route = resource(T.route, "network-private-1-nat", { routeTableId: id("rtb-0c3"), destinationCidrBlock: "0.0.0.0/0", natGatewayId: id("nat-0b2") },
        { parent: vpcParent, propertyDependencies: { routeTableId: [table.urn], natGatewayId: [nat.urn] } });
    const fn = lambdaFunction("api", arn.role("r"), { vpcConfig: { subnetIds: [id("subnet-0a1")], securityGroupIds: [id("sg-1")] } });
    const placed = withProps(fn, {}, { propertyDependencies: { vpcConfig: [subnet.urn, urnOf("aws:ec2/securityGroup:SecurityGroup", "api-sg")] } });
    return { subnet, nat, table, association, route, fn: placed, all: () => [subnet, nat, table, association, route, placed] };
}

describe("vpc-requires-nat", () => {
    it("passes a function in a private subnet whose route table sends 0.0.0.0/0 to a NAT gateway", async () => {
        assert.deepEqual(await analyzeStack(privateNetwork(true).all(), POLICY), []);
    });

    it("matches subnet, association and route through dependencies when every id is unknown (first preview)", async () => {
        assert.deepEqual(await analyzeStack(privateNetwork(false).all(), POLICY), []);
    });

    it("passes a function outside any VPC", async () => {
        assert.deepEqual(await analyzeStack([lambdaFunction("api", arn.role("r"))], POLICY), []);
    });

    it("flags a subnet whose route table has no NAT route", async () => {
        const net = privateNetwork(true);
        const stack = net.all().filter((r) => r.urn !== net.route.urn);
        assert.deepEqual(await analyzeStack(stack, POLICY), [{
            policy: POLICY, level: "mandatory", urn: net.fn.urn,
            detail: `Lambda "api" runs in subnet "network-private-1", whose route table has no 0.0.0.0/0 route to a NAT ` +
                `gateway: calls to the internet and to AWS APIs without a VPC endpoint time out. Add a NAT gateway route, or ` +
                `list the subnet in endpointOnlySubnets if it only reaches AWS through VPC endpoints.`,
        }]);
    });

    it("flags a public subnet (default route to an internet gateway)", async () => {
        const net = privateNetwork(true);
        const route = withProps(net.route, { natGatewayId: undefined, gatewayId: "igw-0d4" });
        assert.deepEqual((await analyzeStack(replacing(net.all(), route), POLICY)).map((f) => f.detail), [
            `Lambda "api" runs in public subnet "network-private-1" (0.0.0.0/0 goes to an internet gateway): Lambda network ` +
            `interfaces get no public IP, so the function cannot reach the internet or AWS APIs. Use private subnets whose ` +
            `route table sends 0.0.0.0/0 to a NAT gateway.`,
        ]);
    });

    it("flags a subnet with no route table association (the VPC's main table)", async () => {
        const net = privateNetwork(true);
        const found = await analyzeStack(net.all().filter((r) => r.urn !== net.association.urn), POLICY);
        assert.deepEqual(found.map((f) => f.detail), [
            `Lambda "api" runs in subnet "network-private-1", which has no route table association in this stack, so it ` +
            `uses the VPC's main route table and has no NAT route. Associate a route table that sends 0.0.0.0/0 to a NAT ` +
            `gateway, or list the subnet in endpointOnlySubnets if it only reaches AWS through VPC endpoints.`,
        ]);
    });

    it("accepts an inline NAT route on the route table and a subnet declared endpoint-only", async () => {
        const net = privateNetwork(true);
        const table = withProps(net.table, { routes: [{ cidrBlock: "0.0.0.0/0", natGatewayId: "nat-0b2" }] });
        assert.deepEqual(await analyzeStack(replacing(net.all(), table).filter((r) => r.urn !== net.route.urn), POLICY), []);
        const endpointOnly = { ...PRODUCTION_CONFIG, [POLICY]: { endpointOnlySubnets: ["network-private-1"] } };
        const withoutNat = net.all().filter((r) => r.urn !== net.route.urn);
        assert.deepEqual(await withConfig(endpointOnly, () => analyzeStack(withoutNat, POLICY)), []);
    });

    it("reports 'cannot be determined' when the subnets are unknown and nothing links them", async () => {
        const fn = lambdaFunction("api", arn.role("r"), { vpcConfig: { subnetIds: UNKNOWN } });
        assert.deepEqual(await analyzeStack([fn], POLICY), [undetermined(POLICY, null, `the subnets of Lambda "api" are unknown`)]);
    });
});
