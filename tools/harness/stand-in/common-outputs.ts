import { azureApiVersion } from "./declared-outputs";
import { awsArn, CREATED_AT, ResourceContext } from "./context";

/**
 * Outputs every resource of a cloud has under the same name and meaning, so no row repeats them:
 * AWS `tagsAll` and `ownerId`, Google's label sets, Azure's `name`, `type`, `azureApiVersion`, `systemData`.
 * A property answered neither here nor by the type's row is unresolved.
 */
export function commonOutput(c: ResourceContext, property: string, armType: string | undefined): { value: unknown } | undefined {
    const pkg = c.type.split(":")[0];
    if (pkg === "aws") {
        if (property === "tagsAll") return { value: { ...(c.inputs.tags as object | undefined) } };
        if (property === "ownerId") return { value: c.cloud.awsAccountId };
        if (property === "arn") return { value: genericAwsArn(c) };
    }
    if (pkg === "gcp") {
        const labels = { ...(c.inputs.labels as object | undefined) };
        if (property === "effectiveLabels" || property === "pulumiLabels" || property === "terraformLabels") {
            return { value: { ...labels, "goog-pulumi-provisioned": "true" } };
        }
        if (property === "effectiveAnnotations") return { value: { ...(c.inputs.annotations as object | undefined) } };
        if (property === "etag") return { value: `BwY${c.hex(9)}=` };
        if (property === "createTime" || property === "updateTime") return { value: CREATED_AT };
        if (property === "uid") return { value: c.uuid() };
    }
    if (pkg === "azure-native") {
        if (property === "name") return { value: c.physicalName };
        if (property === "type" && armType) return { value: armType };
        if (property === "azureApiVersion") {
            const version = azureApiVersion(c.type);
            return version ? { value: version } : undefined;
        }
        if (property === "systemData") {
            return { value: { createdAt: CREATED_AT, createdBy: "planner", createdByType: "User", lastModifiedAt: CREATED_AT,
                lastModifiedBy: "planner", lastModifiedByType: "User" } };
        }
        if (property === "provisioningState") return { value: "Succeeded" };
        if (property === "etag") return { value: `"${c.hex(16)}"` };
    }
    return undefined;
}

/** `aws:<service>/<x>:<Type>` -> `arn:aws:<service>:<region>:<account>:<type>/<name>`. */
function genericAwsArn(c: ResourceContext): string {
    const [, service, typeName] = c.type.split(/[:/]/);
    return awsArn(c, service, `${typeName.toLowerCase()}/${c.physicalName}`);
}
