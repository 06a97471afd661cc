import type { ResourceContext } from "./context";

/**
 * One row of the stand-in cloud's output table: the computed properties the provider returns for a resource
 * of that type, `id` among them when it is not the physical name. A property set to `undefined` is one the
 * provider leaves empty (known to be absent, not missing from the table).
 */
export type OutputRow = (c: ResourceContext) => Record<string, unknown>;
