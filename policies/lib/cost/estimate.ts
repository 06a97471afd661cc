import { lambdaFunctionItem } from "./aws-lambda";
import { httpApiItem, queueItem, stateMachineItem, topicItem } from "./aws-messaging";
import { metricAlarmItem, natGatewayItem } from "./aws-network";
import { flexFunctionAppItem } from "./azure";
import { cloudRunServiceItem } from "./gcp";
import { ResourceIndex, TYPES } from "./links";
import { PRICES } from "./price-book";
import { CostEstimate, CostItem, CostResource } from "./types";

type Estimator = (resource: CostResource, index: ResourceIndex) => CostItem | undefined;

/** The priced resource types; everything else (roles, log groups, permissions, ...) costs nothing by itself. */
const ESTIMATORS: Record<string, Estimator> = {
    [TYPES.lambdaFunction]: lambdaFunctionItem,
    [TYPES.httpApi]: httpApiItem,
    [TYPES.queue]: queueItem,
    [TYPES.topic]: topicItem,
    [TYPES.stateMachine]: stateMachineItem,
    [TYPES.natGateway]: natGatewayItem,
    [TYPES.metricAlarm]: metricAlarmItem,
    [TYPES.cloudRunService]: cloudRunServiceItem,
    [TYPES.azureWebApp]: flexFunctionAppItem,
};

/**
 * Monthly cost of a stack from its resources and the traffic its functions and services declare in
 * their cost tags/labels, at the list prices of prices.json. Items that cost nothing and carry no note
 * (a dead-letter queue nobody reads in normal operation) are left out.
 */
export function estimateMonthlyCost(resources: readonly CostResource[]): CostEstimate {
    const index = new ResourceIndex(resources);
    const items = resources
        .map((resource) => ESTIMATORS[resource.type]?.(resource, index))
        .filter((item): item is CostItem => item !== undefined && (item.charges.length > 0 || item.notes.length > 0));
    return {
        monthlyUsd: items.reduce((sum, item) => sum + item.monthlyUsd, 0),
        currency: "USD",
        pricesAsOf: PRICES.asOf,
        items,
    };
}
