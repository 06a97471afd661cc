import { strict as assert } from "node:assert";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { ChildRegistrar, StandInCloud, Unresolved } from "../../tools/harness/stand-in";
import { awsOutputs } from "../../tools/harness/stand-in/aws-outputs";
import { declaredOutputs } from "../../tools/harness/stand-in/declared-outputs";
import { azureOutputs, azureResourceTypes } from "../../tools/harness/stand-in/azure-outputs";
import { gcpOutputs } from "../../tools/harness/stand-in/gcp-outputs";
import { toolOutputs } from "../../tools/harness/stand-in/resource-state";
import { UNKNOWN_STRING_SENTINEL } from "../../contracts/unknown-value";

const location = { awsRegion: "eu-west-1", awsAccountId: "123456789012", gcpProject: "corpus-project", gcpRegion: "europe-west1",
    azureSubscriptionId: "00000000-0000-0000-0000-000000000000" };

interface Child { type: string; name: string; parentUrn: string; inputs: Record<string, unknown>; custom: boolean }

/** A stand-in cloud whose remote-component children are collected, as the harness records them. */
function standIn(preview = false): { cloud: StandInCloud; children: Child[] } {
    const children: Child[] = [];
    const registrar: ChildRegistrar = {
        register: (type, name, parentUrn, inputs, _deps, custom = true) => {
            children.push({ type, name, parentUrn, inputs, custom });
            const urn = `urn:pulumi:dev::corpus::${parentUrn.split("::")[2]}$${type}::${name}`;
            return { urn, id: custom ? cloud.childResource(type, name, inputs).id : "" };
        },
    };
    const cloud = new StandInCloud({ ...location, preview }, registrar);
    return { cloud, children };
}

/** The generated SDK classes whose declared outputs the stand-in reads (a program loads them by constructing resources). */
function loadSdkModules(): void {
    require("@pulumi/gcp/cloudrun/service");
    require("@pulumi/aws/apigateway/stage");
    require("@pulumi/aws/appsync/graphQLApi");
    require("@pulumi/awsx/ecr/image");
    require("@pulumi/awsx/ecs/fargateService");
    require("@pulumi/awsx/ec2/defaultVpc");
    require("@pulumi/awsx/lb/networkLoadBalancer");
}

/** The SDK module that declares a type token: `aws:lambda/function:Function` -> @pulumi/aws/lambda/function. */
function sdkModuleOf(type: string): string {
    const [pkg, module, typeName] = type.split(":");
    const sdk = path.dirname(require.resolve(`@pulumi/${pkg}/package.json`));
    const lowerFirst = `${typeName[0].toLowerCase()}${typeName.slice(1)}`;
    const relative = pkg === "azure-native" ? `${module}/${lowerFirst}` : module === "index" ? lowerFirst : module.replace(/^index\//, "");
    const file = [relative, relative.toLowerCase()].map((r) => path.join(sdk, `${r}.js`)).find((f) => fs.existsSync(f));
    assert.ok(file, `no SDK module for ${type}`);
    return file;
}

describe("stand-in cloud", () => {
    before(loadSdkModules);

    it("has a row for each type whose outputs cover every output its provider SDK declares (names checked against the SDK)", () => {
        const types = [...new Set([...Object.keys(awsOutputs), ...Object.keys(gcpOutputs), ...Object.keys(azureOutputs),
            ...Object.keys(azureResourceTypes), ...Object.keys(toolOutputs)])];
        const gaps: string[] = [];
        for (const type of types) {
            require(sdkModuleOf(type));
            assert.ok(declaredOutputs(type), `the SDK's declaration of ${type} is found`);
            const { cloud } = standIn();
            cloud.newResource(type, "row", {}, true, `urn:${type}`);
            gaps.push(...cloud.unresolved.map((u) => u.token));
        }
        assert.deepEqual(gaps, []);
        assert.ok(types.length > 100, `${types.length} types`);
    });

    it("renders aws.iam.getPolicyDocument from its arguments as the provider does", () => {
        const { cloud } = standIn();
        const result = cloud.invoke("aws:iam/getPolicyDocument:getPolicyDocument", {
            statements: [
                { sid: "Read", actions: ["s3:GetObject", "s3:ListBucket"], resources: ["arn:aws:s3:::b", "arn:aws:s3:::b/*"],
                    conditions: [{ test: "StringEquals", variable: "aws:PrincipalTag/team", values: ["orders"] },
                        { test: "StringEquals", variable: "aws:RequestedRegion", values: ["eu-west-1"] }] },
                { effect: "Deny", notActions: ["iam:*"], resources: ["*"],
                    principals: [{ type: "AWS", identifiers: ["arn:aws:iam::1:root"] }, { type: "AWS", identifiers: ["arn:aws:iam::2:root"] }] },
            ],
            overridePolicyDocuments: [JSON.stringify({ Statement: [{ Sid: "Read", Effect: "Allow", Action: "s3:GetObject", Resource: "*" }] })],
        });
        assert.deepEqual(JSON.parse(String(result.json)), {
            Version: "2012-10-17",
            Statement: [
                { Sid: "Read", Effect: "Allow", Action: "s3:GetObject", Resource: "*" },
                { Effect: "Deny", NotAction: "iam:*", Resource: "*", Principal: { AWS: ["arn:aws:iam::2:root", "arn:aws:iam::1:root"] } },
            ],
        });
        assert.equal(result.minifiedJson, JSON.stringify(JSON.parse(String(result.json))));
        const first = cloud.invoke("aws:iam/getPolicyDocument:getPolicyDocument", { statements: [
            { actions: ["sqs:SendMessage", "sqs:GetQueueUrl"], resources: ["*"],
                conditions: [{ test: "ArnEquals", variable: "aws:SourceArn", values: ["arn:a", "arn:b"] }] }] });
        assert.deepEqual(JSON.parse(String(first.json)).Statement, [{ Effect: "Allow", Action: ["sqs:SendMessage", "sqs:GetQueueUrl"], Resource: "*",
            Condition: { ArnEquals: { "aws:SourceArn": ["arn:b", "arn:a"] } } }]);
    });

    it("fails getPolicyDocument on a source document that is not JSON, naming the argument", () => {
        const { cloud } = standIn();
        assert.throws(() => cloud.invoke("aws:iam/getPolicyDocument:getPolicyDocument", { sourcePolicyDocuments: ["{not json"] }),
            /^Error: aws\.iam\.getPolicyDocument: sourcePolicyDocuments\[0\] is not a JSON policy document: \{not json$/);
    });

    it("answers an invoke outside the table as unknown and lists it with a null URN", () => {
        const { cloud } = standIn();
        const result = cloud.invoke("aws:route53/getZone:getZone", { name: "example.com" });
        cloud.invoke("aws:route53/getZone:getZone", { name: "example.org" });
        assert.deepEqual(cloud.unresolved, [{ token: "aws:route53/getZone:getZone", urn: null }], "listed once");
        let unknown: boolean | undefined;
        let returned: unknown = "not cleared";
        const response = {
            getReturn: () => ({ toJavaScript: () => result }),
            setReturn: (value: undefined) => { returned = value; },
            setUnknown: (value: boolean) => { unknown = value; },
        };
        const monitor = { invoke: (_request: unknown, callback: (error: unknown, r: typeof response) => void) => callback(null, response) };
        cloud.attach(monitor);
        let answered: typeof response | undefined;
        monitor.invoke({}, (_error, r) => { answered = r; });
        assert.equal(answered, response);
        assert.equal(unknown, true);
        assert.equal(returned, undefined);
    });

    it("gives the outputs programs read: Cloud Run v1 statuses[0].url, REST API stage invokeUrl", () => {
        const { cloud } = standIn();
        const run = cloud.newResource("gcp:cloudrun/service:Service", "hello", { location: "europe-west1", template: {} }, true,
            "urn:pulumi:dev::corpus::gcp:cloudrun/service:Service::hello");
        const statuses = run.state.statuses as { url: string }[];
        assert.match(statuses[0].url, /^https:\/\/hello-[0-9a-f]{7}-[0-9a-f]{10}-ew\.a\.run\.app$/);
        const stage = cloud.newResource("aws:apigateway/stage:Stage", "v1", { restApi: "a1b2c3d4e5", stageName: "v1", deployment: "d1" }, true, "urn:stage");
        assert.equal(stage.state.invokeUrl, "https://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com/v1");
        assert.deepEqual(stage.state.tagsAll, {});
        assert.deepEqual(cloud.unresolved, []);
    });

    it("leaves an output its table does not give unknown and lists it as <type>.<property> with the resource's URN", () => {
        const { cloud } = standIn();
        const urn = "urn:pulumi:dev::corpus::aws:appsync/graphQLApi:GraphQLApi::api";
        const { state } = cloud.newResource("aws:appsync/graphQLApi:GraphQLApi", "api", { authenticationType: "API_KEY" }, true, urn);
        assert.equal(state.uris, UNKNOWN_STRING_SENTINEL);
        assert.match(String(state.arn), /^arn:aws:appsync:eu-west-1:123456789012:/);
        assert.ok(cloud.unresolved.some((u: Unresolved) => u.token === "aws:appsync/graphQLApi:GraphQLApi.uris" && u.urn === urn));
        assert.ok(!cloud.unresolved.some((u) => u.token.endsWith(".arn") || u.token.endsWith(".tagsAll")));
    });

    it("in preview, leaves computed outputs unknown without calling them unresolved", () => {
        const { cloud } = standIn(true);
        const { id, state } = cloud.newResource("aws:appsync/graphQLApi:GraphQLApi", "api", { authenticationType: "API_KEY" }, true, "urn:api");
        assert.equal(id, "");
        assert.equal(state.uris, UNKNOWN_STRING_SENTINEL);
        assert.equal(state.arn, UNKNOWN_STRING_SENTINEL);
        assert.deepEqual(cloud.unresolved, []);
    });

    it("replays awsx.ecr.Image: a docker-build image under the component, imageUri <repository>@<digest>", () => {
        const { cloud, children } = standIn();
        const urn = "urn:pulumi:dev::corpus::awsx:ecr:Image::handler";
        const repositoryUrl = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/images-1a2b3c4";
        const { state } = cloud.newResource("awsx:ecr:Image", "handler", { repositoryUrl, context: "./app", imageTag: "v1" }, false, urn);
        assert.deepEqual(children.map((c) => [c.type, c.name, c.parentUrn]), [["docker-build:index:Image", "v1", urn]]);
        assert.deepEqual(children[0].inputs.tags, [`${repositoryUrl}:v1`]);
        assert.match(String(state.imageUri), new RegExp(`^${repositoryUrl.replace(/\./g, "\\.")}@sha256:[0-9a-f]{64}$`));
        assert.deepEqual(cloud.unresolved, []);
    });

    it("replays awsx.ecs.FargateService: task definition component, log group, roles, security group, service", () => {
        const { cloud, children } = standIn();
        const urn = "urn:pulumi:dev::corpus::awsx:ecs:FargateService::web";
        cloud.newResource("awsx:ecs:FargateService", "web", {
            cluster: "arn:aws:ecs:eu-west-1:123456789012:cluster/web", assignPublicIp: true,
            taskDefinitionArgs: { container: { name: "web", image: "nginx", cpu: 256, memory: 512, portMappings: [{ containerPort: 80 }] } },
        }, false, urn);
        assert.deepEqual(children.map((c) => `${c.type}::${c.name}${c.custom ? "" : " (component)"}`), [
            "awsx:ecs:FargateTaskDefinition::web (component)",
            "aws:cloudwatch/logGroup:LogGroup::web",
            "aws:iam/role:Role::web-task",
            "aws:iam/role:Role::web-execution",
            "aws:iam/rolePolicyAttachment:RolePolicyAttachment::web-execution-" +
                createHash("sha1").update("arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy").digest("hex"),
            "aws:ecs/taskDefinition:TaskDefinition::web",
            "aws:ec2/securityGroup:SecurityGroup::web-sg",
            "aws:ecs/service:Service::web",
        ]);
        const service = children[children.length - 1].inputs;
        assert.equal(service.launchType, "FARGATE");
        assert.match(String(service.taskDefinition), /^arn:aws:ecs:eu-west-1:123456789012:task-definition\/web-[0-9a-f]{40}:1$/);
        assert.equal((service.networkConfiguration as { assignPublicIp: boolean }).assignPublicIp, true);
    });

    it("replays awsx.ec2.DefaultVpc from the default VPC lookups, and FargateService's error when it would need private subnets there", () => {
        const { cloud, children } = standIn();
        const { state } = cloud.newResource("awsx:ec2:DefaultVpc", "default", {}, false, "urn:pulumi:dev::corpus::awsx:ec2:DefaultVpc::default");
        assert.match(String(state.vpcId), /^vpc-[0-9a-f]{17}$/);
        assert.equal((state.publicSubnetIds as string[]).length, 3);
        assert.deepEqual(state.privateSubnetIds, []);
        assert.deepEqual(children, []);
        assert.throws(() => cloud.newResource("awsx:ecs:FargateService", "web", { cluster: "c", taskDefinition: "arn:td" }, false,
            "urn:pulumi:dev::corpus::awsx:ecs:FargateService::web"), /^Error: The default VPC does not have any private subnets\. Set `assignPublicIp` to `true`/);
        assert.deepEqual(cloud.unresolved, []);
    });

    it("names a remote component whose children it cannot replay", () => {
        const { cloud, children } = standIn();
        const urn = "urn:pulumi:dev::corpus::awsx:lb:NetworkLoadBalancer::nlb";
        cloud.newResource("awsx:lb:NetworkLoadBalancer", "nlb", { subnetIds: ["subnet-1"] }, false, urn);
        assert.deepEqual(children, []);
        assert.deepEqual(cloud.unresolved[0], { token: "awsx:lb:NetworkLoadBalancer", urn });
        assert.ok(cloud.unresolved.slice(1).every((u) => u.urn === urn && u.token.startsWith("awsx:lb:NetworkLoadBalancer.")));
    });

    it("treats a local component (no generated SDK class) as echoing its inputs", () => {
        const { cloud } = standIn();
        assert.deepEqual(cloud.newResource("acme:storage:Store", "orders", { size: 1 }, false, "urn:store"), { id: undefined, state: { size: 1 } });
        assert.deepEqual(cloud.unresolved, []);
    });
});
