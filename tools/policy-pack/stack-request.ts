import { ProtoWriter } from "./proto-writer";
import type { AnalyzedResource, EncodedStackRequest } from "./types";
import { writeStackResource } from "./wire-encoding";

/** `repeated AnalyzerResource resources = 1;`, AnalyzeStackRequest's only field. */
const RESOURCES_FIELD = 1;
/** Resources encoded between two yields to the event loop (a few ms of work). */
const RESOURCES_PER_SLICE = 100;

/**
 * Encodes the AnalyzeStack request in slices, letting the event loop run between them. On a large stack
 * the request is tens of megabytes; encoded this way it overlaps the per-resource Analyze calls still in
 * flight instead of adding to the plan's time. The bytes are exactly those of the generated message's
 * serializeBinary: each resource is a length-delimited field 1.
 */
export async function encodeStackRequest(resources: readonly AnalyzedResource[]): Promise<EncodedStackRequest> {
    const writer = new ProtoWriter(1 << 20);
    for (let start = 0; start < resources.length; start += RESOURCES_PER_SLICE) {
        if (start > 0) await new Promise(setImmediate);
        for (const resource of resources.slice(start, start + RESOURCES_PER_SLICE)) {
            writer.message(RESOURCES_FIELD, () => writeStackResource(writer, resource));
        }
    }
    return { resourceCount: resources.length, bytes: writer.finish() };
}
