import { parseIpv4Block, fitsSubnets } from "./cidr";
import { CloudName } from "./general";
import { CHURN_MODEL_DIR, churnModelObjectName } from "../../contracts/churn-model";
import { availableModelVersions } from "./model-artifacts";

/** The parsed values cross-field rules read (any of them may be missing: it had its own problem). */
type Values = Partial<Record<string, string | number | boolean | string[]>>;

/**
 * Rules that relate two settings, or a setting and the project's files. Each message names both key
 * paths and their values. A rule whose inputs had their own problem is skipped (already reported).
 */
export function crossFieldProblems(v: Values, namespace: string): string[] {
    const key = (name: string) => `${namespace}:${name} = ${JSON.stringify(v[name])}`;
    const problems: string[] = [];
    const atMost = (small: string, large: string, why = "", scale = 1) => {
        const a = v[small], b = v[large];
        if (typeof a === "number" && typeof b === "number" && a > b * scale) {
            problems.push(`${key(small)} must be at most ${scale === 1 ? "" : `${scale} x `}${key(large)}${why}`);
        }
    };
    atMost("customerApiProvisionedConcurrency", "customerApiReservedConcurrency",
        " (provisioned instances count against the function's reserved concurrency)");
    atMost("orderEventsMaxConcurrency", "orderEventsReservedConcurrency", ", or pollers get throttled");
    atMost("cloudRunMinInstances", "cloudRunMaxInstances");
    atMost("azureAlwaysReadyInstances", "azureMaxInstanceCount");
    // An average duration above the timeout is impossible: the cost estimate would be of another system.
    for (const group of ["customerApi", "orderEvents", "orderSaga"]) {
        atMost(`${group}AvgDurationMs`, `${group}TimeoutSeconds`, " (in ms: no invocation lasts longer than the timeout)", 1000);
    }
    atMost("cloudRunAvgDurationMs", "cloudRunTimeoutSeconds", " (in ms: no request lasts longer than the timeout)", 1000);
    atMost("azureAvgDurationMs", "azureHttpTimeoutSeconds", " (in ms: no execution lasts longer than the timeout)", 1000);

    const clouds = Array.isArray(v.clouds) ? v.clouds as CloudName[] : [];
    if (clouds.includes("aws") && v.vpcEnabled === true && typeof v.vpcCidr === "string" && typeof v.vpcAvailabilityZones === "number") {
        const block = parseIpv4Block(v.vpcCidr);
        const subnets = 2 * v.vpcAvailabilityZones;
        if (block && !fitsSubnets(block.prefix, subnets)) {
            problems.push(`${key("vpcCidr")} is too small for ${key("vpcAvailabilityZones")}: it needs room for ` +
                `${subnets} subnets (a public and a private one per zone) of at least /28; use a larger block`);
        }
    }
    if (clouds.includes("gcp") && typeof v.cloudRunModelVersion === "string") {
        const versions = availableModelVersions();
        if (!versions.includes(v.cloudRunModelVersion)) {
            problems.push(`${key("cloudRunModelVersion")} has no model artifact ` +
                `${CHURN_MODEL_DIR}/${churnModelObjectName(v.cloudRunModelVersion)}; add the artifact or set a version that has one: ` +
                (versions.length ? versions.map((x) => JSON.stringify(x)).join(", ") : `none has (${CHURN_MODEL_DIR} holds no artifact)`));
        }
    }
    return problems;
}
