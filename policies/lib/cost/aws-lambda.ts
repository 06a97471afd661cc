import { breakEven, equalCapacityVm } from "./break-even";
import { charge, lineItem } from "./charges";
import { ResourceIndex, TYPES } from "./links";
import { PRICES, SECONDS_PER_MONTH } from "./price-book";
import { numberAt, readTraffic, stringAt } from "./read";
import { CostItem, CostResource } from "./types";

/** Lambda's default memory when the function does not set one. */
const DEFAULT_MEMORY_MB = 128;
/** Lambda allocates CPU in proportion to memory: one full vCPU at 1,769 MB. */
const MB_PER_VCPU = 1769;

/** Provisioned instances across the ProvisionedConcurrencyConfigs that target this function (any alias). */
function provisionedInstances(fn: CostResource, index: ResourceIndex): number {
    return index.functionReferrers(TYPES.provisionedConcurrency, "functionName", fn)
        .reduce((sum, config) => sum + (numberAt(config.properties, "provisionedConcurrentExecutions") ?? 0), 0);
}

/**
 * A Lambda function: requests + GB-seconds at the architecture's price; provisioned concurrency is billed
 * for every second of the month, and the invocations it absorbs (up to its capacity) at the lower
 * provisioned duration price.
 */
export function lambdaFunctionItem(fn: CostResource, index: ResourceIndex): CostItem {
    const prices = PRICES.aws.lambda;
    const { traffic, note } = readTraffic(fn.properties.tags);
    const memoryMb = numberAt(fn.properties, "memorySize") ?? DEFAULT_MEMORY_MB;
    const memoryGb = memoryMb / 1024;
    const architecture = stringAt(fn.properties, "architectures", 0) === "arm64" ? "arm64" : "x86_64";
    const provisioned = provisionedInstances(fn, index);

    const requests = traffic?.requestsPerMonth ?? 0;
    const durationSeconds = (traffic?.avgDurationMs ?? 0) / 1000;
    const computeGbSeconds = requests * durationSeconds * memoryGb;
    const provisionedGbSeconds = provisioned * memoryGb * SECONDS_PER_MONTH;
    const onProvisionedGbSeconds = Math.min(computeGbSeconds, provisionedGbSeconds);

    const item = lineItem({ urn: fn.urn, name: fn.name, type: fn.type, cloud: "aws", service: "Lambda", traffic, notes: note ? [note] : [] }, [
        charge("requests", requests, "requests", prices.requestsPerMillion / 1e6),
        charge(`compute ${memoryMb} MB ${architecture}`, computeGbSeconds - onProvisionedGbSeconds, "GB-s", prices.gbSecond[architecture]),
        charge(`provisioned concurrency x${provisioned}`, provisionedGbSeconds, "GB-s", prices.provisionedGbSecond[architecture]),
        charge("compute on provisioned instances", onProvisionedGbSeconds, "GB-s", prices.provisionedDurationGbSecond[architecture]),
    ]);
    const usdPerRequest = prices.requestsPerMillion / 1e6 + durationSeconds * memoryGb * prices.gbSecond[architecture];
    const vm = equalCapacityVm(PRICES.aws.vms, memoryGb, memoryMb / MB_PER_VCPU);
    return { ...item, breakEven: breakEven(vm, provisionedGbSeconds * prices.provisionedGbSecond[architecture], usdPerRequest) };
}
