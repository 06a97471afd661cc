import * as assert from "node:assert/strict";
import { AnalyzeStackRequest } from "@pulumi/pulumi/proto/analyzer_pb";
import { UNKNOWN_STRING_SENTINEL } from "../../contracts/unknown-value";
import { AnalyzedResource, encodeStackRequest } from "../../tools/policy-pack";
import { generatedStackResource } from "./support/generated-messages";

function queue(index: number): AnalyzedResource {
    const urn = `urn:pulumi:dev::app::aws:sqs/queue:Queue::q${index}`;
    return {
        urn, type: "aws:sqs/queue:Queue", name: `q${index}`,
        properties: { name: `q${index}`, visibilityTimeoutSeconds: 180, tags: { index: String(index) }, __defaults: [] },
        parent: "urn:pulumi:dev::app::pulumi:pulumi:Stack::app-dev",
        dependencies: index > 0 ? [`urn:pulumi:dev::app::aws:sqs/queue:Queue::q${index - 1}`] : [],
        propertyDependencies: index > 0 ? { redrivePolicy: [`urn:pulumi:dev::app::aws:sqs/queue:Queue::q${index - 1}`] } : {},
        provider: `urn:pulumi:dev::app::pulumi:providers:aws::default_7_0_0::${UNKNOWN_STRING_SENTINEL}`,
    };
}

describe("the AnalyzeStack request encoded ahead", () => {
    it("is byte for byte the generated message's encoding, over several slices", async () => {
        const resources = Array.from({ length: 250 }, (_, index) => queue(index));
        const encoded = await encodeStackRequest(resources);
        const generated = new AnalyzeStackRequest();
        generated.setResourcesList(resources.map(generatedStackResource));
        assert.equal(encoded.resourceCount, 250);
        assert.deepEqual(encoded.bytes, Buffer.from(generated.serializeBinary()));
        const decoded = AnalyzeStackRequest.deserializeBinary(encoded.bytes).getResourcesList();
        assert.deepEqual(decoded.map((resource) => resource.getName()), resources.map((resource) => resource.name));
        assert.deepEqual(decoded[1].getProperties()?.toJavaScript(), { name: "q1", visibilityTimeoutSeconds: 180, tags: { index: "1" } });
    });

    it("lets the event loop run between slices", async () => {
        let ranMeanwhile = false;
        const encoding = encodeStackRequest(Array.from({ length: 250 }, (_, index) => queue(index)));
        setImmediate(() => { ranMeanwhile = true; });
        await encoding;
        assert.equal(ranMeanwhile, true);
    });

    it("encodes an empty stack as an empty request", async () => {
        const encoded = await encodeStackRequest([]);
        assert.equal(encoded.resourceCount, 0);
        assert.equal(AnalyzeStackRequest.deserializeBinary(encoded.bytes).getResourcesList().length, 0);
    });
});
