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
    /**
     * Inputs as the engine sends them to Analyze (see engine-view.ts): secrets still wrapped, at any depth;
     * `unwrapSecrets` gives the plain values, `redactSecrets` the printable ones (secret-values.ts).
     */
    inputs: Record<string, unknown>;
    /** Outputs the (mocked) provider returned, as AnalyzeStack sends them: inputs plus computed properties, secrets wrapped. */
    outputs: Record<string, unknown>;
    /** Empty during a preview of a resource not yet created. */
    id?: string;
}
