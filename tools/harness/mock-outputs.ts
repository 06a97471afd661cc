import type { StandInLocation } from "./stand-in/context";

/** Where the mocked resources "live", and whether computed outputs are unknown (a first preview of a new stack). */
export interface MockCloud extends StandInLocation {
    preview: boolean;
}
