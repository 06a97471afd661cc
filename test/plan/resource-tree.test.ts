import { strict as assert } from "node:assert";
import { estimateMonthlyCost } from "../../policies/lib/cost";
import type { RecordedResource } from "../../tools/harness";
import { humanReport } from "../../tools/plan/human-output";

const STACK = "urn:pulumi:dev::p::pulumi:pulumi:Stack::p-dev";

function recorded(type: string, name: string, parent: string, custom: boolean): RecordedResource {
    const parentType = parent === STACK ? "" : `${parent.split("::")[2]}$`;
    return { urn: `urn:pulumi:dev::p::${parentType}${type}::${name}`, type, name, custom, parent, dependencies: [],
        propertyDependencies: {}, inputs: {}, outputs: {} };
}

describe("offline plan report: resources", () => {
    it("groups resources by cloud, then by component (nested), with counts and the types inside each", () => {
        const stack: RecordedResource = { urn: STACK, type: "pulumi:pulumi:Stack", name: "p-dev", custom: false, dependencies: [], propertyDependencies: {}, inputs: {}, outputs: {} };
        const network = recorded("serverless-platform:aws:Network", "network", STACK, false);
        const vpc = recorded("awsx:ec2:Vpc", "network-vpc", network.urn, false);
        const api = recorded("serverless-platform:aws:CustomerApi", "customer-api", STACK, false);
        const fn = recorded("serverless-platform:aws:ServerlessFunction", "customer-api", api.urn, false);
        const resources = [
            stack, network, vpc,
            recorded("aws:ec2/subnet:Subnet", "private-1", vpc.urn, true),
            recorded("aws:ec2/subnet:Subnet", "private-2", vpc.urn, true),
            recorded("aws:ec2/natGateway:NatGateway", "nat-1", vpc.urn, true),
            api, recorded("aws:apigatewayv2/api:Api", "customer-api-http", api.urn, true),
            fn, recorded("aws:lambda/function:Function", "customer-api-function", fn.urn, true),
            recorded("aws:iam/role:Role", "customer-api-role", fn.urn, true),
            recorded("aws:sns/topic:Topic", "alarms", STACK, true),
            recorded("gcp:cloudrunv2/service:Service", "churn-api", STACK, true),
        ];
        const report = humanReport({
            run: { project: "p", stack: "dev", preview: false, resources, outputs: {}, unresolved: [] },
            violations: [], cost: estimateMonthlyCost([]), timings: { programMs: 1000, packReadyMs: 2000, totalMs: 2100 },
        }, "index.ts");
        assert.equal(report.slice(report.indexOf("Resources:"), report.indexOf("\n\nPolicy violations")), [
            "Resources: 12",
            "  aws (11)",
            "    network [serverless-platform:aws:Network] (4)",
            "      network-vpc [awsx:ec2:Vpc] (3)",
            "        ec2/Subnet x2, ec2/NatGateway x1",
            "    customer-api [serverless-platform:aws:CustomerApi] (4)",
            "      apigatewayv2/Api x1",
            "      customer-api [serverless-platform:aws:ServerlessFunction] (2)",
            "        lambda/Function x1, iam/Role x1",
            "    (no component) (1)",
            "      sns/Topic x1",
            "  gcp (1)",
            "    (no component) (1)",
            "      cloudrunv2/Service x1",
        ].join("\n"));
        assert.match(report, /^Plan of stack "dev" \(index\.ts; outputs known, as for a stack that already exists\) in 2\.1 s\n {2}\(program done after 1\.0 s, policy pack ready after 2\.0 s\)\n/);
    });
});
