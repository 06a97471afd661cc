import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import * as runtimeSettings from "@pulumi/pulumi/runtime/settings";
import { expandAwsxVpc } from "./awsx-vpc";
import { useLeanRegistration } from "./lean-registration";
import { engineUrn } from "./engine-urn";
import { toEngineView } from "./engine-view";
import { mockInvoke } from "./mock-calls";
import { MockCloud, mockResourceState, UNKNOWN } from "./mock-outputs";
import { disablePromiseBookkeeping } from "./promise-bookkeeping";
import { RecordedResource } from "./recorded-resource";
import { StackConfig } from "./stack-config";

export interface RunProgramOptions {
    /** A Pulumi TypeScript program file (its default export may be the program function), or the function. */
    program: string | (() => unknown);
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
    const failures: unknown[] = [];
    // The URN of the registration being mocked, so a remote component's children can name their parent.
    const pendingUrns = new Map<string, string>();

    const record = (entry: RecordedResource) => {
        recorded.push(entry);
        options.onResource?.(entry);
        return entry;
    };
    const registerChild = (type: string, name: string, parentUrn: string, inputs: Record<string, unknown>,
        propertyDependencies: Record<string, string[]>) => {
        const urn = engineUrn(stack, project, type, name, parentUrn);
        const { id, state } = mockResourceState(type, name, inputs, cloud);
        const dependencies = [...new Set(Object.values(propertyDependencies).flat())];
        record({ urn, type, name, custom: true, parent: parentUrn, dependencies, propertyDependencies,
            provider: defaultProvider(stack, project, type, ""), inputs, outputs: withId(state, id), id });
        return { urn, id: id === "" ? UNKNOWN : id };
    };

    const mocks: pulumi.runtime.Mocks = {
        newResource: (args) => {
            try {
                if (args.type === "awsx:ec2:Vpc") {
                    const urn = pendingUrns.get(`${args.type}::${args.name}`) as string;
                    const state = expandAwsxVpc(urn, args.name, args.inputs as Record<string, unknown>, cloud.awsRegion,
                        { register: registerChild });
                    return { id: undefined, state };
                }
                return mockResourceState(args.type, args.name, args.inputs as Record<string, unknown>, cloud);
            } catch (err) {
                failures.push(err);
                throw err;
            }
        },
        call: (args) => {
            try {
                return mockInvoke(args.token, args.inputs as Record<string, unknown>, cloud);
            } catch (err) {
                failures.push(err);
                throw err;
            }
        },
    };

    disablePromiseBookkeeping();
    pulumi.runtime.setAllConfig(values, secretKeys);
    await pulumi.runtime.setMocks(mocks, project, stack, preview);
    useLeanRegistration(runtimeSettings.getMonitor());
    patchMonitor(stack, project, record, pendingUrns);

    const program = typeof options.program === "function" ? options.program : loadProgram(options.program);
    const waitForRPCs = (runtimeSettings as unknown as { waitForRPCs(): Promise<void> }).waitForRPCs;
    let outputs: Record<string, unknown>;
    try {
        outputs = (await pulumi.runtime.runInPulumiStack(async () => program() as Record<string, unknown>)) ?? {};
        await waitForRPCs();
    } catch (err) {
        // Let registrations already sent finish, so `registered` is complete and the next run starts clean.
        await waitForRPCs().catch(() => undefined);
        throw new ProgramRunError(err, recorded);
    }
    if (failures.length > 0) throw new ProgramRunError(failures[0], recorded);
    return { project, stack, preview, resources: recorded, outputs: toEngineView(outputs) as Record<string, unknown> };
}

/** Hooks the mock monitor instance that setMocks just installed: engine URNs and a record per registration. */
function patchMonitor(stack: string, project: string, record: (r: RecordedResource) => RecordedResource,
    pendingUrns: Map<string, string>): void {
    const monitor = runtimeSettings.getMonitor() as unknown as PatchableMonitor;
    monitor.newUrn = (parent, type, name) => engineUrn(stack, project, type, name, parent || undefined);
    const register = monitor.registerResource.bind(monitor);
    monitor.registerResource = async (req, callback) => {
        const type = req.getType();
        const name = req.getName();
        const parent = req.getParent() || undefined;
        const urn = engineUrn(stack, project, type, name, parent);
        const propertyDependencies: Record<string, string[]> = {};
        req.getPropertydependenciesMap().forEach((deps, key) => { propertyDependencies[key] = deps.getUrnsList(); });
        const custom = req.getCustom();
        const entry = record({
            urn, type, name, custom, parent,
            dependencies: req.getDependenciesList(),
            propertyDependencies,
            provider: custom ? req.getProvider() || defaultProvider(stack, project, type, req.getVersion()) : undefined,
            inputs: toEngineView(req.getObject()?.toJavaScript() ?? {}) as Record<string, unknown>,
            outputs: {},
        });
        pendingUrns.set(`${type}::${name}`, urn);
        // The engine answers a registration over RPC, so other I/O (the policy pack's Analyze answers) runs
        // meanwhile; without this turn of the event loop a large program would starve it until the end.
        await new Promise(setImmediate);
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
    return { ...outputs, id: id ? id : UNKNOWN };
}

/** The engine's reference to the default provider of a package: `<provider urn>::<provider id>`. */
function defaultProvider(stack: string, project: string, type: string, version: string): string {
    const pkg = type.split(":")[0];
    const suffix = version ? `_${version.replace(/[.-]/g, "_")}` : "";
    return `urn:pulumi:${stack}::${project}::pulumi:providers:${pkg}::default${suffix}::04da6b54-80e4-46f7-96ec-b56ff0331ba9`;
}

/**
 * Loads a program file fresh (the project's own modules are dropped from the require cache first, so the
 * same program can run again for another stack), inside the stack so its resources get the stack as parent.
 */
function loadProgram(file: string): () => unknown {
    const absolute = path.resolve(file);
    const projectDir = path.dirname(absolute) + path.sep;
    return () => {
        for (const key of Object.keys(require.cache)) {
            if (key.startsWith(projectDir) && !key.includes(`${path.sep}node_modules${path.sep}`)) delete require.cache[key];
        }
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const loaded: unknown = require(absolute);
        const main = typeof loaded === "function" ? loaded
            : typeof (loaded as { default?: unknown })?.default === "function" ? (loaded as { default: () => unknown }).default
            : undefined;
        return main ? main() : loaded;
    };
}
