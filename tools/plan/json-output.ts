import type { CostItem } from "../../policies/lib/cost";
import { redactSecrets } from "../harness";
import type { PolicyViolation } from "../policy-pack";
import { PlanResult } from "./run-plan";

/** The `--json` document, exactly the shape DESIGN.md "The offline plan" specifies; a secret's value shows as "[secret]". */
export interface PlanDocument {
    stack: string;
    resources: { urn: string; type: string; name: string; parent: string | null; custom: boolean; inputs: Record<string, unknown> }[];
    violations: PolicyViolation[];
    cost: { monthlyUsd: number; items: CostItem[] };
    /** What the stand-in cloud could not answer: an invoke token (urn null) or `<type>.<property>` of a resource's output. */
    unresolved: { token: string; urn: string | null }[];
}

export function planDocument(result: PlanResult): PlanDocument {
    return {
        stack: result.run.stack,
        resources: result.run.resources.map((r) => ({ urn: r.urn, type: r.type, name: r.name, parent: r.parent ?? null, custom: r.custom, inputs: redactSecrets(r.inputs) })),
        violations: result.violations.map((v) => ({ policy: v.policy, level: v.level, urn: v.urn, message: v.message })),
        cost: { monthlyUsd: result.cost.monthlyUsd, items: result.cost.items },
        unresolved: result.run.unresolved.map((u) => ({ token: u.token, urn: u.urn })),
    };
}
