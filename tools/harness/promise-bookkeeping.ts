/**
 * The Pulumi SDK passes every promise it makes through `debuggablePromise`, which tags it with a stack
 * trace and tracks it in a set so that a real `pulumi up` can report promises left pending when the
 * program exits. Under the mock runtime nobody reads those reports (the run ends when the harness says
 * so), and the bookkeeping is a quarter of the time of a large program (measured: 1,000 functions,
 * 13,002 resources, 40 s with it, 30 s without). The harness turns it into a pass-through.
 */

/** The SDK module that owns the function; its callers read it through the module object at each call. */
interface DebuggableModule {
    debuggablePromise?: <T>(promise: Promise<T>, context: unknown) => Promise<T>;
}

/**
 * Makes it a pass-through in the SDK whose modules `requireSdk` loads (the program's own copy, like the
 * harness's other changes to the SDK). Idempotent. Changes nothing if a future SDK no longer has the
 * function (runs are then only slower).
 */
export function disablePromiseBookkeeping(requireSdk: (module: string) => unknown): void {
    const module = requireSdk("@pulumi/pulumi/runtime/debuggable") as DebuggableModule;
    if (typeof module.debuggablePromise === "function") module.debuggablePromise = (promise) => promise;
}
