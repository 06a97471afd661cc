import * as assert from "node:assert/strict";
import type { RecordedResource } from "../../tools/harness";
import { forAnalyze, forAnalyzeStack } from "../../tools/plan/engine-resources";

const QUEUE = "urn:pulumi:dev::app::aws:sqs/queue:Queue::dlq";
const RESOURCE: RecordedResource = {
    urn: "urn:pulumi:dev::app::aws:sqs/queue:Queue::source",
    type: "aws:sqs/queue:Queue",
    name: "source",
    custom: true,
    dependencies: [QUEUE],
    propertyDependencies: { redrivePolicy: [QUEUE], name: [], tags: [] },
    inputs: { name: "source" },
    outputs: { name: "source", arn: "arn:aws:sqs:us-east-1:123456789012:source" },
};

describe("resources as the engine sends them to the policy pack", () => {
    it("AnalyzeStack: the outputs, and only the properties that depend on something", () => {
        const sent = forAnalyzeStack(RESOURCE);
        assert.deepEqual(sent.properties, RESOURCE.outputs);
        assert.deepEqual(sent.propertyDependencies, { redrivePolicy: [QUEUE] });
        assert.deepEqual(sent.dependencies, [QUEUE]);
        assert.deepEqual(RESOURCE.propertyDependencies, { redrivePolicy: [QUEUE], name: [], tags: [] }, "the recorded resource is left as it is");
    });

    it("AnalyzeStack: a resource whose properties all have dependencies keeps them all", () => {
        const resource = { ...RESOURCE, propertyDependencies: { redrivePolicy: [QUEUE] } };
        assert.equal(forAnalyzeStack(resource).propertyDependencies, resource.propertyDependencies);
    });

    it("Analyze: the inputs", () => {
        assert.deepEqual(forAnalyze(RESOURCE).properties, RESOURCE.inputs);
    });
});
