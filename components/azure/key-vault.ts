import * as keyvault from "@pulumi/azure-native/keyvault";
import * as pulumi from "@pulumi/pulumi";

export interface StoredSecret {
    vault: keyvault.Vault;
    secret: keyvault.Secret;
    /** The app-setting value that makes App Service read the secret with the app's identity. */
    appSettingReference: pulumi.Output<string>;
}

/**
 * A Key Vault (RBAC authorization, no access policies) holding one secret. The reference points at the
 * unversioned secret URI so a rotated value is picked up without redeploying.
 */
export function createStoredSecret(
    name: string,
    args: { resourceGroupName: pulumi.Input<string>; location: string; tenantId: pulumi.Input<string>; secretName: string;
        value: pulumi.Input<string>; tags: Record<string, string> },
    opts: pulumi.CustomResourceOptions,
): StoredSecret {
    const vault = new keyvault.Vault(`${name}-kv`, {
        resourceGroupName: args.resourceGroupName,
        location: args.location,
        properties: {
            tenantId: args.tenantId,
            sku: { family: keyvault.SkuFamily.A, name: keyvault.SkuName.Standard },
            enableRbacAuthorization: true,
            enableSoftDelete: true,
            softDeleteRetentionInDays: 7,
        },
        tags: args.tags,
    }, opts);
    const secret = new keyvault.Secret(`${name}-${args.secretName}`, {
        resourceGroupName: args.resourceGroupName,
        vaultName: vault.name,
        secretName: args.secretName,
        properties: { value: pulumi.secret(args.value) },
        tags: args.tags,
    }, opts);
    // Built from the constant secret name: the unversioned URI Azure reports, and known before the secret exists.
    const vaultUri = vault.properties.apply((p) => p.vaultUri ?? "");
    const appSettingReference = pulumi.interpolate`@Microsoft.KeyVault(SecretUri=${vaultUri}secrets/${args.secretName})`;
    return { vault, secret, appSettingReference };
}
