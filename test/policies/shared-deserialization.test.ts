import * as assert from "node:assert/strict";
import { AnalyzeRequest } from "@pulumi/pulumi/proto/analyzer_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import type { JavaScriptValue } from "google-protobuf/google/protobuf/struct_pb";
import { WireAnalyzeRequest } from "../../policies/lib/analyzer-requests";
import { shareDeserializedProperties } from "../../policies/lib/shared-deserialization";

/** @pulumi/policy's internal deserializer, as its server calls it (through the module object). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const policyDeserialize: { deserializeProperties(struct: object, proxySecrets: boolean): Record<string, unknown> } = require("@pulumi/policy/deserialize");

/** @pulumi/policy's internal unknown-checking proxy, as its server calls it. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const policyProxy: { unknownCheckingProxy<T>(target: T): T } = require("@pulumi/policy/proxy");

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

    it("wraps the deserializer and the proxy factory only once however often it is installed", () => {
        shareDeserializedProperties();
        const installed = [policyDeserialize.deserializeProperties, policyProxy.unknownCheckingProxy];
        assert.equal(shareDeserializedProperties(), true);
        assert.deepEqual([policyDeserialize.deserializeProperties, policyProxy.unknownCheckingProxy], installed);
    });

    it("gives every policy the same unknown-checking proxy for the same properties, which still reports unknowns", () => {
        shareDeserializedProperties();
        const properties = { name: "orders", arn: "04da6b54-80e4-46f7-96ec-b56ff0331ba9", tags: { team: "payments" } };
        const proxied = policyProxy.unknownCheckingProxy(properties);
        assert.equal(policyProxy.unknownCheckingProxy(properties), proxied);
        assert.notEqual(policyProxy.unknownCheckingProxy({ ...properties }), proxied);
        assert.equal(proxied.name, "orders");
        assert.equal(proxied.tags.team, "payments");
        assert.throws(() => proxied.arn, /string value at \.arn can't be known during preview/);
        assert.equal(policyProxy.unknownCheckingProxy("plain"), "plain");
    });

    it("keeps a directly decoded request's properties with its Struct, and gives the server their proxy when it asks next", () => {
        shareDeserializedProperties();
        const wire = (props: Record<string, JavaScriptValue>) => {
            const request = new AnalyzeRequest();
            request.setProperties(Struct.fromJavaScript(props));
            return new WireAnalyzeRequest(Buffer.from(request.serializeBinary()), { stockStruct: Struct }).getProperties() as object;
        };
        const struct = wire({ name: "orders", arn: "04da6b54-80e4-46f7-96ec-b56ff0331ba9" });
        const properties = policyDeserialize.deserializeProperties(struct, false);
        const proxied = policyProxy.unknownCheckingProxy(properties);
        assert.equal(policyDeserialize.deserializeProperties(struct, false), properties);
        assert.equal(policyProxy.unknownCheckingProxy(properties), proxied);
        assert.equal(proxied.name, "orders");
        assert.throws(() => proxied.arn, /string value at \.arn can't be known during preview/);
        // Asked for out of turn (another Struct deserialized in between), the proxy still reads the same properties.
        const other = policyDeserialize.deserializeProperties(wire({ name: "refunds" }), false);
        assert.deepEqual(other, { name: "refunds" });
        assert.equal(policyProxy.unknownCheckingProxy(properties).name, "orders");
        assert.notEqual(policyDeserialize.deserializeProperties(struct, true), properties);
    });
});
