import type { ComponentExpansion, RegisteredChild } from "./component-expansion";
import { UNKNOWN_STRING_SENTINEL } from "../../../contracts/unknown-value";

/**
 * The children awsx's provider registers for `awsx.lb.ApplicationLoadBalancer` (pulumi-awsx
 * awsx/lb/applicationLoadBalancer.ts): a default security group (unless security groups are given or it is
 * skipped), the load balancer, a default target group of type `ip`, and one listener per listener given
 * (one HTTP listener on port 80 by default), each forwarding to the default target group.
 */
const LB_ARGS_OWN = ["subnetIds", "subnets", "defaultTargetGroup", "defaultSecurityGroup", "listener", "listeners"];

type Listener = Record<string, unknown> & { port?: number; protocol?: string };

export const expandApplicationLoadBalancer: ComponentExpansion = ({ urn, name, inputs, children, invoke }) => {
    const lbArgs: Record<string, unknown> = Object.fromEntries(Object.entries(inputs).filter(([key]) => !LB_ARGS_OWN.includes(key)));
    const subnetIds = inputs.subnetIds ?? (inputs.subnets as { id?: unknown }[] | undefined)?.map((s) => s.id);
    if (subnetIds !== undefined) lbArgs.subnets = subnetIds;
    const firstSubnet = Array.isArray(subnetIds) ? subnetIds[0]
        : (inputs.subnetMappings as { subnetId?: unknown }[] | undefined)?.[0]?.subnetId;
    const vpcId = typeof firstSubnet === "string" && firstSubnet !== UNKNOWN_STRING_SENTINEL
        ? invoke("aws:ec2/getSubnet:getSubnet", { id: firstSubnet }).vpcId : UNKNOWN_STRING_SENTINEL;

    const defaultSecurityGroup = inputs.defaultSecurityGroup as { skip?: boolean; securityGroupId?: string; args?: Record<string, unknown> } | undefined;
    let securityGroup: RegisteredChild | undefined;
    const dependencies: Record<string, string[]> = {};
    if (lbArgs.securityGroups === undefined && !defaultSecurityGroup?.skip) {
        if (defaultSecurityGroup?.securityGroupId) lbArgs.securityGroups = [defaultSecurityGroup.securityGroupId];
        else {
            securityGroup = children.register("aws:ec2/securityGroup:SecurityGroup", name, urn, defaultSecurityGroup?.args ?? {}, {});
            lbArgs.securityGroups = [securityGroup.id];
            dependencies.securityGroups = [securityGroup.urn];
        }
    }
    const loadBalancer = children.register("aws:lb/loadBalancer:LoadBalancer", name, urn, lbArgs, dependencies);

    const listenersIn = inputs.listeners as Listener[] | undefined;
    const single = inputs.listener as Listener | undefined;
    // As awsx does: no default port and protocol when exactly one listener is given in `listeners`.
    const defaultProtocol = listenersIn?.length === 1 ? undefined : protocolOf(listenersIn ? listenersIn[0] : single);
    const targetGroup = children.register("aws:lb/targetGroup:TargetGroup", name, urn, {
        vpcId, targetType: "ip", ...defaultProtocol, ...(inputs.defaultTargetGroup as object | undefined),
    }, {});
    const defaultActions = [{ type: "forward", targetGroupArn: targetGroup.outputs.arn }];
    const listenerArgs = listenersIn ?? [single ?? {}];
    const listeners = listenerArgs.map((args, i) => children.register("aws:lb/listener:Listener", `${name}-${i}`, urn, {
        defaultActions, ...(listenersIn ? protocolOf(args) : defaultProtocol), ...args, loadBalancerArn: loadBalancer.outputs.arn,
    }, { defaultActions: [targetGroup.urn], loadBalancerArn: [loadBalancer.urn] }));

    return {
        loadBalancer: loadBalancer.reference, defaultTargetGroup: targetGroup.reference, listeners: listeners.map((l) => l.reference), vpcId,
        ...(securityGroup ? { defaultSecurityGroup: securityGroup.reference } : {}),
    };
};

/** A listener's port and protocol, each defaulted from the other (443 <-> HTTPS), HTTP on 80 without either. */
function protocolOf(listener: Listener | undefined): { port: number; protocol: string } | undefined {
    if (!listener) return { port: 80, protocol: "HTTP" };
    const { port, protocol } = listener;
    if (port !== undefined || protocol !== undefined) {
        return { port: port ?? (protocol === "HTTPS" ? 443 : 80), protocol: protocol ?? (port === 443 ? "HTTPS" : "HTTP") };
    }
    return { port: 80, protocol: "HTTP" };
}
