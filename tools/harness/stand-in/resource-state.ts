import { awsOutputs } from "./aws-outputs";
import { azureId, azureOutputs, azureResourceTypes } from "./azure-outputs";
import { commonOutput } from "./common-outputs";
import { hash, Inputs, resourceContext, StandInLocation, text } from "./context";
import { declaredOutputs } from "./declared-outputs";
import { gcpOutputs } from "./gcp-outputs";
import type { OutputRow } from "./output-row";
import { UNKNOWN_STRING_SENTINEL } from "../../../contracts/unknown-value";

/** Output rows for types outside the three clouds that serverless programs build with. */
export const toolOutputs: Record<string, OutputRow> = {
    // @pulumi/docker's Image (the builder awsx used before docker-build): pushed to `imageName`'s registry.
    "docker:index/image:Image": (c) => {
        const imageName = text(c.inputs.imageName, c.physicalName);
        const build = c.inputs.build as { context?: unknown; dockerfile?: unknown; platform?: unknown } | undefined;
        return { id: `${imageName}-${c.hex(12)}`, baseImageName: imageName, registryServer: imageName.split("/")[0],
            repoDigest: `${imageName.replace(/:[^/:]*$/, "")}@sha256:${c.hex(64)}`, context: text(build?.context, "."),
            dockerfile: text(build?.dockerfile, "Dockerfile"), platform: text(build?.platform, "linux/amd64") };
    },
    "docker-build:index:Image": (c) => {
        const digest = `sha256:${c.hex(64)}`;
        const tags = c.inputs.tags as unknown[] | undefined;
        const firstTag = typeof tags?.[0] === "string" ? tags[0] : c.physicalName;
        return { id: c.physicalName, digest, ref: `${firstTag.replace(/:[^/:]*$/, "")}@${digest}`, contextHash: c.hex(64) };
    },
};

const rows: Record<string, OutputRow> = { ...awsOutputs, ...gcpOutputs, ...azureOutputs, ...toolOutputs };

/** The property that carries the physical name of an azure-native resource (azure autonames it). */
const azureNameProperty: Record<string, string> = {
    "azure-native:resources:ResourceGroup": "resourceGroupName",
    "azure-native:storage:StorageAccount": "accountName",
    "azure-native:storage:BlobContainer": "containerName",
    "azure-native:storage:Blob": "blobName",
    "azure-native:storage:Queue": "queueName",
    "azure-native:applicationinsights:Component": "resourceName",
    "azure-native:operationalinsights:Workspace": "workspaceName",
    "azure-native:keyvault:Vault": "vaultName",
    "azure-native:managedidentity:UserAssignedIdentity": "resourceName",
    "azure-native:authorization:RoleAssignment": "roleAssignmentName",
};

/** Types whose provider names them after the resource itself, without a random suffix, when no name is given. */
const namedAfterResource = new Set(["azure-native:storage:Blob"]);

export interface StandInState {
    id: string;
    /** What the provider returns: the inputs plus the computed properties. */
    state: Record<string, unknown>;
    /** Output properties the provider declares for the type that the stand-in table cannot answer (left unknown). */
    unresolved: string[];
}

/**
 * The outputs of one resource from the stand-in table: the type's row, then the outputs common to its
 * cloud. With `preview`, as in a first preview of a new stack, only inputs and autonames are known.
 */
export function resourceState(type: string, logicalName: string, inputs: Inputs, cloud: StandInLocation, preview: boolean): StandInState {
    const pkg = type.split(":")[0];
    const nameProperty = pkg === "azure-native" ? azureNameProperty[type] ?? "name" : "name";
    const given = inputs[nameProperty];
    const autonamed = typeof given !== "string" && !type.startsWith("pulumi:");
    const suffix = hash(`${type}::${logicalName}`);
    const physicalName = !autonamed || namedAfterResource.has(type) ? String(given ?? logicalName)
        : pkg === "azure-native" ? `${logicalName}${suffix.slice(0, 8)}` : `${logicalName}-${suffix.slice(0, 7)}`;
    const ctx = resourceContext(cloud, type, logicalName, inputs, physicalName);
    const armType = azureResourceTypes[type];
    const computed: Record<string, unknown> = { ...rows[type]?.(ctx) };

    const declared = declaredOutputs(type);
    const unresolved: string[] = [];
    if (declared) {
        for (const property of declared) {
            if (property in computed || property in inputs) continue;
            const common = commonOutput(ctx, property, armType);
            if (common) computed[property] = common.value;
            else unresolved.push(property);
        }
    } else if (pkg === "aws" && !("arn" in computed)) {
        // A type whose SDK module the program did not load (a remote component's child): an ARN keeps edges.
        computed.arn = commonOutput(ctx, "arn", armType)?.value;
    }
    const { id: rowId, ...outputs } = computed;
    const id = typeof rowId === "string" ? rowId : pkg === "azure-native" ? azureId(ctx, armType) : physicalName;
    const named = autonamed && pkg !== "pulumi" ? { [nameProperty]: physicalName } : {};
    const unknown = (keys: string[]) => Object.fromEntries(keys.map((k) => [k, UNKNOWN_STRING_SENTINEL]));

    if (preview) {
        // A first preview knows inputs and autonames, nothing the provider computes on create.
        const computedKeys = Object.keys(outputs).filter((k) => !(k in inputs) && k !== nameProperty);
        return { id: "", state: { ...inputs, ...named, ...unknown([...computedKeys, ...unresolved]) }, unresolved: [] };
    }
    const present = Object.fromEntries(Object.entries(outputs).filter(([, v]) => v !== undefined));
    return { id, state: { ...inputs, ...named, ...present, ...unknown(unresolved) }, unresolved };
}
