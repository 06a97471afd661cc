import type { CostEstimate, CostItem } from "../../policies/lib/cost";
import type { PolicyViolation } from "../policy-pack";
import { costTable, formatUsd } from "./cost-table";
import type { Unresolved } from "../harness/stand-in";
import { CloudTree, resourceTree, TreeNode } from "./resource-tree";
import { PlanResult } from "./run-plan";

/** The plan for a reader: header, resources by cloud and component, violations by level, monthly cost. */
export function humanReport(result: PlanResult, programFile: string): string {
    const { run } = result;
    const mode = run.preview ? "preview: computed outputs unknown, as for a new stack"
        : "outputs known, as for a stack that already exists";
    const { programMs, packReadyMs, totalMs } = result.timings;
    const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    return [
        `Plan of stack "${run.stack}" (${programFile}; ${mode}) in ${seconds(totalMs)}`,
        `  (program done after ${seconds(programMs)}, policy pack ready after ${seconds(packReadyMs)})`,
        "",
        ...resourcesSection(resourceTree(run.resources)),
        "",
        ...violationsSection(result.violations),
        "",
        ...unresolvedSection(result.run.unresolved),
        ...costSection(result.cost),
    ].join("\n") + "\n";
}

function resourcesSection(clouds: CloudTree[]): string[] {
    const total = clouds.reduce((sum, c) => sum + c.total, 0);
    const lines = [`Resources: ${total}`];
    for (const cloud of clouds) {
        lines.push(`  ${cloud.cloud} (${cloud.total})`);
        for (const node of cloud.nodes) lines.push(...nodeLines(node, "    "));
    }
    return lines;
}

function nodeLines(node: TreeNode, indent: string): string[] {
    const title = node.resource ? `${node.resource.name} [${node.resource.type}] (${node.total})` : `(no component) (${node.total})`;
    const types = [...node.typeCounts].map(([type, count]) => `${shortType(type)} x${count}`).join(", ");
    return [
        `${indent}${title}`,
        ...(types ? [`${indent}  ${types}`] : []),
        ...node.children.flatMap((child) => nodeLines(child, `${indent}  `)),
    ];
}

/** `aws:lambda/function:Function` -> `lambda/Function`: the module and the type, without the package. */
function shortType(type: string): string {
    const [, module = "", name = type] = type.split(":");
    return `${module.split("/")[0]}/${name}`;
}

function violationsSection(violations: PolicyViolation[]): string[] {
    const mandatory = violations.filter((v) => v.level === "mandatory");
    const advisory = violations.filter((v) => v.level === "advisory");
    if (violations.length === 0) return ["Policy violations: none"];
    return [
        `Policy violations: ${mandatory.length} mandatory, ${advisory.length} advisory`,
        ...levelLines("mandatory (blocks the deployment)", mandatory),
        ...levelLines("advisory", advisory),
    ];
}

function levelLines(title: string, violations: PolicyViolation[]): string[] {
    if (violations.length === 0) return [];
    return [`  ${title}`, ...violations.flatMap((v) => [
        `    [${v.policy}] ${v.urn ?? "(stack)"}`,
        ...v.message.split("\n").map((line) => `      ${line}`),
    ])];
}

/** Values the stand-in cloud has no entry for (unknown in the plan, as in a first preview); nothing when there are none. */
function unresolvedSection(unresolved: readonly Unresolved[]): string[] {
    if (unresolved.length === 0) return [];
    return [
        `Unresolved: ${unresolved.length} (no stand-in value: left unknown, as in a first preview; see docs/plan.md to add one)`,
        ...unresolved.map((u) => `  ${u.token}${u.urn ? `  ${u.urn}` : ""}`),
        "",
    ];
}

function costSection(cost: CostEstimate): string[] {
    const notes = cost.items.flatMap((item: CostItem) => item.notes.map((note) => `  note: ${item.name}: ${note}`));
    return [
        `Monthly cost estimate: ${formatUsd(cost.monthlyUsd)} USD (list prices as of ${cost.pricesAsOf}, without free tiers)`,
        ...costTable(cost).map((line) => `  ${line}`),
        ...[...new Set(notes)],
    ];
}
