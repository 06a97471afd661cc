/**
 * Every resource the Pulumi SDK constructs records the full stack of its constructor call: `new Error()`
 * with no frame limit, each frame parsed and turned into a file URL, sent to the engine as the
 * registration's source position and stack trace. The engine shows them in its own diagnostics; the mock
 * monitor, the analyzer protocol and the plan never read them, and on a large stack they are a large part
 * of the program's time. Under the mock runtime the harness has the SDK record none (a program's failure
 * is located from its error's own stack, see program-location.ts).
 */

/** The SDK's Resource class, with the static method its constructor calls (resource.js). */
interface ResourceClass {
    stackTrace?: (skip: number) => unknown[];
}

/**
 * Installs the no-op on the SDK whose modules `requireSdk` loads. Returns the function that puts the SDK's
 * own back, or undefined and changes nothing if a future SDK no longer has the method.
 */
export function skipSourcePositions(requireSdk: (module: string) => unknown): (() => void) | undefined {
    const resourceClass = (requireSdk("@pulumi/pulumi/resource") as { Resource?: ResourceClass }).Resource;
    const original = resourceClass?.stackTrace;
    if (!resourceClass || typeof original !== "function") return undefined;
    resourceClass.stackTrace = () => [];
    return () => { resourceClass.stackTrace = original; };
}
