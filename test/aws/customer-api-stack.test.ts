import * as assert from "node:assert/strict";
import { ProgramRun, RecordedResource } from "../../tools/harness";
import { ofType, planStack, resource } from "../support/stack";

/** The expected values per stack come from Pulumi.<stack>.yaml (and Pulumi.yaml defaults). */
const EXPECTED = {
    dev: { logLevel: "DEBUG", retentionDays: 7, reserved: 10, provisioned: undefined, rate: 50, burst: 100, azs: 0, nats: 0 },
    production: { logLevel: "INFO", retentionDays: 90, reserved: 50, provisioned: 5, rate: 500, burst: 1000, azs: 3, nats: 3 },
} as const;

type Statement = { Sid: string; Effect: string; Action: string[]; Resource: string[] };

const FUNCTION = "aws:lambda/function:Function";
const byName = (run: ProgramRun, type: string, name: string) => resource(run, type, name);
const arnOf = (r: RecordedResource) => String(r.outputs.arn);

for (const stack of ["dev", "production"] as const) {
    const expected = EXPECTED[stack];

    describe(`customer API function in ${stack} (mock plan of index.ts)`, () => {
        let run: ProgramRun;
        let fn: RecordedResource;
        before(async () => {
            run = await planStack(stack);
            fn = byName(run, FUNCTION, "customer-api-handler-function");
        });

        it(`runs nodejs22.x on arm64 with the seed's 30 s / 256 MB, reserved concurrency ${expected.reserved} and X-Ray Active`, () => {
            assert.equal(fn.inputs.name, `${stack}-customer-api`);
            assert.equal(fn.inputs.runtime, "nodejs22.x");
            assert.deepEqual(fn.inputs.architectures, ["arm64"]);
            assert.equal(fn.inputs.timeout, 30);
            assert.equal(fn.inputs.memorySize, 256);
            assert.equal(fn.inputs.reservedConcurrentExecutions, expected.reserved);
            assert.deepEqual(fn.inputs.tracingConfig, { mode: "Active" });
        });

        it(`logs JSON at ${expected.logLevel} into its own log group kept ${expected.retentionDays} days, created before the function`, () => {
            const logGroup = byName(run, "aws:cloudwatch/logGroup:LogGroup", "customer-api-handler-logs");
            assert.equal(logGroup.inputs.name, `/aws/lambda/${stack}-customer-api`);
            assert.equal(logGroup.inputs.retentionInDays, expected.retentionDays);
            assert.deepEqual(fn.inputs.loggingConfig, {
                logFormat: "JSON", logGroup: `/aws/lambda/${stack}-customer-api`, applicationLogLevel: expected.logLevel, systemLogLevel: "INFO",
            });
            assert.ok(fn.dependencies.includes(logGroup.urn));
            assert.equal((fn.inputs.environment as { variables: Record<string, string> }).variables.LOG_LEVEL, expected.logLevel);
        });

        it("passes TABLE_NAME and SECRET_ARN of the customers table and the API key secret", () => {
            const table = byName(run, "aws:dynamodb/table:Table", "customer-api-customers");
            const secret = byName(run, "aws:secretsmanager/secret:Secret", "customer-api-api-key");
            const variables = (fn.inputs.environment as { variables: Record<string, string> }).variables;
            assert.equal(variables.TABLE_NAME, `${stack}-customers`);
            assert.equal(variables.SECRET_ARN, arnOf(secret));
            assert.equal(table.inputs.hashKey, "customer_id");
        });

        it("gives the role exactly its log group, X-Ray, the three table actions, the secret, and ENI rights only in a VPC", () => {
            const policy = byName(run, "aws:iam/rolePolicy:RolePolicy", "customer-api-handler-policy");
            const role = byName(run, "aws:iam/role:Role", "customer-api-handler-role");
            assert.equal(policy.inputs.role, role.id);
            assert.equal(fn.inputs.role, arnOf(role));
            const statements = (JSON.parse(String(policy.inputs.policy)) as { Statement: Statement[] }).Statement;
            const logGroup = byName(run, "aws:cloudwatch/logGroup:LogGroup", "customer-api-handler-logs");
            const expectedStatements: Statement[] = [
                { Sid: "WriteOwnLogGroup", Effect: "Allow", Action: ["logs:CreateLogStream", "logs:PutLogEvents"], Resource: [`${arnOf(logGroup)}:*`] },
                { Sid: "WriteXRayTraces", Effect: "Allow", Action: ["xray:PutTelemetryRecords", "xray:PutTraceSegments"], Resource: ["*"] },
                {
                    Sid: "ReadWriteCustomers", Effect: "Allow", Action: ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem"],
                    Resource: [arnOf(byName(run, "aws:dynamodb/table:Table", "customer-api-customers"))],
                },
                {
                    Sid: "ReadApiKeySecret", Effect: "Allow", Action: ["secretsmanager:GetSecretValue"],
                    Resource: [arnOf(byName(run, "aws:secretsmanager/secret:Secret", "customer-api-api-key"))],
                },
            ];
            if (stack === "production") {
                const sg = byName(run, "aws:ec2/securityGroup:SecurityGroup", "network-functions");
                const privateSubnets = ofType(run, "aws:ec2/subnet:Subnet").filter((s) => s.name.includes("-private-"));
                const eni = "arn:aws:ec2:eu-west-1:123456789012:network-interface/*";
                expectedStatements.push(
                    { Sid: "CreateNetworkInterfacesInOwnSubnets", Effect: "Allow", Action: ["ec2:CreateNetworkInterface"], Resource: [eni, arnOf(sg), ...privateSubnets.map(arnOf)] },
                    { Sid: "ManageOwnNetworkInterfaces", Effect: "Allow", Action: ["ec2:AssignPrivateIpAddresses", "ec2:DeleteNetworkInterface", "ec2:UnassignPrivateIpAddresses"], Resource: [eni] },
                    { Sid: "DescribeNetworkInterfaces", Effect: "Allow", Action: ["ec2:DescribeNetworkInterfaces", "ec2:DescribeSubnets"], Resource: ["*"] },
                );
            }
            assert.deepEqual(statements, expectedStatements);
        });

        it("publishes a version and points alias live at it", () => {
            const alias = byName(run, "aws:lambda/alias:Alias", "customer-api-handler-live");
            assert.equal(fn.inputs.publish, true);
            assert.deepEqual({ name: alias.inputs.name, functionName: alias.inputs.functionName, functionVersion: alias.inputs.functionVersion },
                { name: "live", functionName: `${stack}-customer-api`, functionVersion: fn.outputs.version });
            assert.equal(fn.outputs.version, "1");
        });

        it(expected.provisioned ? `keeps ${expected.provisioned} provisioned instances on alias live` : "has no provisioned concurrency", () => {
            const configs = ofType(run, "aws:lambda/provisionedConcurrencyConfig:ProvisionedConcurrencyConfig")
                .map((c) => ({ functionName: c.inputs.functionName, qualifier: c.inputs.qualifier, instances: c.inputs.provisionedConcurrentExecutions }));
            assert.deepEqual(configs, expected.provisioned
                ? [{ functionName: `${stack}-customer-api`, qualifier: "live", instances: expected.provisioned }] : []);
        });

        it("is synchronous only (API Gateway): no dead-letter queue and no async invoke config", () => {
            const children = run.resources.filter((r) => r.parent === byName(run, "serverless-platform:aws:ServerlessFunction", "customer-api-handler").urn);
            assert.deepEqual(children.filter((r) => r.type.startsWith("aws:sqs") || r.type.includes("functionEventInvokeConfig")), []);
        });

        it("alarms the alarm topic on Errors > 10 over 300 s for 2 periods, any Throttles, and p99 Duration above 24 s", () => {
            const topicArn = arnOf(byName(run, "aws:sns/topic:Topic", "alarms-topic"));
            const alarms = ["errors", "throttles", "duration"].map((kind) => byName(run, "aws:cloudwatch/metricAlarm:MetricAlarm", `customer-api-handler-${kind}`).inputs);
            assert.deepEqual(alarms.map((a) => [a.metricName, a.statistic ?? a.extendedStatistic, a.comparisonOperator, a.threshold, a.period, a.evaluationPeriods]), [
                ["Errors", "Sum", "GreaterThanThreshold", 10, 300, 2],
                ["Throttles", "Sum", "GreaterThanThreshold", 0, 300, 1],
                ["Duration", "p99", "GreaterThanThreshold", 24000, 300, 2],
            ]);
            for (const alarm of alarms) {
                assert.deepEqual(alarm.dimensions, { FunctionName: `${stack}-customer-api` });
                assert.deepEqual(alarm.alarmActions, [topicArn]);
                assert.deepEqual(alarm.okActions, [topicArn]);
            }
        });

        it(`tags the function with the cost assumptions of ${stack}`, () => {
            const tags = fn.inputs.tags as Record<string, string>;
            assert.equal(tags["cost-requests-per-month"], stack === "production" ? "30000000" : "100000");
            assert.equal(tags["cost-avg-duration-ms"], "120");
            assert.equal(tags["cost-payload-kb"], "1");
        });

        it(`serves the handler's three routes through alias live, with access logs and throttling ${expected.rate}/${expected.burst}`, () => {
            const integration = byName(run, "aws:apigatewayv2/integration:Integration", "customer-api-lambda");
            assert.equal(integration.inputs.integrationUri, byName(run, "aws:lambda/alias:Alias", "customer-api-handler-live").outputs.arn);
            assert.equal(integration.inputs.payloadFormatVersion, "2.0");
            assert.deepEqual(ofType(run, "aws:apigatewayv2/route:Route").filter((r) => r.name.startsWith("customer-api-")).map((r) => r.inputs.routeKey).sort(),
                ["PATCH /customers/{customer_id}", "POST /customers/lookup", "PUT /customers/{customer_id}"]);
            const permission = byName(run, "aws:lambda/permission:Permission", "customer-api-invoke");
            assert.equal(permission.inputs.qualifier, "live");
            assert.equal(permission.inputs.principal, "apigateway.amazonaws.com");
            const stage = byName(run, "aws:apigatewayv2/stage:Stage", "customer-api-stage");
            const accessLogs = byName(run, "aws:cloudwatch/logGroup:LogGroup", "customer-api-access-logs");
            assert.equal(accessLogs.inputs.retentionInDays, expected.retentionDays);
            assert.equal((stage.inputs.accessLogSettings as { destinationArn: string }).destinationArn, arnOf(accessLogs));
            assert.deepEqual(stage.inputs.defaultRouteSettings, { throttlingRateLimit: expected.rate, throttlingBurstLimit: expected.burst, detailedMetricsEnabled: true });
        });

        it(expected.azs ? `places the function in ${expected.azs} private subnets routed to ${expected.nats} NAT gateways` : "creates no VPC, NAT gateway or VPC config", () => {
            const nats = ofType(run, "aws:ec2/natGateway:NatGateway");
            assert.equal(nats.length, expected.nats);
            assert.equal(ofType(run, "awsx:ec2:Vpc").length, expected.azs ? 1 : 0);
            if (!expected.azs) {
                assert.equal(fn.inputs.vpcConfig, undefined);
                return;
            }
            const privateSubnets = ofType(run, "aws:ec2/subnet:Subnet").filter((s) => s.name.includes("-private-"));
            const vpcConfig = fn.inputs.vpcConfig as { subnetIds: string[]; securityGroupIds: string[] };
            assert.deepEqual(vpcConfig.subnetIds, privateSubnets.map((s) => s.id));
            assert.deepEqual(vpcConfig.securityGroupIds, [byName(run, "aws:ec2/securityGroup:SecurityGroup", "network-functions").id]);
            const natRoutes = ofType(run, "aws:ec2/route:Route").filter((r) => r.inputs.natGatewayId !== undefined);
            assert.deepEqual(natRoutes.map((r) => r.inputs.natGatewayId).sort(), nats.map((n) => n.id).sort());
        });
    });
}
