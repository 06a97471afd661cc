import { Policies } from "@pulumi/policy";
import { alarmsRequired } from "../rules/alarms-required";
import { azureFunctionHardening } from "../rules/azure-function-hardening";
import { costBudget } from "../rules/cost-budget";
import { dlqRequired } from "../rules/dlq-required";
import { leastPrivilegeIam } from "../rules/least-privilege-iam";
import { logRetentionRequired } from "../rules/log-retention-required";
import { noPlaintextSecrets } from "../rules/no-plaintext-secrets";
import { noPublicCloudRun } from "../rules/no-public-cloud-run";
import { noSyncLambdaChaining } from "../rules/no-sync-lambda-chaining";
import { packageSizeLimit } from "../rules/package-size-limit";
import { platformLimits } from "../rules/platform-limits";
import { reservedConcurrencyRequired } from "../rules/reserved-concurrency-required";
import { singlePurposeFunctions } from "../rules/single-purpose-functions";
import { structuredLoggingRequired } from "../rules/structured-logging-required";
import { supportedRuntime } from "../rules/supported-runtime";
import { tracingRequired } from "../rules/tracing-required";
import { vpcRequiresNat } from "../rules/vpc-requires-nat";

/** Every policy of the pack, in the order of the design's table. Importing this starts nothing. */
export const allPolicies: Policies = [
    dlqRequired,
    reservedConcurrencyRequired,
    packageSizeLimit,
    vpcRequiresNat,
    structuredLoggingRequired,
    noSyncLambdaChaining,
    leastPrivilegeIam,
    noPublicCloudRun,
    noPlaintextSecrets,
    logRetentionRequired,
    tracingRequired,
    alarmsRequired,
    platformLimits,
    supportedRuntime,
    azureFunctionHardening,
    costBudget,
    singlePurposeFunctions,
];
