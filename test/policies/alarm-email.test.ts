import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { planInProcess, planJson, reusing } from "../plan/run-plan-cli";
import { REPO_ROOT } from "../support/stack";
import { policyPack } from "./support/pack";

describe("the production stack with alarmEmail set (the alarm topic's email subscription)", () => {
    it("plans with no mandatory violation: the subscription has its own dead-letter queue, allowed to SNS, with a depth alarm", async () => {
        const config = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "alarm-email-")), "Pulumi.production.yaml");
        const production = fs.readFileSync(path.join(REPO_ROOT, "Pulumi.production.yaml"), "utf8");
        fs.writeFileSync(config, `${production.trimEnd()}\n  serverless-platform:alarmEmail: ops@example.com\n`);
        const outcome = await planInProcess(["--stack", "production", "--config", config, "--json"], reusing(await policyPack()));
        const doc = planJson(outcome);
        assert.deepEqual(doc.violations.filter((v) => v.level === "mandatory"), []);
        assert.equal(outcome.code, 0);
        const named = (type: string, name: string) => doc.resources.filter((r) => r.type === type && r.name === name);
        const [subscription] = named("aws:sns/topicSubscription:TopicSubscription", "alarms-email");
        assert.equal(subscription.inputs.protocol, "email");
        assert.match(String(subscription.inputs.redrivePolicy), /"deadLetterTargetArn":"arn:aws:sqs:[^"]+"/);
        assert.equal(named("aws:sqs/queue:Queue", "alarms-email-dlq").length, 1);
        assert.equal(named("aws:sqs/queuePolicy:QueuePolicy", "alarms-email-dlq-policy").length, 1);
        assert.equal(named("aws:cloudwatch/metricAlarm:MetricAlarm", "alarms-email-dlq-depth").length, 1);
    });
});
