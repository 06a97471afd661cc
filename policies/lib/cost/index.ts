export { estimateMonthlyCost } from "./estimate";
export type { BreakEven, Cloud, CostCharge, CostEstimate, CostItem, CostResource, Traffic } from "./types";
