/**
 * The SDK's MockMonitor answers each registration with a protobuf RegisterResourceResponse: it converts
 * the mocked state into a google-protobuf Struct tree (Struct.fromJavaScript), and the SDK, then the
 * harness, convert that tree straight back (toJavaScript), each time a full copy. Nothing serializes the
 * response: under mocks it never leaves the process. On a large stack those conversions and the garbage
 * they leave were a large part of the program's time.
 *
 * This does what MockMonitor.registerResource does, in the same order and with the same values (inputs
 * deserialized from the request, the program's mocks called with the same arguments, the state serialized
 * by the SDK's own serializer and kept in the monitor's registry for `getResource`), but answers with a
 * response whose getObject() hands over the serialized state itself. The SDK only ever reads a response
 * through these getters, and only calls toJavaScript() on its object, so it sees exactly what it saw.
 */
import type { Struct } from "google-protobuf/google/protobuf/struct_pb";
import * as rpc from "@pulumi/pulumi/runtime/rpc";
import { MockMonitor } from "@pulumi/pulumi/runtime/mocks";
import { serializePlainProperties } from "./plain-serialization";

/** The request getters MockMonitor.registerResource reads. */
interface RegisterRequest {
    getType(): string;
    getName(): string;
    getParent(): string;
    getCustom(): boolean;
    getProvider(): string;
    getImportid(): string;
    getObject(): Struct;
    getTransformsList(): { getToken(): string }[];
}

/** What the SDK (and the harness) read of a Struct: its plain JavaScript value. */
interface StructLike {
    toJavaScript(): Record<string, unknown>;
}

/** The response getters the SDK's registerResource reads (resource.js). */
interface LeanRegisterResponse {
    getUrn(): string;
    getId(): string;
    getObject(): StructLike;
    getPropertydependenciesMap(): undefined;
    getResult(): number;
    getUnknown(): boolean;
}

type Callback = (error: unknown, response: LeanRegisterResponse | undefined) => void;

/** MockMonitor's instance fields this replaces and reads (mocks.js). */
interface MockMonitorInternals {
    mocks: { newResource(args: Record<string, unknown>): Promise<{ id?: string; state: Record<string, unknown> }> | { id?: string; state: Record<string, unknown> } };
    resources: Map<string, { urn: string; id: string | null; state: Record<string, unknown> }>;
    transformCallbacks: Map<string, unknown>;
    newUrn(parent: string, type: string, name: string): string;
    registerResource(req: RegisterRequest, callback: Callback): Promise<void>;
}

/** pulumirpc.Result.SUCCESS. */
const SUCCESS = 0;

/**
 * Replaces `registerResource` on the SDK's mock monitor (the one setMocks installed). Returns false and
 * changes nothing for any other monitor, or if a future SDK's MockMonitor no longer has the fields read
 * here: registrations then go the SDK's own way, only slower.
 */
export function useLeanRegistration(monitor: unknown): boolean {
    if (!(monitor instanceof MockMonitor)) return false;
    const mock = monitor as unknown as MockMonitorInternals;
    if (!(mock.resources instanceof Map) || !(mock.transformCallbacks instanceof Map) || typeof mock.mocks?.newResource !== "function") return false;
    mock.registerResource = async (req, callback) => {
        try {
            const transforms = req.getTransformsList()
                .map((cb) => mock.transformCallbacks.get(cb.getToken()))
                .filter((transform) => transform !== undefined);
            const result = await mock.mocks.newResource({
                type: req.getType(),
                name: req.getName(),
                inputs: rpc.deserializeProperties(req.getObject()),
                provider: req.getProvider(),
                custom: req.getCustom(),
                id: req.getImportid(),
                transforms,
            });
            const urn = mock.newUrn(req.getParent(), req.getType(), req.getName());
            const serializedState = serializePlainProperties(result.state)
                ?? await rpc.serializeProperties("", result.state) as Record<string, unknown>;
            mock.resources.set(urn, { urn, id: result.id ?? null, state: serializedState });
            const id = result.id || "";
            const object: StructLike = { toJavaScript: () => serializedState };
            callback(null, {
                getUrn: () => urn,
                getId: () => id,
                getObject: () => object,
                getPropertydependenciesMap: () => undefined,
                getResult: () => SUCCESS,
                getUnknown: () => false,
            });
        } catch (error) {
            callback(error, undefined);
        }
    };
    return true;
}
