import { displayValue } from "./schema";
import { closest } from "./near-miss";

/**
 * Config namespaces this program's stacks use: its own and those of the providers it deploys with
 * (`aws:region`, `gcp:project`, `azure-native:location`, ...), plus `pulumi:` (engine settings such as
 * `pulumi:tags`). Other providers whose names are close to these are listed too, so that their real
 * keys (`aws-native:region`, `azure:location`) are never taken for typos.
 */
const KNOWN_NAMESPACES = ["aws", "awsx", "aws-native", "gcp", "google-native", "azure-native", "azure", "azuread",
    "docker", "docker-build", "pulumi"];

/** Longer namespaces are not typos of any known one (the longest is 13 characters). */
const NAMESPACE_MAX_LENGTH = 64;

/**
 * A key whose namespace is a near miss of ours or of a known provider's (`serverles-platform:vpcEnabled`,
 * `AWS:region`) would be silently ignored by everyone: each one is a problem naming the namespace meant.
 * Keys in other namespaces belong to someone else and are left alone.
 */
export function misspelledNamespaces(keys: readonly string[], project: string): string[] {
    const known = [project, ...KNOWN_NAMESPACES];
    const problems: string[] = [];
    for (const key of keys) {
        const colon = key.indexOf(":");
        const namespace = colon < 0 ? key : key.slice(0, colon);
        if (known.includes(namespace) || namespace.length > NAMESPACE_MAX_LENGTH) continue;
        const meant = closest(namespace, known);
        if (meant) {
            problems.push(`${displayValue(key)} is in namespace "${namespace}", which nothing reads: did you mean ` +
                `"${meant}:${key.slice(colon + 1)}"? (namespaces read here: ${known.join(", ")})`);
        }
    }
    return problems;
}
