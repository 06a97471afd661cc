import { AwsSettings, Settings } from "../settings";

/** Builds everything this stack runs on Aws; returns the stack outputs for that cloud. */
export function buildAws(settings: Settings, aws: AwsSettings): Record<string, unknown> {
    void settings;
    void aws;
    return {};
}
