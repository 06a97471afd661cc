import { between, booleanSetting, eachElement, integerSetting, matches, oneOf, SettingSpec, stringArraySetting, stringSetting } from "./schema";

/** IAM principals Cloud Run accepts as invokers; allUsers/allAuthenticatedUsers are refused on purpose. */
const NAMED_PRINCIPAL = matches(/^(user|serviceAccount|group|domain):[^\s]+$/,
    "a named principal such as serviceAccount:caller@project.iam.gserviceaccount.com (never allUsers or allAuthenticatedUsers)");

export const gcpSettingSpecs = {
    cloudRunRegion: stringSetting("Region of the Cloud Run service (seed: europe-west1).",
        matches(/^[a-z]+-[a-z]+\d$/, "a GCP region such as europe-west1")),
    cloudRunImage: stringSetting("Digest-pinned image of the churn API; empty to build it from functions/churn-api.",
        matches(/^$|^[a-z0-9.-]+(:\d+)?\/[^\s@]+@sha256:[0-9a-f]{64}$/, "empty or an image reference pinned by digest (…@sha256:<64 hex>)")),
    cloudRunMinInstances: integerSetting("Minimum instances (seed: 0, scale to zero).", between(0, 1000)),
    cloudRunMaxInstances: integerSetting("Maximum instances (seed: 100).", between(1, 1000)),
    cloudRunMemory: stringSetting("Memory per instance (seed: 512Mi).",
        matches(/^(128|256|512)Mi$|^([1-9]|[12]\d|3[0-2])Gi$/, "128Mi, 256Mi, 512Mi or 1Gi to 32Gi")),
    cloudRunCpu: stringSetting("vCPUs per instance (seed: 1).", oneOf(["1", "2", "4", "6", "8"])),
    cloudRunTimeoutSeconds: integerSetting("Request timeout in seconds (seed: 30).",
        between(1, 3600, "Cloud Run's maximum request timeout is 60 minutes")),
    cloudRunConcurrency: integerSetting("Concurrent requests per instance (seed: 80).",
        between(1, 1000, "Cloud Run accepts 1 to 1000 requests per instance")),
    cloudRunIngress: stringSetting("Who can reach the service over the network.",
        oneOf(["INGRESS_TRAFFIC_ALL", "INGRESS_TRAFFIC_INTERNAL_ONLY", "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER"])),
    cloudRunInvokers: stringArraySetting("Principals granted roles/run.invoker.", eachElement(NAMED_PRINCIPAL)),
    cloudRunModelVersion: stringSetting("MODEL_VERSION of the churn model (seed: v3).",
        matches(/^v\d+$/, "v followed by a number, e.g. v3")),
    cloudRunStartupCpuBoost: booleanSetting("Extra CPU while an instance starts (production)."),
    cloudRunDeletionProtection: booleanSetting("Refuse to delete the service (production)."),
    cloudRunRequestsPerMonth: integerSetting("Expected requests per month (cost estimate).", between(0, 1e12)),
    cloudRunAvgDurationMs: integerSetting("Expected average request duration in ms (cost estimate).",
        between(1, 3600000)),
    cloudRunPayloadKb: integerSetting("Expected request plus response size in KB (cost estimate).", between(0, 32768)),
} satisfies Record<string, SettingSpec<never>>;
