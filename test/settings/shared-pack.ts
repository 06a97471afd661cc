import { PackStarter } from "../../tools/plan/run-plan";
import { policyPack, PRODUCTION_CONFIG } from "../policies/support/pack";

/**
 * A pack starter for plans in tests: the one real pack of the mocha run (spawning one costs seconds),
 * configured for the plan and given back with the production config the policy tests expect of it.
 */
export const sharedPack: PackStarter = async ({ policyConfig }) => {
    const pack = await policyPack();
    await pack.configure(policyConfig);
    return { ...pack, close: () => pack.configure(PRODUCTION_CONFIG) };
};
