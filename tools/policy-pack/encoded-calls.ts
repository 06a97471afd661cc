import type * as grpc from "@grpc/grpc-js";
import { AnalyzerClient, AnalyzerService } from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import type { AnalyzeResponse } from "@pulumi/pulumi/proto/analyzer_pb";
import type { AnalyzedResource, PolicyViolation } from "./types";
import { encodeAnalyzeRequest } from "./wire-encoding";
import { violationsFromWire } from "./wire";

/**
 * Analyze for one resource, its request encoded straight from the plain inputs (wire-encoding.ts): the
 * method's own path and response decoding, the request bytes as they are (the generated client would
 * insist on a message object and serialize it again).
 */
export function analyzeEncoded(client: AnalyzerClient, resource: AnalyzedResource): Promise<PolicyViolation[]> {
    const method = AnalyzerService.analyze;
    const bytes = encodeAnalyzeRequest(resource);
    return new Promise((resolve, reject) => {
        client.makeUnaryRequest(method.path, (request: Buffer) => request, method.responseDeserialize, bytes,
            (error: grpc.ServiceError | null, response?: AnalyzeResponse) =>
                (error ? reject(error) : resolve(violationsFromWire(response as AnalyzeResponse, resource.urn))));
    });
}
