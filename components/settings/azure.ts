import { AZURE_LOCATION, REGION_MAX_LENGTH } from "./regions";
import { between, integerSetting, oneOf, SettingSpec, stringSetting } from "./schema";
import { AZURE_HTTP_TIMEOUT_SECONDS } from "../../contracts/integration-limits";


export const azureSettingSpecs = {
    azureLocation: stringSetting("Azure region of the order intake (a region with Flex Consumption).",
        AZURE_LOCATION, REGION_MAX_LENGTH),
    azureMaxInstanceCount: integerSetting("Flex Consumption maximum instance count.",
        between(40, 1000, "Flex Consumption scales between 40 and 1000 instances")),
    azureInstanceMemoryMb: integerSetting("Flex Consumption instance memory in MB.",
        oneOf([512, 2048, 4096], "the instance sizes Flex Consumption offers")),
    azureAlwaysReadyInstances: integerSetting("Always-ready HTTP instances (production only; 0 = none).",
        between(0, 1000)),
    azureHttpTimeoutSeconds: integerSetting("Function timeout for the HTTP order intake, in seconds.",
        between(1, AZURE_HTTP_TIMEOUT_SECONDS, `an HTTP-triggered Azure Function must answer within ${AZURE_HTTP_TIMEOUT_SECONDS} s`)),
    azureMaxDequeueCount: integerSetting("Deliveries of a queue message before it moves to the poison queue.",
        between(1, 100)),
    azureRequestsPerMonth: integerSetting("Expected executions per month (cost estimate).", between(0, 1e12)),
    azureAvgDurationMs: integerSetting("Expected average execution duration in ms (cost estimate).",
        between(1, 230000)),
    azurePayloadKb: integerSetting("Expected request plus response size in KB (cost estimate).", between(0, 32768)),
} satisfies Record<string, SettingSpec<never>>;
