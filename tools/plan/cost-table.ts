import type { CostEstimate, CostItem } from "../../policies/lib/cost";

/** Services listed one line per resource; every other service is one line with a count. */
const PER_RESOURCE_SERVICES = new Set(["Lambda", "Cloud Run", "Functions Flex", "HTTP API", "Step Functions"]);

interface Row {
    cloud: string;
    service: string;
    name: string;
    requests: string;
    usd: number;
    breakEven: string;
}

export function formatUsd(value: number): string {
    return value.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

function count(value: number): string {
    return Math.round(value).toLocaleString("en-US");
}

function itemRow(item: CostItem): Row {
    const requestCharge = item.charges.find((c) => c.unit === "requests");
    const requests = item.traffic ? count(item.traffic.requestsPerMonth) : requestCharge ? count(requestCharge.quantity) : "";
    const vm = item.breakEven && `${item.breakEven.vm} ${formatUsd(item.breakEven.vmMonthlyUsd)}`;
    // 0: the fixed part alone (provisioned or always-ready capacity) costs more than the VM.
    const breakEven = !item.breakEven ? "" : item.breakEven.requestsPerDay === 0 ? `always: ${vm}` : `${count(item.breakEven.requestsPerDay)}/day: ${vm}`;
    return { cloud: item.cloud, service: item.service, name: item.name, requests, usd: item.monthlyUsd, breakEven };
}

/** Items of one service with no per-resource line, summed: `CloudWatch alarm | 9 resources`. */
function groupRow(items: CostItem[]): Row {
    return {
        cloud: items[0].cloud, service: items[0].service, name: `${items.length} resource${items.length === 1 ? "" : "s"}`,
        requests: "", usd: items.reduce((sum, i) => sum + i.monthlyUsd, 0), breakEven: "",
    };
}

/**
 * The cost estimate as an aligned text table: functions and services one per line with their traffic
 * and the requests per day above which an always-on VM of equal capacity costs less; the rest grouped.
 */
export function costTable(cost: CostEstimate): string[] {
    const rows: Row[] = [];
    const grouped = new Map<string, CostItem[]>();
    for (const item of cost.items) {
        if (PER_RESOURCE_SERVICES.has(item.service)) rows.push(itemRow(item));
        else grouped.set(`${item.cloud}:${item.service}`, [...(grouped.get(`${item.cloud}:${item.service}`) ?? []), item]);
    }
    rows.push(...[...grouped.values()].map(groupRow));
    rows.sort((a, b) => a.cloud.localeCompare(b.cloud) || a.service.localeCompare(b.service) || a.name.localeCompare(b.name));
    const header = ["cloud", "service", "resource", "requests/month", "USD/month", "always-on VM cheaper above"];
    const cells = [header, ...rows.map((r) => [r.cloud, r.service, r.name, r.requests, formatUsd(r.usd), r.breakEven]),
        ["total", "", "", "", formatUsd(cost.monthlyUsd), ""]];
    const widths = header.map((_, column) => Math.max(...cells.map((row) => row[column].length)));
    const numeric = new Set([3, 4]);
    return cells.map((row) => row.map((cell, column) => (numeric.has(column) ? cell.padStart(widths[column]) : cell.padEnd(widths[column])))
        .join("  ").trimEnd());
}
