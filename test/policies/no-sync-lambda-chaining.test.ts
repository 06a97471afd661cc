import * as assert from "node:assert/strict";
import { analyzeStack, PRODUCTION_CONFIG, undetermined, withConfig } from "./support/pack";
import { arn, compliantEventStack, lambdaFunction, policyDocument, replacing, resource, role, T, withProps } from "./support/fixtures";
import { UNKNOWN } from "./support/wire-values";

const POLICY = "no-sync-lambda-chaining";
const FIX = "Let the caller send to an SQS queue, publish to SNS or start a Step Functions execution instead, or list " +
    "the function in allowedInvokers if the synchronous call is a reviewed exception.";

describe("no-sync-lambda-chaining", () => {
    const invoke = { Effect: "Allow", Action: "lambda:InvokeFunction", Resource: arn.lambda("billing-1a2b3c") };

    it("passes execution roles that send to queues instead of invoking functions", async () => {
        assert.deepEqual(await analyzeStack(compliantEventStack().all(), POLICY), []);
    });

    it("flags lambda:InvokeFunction in the role's inline policy", async () => {
        const callerRole = role("orders-role", [invoke]);
        const stack = [callerRole, lambdaFunction("orders", arn.role("orders-role"))];
        assert.deepEqual(await analyzeStack(stack, POLICY), [{
            policy: POLICY, level: "mandatory", urn: callerRole.urn,
            detail: `Lambda execution role "orders-role" (used by "orders") is allowed lambda:InvokeFunction by Role ` +
                `"orders-role": that is synchronous Lambda-to-Lambda chaining. ${FIX}`,
        }]);
    });

    it("flags a lambda:* grant in a RolePolicy attached to the role while its name is unknown (matched by edges)", async () => {
        const callerRole = role("orders-role", []);
        const rolePolicy = resource(T.rolePolicy, "orders-invoke", { role: UNKNOWN, policy: policyDocument({ Effect: "Allow", Action: "lambda:*", Resource: "*" }) },
            { propertyDependencies: { role: [callerRole.urn] } });
        const found = await analyzeStack([callerRole, rolePolicy, lambdaFunction("orders", arn.role("orders-role"))], POLICY);
        assert.deepEqual(found.map((f) => f.detail), [
            `Lambda execution role "orders-role" (used by "orders") is allowed lambda:InvokeFunction, lambda:InvokeFunctionUrl, ` +
            `lambda:InvokeWithResponseStream by RolePolicy "orders-invoke": that is synchronous Lambda-to-Lambda chaining. ${FIX}`,
        ]);
    });

    it("flags the AWSLambdaRole managed policy (by its statements) and a customer policy attached to a role Lambda may assume", async () => {
        const callerRole = withProps(role("worker-role", []), { managedPolicyArns: ["arn:aws:iam::aws:policy/service-role/AWSLambdaRole"] });
        const policy = resource(T.policy, "invoke-all", { arn: "arn:aws:iam::123456789012:policy/invoke-all", policy: policyDocument(invoke) });
        const attachment = resource(T.attachment, "worker-invoke", { role: "worker-role", policyArn: "arn:aws:iam::123456789012:policy/invoke-all" });
        const found = await analyzeStack([callerRole, policy, attachment], POLICY);
        assert.deepEqual(found.map((f) => f.detail), [
            `Lambda execution role "worker-role" (trusted by Lambda) is allowed lambda:InvokeFunction by the AWS managed policy ` +
            `AWSLambdaRole (attached by Role "worker-role"): that is synchronous Lambda-to-Lambda chaining. ${FIX}`,
            `Lambda execution role "worker-role" (trusted by Lambda) is allowed lambda:InvokeFunction by Policy "invoke-all": ` +
            `that is synchronous Lambda-to-Lambda chaining. ${FIX}`,
        ]);
    });

    it("judges any AWS managed policy by what it grants: AWSLambdaInvocation-DynamoDB invokes, AWSLambdaBasicExecutionRole does not", async () => {
        const callerRole = role("stream-role", []);
        const invoking = resource(T.attachment, "stream-invoke", { role: "stream-role", policyArn: "arn:aws:iam::aws:policy/AWSLambdaInvocation-DynamoDB" });
        const logging = resource(T.attachment, "stream-logs", { role: "stream-role", policyArn: "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole" });
        const fn = lambdaFunction("stream", arn.role("stream-role"));
        assert.deepEqual((await analyzeStack([callerRole, invoking, logging, fn], POLICY)).map((f) => f.detail), [
            `Lambda execution role "stream-role" (used by "stream") is allowed lambda:InvokeFunction by the AWS managed policy ` +
            `AWSLambdaInvocation-DynamoDB (attached by RolePolicyAttachment "stream-invoke"): that is synchronous Lambda-to-Lambda chaining. ${FIX}`,
        ]);
        assert.deepEqual(await analyzeStack([callerRole, logging, fn], POLICY), []);
    });

    it("accepts a function listed in allowedInvokers", async () => {
        const stack = [role("orders-role", [invoke]), lambdaFunction("orders", arn.role("orders-role"))];
        const config = { ...PRODUCTION_CONFIG, [POLICY]: { allowedInvokers: ["orders"] } };
        assert.deepEqual(await withConfig(config, () => analyzeStack(stack, POLICY)), []);
    });

    it("reports 'cannot be determined' when a role's inline policy document is unknown", async () => {
        const stack = compliantEventStack();
        const unknownPolicy = withProps(stack.consumerRole, { inlinePolicies: [{ name: "least-privilege", policy: UNKNOWN }] });
        assert.deepEqual(await analyzeStack(replacing(stack.all(), unknownPolicy), POLICY), [
            undetermined(POLICY, null, `the policy document of Role "consumer-role" is unknown`),
        ]);
    });
});
