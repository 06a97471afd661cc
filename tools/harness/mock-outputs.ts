import type { StandInLocation } from "./stand-in/context";
import { resourceState } from "./stand-in/resource-state";

export { UNKNOWN } from "./stand-in/resource-state";

/** Where the mocked resources "live", and whether computed outputs are unknown (a first preview of a new stack). */
export interface MockCloud extends StandInLocation {
    preview: boolean;
}

export interface MockedState {
    id: string;
    /** The outputs the provider would return: the inputs plus computed properties. */
    state: Record<string, unknown>;
}

/** The id and outputs of a resource from the stand-in cloud's table (tools/harness/stand-in/). */
export function mockResourceState(type: string, logicalName: string, inputs: Record<string, unknown>, cloud: MockCloud): MockedState {
    const { id, state } = resourceState(type, logicalName, inputs, cloud, cloud.preview);
    return { id, state };
}
