import { strict as assert } from "node:assert";
import * as path from "node:path";
import type { PlanDocument } from "../../tools/plan/json-output";
import { planInProcess, planJson } from "../plan/run-plan-cli";
import { sharedPack } from "./shared-pack";

const FIXTURES = path.join("test", "settings", "fixtures");

/** `npm run plan -- --stack dev --config <fixture> --json`: must plan (exit 0 under dev's advisory policy config). */
async function plan(fixture: string): Promise<PlanDocument> {
    const outcome = await planInProcess(["--stack", "dev", "--config", path.join(FIXTURES, fixture), "--json"], sharedPack);
    assert.equal(outcome.code, 0, outcome.stderr);
    return planJson(outcome);
}

/** The cloud a resource type belongs to (the churn API image is built for Cloud Run; the Azure code deployment is a dynamic resource). */
const cloudOf = (type: string) => /^(aws|awsx):/.test(type) ? "aws" : /^(gcp|docker-build):/.test(type) ? "gcp"
    : /^azure-native:|\/azure:/.test(type) ? "azure" : type;
const clouds = (document: PlanDocument) =>
    [...new Set(document.resources.filter((r) => r.custom).map((r) => cloudOf(r.type)))].sort();
const inputsOf = (document: PlanDocument, type: string) => document.resources.filter((r) => r.type === type).map((r) => r.inputs);

describe("good stack configs still plan", () => {
    it("only GCP: a user with only a Google Cloud account deploys only Cloud Run", async () => {
        assert.deepEqual(clouds(await plan("only-gcp.yaml")), ["gcp"]);
    });

    it("only Azure: a user with only an Azure subscription deploys only the Functions app", async () => {
        assert.deepEqual(clouds(await plan("only-azure.yaml")), ["azure"]);
    });

    it("dev with a VPC: every Lambda function runs in the VPC's private subnets", async () => {
        const document = await plan("dev-vpc.yaml");
        assert.deepEqual(clouds(document), ["aws"]);
        assert.equal(document.resources.filter((r) => r.type === "awsx:ec2:Vpc").length, 1);
        const functions = inputsOf(document, "aws:lambda/function:Function");
        assert.ok(functions.length > 0);
        for (const inputs of functions) assert.ok(inputs.vpcConfig, JSON.stringify(inputs));
    });

    it("every setting at its smallest legal value", async () => {
        const document = await plan("minimum.yaml");
        assert.deepEqual(clouds(document), ["aws", "azure", "gcp"]);
        assert.ok(inputsOf(document, "aws:lambda/function:Function").every((f) => f.memorySize === 128 && f.timeout === 1));
        const [service] = inputsOf(document, "gcp:cloudrunv2/service:Service") as { template: { scaling: unknown } }[];
        assert.deepEqual(service.template.scaling, { maxInstanceCount: 1, minInstanceCount: 0 });
    });

    it("every setting at its largest legal value", async () => {
        const document = await plan("maximum.yaml");
        assert.deepEqual(clouds(document), ["aws", "azure", "gcp"]);
        assert.ok(inputsOf(document, "aws:lambda/function:Function").every((f) => f.memorySize === 10240));
        const [service] = inputsOf(document, "gcp:cloudrunv2/service:Service") as { template: { scaling: unknown } }[];
        assert.deepEqual(service.template.scaling, { maxInstanceCount: 1000, minInstanceCount: 1000 });
        const [app] = inputsOf(document, "azure-native:web:WebApp") as { functionAppConfig: { scaleAndConcurrency: unknown } }[];
        assert.deepEqual(app.functionAppConfig.scaleAndConcurrency,
            { alwaysReady: [{ instanceCount: 1000, name: "http" }], instanceMemoryMB: 4096, maximumInstanceCount: 1000 });
    });
});
