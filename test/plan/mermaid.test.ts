import { strict as assert } from "node:assert";
import type { RecordedResource } from "../../tools/harness";
import { mermaidGraph } from "../../tools/plan/mermaid";

const STACK = "urn:pulumi:dev::p::pulumi:pulumi:Stack::p-dev";

function recorded(type: string, name: string, parent: string, custom: boolean, dependencies: string[] = []): RecordedResource {
    const parentType = parent === STACK ? "" : `${parent.split("::")[2]}$`;
    return { urn: `urn:pulumi:dev::p::${parentType}${type}::${name}`, type, name, custom, parent, dependencies,
        propertyDependencies: {}, inputs: {}, outputs: {} };
}

describe("offline plan --graph", () => {
    it("draws components by cloud, containment dotted and dependencies on the top-level component solid", () => {
        const stack: RecordedResource = { urn: STACK, type: "pulumi:pulumi:Stack", name: "p-dev", custom: false, dependencies: [], propertyDependencies: {}, inputs: {}, outputs: {} };
        const network = recorded("serverless-platform:aws:Network", "network", STACK, false);
        const vpc = recorded("awsx:ec2:Vpc", "network-vpc", network.urn, false);
        const subnet = recorded("aws:ec2/subnet:Subnet", "private-1", vpc.urn, true);
        const api = recorded("serverless-platform:aws:CustomerApi", "customer-api", STACK, false);
        const fn = recorded("serverless-platform:aws:ServerlessFunction", "customer-api", api.urn, false);
        const lambda = recorded("aws:lambda/function:Function", "customer-api-function", fn.urn, true, [subnet.urn]);
        const service = recorded("serverless-platform:gcp:CloudRunService", "churn-api", STACK, false);
        assert.equal(mermaidGraph([stack, network, vpc, subnet, api, fn, lambda, service]), [
            "flowchart LR",
            "  subgraph aws",
            '    c0["network<br/><small>Network</small>"]',
            '    c1["network-vpc<br/><small>Vpc</small>"]',
            '    c2["customer-api<br/><small>CustomerApi</small>"]',
            '    c3["customer-api<br/><small>ServerlessFunction</small>"]',
            "  end",
            "  subgraph gcp",
            '    c4["churn-api<br/><small>CloudRunService</small>"]',
            "  end",
            "  c0 -.-> c1",
            "  c2 -.-> c3",
            "  c3 --> c0",
            "",
        ].join("\n"));
    });
});
