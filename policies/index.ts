import { PolicyPack } from "@pulumi/policy";
import { allPolicies } from "./lib/catalog";

new PolicyPack("serverless-guardrails", { policies: allPolicies });
