import { AWS_REGION, AZURE_LOCATION, GCP_REGION, REGION_MAX_LENGTH } from "./regions";
import { displayValue, SettingRule } from "./schema";

/** Provider settings the stack files set (the providers read them; the plan would accept any value). */
const PROVIDER_REGIONS: Record<string, SettingRule<string>> = {
    "aws:region": AWS_REGION,
    "gcp:region": GCP_REGION,
    "azure-native:location": AZURE_LOCATION,
};

/** Each provider region the config sets must be one that provider has. */
export function providerConfigProblems(values: Readonly<Record<string, string>>): string[] {
    const problems: string[] = [];
    for (const [key, rule] of Object.entries(PROVIDER_REGIONS)) {
        const value = values[key];
        if (value === undefined) continue;
        const problem = value.length > REGION_MAX_LENGTH ? `${rule.allowed} (at most ${REGION_MAX_LENGTH} characters)` : rule.problem(value);
        if (problem) problems.push(`${key} = ${displayValue(value)} must be ${problem}`);
    }
    return problems;
}
