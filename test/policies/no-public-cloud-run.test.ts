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

    describe("Cloud Functions gen 1 and gen 2", () => {
        const FUNCTION_FIX = "Grant roles/cloudfunctions.invoker (gen 1) or roles/run.invoker (gen 2) to named service accounts " +
            "or groups (the seed's --no-allow-unauthenticated).";
        const gen1Invoker = resource(T.cloudFunctionV1Member, "thumbnails-invoker", {
            project: "p", region: "europe-west1", cloudFunction: "thumbnails", role: "roles/cloudfunctions.invoker",
            member: "serviceAccount:uploader@p.iam.gserviceaccount.com",
        });

        it("passes named invokers on a gen 1 function, a gen 2 function and its Cloud Run service", async () => {
            const gen2 = resource(T.cloudFunctionV2Member, "resizer-invoker", { location: "europe-west1", cloudFunction: "resizer",
                role: "roles/cloudfunctions.invoker", member: "group:ops@example.com" });
            const run = resource(T.cloudRunV2Member, "resizer-run-invoker", { name: "resizer", location: "europe-west1", role: "roles/run.invoker",
                member: "serviceAccount:uploader@p.iam.gserviceaccount.com" });
            assert.deepEqual([...await analyzeResource(gen1Invoker, POLICY), ...await analyzeResource(gen2, POLICY),
                ...await analyzeResource(run, POLICY)], []);
        });

        it("flags allUsers on a gen 1 FunctionIamMember", async () => {
            const open = withProps(gen1Invoker, { member: "allUsers" });
            assert.deepEqual((await analyzeResource(open, POLICY)).map((f) => [f.level, f.detail]), [["mandatory",
                `"thumbnails-invoker" grants roles/cloudfunctions.invoker on a Cloud Function to allUsers, which makes it public. ${FUNCTION_FIX}`]]);
        });

        it("flags allAuthenticatedUsers in a gen 2 binding, allUsers in a gen 1 policy and on the gen 2 function's Cloud Run service", async () => {
            const binding = resource(T.cloudFunctionV2Binding, "resizer-binding", { location: "europe-west1", cloudFunction: "resizer",
                role: "roles/cloudfunctions.invoker", members: ["allAuthenticatedUsers"] });
            const policy = resource(T.cloudFunctionV1Policy, "thumbnails-policy", { cloudFunction: "thumbnails",
                policyData: JSON.stringify({ bindings: [{ role: "roles/cloudfunctions.invoker", members: ["allUsers"] }] }) });
            const run = resource(T.cloudRunV2Member, "resizer-public", { name: "resizer", location: "europe-west1", role: "roles/run.invoker", member: "allUsers" });
            const found = [...await analyzeResource(binding, POLICY), ...await analyzeResource(policy, POLICY), ...await analyzeResource(run, POLICY)];
            assert.deepEqual(found.map((f) => f.detail), [
                `"resizer-binding" grants roles/cloudfunctions.invoker on a Cloud Function to allAuthenticatedUsers, which makes it public. ${FUNCTION_FIX}`,
                `"thumbnails-policy" grants roles/cloudfunctions.invoker on a Cloud Function to allUsers, which makes it public. ${FUNCTION_FIX}`,
                `"resizer-public" grants roles/run.invoker on a Cloud Run service to allUsers, which makes it public. ${FIX}`,
            ]);
        });

        it("reports 'cannot be determined' for an unknown gen 2 member", async () => {
            const unknown = resource(T.cloudFunctionV2Member, "resizer-invoker", { cloudFunction: "resizer", role: "roles/cloudfunctions.invoker", member: UNKNOWN });
            assert.deepEqual(await analyzeResource(unknown, POLICY), [undetermined(POLICY, unknown.urn, "the granted members are unknown")]);
        });
    });
});
