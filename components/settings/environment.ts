import { CloudName } from "./general";

/**
 * Every Lambda function is named `<stack>-<function>`, and AWS allows 64 letters, digits, - or _ in a
 * function name. The longest function name is the fan-out's notification consumer (components/aws/fanout.ts);
 * a test plans a stack whose name has the longest length allowed here, so a longer function name fails it.
 */
const LONGEST_FUNCTION_NAME = "notification-consumer";
const FUNCTION_NAME_MAX_LENGTH = 64;
export const ENVIRONMENT_MAX_LENGTH = FUNCTION_NAME_MAX_LENGTH - 1 - LONGEST_FUNCTION_NAME.length;

/**
 * The stack name is the environment and prefixes resource names. Pulumi accepts stack names (with `.`,
 * up to 100 characters) that Lambda would refuse; such a stack is stopped here rather than after
 * half its resources are registered.
 */
export function environmentProblems(environment: string, clouds: readonly CloudName[]): string[] {
    const shown = JSON.stringify(environment.slice(0, 120));
    const problems: string[] = [];
    if (clouds.includes("aws") && !(/^[A-Za-z0-9_-]+$/.test(environment) && environment.length <= ENVIRONMENT_MAX_LENGTH)) {
        problems.push(`the stack name ${shown} must be 1 to ${ENVIRONMENT_MAX_LENGTH} letters, digits, - or _ for a stack ` +
            `that deploys to AWS: it prefixes every Lambda function name (<stack>-${LONGEST_FUNCTION_NAME}), which AWS ` +
            `limits to ${FUNCTION_NAME_MAX_LENGTH} such characters; use another stack name (pulumi stack rename)`);
    }
    // The Cloud Run service is named churn-api-<the stack name's letters and digits>: it needs one.
    if (clouds.includes("gcp") && !/[A-Za-z0-9]/.test(environment)) {
        problems.push(`the stack name ${shown} must contain a letter or a digit for a stack that deploys to GCP: the ` +
            "Cloud Run service is named after it; use another stack name (pulumi stack rename)");
    }
    return problems;
}
