import { expandDefaultVpc } from "./awsx-default-vpc";
import { expandEcrImage, expandEcrRepository } from "./awsx-ecr";
import { expandFargateService } from "./awsx-ecs";
import { expandApplicationLoadBalancer } from "./awsx-lb";
import { expandAwsxVpc } from "./awsx-vpc";
import type { StandInLocation } from "./context";

/** Registers a child resource as a component's provider plugin would (the engine records it; the program never sees it). */
export interface ChildRegistrar {
    /** `custom` false: a component the provider creates inside the remote one (it has no id or outputs). */
    register(type: string, name: string, parentUrn: string, inputs: Record<string, unknown>,
        propertyDependencies: Record<string, string[]>, custom?: boolean): { urn: string; id: string };
}

/** A registered child: its outputs, and the resource reference a component output pointing at it carries. */
export interface RegisteredChild {
    urn: string;
    id: string;
    outputs: Record<string, unknown>;
    reference: unknown;
}

export interface ComponentChildren {
    register(type: string, name: string, parentUrn: string, inputs: Record<string, unknown>,
        propertyDependencies: Record<string, string[]>): RegisteredChild;
    /** Registers a component child (no outputs) and returns its URN. */
    component(type: string, name: string, parentUrn: string): string;
}

export interface ComponentRequest {
    urn: string;
    name: string;
    inputs: Record<string, unknown>;
    cloud: StandInLocation;
    preview: boolean;
    children: ComponentChildren;
    /** A provider function the component's provider calls, answered by the stand-in cloud. */
    invoke(token: string, args: Record<string, unknown>): Record<string, unknown>;
}

/**
 * Registers a remote component's children and returns the outputs its provider computes from them; an output
 * it leaves out is unknown and listed under `unresolved`.
 */
export type ComponentExpansion = (request: ComponentRequest) => Record<string, unknown>;

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
