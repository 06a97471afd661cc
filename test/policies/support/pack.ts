import * as path from "node:path";
import {
    AnalyzedResource, loadPolicyConfigFile, PolicyConfigFile, PolicyPackProcess, PolicyViolation, startPolicyPack,
} from "../../../tools/policy-pack";

export const PACK_DIR = path.resolve(__dirname, "../../../policies");
export const PRODUCTION_CONFIG = loadPolicyConfigFile(path.join(PACK_DIR, "config/production.json"));
export const DEV_CONFIG = loadPolicyConfigFile(path.join(PACK_DIR, "config/dev.json"));

let started: Promise<PolicyPackProcess> | undefined;
let startupMs = 0;

/**
 * The real pack, spawned ONCE for the whole mocha run through run-policy-pack (ts-node
 * type-checks it: several seconds) and configured with the production config. Every policy
 * test shares it; a test that needs other settings uses withConfig().
 */
export function policyPack(): Promise<PolicyPackProcess> {
    if (!started) {
        const begin = Date.now();
        started = startPolicyPack({ packDir: PACK_DIR, policyConfig: PRODUCTION_CONFIG }).then((pack) => {
            startupMs = Date.now() - begin;
            return pack;
        });
    }
    return started;
}

/** How long the shared pack took to start (0 until it has). */
export function packStartupMs(): number {
    return startupMs;
}

// Root-level hook: runs once after every spec file, whichever first started the pack.
after(async () => {
    if (started) await (await started).close();
});

/** Runs `body` with the pack configured by `config`, then restores the production config. */
export async function withConfig<T>(config: PolicyConfigFile, body: () => Promise<T>): Promise<T> {
    const pack = await policyPack();
    await pack.configure(config);
    try {
        return await body();
    } finally {
        await pack.configure(PRODUCTION_CONFIG);
    }
}

/** A violation as tests compare it: the detail is the message without the policy description the SDK puts first. */
export interface Found {
    policy: string;
    level: "advisory" | "mandatory";
    urn: string | null;
    detail: string;
}

function toFound(violation: PolicyViolation): Found {
    const newline = violation.message.indexOf("\n");
    return {
        policy: violation.policy,
        level: violation.level,
        urn: violation.urn,
        detail: newline < 0 ? violation.message : violation.message.slice(newline + 1),
    };
}

/** Violations of `policy` when the engine analyzes one resource's inputs. */
export async function analyzeResource(resource: AnalyzedResource, policy: string): Promise<Found[]> {
    const violations = await (await policyPack()).analyze(resource);
    return violations.filter((v) => v.policy === policy).map(toFound);
}

/** Violations of `policy` when the engine analyzes the whole stack (outputs). */
export async function analyzeStack(resources: AnalyzedResource[], policy: string): Promise<Found[]> {
    const violations = await (await policyPack()).analyzeStack(resources);
    return violations.filter((v) => v.policy === policy).map(toFound);
}

/** The advisory the SDK reports when a policy cannot determine something (our CannotBeDetermined). */
export function undetermined(policy: string, urn: string | null, ...reasons: string[]): Found {
    return {
        policy,
        level: "advisory",
        urn,
        detail: `can't run policy '${policy}' from policy pack 'serverless-guardrails@v1.0.0' during preview: ` +
            `cannot be determined: ${reasons.join("; ")}`,
    };
}
