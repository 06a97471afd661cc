import { PolicyConfigSchema, ResourceValidationPolicy } from "@pulumi/policy";
import { validateResources } from "../lib/policy-kit";
import { aws } from "../lib/resource-types";
import { at, str, UNKNOWN } from "../lib/values";

const configSchema: PolicyConfigSchema = { properties: {} };

/** Text logs cannot be queried by field; Lambda's native JSON format makes every line (and the platform's own) queryable. */
export const structuredLoggingRequired: ResourceValidationPolicy = {
    name: "structured-logging-required",
    description: "Every Lambda function must write its logs in the JSON log format so that CloudWatch Logs Insights can query them by field.",
    enforcementLevel: "advisory",
    severity: "medium",
    configSchema,
    validateResource: validateResources([aws.lambdaFunction], configSchema, (fn, _config, findings) => {
        const format = str(at(fn.props, "loggingConfig", "logFormat"));
        if (format === UNKNOWN) {
            findings.cannotDetermine("loggingConfig.logFormat is unknown");
        } else if (format !== "JSON") {
            findings.violation(`Lambda "${fn.name}" logs in ${format ?? "the default Text"} format. ` +
                `Set loggingConfig: { logFormat: "JSON", applicationLogLevel, systemLogLevel } so every log line is structured.`);
        }
    }),
};
