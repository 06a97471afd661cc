/** One resource registration as the engine sees it. */
export interface RecordedResource {
    urn: string;
    type: string;
    /** Logical name given in the program. */
    name: string;
    /** false for component resources (including the root stack). */
    custom: boolean;
    parent?: string;
    /** URNs this resource depends on (explicit dependsOn plus every input's dependencies). */
    dependencies: string[];
    /** For each input property, the URNs its value came from. */
    propertyDependencies: Record<string, string[]>;
    /** Provider reference `<provider urn>::<provider id>` for custom resources. */
    provider?: string;
    /** Inputs in the engine's plain form (see engine-view.ts). */
    inputs: Record<string, unknown>;
    /** Outputs the (mocked) provider returned: inputs plus computed properties. */
    outputs: Record<string, unknown>;
    /** Empty during a preview of a resource not yet created. */
    id?: string;
}
