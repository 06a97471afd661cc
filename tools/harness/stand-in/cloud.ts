import type { StandInLocation } from "./context";
import { declaredOutputs } from "./declared-outputs";
import { invokeResults } from "./invoke-results";
import { ChildRegistrar, remoteComponents } from "./remote-components";
import { resourceState, UNKNOWN } from "./resource-state";

/** A value the stand-in cloud could not give: an invoke token, or `<type>.<property>` for an output. */
export interface Unresolved {
    token: string;
    /** The resource whose output it is (or the remote component whose children are unseen); null for an invoke. */
    urn: string | null;
}

/** Marks an invoke result the stand-in cannot give; see `answerUnresolvedInvokesAsUnknown`. */
const UNRESOLVED_INVOKE = "__standInUnresolvedInvoke";

/** The slice of the SDK's mock monitor whose invoke answers are rewritten. */
interface InvokeMonitor {
    invoke(request: unknown, callback: (error: unknown, response: InvokeResponse | undefined) => void): unknown;
}
interface InvokeResponse {
    getReturn(): { toJavaScript(): Record<string, unknown> } | undefined;
    setReturn(value: undefined): void;
    setUnknown?(value: boolean): void;
}

/**
 * The stand-in cloud of one program run: answers registrations and invokes from the tables under
 * tools/harness/stand-in/, replays remote components' children, and keeps what it could not answer.
 */
export class StandInCloud {
    readonly unresolved: Unresolved[] = [];

    constructor(private readonly cloud: StandInLocation & { preview: boolean }, private readonly children: ChildRegistrar) {}

    /**
     * The id and outputs of a registration (`mocks.newResource`). A custom resource's outputs come from
     * the table; a remote component's children are registered as its provider would; a local component
     * (no generated SDK class declares outputs for it) just echoes its inputs.
     */
    newResource(type: string, name: string, inputs: Record<string, unknown>, custom: boolean, urn: string): { id: string | undefined; state: Record<string, unknown> } {
        if (custom) {
            const { id, state, unresolved } = resourceState(type, name, inputs, this.cloud, this.cloud.preview);
            for (const property of unresolved) this.unresolved.push({ token: `${type}.${property}`, urn });
            return { id, state };
        }
        const declared = declaredOutputs(type);
        if (!declared) return { id: undefined, state: inputs };
        const expand = remoteComponents[type];
        if (!expand) this.unresolved.push({ token: type, urn });
        const outputs = expand?.({ urn, name, inputs, cloud: this.cloud, preview: this.cloud.preview, children: this.children }) ?? {};
        const missing = declared.filter((property) => !(property in outputs) && !(property in inputs));
        if (!this.cloud.preview) for (const property of missing) this.unresolved.push({ token: `${type}.${property}`, urn });
        return { id: undefined, state: { ...inputs, ...outputs, ...Object.fromEntries(missing.map((p) => [p, UNKNOWN])) } };
    }

    /** The id and outputs of a child a remote component's provider registers (the program never reads them). */
    childResource(type: string, name: string, inputs: Record<string, unknown>): { id: string; state: Record<string, unknown> } {
        const { id, state } = resourceState(type, name, inputs, this.cloud, this.cloud.preview);
        return { id, state };
    }

    /** The result of a provider function (`mocks.call`); one outside the table is marked unresolved. */
    invoke(token: string, args: Record<string, unknown>): Record<string, unknown> {
        const row = invokeResults[token];
        if (row) return row(args, this.cloud);
        this.unresolved.push({ token, urn: null });
        return { [UNRESOLVED_INVOKE]: token };
    }

    /**
     * Makes the mock monitor answer an unresolved invoke as the engine answers one it cannot run yet:
     * the whole result unknown, so the program's `getXOutput(...)` values are unknown and the plan goes on.
     */
    answerUnresolvedInvokesAsUnknown(monitor: InvokeMonitor): void {
        const invoke = monitor.invoke.bind(monitor);
        monitor.invoke = (request, callback) => invoke(request, (error, response) => {
            if (!error && response && response.setUnknown && UNRESOLVED_INVOKE in (response.getReturn()?.toJavaScript() ?? {})) {
                response.setReturn(undefined);
                response.setUnknown(true);
            }
            callback(error, response);
        });
    }
}
