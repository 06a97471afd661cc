/** Facts about Cloud Run that the settings, the Cloud Run component and the policies share. */

/** Who may reach a Cloud Run (v2) service over the network (`ingress`). */
export const CLOUD_RUN_INGRESS_VALUES = [
    "INGRESS_TRAFFIC_ALL",
    "INGRESS_TRAFFIC_INTERNAL_ONLY",
    "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER",
] as const;

export type CloudRunIngress = typeof CLOUD_RUN_INGRESS_VALUES[number];

/**
 * An IAM member that names who it is: a user, service account, group, domain, or a workload/workforce
 * identity federation principal (`principal://…`, `principalSet://…`). `allUsers` and
 * `allAuthenticatedUsers` do not match: a private service never grants them roles/run.invoker.
 */
export const NAMED_PRINCIPAL_PATTERN = /^(user|serviceAccount|group|domain|principal|principalSet):\S+$/;

/** What a named principal looks like, for messages that refuse another value. */
export const NAMED_PRINCIPAL_EXAMPLE = "serviceAccount:caller@project.iam.gserviceaccount.com";
