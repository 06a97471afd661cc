import { EMAIL_ADDRESS, EMAIL_MAX_LENGTH } from "./email";
import { between, emptyOr, integerSetting, listOf, oneOf, SettingSpec, stringArraySetting, stringSetting } from "./schema";
import { LOG_LEVELS } from "../../contracts/log-levels";

export const CLOUDS = ["aws", "gcp", "azure"] as const;
export type CloudName = typeof CLOUDS[number];


/** CloudWatch Logs accepts only these retention periods; Azure and GCP accept any of them too. */
export const LOG_RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827,
    2192, 2557, 2922, 3288, 3653] as const;

/** What the offline plan subscribes in place of a secret alarm email it cannot decrypt (RFC 2606 domain). */
export const ALARM_EMAIL_PLACEHOLDER = "alarms@example.com";

/** Settings that apply to every cloud. */
export const generalSettingSpecs = {
    clouds: stringArraySetting("Clouds this stack deploys to: any non-empty subset of aws, gcp, azure.",
        listOf(oneOf(CLOUDS), { minItems: 1, distinct: true, maxElementLength: 16 })),
    logLevel: stringSetting("Application log level (the seed: DEBUG in dev, INFO in production).", oneOf(LOG_LEVELS), 16),
    logRetentionDays: integerSetting("Days every log group keeps its logs.",
        oneOf(LOG_RETENTION_DAYS, "the retention periods CloudWatch Logs accepts")),
    alarmErrorThreshold: integerSetting("Errors per period above which a function's Errors alarm fires (seed: 10).",
        between(1, 100000)),
    alarmPeriodSeconds: integerSetting("Alarm evaluation period in seconds (seed: 300).",
        oneOf([60, 300, 900, 3600], "CloudWatch standard-resolution periods used here")),
    alarmEvaluationPeriods: integerSetting("Consecutive periods above threshold before an alarm fires (seed: 2).",
        between(1, 10)),
    alarmEmail: stringSetting("Email subscribed to the alarm topic; empty for none. May be a secret (pulumi config set --secret).",
        emptyOr(EMAIL_ADDRESS), EMAIL_MAX_LENGTH, { placeholder: ALARM_EMAIL_PLACEHOLDER }),
} satisfies Record<string, SettingSpec<never>>;
