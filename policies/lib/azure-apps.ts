import { StackResource } from "./policy-kit";
import { azure } from "./resource-types";
import { StackGraph } from "./stack-graph";
import { at, list, record, str, Unknown, UNKNOWN } from "./values";

/**
 * Azure compares `kind` case-insensitively and as a comma-separated list of traits
 * ("FunctionApp", "functionapp,linux", "functionapp,linux,container,workflowapp").
 */
export function kindTraits(kind: unknown): string[] | Unknown | undefined {
    const text = str(kind);
    if (text === UNKNOWN || text === undefined) return text;
    return text.split(",").map((trait) => trait.trim().toLowerCase()).filter((trait) => trait !== "");
}

/** True, false, or UNKNOWN when the kind is unknown. A missing kind is a web app (Azure's default "app"). */
export function isFunctionApp(site: { props: Readonly<Record<string, unknown>> }): boolean | Unknown {
    const traits = kindTraits(at(site.props, "kind"));
    if (traits === UNKNOWN) return UNKNOWN;
    return (traits ?? []).includes("functionapp");
}

/** The hosting plans a function app can run on, as Azure names their SKU tiers. */
export type HostingPlan = "consumption" | "elastic-premium" | "flex" | "dedicated";

/** The plan kind of an App Service plan, from its SKU (name `Y1`/`EP1`/`FC1`, tier `Dynamic`/`ElasticPremium`/`FlexConsumption`). */
export function planKind(plan: StackResource): HostingPlan | Unknown | undefined {
    const name = str(at(plan.props, "sku", "name"));
    const tier = str(at(plan.props, "sku", "tier"));
    if (name === UNKNOWN || tier === UNKNOWN) return UNKNOWN;
    const sku = `${name ?? ""} ${tier ?? ""}`.toLowerCase();
    if (sku.trim() === "") return undefined;
    if (/\by1\b|dynamic/.test(sku)) return "consumption";
    if (/\bep\d\b|elasticpremium/.test(sku)) return "elastic-premium";
    if (/\bfc\d\b|flexconsumption/.test(sku)) return "flex";
    return "dedicated";
}

/** The App Service plan of a site (by `serverFarmId`), when the stack defines it. */
export function planOf(graph: StackGraph, site: StackResource): { plan?: StackResource; unresolved: boolean } {
    const resolution = graph.resolve(site, ["serverFarmId"], [azure.appServicePlan]);
    return { plan: resolution.targets[0], unresolved: resolution.unresolved };
}

/**
 * App settings of a site by name (case-insensitive, as App Service treats them): `siteConfig.appSettings`
 * (`[{ name, value }]`) on a WebApp, or `properties` on a WebAppApplicationSettings resource.
 */
export function appSettingsOf(resource: { type: string; props: Readonly<Record<string, unknown>> }): Map<string, unknown> {
    const settings = new Map<string, unknown>();
    if (resource.type === azure.webAppApplicationSettings || resource.type === azure.webAppApplicationSettingsSlot) {
        const properties = record(at(resource.props, "properties"));
        for (const [name, value] of properties && properties !== UNKNOWN ? Object.entries(properties) : []) settings.set(name.toUpperCase(), value);
        return settings;
    }
    const entries = list(at(resource.props, "siteConfig", "appSettings"));
    for (const entry of Array.isArray(entries) ? entries : []) {
        const name = str(at(entry, "name"));
        if (typeof name === "string") settings.set(name.toUpperCase(), at(entry, "value"));
    }
    return settings;
}
