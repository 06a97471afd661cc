import { AnalyzerService } from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import type { AnalyzedResource, PolicyViolation } from "./types";
import type { CallOptions, UnaryRelay } from "./unary-relay";
import { encodeAnalyzeRequest } from "./wire-encoding";
import { violationsFromWire } from "./wire";

/** An analyzer method as the generated service definition describes it: its path and response decoding. */
export interface AnalyzerMethod<Res> {
    path: string;
    responseDeserialize(bytes: Buffer): Res;
}

/**
 * A call with its request already in wire form: the method's own path and response decoding, the bytes
 * as they are (the generated client would insist on a message object and serialize it again).
 */
export async function callEncoded<Res>(relay: UnaryRelay, method: AnalyzerMethod<Res>, request: Uint8Array, options?: CallOptions): Promise<Res> {
    return method.responseDeserialize(await relay.call(method.path, request, options));
}

/** Analyze for one resource, its request encoded straight from the plain inputs (wire-encoding.ts). */
export async function analyzeEncoded(relay: UnaryRelay, resource: AnalyzedResource): Promise<PolicyViolation[]> {
    return violationsFromWire(await callEncoded(relay, AnalyzerService.analyze, encodeAnalyzeRequest(resource)), resource.urn);
}
