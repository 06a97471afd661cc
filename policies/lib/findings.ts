import * as policySdk from "@pulumi/policy";
import { ReportViolation } from "@pulumi/policy";
import { UNKNOWN_STRING_SENTINEL } from "../../contracts/unknown-value";

/**
 * The SDK's error for "this value is unknown during preview". The analyzer server catches it and
 * reports an ADVISORY diagnostic whatever the policy's enforcement level, which is exactly what
 * "cannot be determined" must be. The class is exported at runtime, but its typings are stripped
 * from the published package (marked internal), hence the declared constructor shape here.
 */
type UnknownValueErrorClass = new (sentinel: string, path: string[]) => Error;
const SdkUnknownValueError = (policySdk as unknown as { UnknownValueError: UnknownValueErrorClass }).UnknownValueError;

class CannotBeDetermined extends SdkUnknownValueError {
    constructor(reasons: readonly string[]) {
        super(UNKNOWN_STRING_SENTINEL, []);
        this.message = `cannot be determined: ${reasons.join("; ")}`;
    }
}

/**
 * What one policy run found: violations go to the SDK at once (at the policy's configured level);
 * things that cannot be determined are collected and raised once at the end as one advisory, so
 * an unknown value never hides a definite violation found elsewhere in the same run.
 */
export class Findings {
    private readonly undetermined: string[] = [];

    constructor(private readonly report: ReportViolation) {}

    /** A definite violation. `urn` names the offending resource in a stack policy. */
    violation(message: string, urn?: string): void {
        this.report(message, urn);
    }

    /** Something this policy needs is unknown (preview) or unreadable; reported as one advisory at the end. */
    cannotDetermine(reason: string): void {
        this.undetermined.push(reason);
    }

    /** Ends the run: throws the SDK's unknown-value error when anything could not be determined. */
    finish(): void {
        if (this.undetermined.length > 0) throw new CannotBeDetermined(this.undetermined);
    }
}
