import { VPC_CIDR, CIDR_MAX_LENGTH } from "./cidr";
import { between, booleanSetting, integerSetting, oneOf, SettingRule, SettingSpec, stringSetting } from "./schema";

/** The customer API is an HTTP API: API Gateway ends an integration after 30 s, whatever the Lambda timeout. */
const HTTP_API_INTEGRATION_TIMEOUT_SECONDS = 30;

/** Lambda's platform limits (the seed's comparison table: 15 minutes, 10 GB). */
const LAMBDA_TIMEOUT = between(1, 900, "Lambda's maximum timeout is 900 s");
const HTTP_FRONTED_TIMEOUT = between(1, HTTP_API_INTEGRATION_TIMEOUT_SECONDS,
    `the function answers through an HTTP API, whose integration timeout is ${HTTP_API_INTEGRATION_TIMEOUT_SECONDS} s`);
const LAMBDA_MEMORY = between(128, 10240, "Lambda memory is 128 to 10240 MB");
/** At least 1: 0 would throttle every invocation; at most the default regional account limit. */
const RESERVED_CONCURRENCY = between(1, 1000, "the default account concurrency limit is 1000");

/** Sizing keys shared by every group of Lambda functions, prefixed by the group name. */
function lambdaGroupSpecs<P extends string>(prefix: P, what: string, timeout: SettingRule<number> = LAMBDA_TIMEOUT) {
    return {
        [`${prefix}TimeoutSeconds`]: integerSetting(`Timeout of ${what}, in seconds.`, timeout),
        [`${prefix}MemoryMb`]: integerSetting(`Memory of ${what}, in MB.`, LAMBDA_MEMORY),
        [`${prefix}ReservedConcurrency`]: integerSetting(`Reserved concurrency of each of ${what}.`, RESERVED_CONCURRENCY),
        [`${prefix}RequestsPerMonth`]: integerSetting(`Expected invocations per month of ${what} (cost estimate).`,
            between(0, 1e12)),
        [`${prefix}AvgDurationMs`]: integerSetting(`Expected average duration of ${what}, in ms (cost estimate).`,
            between(1, 900000)),
    } as Record<`${P}${"TimeoutSeconds" | "MemoryMb" | "ReservedConcurrency" | "RequestsPerMonth" | "AvgDurationMs"}`,
        SettingSpec<number>>;
}

export const awsSettingSpecs = {
    lambdaArchitecture: stringSetting("CPU architecture of every Lambda function.", oneOf(["arm64", "x86_64"]), 16),
    ...lambdaGroupSpecs("customerApi", "the customer API function", HTTP_FRONTED_TIMEOUT),
    customerApiProvisionedConcurrency: integerSetting(
        "Provisioned concurrency on alias `live` of the customer API (seed: 5 in production, 0 = none).",
        between(0, 1000)),
    customerApiThrottleRateLimit: integerSetting("HTTP API stage steady-state request rate limit (requests/s).",
        between(1, 10000)),
    customerApiThrottleBurstLimit: integerSetting("HTTP API stage burst limit (requests).", between(1, 5000)),
    ...lambdaGroupSpecs("orderEvents", "the order publisher and fan-out consumer functions"),
    orderEventsBatchSize: integerSetting("SQS messages per consumer invocation.", between(1, 10000)),
    orderEventsMaxConcurrency: integerSetting("Maximum concurrent invocations per consumer event source mapping.",
        between(2, 1000, "SQS event source mappings accept 2 to 1000")),
    orderEventsMaxReceiveCount: integerSetting("Receives before a message moves to its queue's dead-letter queue.",
        between(1, 1000)),
    ...lambdaGroupSpecs("orderSaga", "the order saga step functions"),
    vpcEnabled: booleanSetting("Place the Lambda functions in a VPC with private subnets and NAT gateways."),
    vpcCidr: stringSetting("CIDR block of the VPC.", VPC_CIDR, CIDR_MAX_LENGTH),
    vpcAvailabilityZones: integerSetting("Availability zones the VPC spans.", between(2, 6)),
    vpcNatGateways: stringSetting("NAT gateways: one for the VPC, or one per availability zone.",
        oneOf(["single", "onePerAz"]), 16),
} satisfies Record<string, SettingSpec<never>>;
