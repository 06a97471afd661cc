import { strict as assert } from "node:assert";
import * as path from "node:path";
import { runProgram, StackConfig } from "../../tools/harness";
import type { RecordedResource } from "../../tools/harness";
import { CODE_ZIP_ENV, FUNCTION_COUNT_ENV, readScaleInputs } from "../../tools/bench/scale/scale-inputs";
import { REPO_ROOT } from "../support/stack";
import { scratchFolder } from "../support/scratch-folder";

const PEER_DESIGN = path.join(REPO_ROOT, "tools/bench/peer/peer-design-program.ts");
const PLATFORM_DESIGN = path.join(REPO_ROOT, "tools/bench/scale/scale-program.ts");
const config: StackConfig = { project: "serverless-platform", stack: "bench", values: { "aws:region": "eu-west-1" }, secretKeys: [] };

/** Each function's resources, by component, as "type name-suffix" sorted. */
function perFunction(resources: RecordedResource[], componentType: string): Map<string, string[]> {
    const components = resources.filter((r) => r.type === componentType);
    return new Map(components.map((component) => [component.name, resources
        .filter((r) => r.parent === component.urn)
        .map((r) => `${r.type} ${r.name.slice(component.name.length + 1)}`)
        .sort()]));
}

async function planned(program: string, functions: number, zipPath: string): Promise<RecordedResource[]> {
    const saved = { count: process.env[FUNCTION_COUNT_ENV], zip: process.env[CODE_ZIP_ENV] };
    process.env[FUNCTION_COUNT_ENV] = String(functions);
    process.env[CODE_ZIP_ENV] = zipPath;
    try {
        return (await runProgram({ program, projectDir: REPO_ROOT, config })).resources;
    } finally {
        for (const [name, value] of [[FUNCTION_COUNT_ENV, saved.count], [CODE_ZIP_ENV, saved.zip]] as const) {
            if (value === undefined) delete process.env[name];
            else process.env[name] = value;
        }
    }
}

describe("the bench's generated programs", () => {
    let zipPath: string;
    before(() => {
        zipPath = path.join(scratchFolder({ "code.zip": "the programs only hash this file and name it as the code" }), "code.zip");
    });

    it("builds the cdk-nag peer's design per function: its 10 resources, in one component", async () => {
        const resources = await planned(PEER_DESIGN, 2, zipPath);
        const functions = perFunction(resources, "bench:peer:QueueFedFunction");
        assert.deepEqual([...functions.keys()], ["fn-0000", "fn-0001"]);
        for (const children of functions.values()) {
            assert.deepEqual(children, [
                "aws:cloudwatch/logGroup:LogGroup logs",
                "aws:cloudwatch/metricAlarm:MetricAlarm dlq-depth",
                "aws:cloudwatch/metricAlarm:MetricAlarm errors",
                "aws:iam/role:Role role",
                "aws:iam/rolePolicy:RolePolicy policy",
                "aws:lambda/eventSourceMapping:EventSourceMapping trigger",
                "aws:lambda/function:Function function",
                "aws:sqs/queue:Queue dlq",
                "aws:sqs/queue:Queue function-dlq",
                "aws:sqs/queue:Queue queue",
            ]);
        }
        // Stack, alarm topic, then 11 per function: the peer's CloudFormation template has 10 per function.
        assert.equal(resources.length, 2 + 2 * 11);
        const fn = resources.find((r) => r.name === "fn-0001-function");
        const failedEvents = resources.find((r) => r.name === "fn-0001-function-dlq");
        assert.ok(fn && failedEvents);
        assert.deepEqual(fn.inputs.deadLetterConfig, { targetArn: failedEvents.outputs.arn });
        assert.equal(fn.inputs.reservedConcurrentExecutions, 5);
        assert.deepEqual(fn.inputs.tracingConfig, { mode: "Active" });
    });

    it("builds the platform's design per function with ServerlessFunction: 14 resources", async () => {
        const resources = await planned(PLATFORM_DESIGN, 1, zipPath);
        assert.equal(resources.length, 2 + 14);
        assert.ok(resources.some((r) => r.type === "serverless-platform:aws:ServerlessFunction"), resources.map((r) => r.type).join(", "));
    });

    it("refuses a function count or zip it cannot use, naming the variable", () => {
        assert.throws(() => readScaleInputs({ [CODE_ZIP_ENV]: zipPath }), /BENCH_SCALE_FUNCTIONS = undefined must be a whole number of at least 1/);
        assert.throws(() => readScaleInputs({ [FUNCTION_COUNT_ENV]: "2.5", [CODE_ZIP_ENV]: zipPath }), /BENCH_SCALE_FUNCTIONS = "2.5"/);
        assert.throws(() => readScaleInputs({ [FUNCTION_COUNT_ENV]: "3" }), /BENCH_SCALE_ZIP must name the deployment zip/);
        assert.equal(readScaleInputs({ [FUNCTION_COUNT_ENV]: "3", [CODE_ZIP_ENV]: zipPath }).functionCount, 3);
    });
});
