/** What a remote component's replay is given and returns (one file, so the replays need not import their table). */
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
