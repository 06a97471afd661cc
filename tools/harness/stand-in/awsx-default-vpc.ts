import type { ComponentExpansion, ComponentRequest } from "./component-expansion";

/**
 * awsx's view of the account's default VPC (pulumi-awsx awsx/ec2/getDefaultVpc.ts): its id and subnets
 * from `getVpc`/`getSubnets`, split by whether they map public IPs. The stand-in account's default VPC has
 * only public subnets, as an AWS default VPC does.
 */
export function defaultVpc(invoke: ComponentRequest["invoke"]): { vpcId: unknown; publicSubnetIds: string[]; privateSubnetIds: string[] } {
    const vpc = invoke("aws:ec2/getVpc:getVpc", { default: true });
    const subnets = invoke("aws:ec2/getSubnets:getSubnets", { filters: [{ name: "vpc-id", values: [vpc.id] }] });
    const ids = Array.isArray(subnets.ids) ? subnets.ids.filter((id): id is string => typeof id === "string") : [];
    const isPublic = new Set(ids.filter((id) => invoke("aws:ec2/getSubnet:getSubnet", { id }).mapPublicIpOnLaunch === true));
    return { vpcId: vpc.id, publicSubnetIds: ids.filter((id) => isPublic.has(id)), privateSubnetIds: ids.filter((id) => !isPublic.has(id)) };
}

/** `awsx.ec2.DefaultVpc` registers no children: it only looks the default VPC up. */
export const expandDefaultVpc: ComponentExpansion = ({ invoke }) => defaultVpc(invoke);
