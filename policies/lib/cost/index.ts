export { estimateMonthlyCost } from "./estimate";
export { TRAFFIC_TAGS } from "./read";
export type { BreakEven, Cloud, CostCharge, CostEstimate, CostItem, CostResource, Traffic } from "./types";
