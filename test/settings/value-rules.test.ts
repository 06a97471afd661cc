import { strict as assert } from "node:assert";
import { settingsFromConfig, SettingsError } from "../../components/settings";
import { parseIpv4Block, VPC_CIDR } from "../../components/settings/cidr";
import { EMAIL_ADDRESS } from "../../components/settings/email";
import { closest } from "../../components/settings/near-miss";
import { AWS_REGION, AZURE_LOCATION, GCP_REGION } from "../../components/settings/regions";
import { loadStackConfig } from "../../tools/harness";
import { REPO_ROOT } from "../support/stack";

const devValues = () => loadStackConfig({ projectDir: REPO_ROOT, stack: "dev" }).values;

describe("value rules", () => {
    it("accepts the email addresses SNS delivers to and refuses the rest", () => {
        for (const ok of ["ops@example.com", "first.last+alarms@sub.example.co.uk", "a@b.co", `${"a".repeat(64)}@example.com`]) {
            assert.equal(EMAIL_ADDRESS.problem(ok), undefined, ok);
        }
        for (const bad of ["ops", "ops@", "@example.com", "ops@example", "ops@@example.com", "a b@example.com", "ops@example.c0m",
            "ops@-example.com", ".ops@example.com", "o..ps@example.com", `${"a".repeat(65)}@example.com`, "ops@exa_mple.com"]) {
            assert.ok(EMAIL_ADDRESS.problem(bad), bad);
        }
    });

    it("parses CIDR blocks strictly: dotted decimal, octets to 255, host bits zero, /16 to /28 for a VPC", () => {
        assert.deepEqual(parseIpv4Block("10.0.0.0/16"), { address: "10.0.0.0", prefix: 16 });
        for (const bad of ["999.0.0.0/16", "10.0.0.1/16", "010.0.0.0/16", "0xa.0.0.0/16", "10.0/16", "10.0.0.0", "10.0.0.0/33",
            "10.0.0.0/016", " 10.0.0.0/16", "10.0.0.0/16 "]) {
            assert.equal(parseIpv4Block(bad), undefined, bad);
        }
        assert.equal(VPC_CIDR.problem("172.16.0.0/28"), undefined);
        assert.ok(VPC_CIDR.problem("10.0.0.0/8"));
        assert.ok(VPC_CIDR.problem("10.0.0.0/29"));
    });

    it("takes AWS regions from @pulumi/aws and knows the seed's GCP and Azure regions", () => {
        for (const [rule, ok, bad] of [[AWS_REGION, "eu-west-1", "eu-west-9"], [GCP_REGION, "europe-west1", "europe-west7"],
            [AZURE_LOCATION, "westeurope", "westeurope2"]] as const) {
            assert.equal(rule.problem(ok), undefined, ok);
            assert.ok(rule.problem(bad), bad);
        }
    });

    it("suggests a near miss only: case, one or two edits, a swapped pair", () => {
        assert.equal(closest("serverles-platform", ["serverless-platform", "aws"]), "serverless-platform");
        assert.equal(closest("AWS", ["serverless-platform", "aws"]), "aws");
        assert.equal(closest("gpc", ["aws", "gcp"]), "gcp");
        assert.equal(closest("mycompany", ["serverless-platform", "aws", "gcp"]), undefined);
        assert.equal(closest("aws", ["aws", "awsx"]), undefined);
        assert.equal(closest("x".repeat(100000), ["aws"]), undefined);
    });

    it("accepts real provider and engine namespaces, and other programs' keys", () => {
        const values = { ...devValues(), "aws-native:region": "eu-west-1", "azure:location": "westeurope", "pulumi:tags": "{}",
            "awsx:something": "1", "docker-build:host": "x", "mycompany:owner": "team-a", "gcp:project": "p-1" };
        assert.deepEqual(settingsFromConfig(values, "dev").clouds, ["aws", "gcp", "azure"]);
    });

    it("reports every problem at once, each naming its key", () => {
        assert.throws(() => settingsFromConfig({ ...devValues(), "serverless-platform:logLevel": "TRACE",
            "serverless-platform:cloudRunCpu": "3", "AWS:region": "eu-west-1" }, "dev"), (error: Error) =>
            error instanceof SettingsError && error.problems.length === 3 &&
            ["AWS:region", "serverless-platform:logLevel", "serverless-platform:cloudRunCpu"].every((key) => error.message.includes(key)));
    });
});
