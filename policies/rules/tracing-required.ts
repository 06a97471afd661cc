import { PolicyConfigSchema, ResourceValidationPolicy } from "@pulumi/policy";
import { validateResources } from "../lib/policy-kit";
import { aws } from "../lib/resource-types";
import { at, bool, str, UNKNOWN } from "../lib/values";

const configSchema: PolicyConfigSchema = { properties: {} };

/** Without tracing, a request that crosses functions, queues and state machines cannot be followed end to end. */
export const tracingRequired: ResourceValidationPolicy = {
    name: "tracing-required",
    description: "Lambda functions must have X-Ray tracing in Active mode, and Step Functions state machines and API Gateway REST stages must have tracing enabled, so that requests can be followed across services.",
    enforcementLevel: "advisory",
    severity: "low",
    configSchema,
    validateResource: validateResources([aws.lambdaFunction, aws.stateMachine, aws.restApiStage], configSchema, (resource, _config, findings) => {
        if (resource.type === aws.lambdaFunction) {
            const mode = str(at(resource.props, "tracingConfig", "mode"));
            if (mode === UNKNOWN) findings.cannotDetermine("tracingConfig.mode is unknown");
            else if (mode !== "Active") {
                findings.violation(`Lambda "${resource.name}" has X-Ray tracing ${mode ?? "off"}. Set tracingConfig: { mode: "Active" } ` +
                    `and allow xray:PutTraceSegments and xray:PutTelemetryRecords in its role.`);
            }
            return;
        }
        const [path, fix] = resource.type === aws.stateMachine
            ? [["tracingConfiguration", "enabled"], "Set tracingConfiguration: { enabled: true }."]
            : [["xrayTracingEnabled"], "Set xrayTracingEnabled: true."];
        const enabled = bool(at(resource.props, ...path));
        if (enabled === UNKNOWN) findings.cannotDetermine(`${path.join(".")} is unknown`);
        else if (enabled !== true) findings.violation(`"${resource.name}" has tracing off. ${fix}`);
    }),
};
