import { expandDefaultVpc } from "./awsx-default-vpc";
import { expandEcrImage, expandEcrRepository } from "./awsx-ecr";
import { expandFargateService } from "./awsx-ecs";
import { expandApplicationLoadBalancer } from "./awsx-lb";
import { expandAwsxVpc } from "./awsx-vpc";
import type { ComponentExpansion } from "./component-expansion";

export type { ChildRegistrar, ComponentChildren } from "./component-expansion";

/**
 * Remote (multi-language) components whose provider plugin the stand-in cloud replays: the same children,
 * names and parents. A remote component missing here is listed under `unresolved` (its children unseen).
 */
export const remoteComponents: Record<string, ComponentExpansion> = {
    "awsx:ec2:Vpc": expandAwsxVpc,
    "awsx:ec2:DefaultVpc": expandDefaultVpc,
    "awsx:ecr:Repository": expandEcrRepository,
    "awsx:ecr:Image": expandEcrImage,
    "awsx:ecs:FargateService": expandFargateService,
    "awsx:lb:ApplicationLoadBalancer": expandApplicationLoadBalancer,
};
