import * as assert from "node:assert/strict";
import { analyzeResource, undetermined } from "./support/pack";
import { arn, compliantEventStack, resource, role, T, withProps } from "./support/fixtures";
import { UNKNOWN } from "./support/wire-values";

const POLICY = "least-privilege-iam";

describe("least-privilege-iam", () => {
    it("passes the consumer role: listed actions on named ARNs, X-Ray on * (which AWS only allows on *)", async () => {
        assert.deepEqual(await analyzeResource(compliantEventStack().consumerRole, POLICY), []);
    });

    it("flags \"*\" and \"service:*\" actions and a Resource \"*\" on actions that accept ARNs", async () => {
        const broad = role("broad-role", [
            { Effect: "Allow", Action: "dynamodb:*", Resource: arn.table("orders") },
            { Effect: "Allow", Action: ["s3:GetObject", "xray:PutTraceSegments"], Resource: "*" },
        ]);
        assert.deepEqual((await analyzeResource(broad, POLICY)).map((f) => [f.level, f.detail]), [
            ["mandatory", `Role "broad-role" inline policy "least-privilege", statement 1, grants "dynamodb:*"; list the actions the code calls.`],
            ["mandatory", `Role "broad-role" inline policy "least-privilege", statement 2, grants s3:GetObject on Resource "*"; scope them to the ARNs they need.`],
        ]);
    });

    it("flags Allow with NotAction in a RolePolicy given as an object (raw program input)", async () => {
        const rolePolicy = resource(T.rolePolicy, "escape", { role: "r", policy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", NotAction: "iam:*", Resource: "*" }] } });
        assert.deepEqual((await analyzeResource(rolePolicy, POLICY)).map((f) => f.detail), [
            `RolePolicy "escape" policy, statement 1, allows every action except iam:* (NotAction).`,
        ]);
    });

    it("flags an AdministratorAccess attachment", async () => {
        const attachment = resource(T.attachment, "admin", { role: "r", policyArn: "arn:aws:iam::aws:policy/AdministratorAccess" });
        assert.deepEqual((await analyzeResource(attachment, POLICY)).map((f) => f.detail), [
            `"admin" attaches the AWS managed policy AdministratorAccess, which grants far more than a workload needs. ` +
            `Replace it with an inline policy listing the actions and resources the code uses.`,
        ]);
    });

    it("accepts an unknown resource ARN inside a known statement (an output of another resource)", async () => {
        const policy = resource(T.policy, "reader", { policy: { Statement: [{ Effect: "Allow", Action: "sqs:ReceiveMessage", Resource: UNKNOWN }] } });
        assert.deepEqual(await analyzeResource(policy, POLICY), []);
    });

    it("flags roles/editor granted on the project to a Cloud Run service account", async () => {
        const member = resource(T.projectMember, "churn-editor", { project: "p", role: "roles/editor", member: "serviceAccount:churn-api@p.iam.gserviceaccount.com" });
        assert.deepEqual((await analyzeResource(member, POLICY)).map((f) => f.detail), [
            `"churn-editor" grants the basic role roles/editor on the project to serviceAccount:churn-api@p.iam.gserviceaccount.com. ` +
            `Grant the predefined roles the service needs (e.g. roles/secretmanager.secretAccessor on one secret) instead.`,
        ]);
    });

    it("flags Contributor assigned to an Azure identity and accepts a data role", async () => {
        const contributor = resource(T.roleAssignment, "app-contributor", {
            principalId: "00000000-0000-0000-0000-000000000001", principalType: "ServicePrincipal",
            roleDefinitionId: "/subscriptions/s/providers/Microsoft.Authorization/roleDefinitions/b24988ac-6180-42a0-ab88-20f7382dd24c",
        });
        const queueData = withProps(contributor, { roleDefinitionId: "/subscriptions/s/providers/Microsoft.Authorization/roleDefinitions/974c5e8b-45b9-4653-ba55-5f855dd0fb88" });
        assert.deepEqual((await analyzeResource(contributor, POLICY)).map((f) => f.detail), [
            `"app-contributor" assigns the built-in role b24988ac-6180-42a0-ab88-20f7382dd24c (Owner, Contributor or User ` +
            `Access Administrator). Assign the narrowest data role the identity needs (e.g. Storage Queue Data Contributor on one account).`,
        ]);
        assert.deepEqual(await analyzeResource(queueData, POLICY), []);
    });

    it("reports 'cannot be determined' when a policy document is unknown", async () => {
        const policy = resource(T.rolePolicy, "computed", { role: "r", policy: UNKNOWN });
        assert.deepEqual(await analyzeResource(policy, POLICY), [undetermined(POLICY, policy.urn, "policy is unknown")]);
    });
});
