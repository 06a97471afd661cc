import * as path from "node:path";
import type * as pulumi from "@pulumi/pulumi";
import { useLazyOutputs } from "./lazy-outputs";
import { skipSourcePositions } from "./source-positions";
import { useLeanRegistration } from "./lean-registration";
import { useLazyStructs } from "./lazy-structs";
import { engineUrn } from "./engine-urn";
import { toEngineView } from "./engine-view";
import { MockCloud } from "./mock-outputs";
import { enterProgramFolder, resolveFromProgram } from "./program-folder";
import { isPlanCode, recordProgramSources } from "./program-location";
import { trackProgramTimers } from "./program-timers";
import { findProjectDir } from "./project";
import { disablePromiseBookkeeping } from "./promise-bookkeeping";
import { RecordedResource } from "./recorded-resource";
import { registrationTurns } from "./registration-turns";
import { annotateSecrets, unwrapSecrets } from "./secret-values";
import { StandInCloud, Unresolved } from "./stand-in";
import { StackConfig } from "./stack-config";
import { captureUncaughtErrors } from "./uncaught-errors";
import { UNKNOWN_STRING_SENTINEL } from "../../contracts/unknown-value";

export interface RunProgramOptions {
    /** A Pulumi TypeScript program file (its default export may be the program function), or the function. */
    program: string | (() => unknown);
    /**
     * The project folder a program file runs from (working directory, module resolution); default the
     * folder of the nearest Pulumi.yaml at or above the file, else the file's folder.
     */
    projectDir?: string;
    /** Modules loaded before a program file, from its project folder (`runtime.options.nodeargs` `--require`). */
    preload?: string[];
    config: StackConfig;
    /** true: run as a first preview of a new stack (computed outputs unknown). */
    preview?: boolean;
    cloud?: Partial<Omit<MockCloud, "preview">>;
    /**
     * Called for each registration as soon as its inputs are known, in registration order (the engine
     * analyzes each resource at that point too, while the program goes on).
     */
    onResource?: (resource: RecordedResource) => void;
}

export interface ProgramRun {
    project: string;
    stack: string;
    preview: boolean;
    /** Every registration in order, the root stack first. */
    resources: RecordedResource[];
    /** The stack outputs the program returned (plain values). */
    outputs: Record<string, unknown>;
    /** What the stand-in cloud could not answer (its value is unknown, as in a first preview). */
    unresolved: Unresolved[];
}

/** The program failed; `registered` holds what it registered before failing. */
export class ProgramRunError extends Error {
    constructor(readonly cause: unknown, readonly registered: RecordedResource[]) {
        super(cause instanceof Error ? cause.message : String(cause));
        this.name = "ProgramRunError";
    }
}

/** The slice of the SDK's MockMonitor the harness hooks into (instance fields, see patchMonitor). */
interface RegisterResourceRequest {
    getType(): string;
    getName(): string;
    getParent(): string;
    getCustom(): boolean;
    getRemote(): boolean;
    getProvider(): string;
    getVersion(): string;
    getDependenciesList(): string[];
    getPropertydependenciesMap(): { forEach(cb: (value: { getUrnsList(): string[] }, key: string) => void): void };
    getObject(): { toJavaScript(): Record<string, unknown> } | undefined;
}
interface RegisterResourceResponse {
    getId(): string;
    getObject(): { toJavaScript(): Record<string, unknown> } | undefined;
}
type Callback = (err: unknown, response: RegisterResourceResponse | undefined) => void;
interface PatchableMonitor {
    newUrn(parent: string, type: string, name: string): string;
    registerResource(req: RegisterResourceRequest, callback: Callback): Promise<void>;
}

/** The SDK's runtime settings module (internal, no typings): its monitor and the wait for pending RPCs. */
interface RuntimeSettings {
    getMonitor(): unknown;
    waitForRPCs(): Promise<void>;
}

/** The `@pulumi/pulumi` instance a program loads, with its runtime settings module. */
interface ProgramSdk {
    pulumi: typeof pulumi;
    settings: RuntimeSettings;
    /** Loads a module of that SDK's package (`@pulumi/pulumi/runtime/rpc`) from where the program resolves it. */
    require(module: string): unknown;
}

/** The organization the CLI reports with a local backend (`pulumi login --local`); programs read it for stack references. */
const LOCAL_ORGANIZATION = "organization";

/** Exit-time rounds before giving up on a program whose `beforeExit` handlers keep registering. */
const MAX_EXIT_ROUNDS = 100;

const DEFAULT_CLOUD: Omit<MockCloud, "preview"> = {
    awsRegion: "us-east-1",
    awsAccountId: "123456789012",
    gcpProject: "planned-project",
    gcpRegion: "europe-west1",
    azureSubscriptionId: "00000000-0000-0000-0000-000000000000",
};

/**
 * Runs a Pulumi program under the SDK's mock runtime and records every registration as the engine would
 * see it. Runs are sequential; each one resets the runtime's config, monitor and stack.
 */
export async function runProgram(options: RunProgramOptions): Promise<ProgramRun> {
    const { project, stack, values, secretKeys } = options.config;
    const preview = options.preview ?? false;
    const cloud: MockCloud = {
        ...DEFAULT_CLOUD,
        awsRegion: values["aws:region"] ?? DEFAULT_CLOUD.awsRegion,
        gcpProject: values["gcp:project"] ?? DEFAULT_CLOUD.gcpProject,
        gcpRegion: values["gcp:region"] ?? DEFAULT_CLOUD.gcpRegion,
        ...options.cloud,
        preview,
    };
    const recorded: RecordedResource[] = [];
    // Errors of the stand-in cloud: the real cause, which the SDK's rejections wrap or lose.
    const failures: unknown[] = [];
    // The registration being mocked: its URN, so a remote component's children can name their parent, and
    // its inputs as the engine holds them (the mock hands newResource secrets only at the top level).
    const pending = new Map<string, RecordedResource>();

    const record = (entry: RecordedResource) => {
        recorded.push(entry);
        options.onResource?.(entry);
        return entry;
    };
    // A remote component's children, registered as its provider plugin would (the program never sees them).
    const registerChild = (type: string, name: string, parentUrn: string, inputs: Record<string, unknown>,
        propertyDependencies: Record<string, string[]>, custom = true) => {
        const urn = engineUrn(stack, project, type, name, parentUrn);
        const dependencies = [...new Set(Object.values(propertyDependencies).flat())];
        if (!custom) {
            record({ urn, type, name, custom, parent: parentUrn, dependencies, propertyDependencies, inputs, outputs: {} });
            return { urn, id: "" };
        }
        const { id, state } = standIn.childResource(type, name, inputs);
        record({ urn, type, name, custom, parent: parentUrn, dependencies, propertyDependencies,
            provider: defaultProvider(stack, project, type, ""), inputs, outputs: withId(state, id), id });
        return { urn, id: id === "" ? UNKNOWN_STRING_SENTINEL : id };
    };
    const standIn = new StandInCloud(cloud, { register: registerChild });

    const mocks: pulumi.runtime.Mocks = {
        newResource: (args) => {
            try {
                const entry = pending.get(`${args.type}::${args.name}`) as RecordedResource;
                // The stand-in computes from plain values; the engine marks outputs secret where inputs were.
                const inputs = unwrapSecrets(args.inputs as Record<string, unknown>);
                const { id, state } = standIn.newResource(args.type, args.name, inputs, args.custom ?? true, entry.urn);
                return { id, state: annotateSecrets(state, entry.inputs) };
            } catch (err) {
                failures.push(err);
                throw err;
            }
        },
        call: (args) => {
            try {
                return standIn.invoke(args.token, unwrapSecrets(args.inputs as Record<string, unknown>));
            } catch (err) {
                failures.push(err);
                throw asRpcError(err);
            }
        },
    };

    const programFile = typeof options.program === "string" ? path.resolve(options.program) : undefined;
    const projectDir = options.projectDir ?? (programFile && (findProjectDir(programFile) ?? path.dirname(programFile)));
    const leaveFolder = projectDir ? enterProgramFolder(projectDir) : () => undefined;
    // What the harness changes in the program's SDK for the run (lazy outputs, no source positions), undone after it,
    // and the run's stack resource, let go of.
    const restoreSdk: ((() => void) | undefined)[] = [];
    try {
        // Entered first: the program's own SDK resolves its dependencies from the program's folder too.
        const sdk = loadSdk(programFile ? path.dirname(programFile) : undefined);
        disablePromiseBookkeeping(sdk.require);
        restoreSdk.push(useLazyOutputs(sdk.require), skipSourcePositions(sdk.require), () => forgetStackResource(sdk.require));
        sdk.pulumi.runtime.setAllConfig(values, secretKeys);
        process.env.STACK_CONFIG_FILE = options.config.file ?? ""; // tells the program which file its config came from
        await sdk.pulumi.runtime.setMocks(mocks, project, stack, preview, LOCAL_ORGANIZATION);
        // This repository's SDK only; another copy keeps its own path.
        if (useLeanRegistration(sdk.settings.getMonitor())) restoreSdk.push(useLazyStructs());
        standIn.attach(sdk.settings.getMonitor() as Parameters<StandInCloud["attach"]>[0]);
        patchMonitor(sdk.settings, stack, project, record, pending);
        const program = programFile ? loadProgram(programFile, options.preload ?? [], projectDir as string) : options.program as () => unknown;
        let outputs: Record<string, unknown>;
        try {
            outputs = await runToExit(sdk, program, programFile !== undefined, () => recorded.length);
        } catch (err) {
            throw new ProgramRunError(failures[0] ?? err, recorded);
        }
        if (failures.length > 0) throw new ProgramRunError(failures[0], recorded);
        return { project, stack, preview, resources: recorded, outputs: unwrapSecrets(toEngineView(outputs) as Record<string, unknown>),
            unresolved: standIn.unresolved };
    } finally {
        for (const restore of restoreSdk) restore?.();
        delete process.env.STACK_CONFIG_FILE;
        leaveFolder();
    }
}

/**
 * Runs the program inside the stack until its registrations are answered and its exit handlers register
 * nothing more; a throw, a throw in a timer or event handler, or an unhandled rejection meanwhile fails it.
 */
async function runToExit(sdk: ProgramSdk, program: () => unknown, fromFile: boolean, registrations: () => number): Promise<Record<string, unknown>> {
    const settle = () => sdk.settings.waitForRPCs();
    let failWith: (error: unknown) => void = () => undefined;
    const failed = new Promise<never>((_, reject) => { failWith = reject; });
    failed.catch(() => undefined);
    const stopCapture = captureUncaughtErrors((error) => failWith(error));
    const stopRecording = fromFile ? recordProgramSources() : () => undefined;
    const timers = trackProgramTimers();
    // Until the program's process would be idle: registrations answered, its timers fired.
    const idle = async () => {
        await settle();
        while (timers.busy()) {
            await timers.idle();
            await settle();
        }
    };
    try {
        return await Promise.race([failed, (async () => {
            const returned = await sdk.pulumi.runtime.runInPulumiStack(async () => program() as Record<string, unknown>);
            await idle();
            await runExitHandlers(idle, registrations);
            return returned ?? {};
        })()]);
    } catch (err) {
        // Let registrations already sent finish (briefly: a failed program may never finish them), so
        // what it registered is complete and the next run starts clean.
        await Promise.race([settle().catch(() => undefined), unrefDelay(2000)]);
        throw err;
    } finally {
        timers.stop();
        stopRecording();
        stopCapture();
    }
}

/**
 * What Node does when a program's event loop empties: `beforeExit` handlers run, and may register more
 * (`bucket.onObjectCreated` registers its BucketNotification this way); again until a round adds nothing.
 */
async function runExitHandlers(idle: () => Promise<void>, registrations: () => number): Promise<void> {
    for (let round = 0; round < MAX_EXIT_ROUNDS; round++) {
        const before = registrations();
        process.emit("beforeExit", typeof process.exitCode === "number" ? process.exitCode : 0);
        await new Promise(setImmediate);
        await idle();
        if (registrations() === before) return;
    }
}

/** The `@pulumi/pulumi` the program loads (its own node_modules first), so mocks are set where it registers. */
function loadSdk(programDir: string | undefined): ProgramSdk {
    const from = programDir ?? __dirname;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const load = (module: string): unknown => require(resolveFromProgram(module, from));
    return {
        pulumi: load("@pulumi/pulumi") as typeof pulumi,
        settings: load("@pulumi/pulumi/runtime/settings") as RuntimeSettings,
        require: load,
    };
}

/** The SDK's state module (internal, no typings): the stack resource it keeps while a program runs. */
interface StateModule {
    setStackResource?: (stack: unknown) => void;
}

/**
 * The SDK keeps the run's stack resource, and through it every resource of the program (each parent holds
 * its children), until the next run sets its own. What the run produced is recorded as plain data by then,
 * so the SDK lets go of it: on a large stack that is most of what is still alive, which a plan would
 * otherwise carry (and collect) through the policy check.
 */
function forgetStackResource(requireSdk: (module: string) => unknown): void {
    (requireSdk("@pulumi/pulumi/runtime/state") as StateModule).setStackResource?.(undefined);
}

/** The SDK reports a failed invoke by the RPC error's `details` (empty for a plain Error): give it the message. */
function asRpcError(err: unknown): unknown {
    if (err instanceof Error) return Object.assign(err, { details: err.message });
    return Object.assign(new Error(String(err)), { details: String(err) });
}

function unrefDelay(ms: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

/** Hooks the mock monitor instance that setMocks just installed: engine URNs and a record per registration. */
function patchMonitor(settings: RuntimeSettings, stack: string, project: string, record: (r: RecordedResource) => RecordedResource,
    pending: Map<string, RecordedResource>): void {
    const monitor = settings.getMonitor() as PatchableMonitor;
    monitor.newUrn = (parent, type, name) => engineUrn(stack, project, type, name, parent || undefined);
    const turn = registrationTurns();
    const register = monitor.registerResource.bind(monitor);
    monitor.registerResource = async (req, callback) => {
        const type = req.getType();
        const name = req.getName();
        const parent = req.getParent() || undefined;
        const urn = engineUrn(stack, project, type, name, parent);
        const propertyDependencies: Record<string, string[]> = {};
        req.getPropertydependenciesMap().forEach((deps, key) => { propertyDependencies[key] = deps.getUrnsList(); });
        const custom = req.getCustom();
        // Converted once: the mock monitor reads the request's inputs again, and gets the same plain value.
        const inputs = req.getObject()?.toJavaScript() ?? {};
        req.getObject = () => ({ toJavaScript: () => inputs });
        const entry = record({
            urn, type, name, custom, parent,
            dependencies: req.getDependenciesList(),
            propertyDependencies,
            provider: custom ? req.getProvider() || defaultProvider(stack, project, type, req.getVersion()) : undefined,
            inputs: toEngineView(inputs) as Record<string, unknown>,
            outputs: {},
        });
        pending.set(`${type}::${name}`, entry);
        await turn();
        await register(req, (err, response) => {
            if (!err && response) {
                const outputs = toEngineView(response.getObject()?.toJavaScript() ?? {}) as Record<string, unknown>;
                entry.id = custom ? response.getId() : undefined;
                entry.outputs = custom ? withId(outputs, entry.id) : outputs;
            }
            callback(err, response);
        });
    };
}

/** A custom resource's state, as the engine stores it, carries its id (unknown until it is created). */
function withId(outputs: Record<string, unknown>, id: string | undefined): Record<string, unknown> {
    return { ...outputs, id: id ? id : UNKNOWN_STRING_SENTINEL };
}

/** The engine's reference to the default provider of a package: `<provider urn>::<provider id>`. */
function defaultProvider(stack: string, project: string, type: string, version: string): string {
    const pkg = type.split(":")[0];
    const suffix = version ? `_${version.replace(/[.-]/g, "_")}` : "";
    return `urn:pulumi:${stack}::${project}::pulumi:providers:${pkg}::default${suffix}::${UNKNOWN_STRING_SENTINEL}`;
}

/**
 * Loads a program file fresh (the modules of its folder are dropped from the require cache first, so the
 * same program can run again for another stack), after the modules it preloads, inside the stack so its
 * resources get the stack as parent.
 */
function loadProgram(file: string, preload: string[], projectDir: string): () => unknown {
    const programPrefix = path.dirname(file) + path.sep;
    return () => {
        for (const key of Object.keys(require.cache)) {
            // The plan's own modules are never reloaded: they hold the state of the run in progress.
            if (key.startsWith(programPrefix) && !isPlanCode(key) && !key.includes(`${path.sep}node_modules${path.sep}`)) {
                delete require.cache[key];
            }
        }
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        for (const module of preload) require(resolveFromProgram(module.startsWith(".") ? path.resolve(projectDir, module) : module, projectDir));
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const loaded: unknown = require(file);
        const main = typeof loaded === "function" ? loaded
            : typeof (loaded as { default?: unknown })?.default === "function" ? (loaded as { default: () => unknown }).default
            : undefined;
        return main ? main() : loaded;
    };
}
