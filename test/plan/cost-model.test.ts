import { strict as assert } from "node:assert";
import { UNKNOWN_STRING_SENTINEL as UNKNOWN } from "../../contracts/unknown-value";
import { CostItem, CostResource, estimateMonthlyCost } from "../../policies/lib/cost";

const ACCOUNT = "arn:aws:lambda:eu-west-1:123456789012";

function resource(type: string, name: string, properties: Record<string, unknown>,
    propertyDependencies?: Record<string, string[]>): CostResource {
    return { urn: `urn:pulumi:test::p::${type}::${name}`, type, name, properties, propertyDependencies };
}

function traffic(requests: number, durationMs: number, payloadKb = 1): Record<string, string> {
    return { "cost-requests-per-month": String(requests), "cost-avg-duration-ms": String(durationMs), "cost-payload-kb": String(payloadKb) };
}

function lambda(name: string, properties: Record<string, unknown>): CostResource {
    return resource("aws:lambda/function:Function", name, { name, arn: `${ACCOUNT}:function:${name}`, ...properties });
}

function itemOf(resources: CostResource[], name: string): CostItem {
    const item = estimateMonthlyCost(resources).items.find((i) => i.name === name);
    assert.ok(item, `no cost item for ${name}`);
    return item;
}

const close = (actual: number, expected: number) => assert.ok(Math.abs(actual - expected) < 1e-6, `${actual} is not ${expected}`);

describe("cost model", () => {
    it("prices an x86 Lambda: 2M requests of 500 ms at 1024 MB = 0.40 + 1,000,000 GB-s x 0.0000166667 = 17.0667 USD", () => {
        const item = itemOf([lambda("api", { memorySize: 1024, architectures: ["x86_64"], tags: traffic(2_000_000, 500) })], "api");
        close(item.monthlyUsd, 17.0667);
        assert.deepEqual(item.charges.map((c) => [c.description, c.quantity]), [["requests", 2_000_000], ["compute 1024 MB x86_64", 1_000_000]]);
    });

    it("bills provisioned concurrency all month and the invocations it absorbs at the provisioned rate (production customer-api: 23.950239 USD)", () => {
        const fn = lambda("customer-api", { memorySize: 256, architectures: ["arm64"], tags: traffic(30_000_000, 120) });
        const warm = resource("aws:lambda/provisionedConcurrencyConfig:ProvisionedConcurrencyConfig", "warm",
            { functionName: "customer-api", qualifier: "live", provisionedConcurrentExecutions: 5 });
        // 6.00 requests + 5 x 0.25 GB x 2,628,000 s x 0.0000033334 + 900,000 GB-s x 0.0000077778
        close(itemOf([fn, warm], "customer-api").monthlyUsd, 23.950239);
    });

    it("gives the requests per day above which an always-on VM of equal capacity is cheaper (1024 MB x86 Lambda: 47,250/day vs t4g.small)", () => {
        const item = itemOf([lambda("api", { memorySize: 1024, architectures: ["x86_64"], tags: traffic(2_000_000, 500) })], "api");
        // 0.0168 USD/h x 730 h = 12.264 USD; / (0.0000002 + 0.5 s x 1 GB x 0.0000166667) per request / (730/24) days
        assert.deepEqual(item.breakEven, { vm: "EC2 t4g.small", vmMonthlyUsd: 12.264, requestsPerDay: 47_250 });
    });

    it("prices SQS at 3 requests per 64 KB chunk of each consumed message and SNS per published chunk", () => {
        const consumer = lambda("consumer", { memorySize: 128, tags: traffic(3_000_000, 100, 100) });
        const queue = resource("aws:sqs/queue:Queue", "orders", { arn: "arn:aws:sqs:eu-west-1:123456789012:orders", url: "https://sqs/orders" });
        const mapping = resource("aws:lambda/eventSourceMapping:EventSourceMapping", "orders-mapping",
            { eventSourceArn: queue.properties.arn, functionName: `${ACCOUNT}:function:consumer:live` });
        const topic = resource("aws:sns/topic:Topic", "events", { arn: "arn:aws:sns:eu-west-1:123456789012:events" });
        const subscription = resource("aws:sns/topicSubscription:TopicSubscription", "events-orders",
            { topic: topic.properties.arn, protocol: "sqs", endpoint: queue.properties.arn });
        const deadLetters = resource("aws:sqs/queue:Queue", "orders-dlq", { arn: "arn:aws:sqs:eu-west-1:123456789012:orders-dlq" });
        const resources = [consumer, queue, mapping, topic, subscription, deadLetters];
        close(itemOf(resources, "orders").monthlyUsd, 7.2); // 3M x 3 x 2 chunks x 0.40/M
        close(itemOf(resources, "events").monthlyUsd, 3.0); // 3M x 2 chunks x 0.50/M
        assert.equal(estimateMonthlyCost(resources).items.some((i) => i.name === "orders-dlq"), false);
    });

    it("prices Step Functions Standard at states x executions of the busiest task function (4 states x 1M = 100 USD)", () => {
        const step = lambda("reserve", { tags: traffic(1_000_000, 150) });
        const definition = JSON.stringify({
            StartAt: "Both",
            States: {
                Both: { Type: "Parallel", Branches: [{ StartAt: "A", States: { A: { Type: "Pass", End: true } } },
                    { StartAt: "B", States: { B: { Type: "Task", Resource: `${ACCOUNT}:function:reserve:live`, End: true } } }], Next: "Done" },
                Done: { Type: "Succeed" },
            },
        });
        const machine = resource("aws:sfn/stateMachine:StateMachine", "saga", { definition });
        close(itemOf([step, machine], "saga").monthlyUsd, 100);
    });

    it("prices a Cloud Run service with one min instance: 31.055 USD for 10M requests of 80 ms at 1 vCPU / 512Mi", () => {
        const service = resource("gcp:cloudrunv2/service:Service", "churn-api", {
            labels: traffic(10_000_000, 80),
            template: { containers: [{ resources: { limits: { cpu: "1000m", memory: "512Mi" } } }], scaling: { minInstanceCount: 1 } },
        });
        // active 800,000 s: 19.20 CPU + 1.00 memory + 4.00 requests; idle 1,828,000 s: 4.57 CPU + 2.285 memory
        close(itemOf([service], "churn-api").monthlyUsd, 31.055);
    });

    it("prices Azure Flex with 2 always-ready instances: 2.00 executions + 42.048 baseline + 24.00 execution = 68.048 USD", () => {
        const app = resource("azure-native:web:WebApp", "intake", {
            tags: traffic(5_000_000, 150),
            functionAppConfig: { scaleAndConcurrency: { instanceMemoryMB: 2048, alwaysReady: [{ name: "http", instanceCount: 2 }] } },
        });
        close(itemOf([app], "intake").monthlyUsd, 68.048);
    });

    it("prices a NAT gateway for 730 hours plus the VPC functions' traffic (30M x 1 KB)", () => {
        const fn = lambda("api", { vpcConfig: { subnetIds: ["subnet-1"] }, tags: traffic(30_000_000, 100) });
        const nat = resource("aws:ec2/natGateway:NatGateway", "nat-1", {});
        close(itemOf([fn, nat], "nat-1").monthlyUsd, 730 * 0.045 + 30_000_000 / 1024 / 1024 * 0.045);
    });

    it("links an HTTP API to its function through dependency URNs when ids are unknown (preview)", () => {
        const fn = lambda("api", { tags: traffic(4_000_000, 50) });
        const alias = resource("aws:lambda/alias:Alias", "api-live", { functionName: "api", name: "live" }, { functionName: [fn.urn] });
        const api = resource("aws:apigatewayv2/api:Api", "http", { protocolType: "HTTP" });
        const integration = resource("aws:apigatewayv2/integration:Integration", "http-api",
            { apiId: UNKNOWN, integrationUri: UNKNOWN }, { apiId: [api.urn], integrationUri: [alias.urn] });
        close(itemOf([fn, alias, api, integration], "http").monthlyUsd, 4.0);
    });

    it("says why a function without traffic tags has no request-based charges", () => {
        const item = itemOf([lambda("quiet", {})], "quiet");
        assert.equal(item.monthlyUsd, 0);
        assert.match(item.notes[0], /no cost-requests-per-month\/cost-avg-duration-ms tags/);
    });

    it("totals the stack and dates the prices", () => {
        const estimate = estimateMonthlyCost([
            lambda("a", { memorySize: 1024, architectures: ["x86_64"], tags: traffic(2_000_000, 500) }),
            resource("aws:cloudwatch/metricAlarm:MetricAlarm", "a-errors", { period: 300 }),
        ]);
        close(estimate.monthlyUsd, 17.0667 + 0.1);
        assert.match(estimate.pricesAsOf, /^\d{4}-\d{2}-\d{2}$/);
    });
});
