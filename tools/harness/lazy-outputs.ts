/**
 * When a custom resource is constructed, the Pulumi SDK's `transferProperties` gives it one `Output` per
 * property its class declares (an AWS Lambda function has about 50), each built from four pending promises
 * and their resolvers, and each `Output` builds a Proxy, five more promises and a dozen closures. A program
 * constructs its resources before any registration completes, so on a large stack all of that is alive at
 * once: most of the plan's memory and of its garbage collection, for properties the program never reads.
 *
 * Under the mock runtime the harness installs a transfer that gives each property a getter instead, which
 * builds the very same `Output` (the SDK's class, the same resource and the same four promises) the first
 * time the property is read, already settled if the registration has answered. What the program reads and
 * what the engine is sent do not change; a property nobody reads costs one small record.
 *
 * Two differences, both in what the SDK does only for its own diagnostics: the SDK's label of each promise
 * (which formats the input value) is not built, and an `Output` read after its registration answered is
 * created settled rather than settling a few microtasks later.
 */

/** The SDK's resolver for one transferred property (rpc.js `transferProperties`). */
type PropertyResolver = (value: unknown, isKnown: boolean, isSecret: boolean, deps?: unknown[], err?: unknown) => void;

type OutputConstructor = new (resources: unknown, promise: Promise<unknown>, isKnown: Promise<boolean>,
    isSecret: Promise<boolean>, allResources: Promise<unknown[]>) => object;

/** The SDK modules this reads and patches (internal, no typings). */
interface RpcModule {
    transferProperties?: (onto: object, label: string, props: Record<string, unknown>) => Record<string, PropertyResolver>;
}
interface OutputModule {
    Output?: OutputConstructor;
}
interface ErrorsModule {
    isGrpcError?: (err: unknown) => boolean;
}

/** What a registration answered for one property, kept until (or unless) the property is read. */
type Settlement =
    | { kind: "resolved"; value: unknown; isKnown: boolean; isSecret: boolean; deps: unknown[] }
    | { kind: "rejected"; error: unknown };

/** The four promises' settle functions of an `Output` read before its registration answered. */
interface Waiting {
    settle(settlement: Settlement): void;
}

/** One transferred property of one resource: its answer, its `Output` once read. */
class PropertySlot {
    private settlement: Settlement | undefined;
    private waiting: Waiting | undefined;

    constructor(private readonly owner: object, private readonly Output: OutputConstructor) {}

    resolve(value: unknown, isKnown: boolean, isSecret: boolean, deps: unknown[] = [], err?: unknown): void {
        const settlement: Settlement = err ? { kind: "rejected", error: err } : { kind: "resolved", value, isKnown, isSecret, deps };
        if (this.waiting) this.waiting.settle(settlement);
        else this.settlement = settlement;
    }

    /** The property's `Output`, as transferProperties builds it: four promises, settled by the registration. */
    createOutput(): object {
        const settled = this.settlement;
        if (settled) {
            this.settlement = undefined;
            return settled.kind === "resolved"
                ? new this.Output(this.owner, Promise.resolve(settled.value), Promise.resolve(settled.isKnown),
                    Promise.resolve(settled.isSecret), Promise.resolve(settled.deps))
                : new this.Output(this.owner, Promise.reject(settled.error), Promise.reject(settled.error),
                    Promise.reject(settled.error), Promise.reject(settled.error));
        }
        const value = withSettle<unknown>();
        const isKnown = withSettle<boolean>();
        const isSecret = withSettle<boolean>();
        const deps = withSettle<unknown[]>();
        this.waiting = {
            settle: (settlement) => {
                if (settlement.kind === "rejected") {
                    for (const promise of [value, isKnown, isSecret, deps]) promise.reject(settlement.error);
                    return;
                }
                value.resolve(settlement.value);
                isKnown.resolve(settlement.isKnown);
                isSecret.resolve(settlement.isSecret);
                deps.resolve(settlement.deps);
            },
        };
        return new this.Output(this.owner, value.promise, isKnown.promise, isSecret.promise, deps.promise);
    }
}

function withSettle<T>(): { promise: Promise<T>; resolve(value: T): void; reject(error: unknown): void } {
    let resolve!: (value: T) => void;
    let reject!: (error: unknown) => void;
    const promise = new Promise<T>((res, rej) => { resolve = res; reject = rej; });
    return { promise, resolve, reject };
}

/** Each resource's slots, by property name (the getters below are shared by every resource). */
const slotsOf = new WeakMap<object, Map<string, PropertySlot>>();

/** One getter/setter pair per property name, shared by all resources: a property costs no closure of its own. */
const accessorsByName = new Map<string, PropertyDescriptor>();

function accessorsFor(name: string): PropertyDescriptor {
    let accessors = accessorsByName.get(name);
    if (!accessors) {
        accessors = {
            configurable: true,
            enumerable: true,
            get(this: object) {
                const output = slotsOf.get(this)?.get(name)?.createOutput();
                // From now on a plain property, as transferProperties assigns it.
                Object.defineProperty(this, name, { value: output, writable: true, configurable: true, enumerable: true });
                return output;
            },
            set(this: object, value: unknown) {
                Object.defineProperty(this, name, { value, writable: true, configurable: true, enumerable: true });
            },
        };
        accessorsByName.set(name, accessors);
    }
    return accessors;
}

/**
 * Installs the lazy transfer on the SDK whose modules `requireSdk` loads (the program's own copy).
 * Returns the function that puts the SDK's own back, or undefined and changes nothing if a future SDK no
 * longer has the functions used here (the run is then only slower).
 */
export function useLazyOutputs(requireSdk: (module: string) => unknown): (() => void) | undefined {
    const rpc = requireSdk("@pulumi/pulumi/runtime/rpc") as RpcModule;
    const Output = (requireSdk("@pulumi/pulumi/output") as OutputModule).Output;
    const isGrpcError = (requireSdk("@pulumi/pulumi/errors") as ErrorsModule).isGrpcError;
    const original = rpc.transferProperties;
    if (typeof original !== "function" || typeof Output !== "function" || typeof isGrpcError !== "function") return undefined;
    rpc.transferProperties = (onto, label, props) => {
        const resolvers: Record<string, PropertyResolver> = {};
        const slots = new Map<string, PropertySlot>();
        for (const name of Object.keys(props)) {
            if (name === "id" || name === "urn") continue; // the SDK makes those itself
            if (Object.prototype.hasOwnProperty.call(onto, name)) {
                throw new Error(`Property '${name}' is already initialized on target '${label}`);
            }
            const slot = new PropertySlot(onto, Output);
            slots.set(name, slot);
            // The SDK leaves a property pending when the engine's answer was a gRPC error (the run fails anyway).
            resolvers[name] = (value, isKnown, isSecret, deps, err) => {
                if (err && isGrpcError(err)) return;
                slot.resolve(value, isKnown, isSecret, deps, err);
            };
            Object.defineProperty(onto, name, accessorsFor(name));
        }
        slotsOf.set(onto, slots);
        return resolvers;
    };
    return () => { rpc.transferProperties = original; };
}
