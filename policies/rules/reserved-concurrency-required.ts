import { PolicyConfigSchema, StackValidationPolicy } from "@pulumi/policy";
import { isFunctionApp, planKind, planOf } from "../lib/azure-apps";
import { Findings } from "../lib/findings";
import { StackResource, validateStackOf } from "../lib/policy-kit";
import { aws, azure, gcp } from "../lib/resource-types";
import { StackGraph } from "../lib/stack-graph";
import { at, num, UNKNOWN } from "../lib/values";

interface ConcurrencyConfig {
    accountConcurrencyLimit: number;
    minimumUnreservedConcurrency: number;
}

const configSchema: PolicyConfigSchema = {
    properties: {
        accountConcurrencyLimit: {
            type: "integer", minimum: 1, default: 1000,
            description: "The AWS account's regional Lambda concurrency limit (1000 unless raised by a quota request).",
        },
        minimumUnreservedConcurrency: {
            type: "integer", minimum: 0, default: 100,
            description: "Concurrency that must stay unreserved for the account's other functions (AWS itself requires 100).",
        },
    },
};

/** Reserved concurrency of one function, or undefined after reporting why it does not count. */
function lambdaReservation(fn: StackResource, findings: Findings): number | undefined {
    const reserved = num(at(fn.props, "reservedConcurrentExecutions"));
    if (reserved === UNKNOWN) {
        findings.cannotDetermine(`the reserved concurrency of Lambda "${fn.name}" is unknown`);
        return undefined;
    }
    if (reserved === undefined || reserved < 0) {
        findings.violation(`Lambda "${fn.name}" has no reserved concurrency, so it can scale to the whole account limit and ` +
            `saturate what it calls (a database, an API). Set reservedConcurrentExecutions to the most it may run at once.`, fn.urn);
        return undefined;
    }
    if (reserved === 0) {
        findings.violation(`Lambda "${fn.name}" has reservedConcurrentExecutions 0, which throttles every invocation. ` +
            `Set it to at least 1.`, fn.urn);
        return undefined;
    }
    return reserved;
}

/** A maximum instance count that must be a positive number; reports when it is missing or unknown. */
function requireMaximum(resource: StackResource, value: number | typeof UNKNOWN | undefined, fix: string, findings: Findings): void {
    if (value === UNKNOWN) findings.cannotDetermine(`the maximum instance count of "${resource.name}" is unknown`);
    else if (value === undefined || value < 1) {
        findings.violation(`"${resource.name}" has no maximum instance count, so it scales without bound and can saturate ` +
            `its dependencies and the bill. ${fix}`, resource.urn);
    }
}

function firstKnown(...values: Array<number | typeof UNKNOWN | undefined>): number | typeof UNKNOWN | undefined {
    return values.find((value) => typeof value === "number") ?? values.find((value) => value === UNKNOWN);
}

const AZURE_FIXES: Record<"flex" | "consumption" | "elastic-premium" | "unknown", string> = {
    flex: "Set functionAppConfig.scaleAndConcurrency.maximumInstanceCount.",
    consumption: "Set siteConfig.functionAppScaleLimit.",
    "elastic-premium": "Set siteConfig.functionAppScaleLimit (or the plan's maximumElasticWorkerCount).",
    unknown: "Set functionAppConfig.scaleAndConcurrency.maximumInstanceCount (Flex Consumption) or siteConfig.functionAppScaleLimit.",
};

/**
 * The ceiling of a function app depends on its plan: Flex Consumption has maximumInstanceCount,
 * Consumption (Y1) siteConfig.functionAppScaleLimit, Elastic Premium the app's functionAppScaleLimit or
 * the plan's maximumElasticWorkerCount; a dedicated plan runs a fixed number of instances (its SKU
 * capacity or autoscale maximum), so it is bounded by construction.
 */
function checkFunctionApp(graph: StackGraph, app: StackResource, findings: Findings): void {
    const functionApp = isFunctionApp(app);
    if (functionApp === UNKNOWN) {
        findings.cannotDetermine(`the kind of "${app.name}" is unknown`);
        return;
    }
    if (!functionApp) return;
    const flexMaximum = num(at(app.props, "functionAppConfig", "scaleAndConcurrency", "maximumInstanceCount"));
    const scaleLimit = num(at(app.props, "siteConfig", "functionAppScaleLimit"));
    const { plan, unresolved } = planOf(graph, app);
    const kind = plan ? planKind(plan) : undefined;
    if (kind === UNKNOWN || (unresolved && at(app.props, "functionAppConfig") === undefined)) {
        findings.cannotDetermine(`the hosting plan of "${app.name}" is unknown`);
        return;
    }
    if (kind === "dedicated") return;
    if (kind === "flex" || at(app.props, "functionAppConfig") !== undefined) {
        requireMaximum(app, flexMaximum, AZURE_FIXES.flex, findings);
    } else if (kind === "elastic-premium") {
        requireMaximum(app, firstKnown(scaleLimit, plan ? num(at(plan.props, "maximumElasticWorkerCount")) : undefined),
            AZURE_FIXES["elastic-premium"], findings);
    } else {
        requireMaximum(app, scaleLimit, AZURE_FIXES[kind ?? "unknown"], findings);
    }
}

function checkContainersAndApps(resources: readonly StackResource[], findings: Findings): void {
    const graph = StackGraph.of(resources);
    for (const resource of resources) {
        switch (resource.type) {
            case gcp.cloudRunV2Service:
                requireMaximum(resource, firstKnown(num(at(resource.props, "template", "scaling", "maxInstanceCount")),
                    num(at(resource.props, "scaling", "maxInstanceCount"))), "Set template.scaling.maxInstanceCount.", findings);
                break;
            case gcp.cloudRunV1Service:
                requireMaximum(resource, num(at(resource.props, "template", "metadata", "annotations", "autoscaling.knative.dev/maxScale")),
                    `Set the template annotation "autoscaling.knative.dev/maxScale".`, findings);
                break;
            case gcp.cloudFunctionV1:
                requireMaximum(resource, num(at(resource.props, "maxInstances")), "Set maxInstances.", findings);
                break;
            case gcp.cloudFunctionV2:
                requireMaximum(resource, num(at(resource.props, "serviceConfig", "maxInstanceCount")),
                    "Set serviceConfig.maxInstanceCount.", findings);
                break;
            case azure.webApp:
            case azure.webAppSlot:
                checkFunctionApp(graph, resource, findings);
                break;
        }
    }
}

/** The seed's "Concurrence non limitée": every function and service has a ceiling, and the ceilings fit the account. */
export const reservedConcurrencyRequired: StackValidationPolicy = {
    name: "reserved-concurrency-required",
    description: "Every Lambda function must reserve its concurrency, every Cloud Run service and Azure function app must cap its instances, and the Lambda reservations together must leave the account's unreserved minimum.",
    enforcementLevel: "mandatory",
    severity: "high",
    configSchema,
    validateStack: validateStackOf<ConcurrencyConfig>(configSchema, (resources, config, findings) => {
        let total = 0;
        for (const fn of resources.filter((r) => r.type === aws.lambdaFunction)) total += lambdaReservation(fn, findings) ?? 0;
        const available = config.accountConcurrencyLimit - config.minimumUnreservedConcurrency;
        if (total > available) {
            findings.violation(`The stack's Lambda functions reserve ${total} concurrent executions, but an account limit of ` +
                `${config.accountConcurrencyLimit} with ${config.minimumUnreservedConcurrency} kept unreserved leaves only ` +
                `${available}. Lower the reservations or raise the account limit (and accountConcurrencyLimit in the policy config).`);
        }
        checkContainersAndApps(resources, findings);
    }),
};
