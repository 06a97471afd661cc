import * as applicationinsights from "@pulumi/azure-native/applicationinsights";
import * as operationalinsights from "@pulumi/azure-native/operationalinsights";
import * as pulumi from "@pulumi/pulumi";

/** Log Analytics keeps data at least 30 days on the pay-as-you-go tier; shorter settings are raised to it. */
export const MIN_WORKSPACE_RETENTION_DAYS = 30;

export interface Monitoring {
    workspace: operationalinsights.Workspace;
    insights: applicationinsights.Component;
}

/** Workspace-based Application Insights: the function logs land in the workspace with its retention. */
export function createMonitoring(
    name: string,
    args: { resourceGroupName: pulumi.Input<string>; location: string; retentionDays: number; tags: Record<string, string> },
    opts: pulumi.CustomResourceOptions,
): Monitoring {
    const workspace = new operationalinsights.Workspace(`${name}-logs`, {
        resourceGroupName: args.resourceGroupName,
        location: args.location,
        sku: { name: operationalinsights.WorkspaceSkuNameEnum.PerGB2018 },
        retentionInDays: Math.max(MIN_WORKSPACE_RETENTION_DAYS, args.retentionDays),
        tags: args.tags,
    }, opts);
    const insights = new applicationinsights.Component(`${name}-insights`, {
        resourceGroupName: args.resourceGroupName,
        location: args.location,
        kind: "web",
        applicationType: applicationinsights.ApplicationType.Web,
        workspaceResourceId: workspace.id,
        ingestionMode: applicationinsights.IngestionMode.LogAnalytics,
        tags: args.tags,
    }, opts);
    return { workspace, insights };
}
