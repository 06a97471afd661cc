import { breakEven, equalCapacityVm } from "./break-even";
import { charge, lineItem } from "./charges";
import { billedInstanceSeconds } from "./instance-time";
import { PRICES, SECONDS_PER_MONTH } from "./price-book";
import { arrayAt, at, numberAt, readTraffic } from "./read";
import { CostItem, CostResource } from "./types";

/** Flex Consumption's defaults: 2,048 MB instances serving 16 concurrent HTTP executions. */
const DEFAULTS = { instanceMemoryMb: 2048, perInstanceConcurrency: 16 };

/**
 * Azure Functions Flex Consumption: executions, on-demand GB-seconds of instance memory while
 * executing, and always-ready instances billed a baseline for every second plus a lower execution rate
 * for the work they absorb. A function app that is not on Flex (no functionAppConfig) is not priced.
 */
export function flexFunctionAppItem(app: CostResource): CostItem | undefined {
    const config = app.properties.functionAppConfig;
    if (config === undefined || config === null) return undefined;
    const prices = PRICES.azure.flexConsumption;
    const { traffic, note } = readTraffic(app.properties.tags);
    const scale = at(config, "scaleAndConcurrency");
    const memoryGb = (numberAt(scale, "instanceMemoryMB") ?? DEFAULTS.instanceMemoryMb) / 1024;
    const concurrency = numberAt(scale, "triggers", "http", "perInstanceConcurrency") ?? DEFAULTS.perInstanceConcurrency;
    const alwaysReady = arrayAt(scale, "alwaysReady").reduce<number>((sum, entry) => sum + (numberAt(entry, "instanceCount") ?? 0), 0);

    const executionGbSeconds = traffic ? billedInstanceSeconds(traffic, concurrency) * memoryGb : 0;
    const baselineGbSeconds = alwaysReady * memoryGb * SECONDS_PER_MONTH;
    const onAlwaysReady = Math.min(executionGbSeconds, baselineGbSeconds);
    const executions = traffic?.requestsPerMonth ?? 0;
    const item = lineItem({ urn: app.urn, name: app.name, type: app.type, cloud: "azure", service: "Functions Flex", traffic, notes: note ? [note] : [] }, [
        charge("executions", executions, "executions", prices.executionsPerMillion / 1e6),
        charge(`on-demand execution ${memoryGb * 1024} MB`, executionGbSeconds - onAlwaysReady, "GB-s", prices.onDemandGbSecond),
        charge(`always-ready baseline x${alwaysReady}`, baselineGbSeconds, "GB-s", prices.alwaysReadyBaselineGbSecond),
        charge("execution on always-ready instances", onAlwaysReady, "GB-s", prices.alwaysReadyGbSecond),
    ]);
    const durationSeconds = (traffic?.avgDurationMs ?? 0) / 1000;
    const usdPerRequest = prices.executionsPerMillion / 1e6 + durationSeconds * memoryGb * prices.onDemandGbSecond;
    const vm = equalCapacityVm(PRICES.azure.vms, memoryGb, 1);
    return { ...item, breakEven: breakEven(vm, baselineGbSeconds * prices.alwaysReadyBaselineGbSecond, usdPerRequest) };
}
