export { StandInCloud } from "./cloud";
export type { Unresolved } from "./cloud";
export type { StandInLocation } from "./context";
export type { ChildRegistrar } from "./remote-components";
