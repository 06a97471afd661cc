import { GcpSettings, Settings } from "../settings";

/** Builds everything this stack runs on Gcp; returns the stack outputs for that cloud. */
export function buildGcp(settings: Settings, gcp: GcpSettings): Record<string, unknown> {
    void settings;
    void gcp;
    return {};
}
