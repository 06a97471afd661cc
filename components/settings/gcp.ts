import { GCP_REGION, REGION_MAX_LENGTH } from "./regions";
import { between, booleanSetting, emptyOr, integerSetting, listOf, matches, oneOf, SettingSpec, stringArraySetting, stringSetting } from "./schema";
import { CLOUD_RUN_INGRESS_VALUES, NAMED_PRINCIPAL_EXAMPLE, NAMED_PRINCIPAL_PATTERN } from "../../contracts/cloud-run";

/** IAM principals Cloud Run accepts as invokers; allUsers/allAuthenticatedUsers are refused on purpose. */
const NAMED_PRINCIPAL = matches(NAMED_PRINCIPAL_PATTERN,
    `a named principal such as ${NAMED_PRINCIPAL_EXAMPLE} (never allUsers or allAuthenticatedUsers)`);

/** Longest image reference accepted (registry host, path, digest); OCI names are far shorter in practice. */
const IMAGE_MAX_LENGTH = 1024;

/** A registry host (optional port), a path without `@` or spaces, then the digest: each part one way only. */
const PINNED_IMAGE = matches(/^[a-z0-9.-]+(:\d+)?\/[^\s@]+@sha256:[0-9a-f]{64}$/,
    "an image reference pinned by digest (registry/path@sha256:<64 hex>)");

export const gcpSettingSpecs = {
    cloudRunRegion: stringSetting("Region of the Cloud Run service (seed: europe-west1).", GCP_REGION, REGION_MAX_LENGTH),
    cloudRunImage: stringSetting("Digest-pinned image of the churn API; empty to build it from functions/churn-api.",
        emptyOr(PINNED_IMAGE), IMAGE_MAX_LENGTH),
    cloudRunMinInstances: integerSetting("Minimum instances (seed: 0, scale to zero).", between(0, 1000)),
    cloudRunMaxInstances: integerSetting("Maximum instances (seed: 100).", between(1, 1000)),
    cloudRunMemory: stringSetting("Memory per instance (seed: 512Mi).",
        matches(/^(128|256|512)Mi$|^([1-9]|[12]\d|3[0-2])Gi$/, "128Mi, 256Mi, 512Mi or 1Gi to 32Gi"), 8),
    cloudRunCpu: stringSetting("vCPUs per instance (seed: 1).", oneOf(["1", "2", "4", "6", "8"]), 8),
    cloudRunTimeoutSeconds: integerSetting("Request timeout in seconds (seed: 30).",
        between(1, 3600, "Cloud Run's maximum request timeout is 60 minutes")),
    cloudRunConcurrency: integerSetting("Concurrent requests per instance (seed: 80).",
        between(1, 1000, "Cloud Run accepts 1 to 1000 requests per instance")),
    cloudRunIngress: stringSetting("Who can reach the service over the network.",
        oneOf(CLOUD_RUN_INGRESS_VALUES), 64),
    cloudRunInvokers: stringArraySetting("Principals granted roles/run.invoker.",
        listOf(NAMED_PRINCIPAL, { minItems: 0, distinct: true, maxElementLength: 320 })),
    cloudRunModelVersion: stringSetting("MODEL_VERSION of the churn model (seed: v3); its artifact must exist in functions/churn-api/model.",
        matches(/^v\d{1,9}$/, "v followed by a number, e.g. v3"), 16),
    cloudRunStartupCpuBoost: booleanSetting("Extra CPU while an instance starts (production)."),
    cloudRunDeletionProtection: booleanSetting("Refuse to delete the service (production)."),
    cloudRunRequestsPerMonth: integerSetting("Expected requests per month (cost estimate).", between(0, 1e12)),
    cloudRunAvgDurationMs: integerSetting("Expected average request duration in ms (cost estimate).",
        between(1, 3600000)),
    cloudRunPayloadKb: integerSetting("Expected request plus response size in KB (cost estimate).", between(0, 32768)),
} satisfies Record<string, SettingSpec<never>>;
