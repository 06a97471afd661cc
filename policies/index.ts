import { PolicyPack } from "@pulumi/policy";
import { allPolicies } from "./lib/catalog";
import { shareDeserializedProperties } from "./lib/shared-deserialization";

shareDeserializedProperties();
new PolicyPack("serverless-guardrails", { policies: allPolicies });
