import { PolicyConfigSchema, StackValidationPolicy } from "@pulumi/policy";
import { COST_TAGS } from "../../contracts/cost-tags";
import { estimateMonthlyCost } from "../lib/cost";
import { StackResource, validateStackOf } from "../lib/policy-kit";
import { at, record, UNKNOWN } from "../lib/values";

interface BudgetConfig {
    monthlyBudgetUsd: number;
}

const configSchema: PolicyConfigSchema = {
    properties: {
        monthlyBudgetUsd: {
            type: "number", minimum: 0, default: 1000,
            description: "Most the stack may cost per month, in USD, at the traffic its functions and services declare in their cost tags.",
        },
    },
};

function usd(amount: number): string {
    return `${amount.toFixed(2)} USD`;
}

/** Whether the traffic a resource declares (its cost tags or labels) is unknown, making the estimate a lower bound. */
function trafficUnknown(resource: StackResource): boolean {
    return ["tags", "labels"].some((key) => {
        const tags = record(at(resource.props, key));
        return tags === UNKNOWN || (tags !== undefined && Object.values(COST_TAGS).some((tag) => at(tags, tag) === UNKNOWN));
    });
}

/** Serverless bills grow with traffic; the estimate from the declared traffic must stay within the stack's budget. */
export const costBudget: StackValidationPolicy = {
    name: "cost-budget",
    description: "The stack's estimated monthly cost, from list prices and the traffic its functions and services declare (cost-requests-per-month, cost-avg-duration-ms, cost-payload-kb tags), must stay within the budget set in the policy config.",
    enforcementLevel: "mandatory",
    severity: "medium",
    configSchema,
    validateStack: validateStackOf<BudgetConfig>(configSchema, (resources, config, findings) => {
        const estimate = estimateMonthlyCost(resources.map((resource) => ({
            urn: resource.urn, type: resource.type, name: resource.name,
            properties: { ...resource.props }, propertyDependencies: resource.propertyDependencies,
        })));
        if (estimate.monthlyUsd <= config.monthlyBudgetUsd) {
            const unknownTraffic = resources.filter(trafficUnknown).map((resource) => `"${resource.name}"`);
            if (unknownTraffic.length > 0) {
                findings.cannotDetermine(`the estimate of ${usd(estimate.monthlyUsd)} leaves out the traffic of ` +
                    `${unknownTraffic.join(", ")}, whose cost tags are unknown`);
            }
            return;
        }
        const biggest = [...estimate.items].sort((a, b) => b.monthlyUsd - a.monthlyUsd).slice(0, 3)
            .map((item) => `${item.service} "${item.name}" ${usd(item.monthlyUsd)}`);
        findings.violation(`The stack is estimated at ${usd(estimate.monthlyUsd)} per month (list prices of ${estimate.pricesAsOf}), ` +
            `above the budget of ${usd(config.monthlyBudgetUsd)}. Largest items: ${biggest.join(", ")}. Lower provisioned ` +
            `capacity or memory, or raise monthlyBudgetUsd in this stack's policy config if the spend is intended.`);
    }),
};
