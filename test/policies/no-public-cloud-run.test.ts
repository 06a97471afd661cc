import * as assert from "node:assert/strict";
import { analyzeResource, undetermined } from "./support/pack";
import { resource, T, withProps } from "./support/fixtures";
import { UNKNOWN } from "./support/wire-values";

const POLICY = "no-public-cloud-run";
const FIX = "Grant roles/run.invoker to named service accounts or groups (the seed's --no-allow-unauthenticated).";

describe("no-public-cloud-run", () => {
    const invoker = resource(T.cloudRunV2Member, "churn-invoker", {
        name: "churn-api", location: "europe-west1", role: "roles/run.invoker", member: "serviceAccount:churn-client@p.iam.gserviceaccount.com",
    });
    const service = resource(T.cloudRunV2, "churn-api", { name: "churn-api", location: "europe-west1", ingress: "INGRESS_TRAFFIC_ALL" });

    it("passes a v2 service with its invoker IAM check and a named service-account invoker", async () => {
        assert.deepEqual([...await analyzeResource(invoker, POLICY), ...await analyzeResource(service, POLICY)], []);
    });

    it("flags allUsers on a v2 ServiceIamMember", async () => {
        const open = withProps(invoker, { member: "allUsers" });
        assert.deepEqual(await analyzeResource(open, POLICY), [{
            policy: POLICY, level: "mandatory", urn: open.urn,
            detail: `"churn-invoker" grants roles/run.invoker on a Cloud Run service to allUsers, which makes it public. ${FIX}`,
        }]);
    });

    it("flags allAuthenticatedUsers in a v2 binding and in a v1 IamMember", async () => {
        const binding = resource(T.cloudRunV2Binding, "churn-binding", { name: "churn-api", role: "roles/run.invoker", members: ["group:ops@example.com", "allAuthenticatedUsers"] });
        const v1 = resource(T.cloudRunV1Member, "legacy-invoker", { service: "legacy", role: "roles/run.invoker", member: "allUsers" });
        assert.deepEqual([...await analyzeResource(binding, POLICY), ...await analyzeResource(v1, POLICY)].map((f) => f.detail), [
            `"churn-binding" grants roles/run.invoker on a Cloud Run service to allAuthenticatedUsers, which makes it public. ${FIX}`,
            `"legacy-invoker" grants roles/run.invoker on a Cloud Run service to allUsers, which makes it public. ${FIX}`,
        ]);
    });

    it("flags allUsers inside a v2 IAM policy document", async () => {
        const policy = resource(T.cloudRunV2Policy, "churn-policy", { name: "churn-api", policyData: JSON.stringify({ bindings: [{ role: "roles/run.invoker", members: ["allUsers"] }] }) });
        assert.deepEqual((await analyzeResource(policy, POLICY)).map((f) => f.detail), [
            `"churn-policy" grants roles/run.invoker on a Cloud Run service to allUsers, which makes it public. ${FIX}`,
        ]);
    });

    it("flags a v2 service with invokerIamDisabled", async () => {
        assert.deepEqual((await analyzeResource(withProps(service, { invokerIamDisabled: true }), POLICY)).map((f) => f.detail), [
            `Cloud Run service "churn-api" disables the invoker IAM check, so anyone who can reach it can call it. Remove ` +
            `invokerIamDisabled and ${FIX}`,
        ]);
    });

    it("reports 'cannot be determined' when the member is unknown", async () => {
        const computed = withProps(invoker, { member: UNKNOWN });
        assert.deepEqual(await analyzeResource(computed, POLICY), [undetermined(POLICY, computed.urn, "the granted members are unknown")]);
    });
});
