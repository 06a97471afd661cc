import type { RecordedResource } from "../harness";
import { cloudOfType } from "./resource-tree";

/**
 * A Mermaid flowchart of the components: one subgraph per cloud, dotted arrows from a component to the
 * components inside it, solid arrows where something inside one component depends on something inside
 * another top-level component (each resource counts for the nearest component around it).
 */
export function mermaidGraph(resources: readonly RecordedResource[]): string {
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    const components = resources.filter((r) => !r.custom && r.parent !== undefined);
    const ids = new Map(components.map((c, i) => [c.urn, `c${i}`]));
    const ownerOf = (urn: string | undefined): string | undefined => {
        let current = urn ? byUrn.get(urn) : undefined;
        while (current && !ids.has(current.urn)) current = current.parent ? byUrn.get(current.parent) : undefined;
        return current?.urn;
    };
    const isWithin = (inner: string, outer: string): boolean => {
        for (let current = byUrn.get(inner); current; current = current.parent ? byUrn.get(current.parent) : undefined) {
            if (current.urn === outer) return true;
        }
        return false;
    };

    const lines = ["flowchart LR"];
    const clouds = new Map<string, RecordedResource[]>();
    for (const component of components) {
        const cloud = cloudOfType(component.type) ?? cloudOfType(resources.find((r) => ownerOf(r.urn) === component.urn && r.custom)?.type ?? "") ?? "other";
        clouds.set(cloud, [...(clouds.get(cloud) ?? []), component]);
    }
    for (const [cloud, members] of clouds) {
        lines.push(`  subgraph ${cloud}`);
        for (const c of members) lines.push(`    ${ids.get(c.urn)}["${c.name}<br/><small>${c.type.split(":").pop()}</small>"]`);
        lines.push("  end");
    }
    for (const component of components) {
        const parentOwner = ownerOf(component.parent);
        if (parentOwner) lines.push(`  ${ids.get(parentOwner)} -.-> ${ids.get(component.urn)}`);
    }
    // A dependency points at the top-level component around it: "uses the network", not each of its parts.
    const topOwnerOf = (urn: string): string | undefined => {
        let owner = ownerOf(urn);
        for (let parent = owner && ownerOf(byUrn.get(owner)?.parent); parent; parent = ownerOf(byUrn.get(parent)?.parent)) owner = parent;
        return owner;
    };
    const edges = new Set<string>();
    for (const resource of resources) {
        const from = ownerOf(resource.urn);
        if (!from) continue;
        for (const dependency of resource.dependencies) {
            const to = topOwnerOf(dependency);
            if (!to || to === from || isWithin(to, from) || isWithin(from, to)) continue;
            edges.add(`  ${ids.get(from)} --> ${ids.get(to)}`);
        }
    }
    return [...lines, ...edges].join("\n") + "\n";
}
