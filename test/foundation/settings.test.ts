import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parse as parseYaml } from "yaml";
import { settingsFromConfig, settingSpecs } from "../../components/settings";
import { loadStackConfig, ProgramRunError, runProgram, StackConfigError } from "../../tools/harness";
import { REPO_ROOT } from "../support/stack";

const NS = "serverless-platform";
const stackConfig = (stack: string) => loadStackConfig({ projectDir: REPO_ROOT, stack });

/** Runs the real program with one setting changed and returns the failure. */
async function failureWith(key: string, value: string): Promise<ProgramRunError> {
    const config = stackConfig("dev");
    try {
        await runProgram({ program: path.join(REPO_ROOT, "index.ts"), config: { ...config, values: { ...config.values, [key]: value } } });
    } catch (err) {
        assert.ok(err instanceof ProgramRunError, String(err));
        return err;
    }
    return assert.fail(`the program accepted ${key} = ${value}`);
}

describe("settings", () => {
    it("Pulumi.yaml declares exactly the settings the program reads, each with the matching type and a default", () => {
        const project = parseYaml(fs.readFileSync(path.join(REPO_ROOT, "Pulumi.yaml"), "utf8")) as { config: Record<string, { type: string; default: unknown }> };
        const yamlType = { string: "string", integer: "integer", boolean: "boolean", stringArray: "array" };
        assert.deepEqual(Object.keys(project.config).sort(), Object.keys(settingSpecs).sort());
        for (const [key, spec] of Object.entries(settingSpecs)) {
            assert.equal(project.config[key].type, yamlType[spec.kind], key);
            assert.notEqual(project.config[key].default, undefined, key);
        }
    });

    it("dev and production get the seed's values where the seed gives them, and differ where it says they do", () => {
        const dev = settingsFromConfig(stackConfig("dev").values, "dev");
        const production = settingsFromConfig(stackConfig("production").values, "production");
        for (const s of [dev, production]) {
            assert.equal(s.aws?.customerApi.timeoutSeconds, 30);
            assert.equal(s.aws?.customerApi.memoryMb, 256);
            assert.deepEqual(s.alarms, { errorThreshold: 10, periodSeconds: 300, evaluationPeriods: 2, email: undefined });
            assert.equal(s.gcp?.region, "europe-west1");
            assert.equal(s.gcp?.maxInstances, 100);
            assert.equal(s.gcp?.memory, "512Mi");
            assert.equal(s.gcp?.cpu, "1");
            assert.equal(s.gcp?.timeoutSeconds, 30);
            assert.equal(s.gcp?.concurrency, 80);
        }
        assert.equal(dev.logLevel, "DEBUG");
        assert.equal(production.logLevel, "INFO");
        assert.equal(dev.aws?.customerApi.provisionedConcurrency, 0);
        assert.equal(production.aws?.customerApi.provisionedConcurrency, 5);
        assert.equal(dev.gcp?.minInstances, 0);
        assert.equal(production.gcp?.minInstances, 1);
        assert.equal(dev.aws?.vpc, undefined);
        assert.deepEqual(production.aws?.vpc, { cidr: "10.0.0.0/16", availabilityZones: 3, natGateways: "onePerAz" });
        assert.equal(dev.azure?.alwaysReadyInstances, 0);
        assert.equal(production.azure?.alwaysReadyInstances, 2);
        assert.deepEqual(dev.clouds, ["aws", "gcp", "azure"]);
    });

    it("a stack without its own file runs on Pulumi.yaml's defaults: AWS only", async () => {
        const run = await runProgram({ program: path.join(REPO_ROOT, "index.ts"), config: stackConfig("qa") });
        assert.deepEqual(run.outputs.clouds, ["aws"]);
        assert.equal(run.outputs.environment, "qa");
        assert.equal(run.outputs.gcp, undefined);
    });

    const badSettings: [key: string, value: string, allowed: RegExp][] = [
        ["orderSagaTimeoutSeconds", "901", /from 1 to 900 \(Lambda's maximum timeout is 900 s\)/],
        ["customerApiMemoryMb", "64", /from 128 to 10240/],
        ["customerApiTimeoutSeconds", "thirty", /must be an integer/],
        ["cloudRunTimeoutSeconds", "3601", /from 1 to 3600/],
        ["cloudRunConcurrency", "1001", /from 1 to 1000/],
        ["azureHttpTimeoutSeconds", "231", /within 230 s/],
        ["clouds", JSON.stringify(["aws", "ibm"]), /element \[1\] "ibm" must be one of "aws", "gcp", "azure"/],
        ["logRetentionDays", "10", /retention periods CloudWatch Logs accepts/],
        ["cloudRunInvokers", JSON.stringify(["allUsers"]), /never allUsers/],
        ["vpcNatGateways", "two", /one of "single", "onePerAz"/],
        ["azureInstanceMemoryMb", "1024", /one of 512, 2048, 4096/],
        ["cloudRunMemory", "300Mi", /128Mi, 256Mi, 512Mi or 1Gi to 32Gi/],
        ["vpcEnabled", "yes", /must be true or false/],
        ["customerApiProvisionedConcurrency", "11", /must be at most serverless-platform:customerApiReservedConcurrency = 10/],
        ["lambdaTimeout", "30", /is not a known setting/],
    ];
    for (const [key, value, allowed] of badSettings) {
        it(`rejects ${key} = ${value} naming the key path, before registering any resource`, async () => {
            const failure = await failureWith(`${NS}:${key}`, value);
            const cause = failure.cause as Error;
            assert.equal(cause.name, "SettingsError");
            assert.match(cause.message, new RegExp(`${NS}:${key}`));
            assert.match(cause.message, allowed);
            assert.match(cause.message, /Pulumi\.dev\.yaml/);
            assert.deepEqual(failure.registered.map((r) => r.type), ["pulumi:pulumi:Stack"]);
        });
    }

    it("names Pulumi.<stack>.yaml as the file to fix for a stack that has no file yet", async () => {
        const config = stackConfig("qa");
        assert.equal(config.file, undefined);
        await assert.rejects(runProgram({ program: path.join(REPO_ROOT, "index.ts"),
            config: { ...config, values: { ...config.values, [`${NS}:logLevel`]: "TRACE" } } }),
        (error: ProgramRunError) => /Fix the value in Pulumi\.qa\.yaml \(or the default in Pulumi\.yaml\)/.test((error.cause as Error).message));
    });

    it("rejects a stack file value whose YAML type differs from the type Pulumi.yaml declares, like the CLI", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "stack-"));
        const file = path.join(dir, "Pulumi.typo.yaml");
        fs.writeFileSync(file, "config:\n  serverless-platform:customerApiMemoryMb: \"256MB\"\n");
        assert.throws(() => loadStackConfig({ projectDir: REPO_ROOT, stack: "typo", configFile: file }),
            (err: Error) => err instanceof StackConfigError &&
                /serverless-platform:customerApiMemoryMb = "256MB" is not of type integer/.test(err.message));
    });

    it("turns secure values into secret placeholders (they cannot be decrypted offline)", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "stack-"));
        const file = path.join(dir, "Pulumi.sec.yaml");
        fs.writeFileSync(file, "config:\n  serverless-platform:alarmEmail:\n    secure: AAABAKZ=\n");
        const config = loadStackConfig({ projectDir: REPO_ROOT, stack: "sec", configFile: file });
        assert.equal(config.values[`${NS}:alarmEmail`], "[secret]");
        assert.deepEqual(config.secretKeys, [`${NS}:alarmEmail`]);
    });
});
