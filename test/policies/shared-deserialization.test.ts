import * as assert from "node:assert/strict";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { shareDeserializedProperties } from "../../policies/lib/shared-deserialization";

/** @pulumi/policy's internal deserializer, as its server calls it (through the module object). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const policyDeserialize: { deserializeProperties(struct: object, proxySecrets: boolean): Record<string, unknown> } = require("@pulumi/policy/deserialize");

describe("shared deserialization in the policy pack", () => {
    it("deserializes one request's properties once for every policy that asks", () => {
        assert.equal(shareDeserializedProperties(), true);
        const properties = Struct.fromJavaScript({ name: "orders", tags: { team: "payments" }, sizes: [1, 2] });
        const first = policyDeserialize.deserializeProperties(properties, false);
        assert.deepEqual(first, { name: "orders", tags: { team: "payments" }, sizes: [1, 2] });
        assert.equal(policyDeserialize.deserializeProperties(properties, false), first);
    });

    it("keeps requests, and secret proxying, apart", () => {
        shareDeserializedProperties();
        const one = Struct.fromJavaScript({ name: "orders" });
        const other = Struct.fromJavaScript({ name: "orders" });
        const plain = policyDeserialize.deserializeProperties(one, false);
        assert.notEqual(policyDeserialize.deserializeProperties(other, false), plain);
        assert.notEqual(policyDeserialize.deserializeProperties(one, true), plain);
        assert.deepEqual(policyDeserialize.deserializeProperties(other, false), plain);
    });

    it("wraps the deserializer only once however often it is installed", () => {
        shareDeserializedProperties();
        const installed = policyDeserialize.deserializeProperties;
        assert.equal(shareDeserializedProperties(), true);
        assert.equal(policyDeserialize.deserializeProperties, installed);
    });
});
