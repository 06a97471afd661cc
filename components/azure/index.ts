import { AzureSettings, Settings } from "../settings";

/** Builds everything this stack runs on Azure; returns the stack outputs for that cloud. */
export function buildAzure(settings: Settings, azure: AzureSettings): Record<string, unknown> {
    void settings;
    void azure;
    return {};
}
