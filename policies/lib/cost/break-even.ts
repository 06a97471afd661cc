import { DAYS_PER_MONTH, PRICES, VmPrice } from "./price-book";
import { BreakEven } from "./types";

/** The cheapest VM of the catalog that holds one instance (memory and vCPUs); the largest if none does. */
export function equalCapacityVm(vms: readonly VmPrice[], memoryGb: number, vcpu: number): VmPrice {
    const fitting = vms.filter((vm) => vm.memoryGb >= memoryGb && vm.vcpu >= vcpu).sort((a, b) => a.hour - b.hour);
    return fitting[0] ?? vms.reduce((largest, vm) => (vm.memoryGb > largest.memoryGb ? vm : largest));
}

/**
 * Requests per day above which an always-on VM costs less than the serverless line item:
 * (VM month - fixed serverless month) / serverless cost per request / days per month.
 * Undefined when the item has no per-request cost (nothing to break even against).
 */
export function breakEven(vm: VmPrice, fixedMonthlyUsd: number, usdPerRequest: number): BreakEven | undefined {
    if (!(usdPerRequest > 0)) return undefined;
    const vmMonthlyUsd = vm.hour * PRICES.hoursPerMonth;
    const requestsPerMonth = Math.max(0, vmMonthlyUsd - fixedMonthlyUsd) / usdPerRequest;
    return { vm: vm.name, vmMonthlyUsd, requestsPerDay: Math.round(requestsPerMonth / DAYS_PER_MONTH) };
}
