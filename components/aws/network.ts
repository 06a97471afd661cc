import * as aws from "@pulumi/aws";
import * as awsx from "@pulumi/awsx";
import * as pulumi from "@pulumi/pulumi";

/** Where a function runs inside the VPC, and what its role must be allowed on to attach there. */
export interface NetworkPlacement {
    /** Private subnets (routed to a NAT gateway) the function's network interfaces go in. */
    subnetIds: pulumi.Input<pulumi.Input<string>[]>;
    /** ARNs of the same subnets, for the role's ec2:CreateNetworkInterface statement. */
    subnetArns: pulumi.Input<string>[];
    securityGroupId: pulumi.Input<string>;
    securityGroupArn: pulumi.Input<string>;
    /** `arn:aws:ec2:<region>:<account>:network-interface/*`: the interfaces Lambda creates and deletes. */
    networkInterfaceArnPattern: pulumi.Input<string>;
    /** Resources that must exist before a function attaches (the VPC with its NAT routes). */
    dependsOn: pulumi.Resource[];
}

export interface NetworkArgs {
    /** IPv4 CIDR block of the VPC, split between its subnets. @example "10.0.0.0/16" */
    cidrBlock: string;
    /** Availability zones the VPC spans, each with a public and a private subnet (2 to 6). @example 2 */
    availabilityZoneCount: number;
    /** `single`: one NAT gateway for the VPC (cheaper); `onePerAz`: one per zone (survives a zone outage). */
    natGateways: "single" | "onePerAz";
}

const NAT_STRATEGY = { single: "Single", onePerAz: "OnePerAz" } as const;

/**
 * The VPC the functions run in: per availability zone a public subnet with a NAT gateway (one for the
 * VPC in dev, one per zone in production) and a private subnet whose default route goes to it, so a
 * function in the VPC still reaches AWS APIs (the seed's "VPC sans NAT" anti-pattern), plus the
 * security group of the functions.
 */
export class Network extends pulumi.ComponentResource {
    public readonly vpc: awsx.ec2.Vpc;
    public readonly securityGroup: aws.ec2.SecurityGroup;
    public readonly placement: NetworkPlacement;

    constructor(name: string, args: NetworkArgs, opts?: pulumi.ComponentResourceOptions) {
        super("serverless-platform:aws:Network", name, {}, opts);
        this.vpc = new awsx.ec2.Vpc(`${name}-vpc`, {
            cidrBlock: args.cidrBlock,
            numberOfAvailabilityZones: args.availabilityZoneCount,
            natGateways: { strategy: NAT_STRATEGY[args.natGateways] },
            enableDnsHostnames: true,
        }, { parent: this });
        this.securityGroup = this.createFunctionSecurityGroup(name);
        this.placement = this.functionPlacement(args.availabilityZoneCount);
        this.registerOutputs({ vpcId: this.vpc.vpcId, privateSubnetIds: this.vpc.privateSubnetIds });
    }

    /**
     * No inbound rule (nothing connects to a function), outbound HTTPS only: the AWS APIs the handlers
     * call. DNS to the VPC resolver is not filtered by security groups.
     */
    private createFunctionSecurityGroup(name: string): aws.ec2.SecurityGroup {
        return new aws.ec2.SecurityGroup(`${name}-functions`, {
            vpcId: this.vpc.vpcId,
            description: "Lambda functions: outbound HTTPS only",
            egress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"], description: "AWS APIs over HTTPS" }],
        }, { parent: this });
    }

    /** Subnet and interface ARNs are built from the security group's ARN, which carries region and account. */
    private functionPlacement(availabilityZones: number): NetworkPlacement {
        const arnPrefix = this.securityGroup.arn.apply((arn) => arn.slice(0, arn.indexOf(":security-group/") + 1));
        const subnetArns = Array.from({ length: availabilityZones }, (_, zone) =>
            pulumi.all([arnPrefix, this.vpc.privateSubnetIds]).apply(([prefix, ids]) => `${prefix}subnet/${ids[zone]}`));
        return {
            subnetIds: this.vpc.privateSubnetIds,
            subnetArns,
            securityGroupId: this.securityGroup.id,
            securityGroupArn: this.securityGroup.arn,
            networkInterfaceArnPattern: pulumi.interpolate`${arnPrefix}network-interface/*`,
            dependsOn: [this.vpc],
        };
    }
}
