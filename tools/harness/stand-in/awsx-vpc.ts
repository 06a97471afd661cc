import type { ComponentExpansion, RegisteredChild as Child } from "./component-expansion";

type NatStrategy = "None" | "Single" | "OnePerAz";

/**
 * `awsx.ec2.Vpc` is a remote (multi-language) component: under the real engine its children are
 * registered by the awsx plugin, under mocks nobody registers them. The harness registers the same
 * children the plugin would (awsx's default "Legacy" layout: per AZ a public subnet routed to the
 * internet gateway and a private subnet routed to a NAT gateway), with the plugin's names, parents and
 * dependencies, so that policies and tests see the network the engine would see.
 */
export const expandAwsxVpc: ComponentExpansion = ({ urn: componentUrn, name, inputs, cloud, children }) => {
    const region = cloud.awsRegion;
    const azCount = typeof inputs.numberOfAvailabilityZones === "number" ? inputs.numberOfAvailabilityZones : 3;
    const natInput = inputs.natGateways as { strategy?: NatStrategy } | undefined;
    const strategy: NatStrategy = natInput?.strategy ?? "OnePerAz";
    const cidrBlock = typeof inputs.cidrBlock === "string" ? inputs.cidrBlock : "10.0.0.0/16";
    const [a, b] = cidrBlock.split(".");
    const tags = { Name: name, ...(inputs.tags as Record<string, string> | undefined) };

    const vpc = children.register("aws:ec2/vpc:Vpc", name, componentUrn,
        { cidrBlock, enableDnsHostnames: inputs.enableDnsHostnames ?? false, enableDnsSupport: inputs.enableDnsSupport ?? true, tags }, {});
    const igw = children.register("aws:ec2/internetGateway:InternetGateway", name, vpc.urn,
        { vpcId: vpc.id, tags }, { vpcId: [vpc.urn] });

    const publicSubnets: Child[] = [];
    const privateSubnets: Child[] = [];
    const natGateways: Child[] = [];
    const eips: Child[] = [];
    const routeTables: Child[] = [];
    const routeTableAssociations: Child[] = [];
    const routes: Child[] = [];
    for (let i = 0; i < azCount; i++) {
        const availabilityZone = `${region}${String.fromCharCode(97 + i)}`;
        for (const kind of ["public", "private"] as const) {
            const subnetName = `${name}-${kind}-${i + 1}`;
            const cidr = kind === "private" ? `${a}.${b}.${i * 32}.0/19` : `${a}.${b}.${128 + i * 16}.0/20`;
            const subnetTags = { ...tags, Name: subnetName, SubnetType: kind === "public" ? "Public" : "Private" };
            const subnet = children.register("aws:ec2/subnet:Subnet", subnetName, vpc.urn,
                { vpcId: vpc.id, availabilityZone, cidrBlock: cidr, mapPublicIpOnLaunch: kind === "public", tags: subnetTags },
                { vpcId: [vpc.urn] });
            (kind === "public" ? publicSubnets : privateSubnets).push(subnet);
            const routeTable = children.register("aws:ec2/routeTable:RouteTable", subnetName, subnet.urn,
                { vpcId: vpc.id, tags: subnetTags }, { vpcId: [vpc.urn] });
            routeTables.push(routeTable);
            routeTableAssociations.push(children.register("aws:ec2/routeTableAssociation:RouteTableAssociation", subnetName, routeTable.urn,
                { routeTableId: routeTable.id, subnetId: subnet.id }, { routeTableId: [routeTable.urn], subnetId: [subnet.urn] }));
            if (kind === "public" && (strategy === "OnePerAz" || (strategy === "Single" && natGateways.length === 0))) {
                const eip = children.register("aws:ec2/eip:Eip", `${name}-${i + 1}`, subnet.urn,
                    { domain: "vpc", tags: { Name: `${name}-${i + 1}` } }, {});
                eips.push(eip);
                natGateways.push(children.register("aws:ec2/natGateway:NatGateway", `${name}-${i + 1}`, subnet.urn,
                    { subnetId: subnet.id, allocationId: eip.id, tags: { Name: `${name}-${i + 1}` } },
                    { subnetId: [subnet.urn], allocationId: [eip.urn] }));
            }
            if (kind === "public") {
                routes.push(children.register("aws:ec2/route:Route", subnetName, routeTable.urn,
                    { routeTableId: routeTable.id, gatewayId: igw.id, destinationCidrBlock: "0.0.0.0/0" },
                    { routeTableId: [routeTable.urn], gatewayId: [igw.urn] }));
            } else if (strategy !== "None") {
                const nat = strategy === "Single" ? natGateways[0] : natGateways[i];
                routes.push(children.register("aws:ec2/route:Route", subnetName, routeTable.urn,
                    { routeTableId: routeTable.id, natGatewayId: nat.id, destinationCidrBlock: "0.0.0.0/0" },
                    { routeTableId: [routeTable.urn], natGatewayId: [nat.urn] }));
            }
        }
    }
    const ids = (list: Child[]) => list.map((c) => c.id);
    const refs = (list: Child[]) => list.map((c) => c.reference);
    return {
        vpcId: vpc.id, publicSubnetIds: ids(publicSubnets), privateSubnetIds: ids(privateSubnets), isolatedSubnetIds: [],
        subnetLayout: [{ type: "Private", cidrMask: 19 }, { type: "Public", cidrMask: 20 }],
        vpc: vpc.reference, internetGateway: igw.reference, subnets: refs([...publicSubnets, ...privateSubnets]),
        publicSubnets: refs(publicSubnets), privateSubnets: refs(privateSubnets), isolatedSubnets: [], natGateways: refs(natGateways),
        eips: refs(eips), routeTables: refs(routeTables), routeTableAssociations: refs(routeTableAssociations), routes: refs(routes),
        vpcEndpoints: [],
    };
};
