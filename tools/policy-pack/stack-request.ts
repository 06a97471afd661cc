import { BinaryWriter } from "google-protobuf";
import { AnalyzedResource } from "./types";
import { stackResourceMessage } from "./wire";

/** An AnalyzeStack request already in wire form (see encodeStackRequest). */
export interface EncodedStackRequest {
    readonly resourceCount: number;
    readonly bytes: Buffer;
}

/** `repeated AnalyzerResource resources = 1;`, AnalyzeStackRequest's only field. */
const RESOURCES_FIELD = 1;
/** Resources encoded between two yields to the event loop (about 30 ms of work). */
const RESOURCES_PER_SLICE = 100;

/**
 * Encodes the AnalyzeStack request in slices, letting the event loop run between them. On a large stack
 * the request is tens of megabytes and seconds of protobuf encoding; done this way it overlaps the
 * per-resource Analyze calls still in flight (the plan process is mostly waiting for the pack then)
 * instead of adding to the plan's time. The bytes are exactly those of the generated message's
 * serializeBinary: each resource is a length-delimited field 1.
 */
export async function encodeStackRequest(resources: readonly AnalyzedResource[]): Promise<EncodedStackRequest> {
    const writer = new BinaryWriter();
    for (let start = 0; start < resources.length; start += RESOURCES_PER_SLICE) {
        if (start > 0) await new Promise(setImmediate);
        for (const resource of resources.slice(start, start + RESOURCES_PER_SLICE)) {
            writer.writeBytes(RESOURCES_FIELD, stackResourceMessage(resource).serializeBinary());
        }
    }
    return { resourceCount: resources.length, bytes: Buffer.from(writer.getResultBuffer()) };
}
