import { PolicyPack } from "@pulumi/policy";
import { allPolicies } from "./lib/catalog";
import { decodeAnalyzerRequestsDirectly } from "./lib/direct-request-decoding";
import { recordWireProperties } from "./lib/secret-marks";
import { shareDeserializedProperties } from "./lib/shared-deserialization";

// Before the server starts (PolicyPack starts it): how requests are decoded, then the deserializer's wrappers,
// recording innermost so that it runs once per resource and request, not once per policy.
decodeAnalyzerRequestsDirectly();
recordWireProperties();
shareDeserializedProperties();
new PolicyPack("serverless-guardrails", { policies: allPolicies });
