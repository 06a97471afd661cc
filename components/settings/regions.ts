import { Region as AwsRegion } from "@pulumi/aws/types/enums";
import azureLocations from "./data/azure-locations.json";
import gcpRegions from "./data/gcp-cloud-run-regions.json";
import { closest } from "./near-miss";
import { SettingRule } from "./schema";

/** Region names are short; anything longer is refused before it is looked up. */
export const REGION_MAX_LENGTH = 40;

/**
 * A name from a provider's list of regions. The message gives the nearest name when the value is a
 * near miss, and otherwise a few examples and where the full list comes from (the lists are long).
 */
function regionOf(cloud: string, names: readonly string[], example: string, source: string): SettingRule<string> {
    const known = new Set(names);
    const article = /^[AEIOU]/.test(cloud) ? "an" : "a";
    const allowed = `${article} ${cloud} region such as ${example} (${names.length} regions, listed in ${source})`;
    return {
        allowed,
        problem: (value) => {
            if (known.has(value)) return undefined;
            const suggestion = value.length <= REGION_MAX_LENGTH ? closest(value, names) : undefined;
            return suggestion ? `${allowed}; did you mean ${JSON.stringify(suggestion)}?` : allowed;
        },
    };
}

/** @pulumi/aws's own Region enum: the regions the provider accepts. */
export const AWS_REGION = regionOf("AWS", Object.values(AwsRegion), "eu-west-1", "@pulumi/aws's Region enum");
export const GCP_REGION = regionOf("Cloud Run", gcpRegions.regions, "europe-west1",
    "components/settings/data/gcp-cloud-run-regions.json");
export const AZURE_LOCATION = regionOf("Azure", azureLocations.regions, "westeurope",
    "components/settings/data/azure-locations.json");
