import { PolicyPack } from "@pulumi/policy";
import { allPolicies } from "./lib/catalog";
import { recordWireProperties } from "./lib/secret-marks";
import { shareDeserializedProperties } from "./lib/shared-deserialization";

shareDeserializedProperties();
recordWireProperties();
new PolicyPack("serverless-guardrails", { policies: allPolicies });
