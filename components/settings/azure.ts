import { between, integerSetting, matches, oneOf, SettingSpec, stringSetting } from "./schema";

export const azureSettingSpecs = {
    azureLocation: stringSetting("Azure region of the order intake (a region with Flex Consumption).",
        matches(/^[a-z]+[a-z0-9]*$/, "an Azure region name such as westeurope")),
    azureMaxInstanceCount: integerSetting("Flex Consumption maximum instance count.",
        between(40, 1000, "Flex Consumption scales between 40 and 1000 instances")),
    azureInstanceMemoryMb: integerSetting("Flex Consumption instance memory in MB.",
        oneOf([512, 2048, 4096], "the instance sizes Flex Consumption offers")),
    azureAlwaysReadyInstances: integerSetting("Always-ready HTTP instances (production only; 0 = none).",
        between(0, 1000)),
    azureHttpTimeoutSeconds: integerSetting("Function timeout for the HTTP order intake, in seconds.",
        between(1, 230, "an HTTP-triggered Azure Function must answer within 230 s")),
    azureMaxDequeueCount: integerSetting("Deliveries of a queue message before it moves to the poison queue.",
        between(1, 100)),
    azureRequestsPerMonth: integerSetting("Expected executions per month (cost estimate).", between(0, 1e12)),
    azureAvgDurationMs: integerSetting("Expected average execution duration in ms (cost estimate).",
        between(1, 230000)),
    azurePayloadKb: integerSetting("Expected request plus response size in KB (cost estimate).", between(0, 32768)),
} satisfies Record<string, SettingSpec<never>>;
