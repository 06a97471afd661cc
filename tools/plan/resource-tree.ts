import type { RecordedResource } from "../harness";

const ROOT_STACK_TYPE = "pulumi:pulumi:Stack";
const CLOUDS = ["aws", "gcp", "azure"] as const;
const PACKAGE_CLOUD: Record<string, string> = { aws: "aws", awsx: "aws", gcp: "gcp", "azure-native": "azure", azure: "azure" };

/** A component (or the stack's top level) with the resources directly inside it and its sub-components. */
export interface TreeNode {
    resource?: RecordedResource;
    /** Custom resources directly in this node, counted by type. */
    typeCounts: Map<string, number>;
    children: TreeNode[];
    /** Every resource below this node, components included. */
    total: number;
}

export interface CloudTree {
    cloud: string;
    /** Top-level components of the cloud, plus a node for its top-level custom resources when there are any. */
    nodes: TreeNode[];
    total: number;
}

/** aws/gcp/azure from a provider package or a component type like `serverless-platform:aws:ServerlessFunction`. */
export function cloudOfType(type: string): string | undefined {
    const [pkg, module] = type.split(":");
    return PACKAGE_CLOUD[pkg] ?? (CLOUDS as readonly string[]).find((cloud) => module === cloud);
}

function buildNode(resource: RecordedResource | undefined, childrenOf: Map<string | undefined, RecordedResource[]>, key: string | undefined): TreeNode {
    const node: TreeNode = { resource, typeCounts: new Map(), children: [], total: 0 };
    for (const child of childrenOf.get(key) ?? []) {
        if (child.custom) {
            node.typeCounts.set(child.type, (node.typeCounts.get(child.type) ?? 0) + 1);
            // A custom resource may itself parent others (the awsx VPC's subnets under the VPC).
            const nested = buildNode(child, childrenOf, child.urn);
            node.total += 1 + nested.total;
            for (const [type, count] of nested.typeCounts) node.typeCounts.set(type, (node.typeCounts.get(type) ?? 0) + count);
            node.children.push(...nested.children);
        } else {
            const sub = buildNode(child, childrenOf, child.urn);
            node.children.push(sub);
            node.total += 1 + sub.total;
        }
    }
    return node;
}

/** The cloud most of a node's resources belong to. */
function cloudOfNode(node: TreeNode): string {
    const own = node.resource && cloudOfType(node.resource.type);
    if (own) return own;
    const votes = new Map<string, number>();
    const count = (n: TreeNode) => {
        for (const [type, k] of n.typeCounts) votes.set(cloudOfType(type) ?? "other", (votes.get(cloudOfType(type) ?? "other") ?? 0) + k);
        n.children.forEach(count);
    };
    count(node);
    return [...votes].sort((a, b) => b[1] - a[1])[0]?.[0] ?? "other";
}

/** Resources grouped by cloud, then by component, with counts (the root stack itself is not counted). */
export function resourceTree(resources: readonly RecordedResource[]): CloudTree[] {
    const stack = resources.find((r) => r.type === ROOT_STACK_TYPE);
    const childrenOf = new Map<string | undefined, RecordedResource[]>();
    for (const resource of resources) {
        if (resource === stack) continue;
        const key = resource.parent === stack?.urn ? undefined : resource.parent;
        childrenOf.set(key, [...(childrenOf.get(key) ?? []), resource]);
    }
    const top = buildNode(undefined, childrenOf, undefined);
    const byCloud = new Map<string, TreeNode[]>();
    const add = (cloud: string, node: TreeNode) => byCloud.set(cloud, [...(byCloud.get(cloud) ?? []), node]);
    for (const component of top.children) add(cloudOfNode(component), component);
    for (const [type, count] of top.typeCounts) {
        const cloud = cloudOfType(type) ?? "other";
        let loose = byCloud.get(cloud)?.find((n) => n.resource === undefined);
        if (!loose) {
            loose = { typeCounts: new Map(), children: [], total: 0 };
            add(cloud, loose);
        }
        loose.typeCounts.set(type, count);
        loose.total += count;
    }
    return [...byCloud].map(([cloud, nodes]) => ({ cloud, nodes, total: nodes.reduce((sum, n) => sum + (n.resource ? 1 : 0) + n.total, 0) }))
        .sort((a, b) => a.cloud.localeCompare(b.cloud));
}
