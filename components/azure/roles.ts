import * as authorization from "@pulumi/azure-native/authorization";
import * as pulumi from "@pulumi/pulumi";

/** Built-in Azure role definition ids (the same GUID in every subscription). */
export const BUILT_IN_ROLES = {
    /** Read/write/delete blobs and containers, set blob ACLs; the Functions host needs it on its storage. */
    storageBlobDataOwner: "b7e6dc6d-f1e8-4753-8033-0f276bb0955b",
    /** Read, write, delete queue messages and create the queue. */
    storageQueueDataContributor: "974c5e8b-45b9-4653-ba55-5f855dd0fb88",
    /** Read, write, delete table entities. */
    storageTableDataContributor: "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3",
    /** Read secret contents (Key Vault RBAC). */
    keyVaultSecretsUser: "4633458b-17de-408a-b874-0445c86b69e6",
} as const;

export type BuiltInRole = keyof typeof BUILT_IN_ROLES;

/** The subscription-qualified id ARM expects in a role assignment. */
export function roleDefinitionId(subscriptionId: pulumi.Input<string>, role: BuiltInRole): pulumi.Output<string> {
    return pulumi.interpolate`/subscriptions/${subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${BUILT_IN_ROLES[role]}`;
}

/** One role for one managed identity on one scope; `principalType` avoids the Entra replication race on new identities. */
export function grantRole(
    name: string,
    grant: { principalId: pulumi.Input<string>; subscriptionId: pulumi.Input<string>; role: BuiltInRole; scope: pulumi.Input<string> },
    opts: pulumi.CustomResourceOptions,
): authorization.RoleAssignment {
    return new authorization.RoleAssignment(name, {
        principalId: grant.principalId,
        principalType: authorization.PrincipalType.ServicePrincipal,
        roleDefinitionId: roleDefinitionId(grant.subscriptionId, grant.role),
        scope: grant.scope,
    }, opts);
}
