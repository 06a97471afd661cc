import { expandAwsxVpc } from "../awsx-vpc";
import { expandEcrImage, expandEcrRepository } from "./awsx-ecr";
import type { StandInLocation } from "./context";

/** Registers a child resource as a component's provider plugin would (the engine records it; the program never sees it). */
export interface ChildRegistrar {
    register(type: string, name: string, parentUrn: string, inputs: Record<string, unknown>,
        propertyDependencies: Record<string, string[]>): { urn: string; id: string };
}

export interface ComponentRequest {
    urn: string;
    name: string;
    inputs: Record<string, unknown>;
    cloud: StandInLocation;
    preview: boolean;
    children: ChildRegistrar;
}

/**
 * Registers a remote component's children and returns the outputs its provider computes from them; an output
 * it leaves out (a resource reference to a child, say) is unknown and listed under `unresolved`.
 */
export type ComponentExpansion = (request: ComponentRequest) => Record<string, unknown>;

/**
 * Remote (multi-language) components whose provider plugin the stand-in cloud replays: the same children,
 * names and parents. A remote component missing here is listed under `unresolved` (its children unseen).
 */
export const remoteComponents: Record<string, ComponentExpansion> = {
    "awsx:ec2:Vpc": ({ urn, name, inputs, cloud, children }) => expandAwsxVpc(urn, name, inputs, cloud.awsRegion, children),
    "awsx:ecr:Repository": expandEcrRepository,
    "awsx:ecr:Image": expandEcrImage,
};
