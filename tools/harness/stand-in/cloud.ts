import type { StandInLocation } from "./context";
import { declaredOutputs } from "./declared-outputs";
import { invokeResults } from "./invoke-results";
import { ChildRegistrar, ComponentChildren, remoteComponents } from "./remote-components";
import { resourceState } from "./resource-state";
import { UNKNOWN_STRING_SENTINEL } from "../../../contracts/unknown-value";

/** A value the stand-in cloud could not give: an invoke token, or `<type>.<property>` for an output. */
export interface Unresolved {
    token: string;
    /**
     * The resource whose output it is, or the remote component whose children are unseen or whose provider
     * made the invoke; null for an invoke of the program's own.
     */
    urn: string | null;
}

/** Marks an invoke result the stand-in cannot give; see `attach`. */
const UNRESOLVED_INVOKE = "__standInUnresolvedInvoke";

/** The engine's encoding of a resource reference (sdk/nodejs/runtime/rpc.ts `specialSigKey`, `specialResourceSig`). */
const SIG_KEY = "4dabf18193072939515e22adb298388d";
const RESOURCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e";

/** The slice of the SDK's mock monitor the stand-in uses: invoke answers, and the resources `get` can find. */
interface StandInMonitor {
    invoke(request: unknown, callback: (error: unknown, response: InvokeResponse | undefined) => void): unknown;
    resources?: Map<string, { urn: string; id: string | null; state: Record<string, unknown> }>;
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
    /** Each missing value once, however often the program asks for it. */
    readonly unresolved: Unresolved[] = [];
    private readonly listed = new Set<string>();
    private monitor: StandInMonitor | undefined;

    constructor(private readonly cloud: StandInLocation & { preview: boolean }, private readonly children: ChildRegistrar) {}

    /**
     * Hooks the SDK's mock monitor once `setMocks` installed it: an unresolved invoke is answered as the
     * engine answers one it cannot run yet (the whole result unknown, so `getXOutput(...)` values are unknown
     * and the plan goes on), and a remote component's children can be looked up through the references
     * its outputs carry.
     */
    attach(monitor: StandInMonitor): void {
        this.monitor = monitor;
        const invoke = monitor.invoke.bind(monitor);
        monitor.invoke = (request, callback) => invoke(request, (error, response) => {
            if (!error && response && response.setUnknown && UNRESOLVED_INVOKE in (response.getReturn()?.toJavaScript() ?? {})) {
                response.setReturn(undefined);
                response.setUnknown(true);
            }
            callback(error, response);
        });
    }

    /**
     * The id and outputs of a registration (`mocks.newResource`). A custom resource's outputs come from
     * the table; a remote component's children are registered as its provider would; a local component
     * (no generated SDK class declares outputs for it) just echoes its inputs.
     */
    newResource(type: string, name: string, inputs: Record<string, unknown>, custom: boolean, urn: string): { id: string | undefined; state: Record<string, unknown> } {
        if (custom) {
            const { id, state, unresolved } = resourceState(type, name, inputs, this.cloud, this.cloud.preview);
            for (const property of unresolved) this.list(`${type}.${property}`, urn);
            return { id, state };
        }
        const declared = declaredOutputs(type);
        if (!declared) return { id: undefined, state: inputs };
        const expand = remoteComponents[type];
        if (!expand) this.list(type, urn);
        const outputs = expand?.({ urn, name, inputs, cloud: this.cloud, preview: this.cloud.preview, children: this.componentChildren(),
            invoke: (token, args) => this.invoke(token, args, urn) }) ?? {};
        const missing = declared.filter((property) => !(property in outputs) && !(property in inputs));
        if (!this.cloud.preview) for (const property of missing) this.list(`${type}.${property}`, urn);
        return { id: undefined, state: { ...inputs, ...outputs, ...Object.fromEntries(missing.map((p) => [p, UNKNOWN_STRING_SENTINEL])) } };
    }

    /** The id and outputs of a child a remote component's provider registers (the program never reads them). */
    childResource(type: string, name: string, inputs: Record<string, unknown>): { id: string; state: Record<string, unknown> } {
        const { id, state } = resourceState(type, name, inputs, this.cloud, this.cloud.preview);
        return { id, state };
    }

    /**
     * The result of a provider function (`mocks.call`, or a remote component's provider calling one: `urn`
     * is then the component's); one outside the table is marked unresolved.
     */
    invoke(token: string, args: Record<string, unknown>, urn: string | null = null): Record<string, unknown> {
        const row = invokeResults[token];
        if (row) return row(args, this.cloud);
        this.list(token, urn);
        return { [UNRESOLVED_INVOKE]: token };
    }

    private list(token: string, urn: string | null): void {
        const key = `${token} ${urn}`;
        if (this.listed.has(key)) return;
        this.listed.add(key);
        this.unresolved.push({ token, urn });
    }

    /** Registers children through the harness and makes each findable by the reference a component output carries. */
    private componentChildren(): ComponentChildren {
        return {
            register: (type, name, parentUrn, inputs, propertyDependencies) => {
                const { urn, id } = this.children.register(type, name, parentUrn, inputs, propertyDependencies);
                const { state } = this.childResource(type, name, inputs);
                this.monitor?.resources?.set(urn, { urn, id: id === UNKNOWN_STRING_SENTINEL ? null : id, state });
                const reference = this.monitor?.resources ? { [SIG_KEY]: RESOURCE_SIG, urn, id: id === UNKNOWN_STRING_SENTINEL ? "" : id, packageVersion: "" } : UNKNOWN_STRING_SENTINEL;
                return { urn, id, outputs: state, reference };
            },
            component: (type, name, parentUrn) => this.children.register(type, name, parentUrn, {}, {}, false).urn,
        };
    }
}
