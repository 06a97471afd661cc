import { breakEven, equalCapacityVm } from "./break-even";
import { charge, lineItem } from "./charges";
import { billedInstanceSeconds } from "./instance-time";
import { PRICES, SECONDS_PER_MONTH } from "./price-book";
import { at, numberAt, readTraffic, stringAt } from "./read";
import { CostItem, CostResource } from "./types";

/** Cloud Run's defaults when the service does not set them. */
const DEFAULTS = { cpu: 1, memoryGib: 0.5, concurrency: 80 };

/** "1", "2", "1000m" -> vCPUs. */
export function parseCpu(value: string | undefined): number | undefined {
    if (value === undefined) return undefined;
    const match = /^(\d+(?:\.\d+)?)(m?)$/.exec(value.trim());
    if (!match) return undefined;
    return Number(match[1]) / (match[2] === "m" ? 1000 : 1);
}

const MEMORY_UNITS: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, k: 1e3, M: 1e6, G: 1e9 };

/** "512Mi", "1Gi", "2G" -> GiB. */
export function parseMemoryGib(value: string | undefined): number | undefined {
    if (value === undefined) return undefined;
    const match = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|k|M|G)?$/.exec(value.trim());
    if (!match) return undefined;
    return Number(match[1]) * (match[2] ? MEMORY_UNITS[match[2]] : 1) / 2 ** 30;
}

/**
 * Cloud Run (request-based billing): vCPU-seconds and GiB-seconds of instance time while requests run,
 * requests, and min instances kept idle for the rest of the month at the idle rates.
 */
export function cloudRunServiceItem(service: CostResource): CostItem {
    const prices = PRICES.gcp.cloudRun;
    const template = service.properties.template;
    const labels = service.properties.labels ?? at(template, "labels");
    const { traffic, note } = readTraffic(labels);
    const limits = at(template, "containers", 0, "resources", "limits");
    const cpu = parseCpu(stringAt(limits, "cpu")) ?? DEFAULTS.cpu;
    const memoryGib = parseMemoryGib(stringAt(limits, "memory")) ?? DEFAULTS.memoryGib;
    const concurrency = numberAt(template, "maxInstanceRequestConcurrency") ?? DEFAULTS.concurrency;
    const minInstances = numberAt(template, "scaling", "minInstanceCount") ?? numberAt(service.properties, "scaling", "minInstanceCount") ?? 0;

    const activeSeconds = traffic ? billedInstanceSeconds(traffic, concurrency) : 0;
    const idleSeconds = Math.max(0, minInstances * SECONDS_PER_MONTH - activeSeconds);
    const requests = traffic?.requestsPerMonth ?? 0;
    const item = lineItem({ urn: service.urn, name: service.name, type: service.type, cloud: "gcp", service: "Cloud Run", traffic, notes: note ? [note] : [] }, [
        charge("requests", requests, "requests", prices.requestsPerMillion / 1e6),
        charge(`CPU ${cpu} vCPU`, activeSeconds * cpu, "vCPU-s", prices.vcpuSecond),
        charge(`memory ${memoryGib} GiB`, activeSeconds * memoryGib, "GiB-s", prices.gibSecond),
        charge(`idle min instances x${minInstances} CPU`, idleSeconds * cpu, "vCPU-s", prices.idleVcpuSecond),
        charge(`idle min instances x${minInstances} memory`, idleSeconds * memoryGib, "GiB-s", prices.idleGibSecond),
    ]);
    const durationSeconds = (traffic?.avgDurationMs ?? 0) / 1000;
    const usdPerRequest = prices.requestsPerMillion / 1e6 + durationSeconds * (cpu * prices.vcpuSecond + memoryGib * prices.gibSecond);
    const fixedUsd = minInstances * SECONDS_PER_MONTH * (cpu * prices.idleVcpuSecond + memoryGib * prices.idleGibSecond);
    return { ...item, breakEven: breakEven(equalCapacityVm(PRICES.gcp.vms, memoryGib, cpu), fixedUsd, usdPerRequest) };
}
