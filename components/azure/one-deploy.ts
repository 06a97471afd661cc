import * as pulumi from "@pulumi/pulumi";
import { ARM_SCOPE, publishPackage } from "./one-deploy-client";

/** What the deployment step needs; all plain values once resolved. */
interface OneDeployInputs {
    /** Host name of the app's SCM site, e.g. `myapp.scm.azurewebsites.net`. */
    scmHostName: string;
    /** Path of the zip on the machine running `pulumi up`. */
    zipPath: string;
    /** Hex SHA-256 of the zip; a change is what redeploys. */
    zipSha256: string;
}

/**
 * Runs in the Pulumi engine's dynamic provider host during `pulumi up` (not in previews). It signs in the way
 * the azure-native provider does (Azure CLI login, environment service principal or managed identity, via
 * DefaultAzureCredential) and publishes the zip. Deleting is a no-op: the code goes away with the app.
 */
const oneDeployProvider: pulumi.dynamic.ResourceProvider = {
    async create(inputs: OneDeployInputs) {
        await deploy(inputs);
        return { id: `${inputs.scmHostName}/${inputs.zipSha256}`, outs: inputs };
    },
    async diff(_id: string, olds: OneDeployInputs, news: OneDeployInputs) {
        return { changes: olds.zipSha256 !== news.zipSha256 || olds.scmHostName !== news.scmHostName };
    },
    async update(_id: string, _olds: OneDeployInputs, news: OneDeployInputs) {
        await deploy(news);
        return { outs: news };
    },
};

async function deploy(inputs: OneDeployInputs): Promise<void> {
    const { DefaultAzureCredential } = await import("@azure/identity");
    const { readFile } = await import("node:fs/promises");
    const credential = new DefaultAzureCredential();
    await publishPackage({
        scmUrl: `https://${inputs.scmHostName}`,
        zip: await readFile(inputs.zipPath),
        getToken: async () => (await credential.getToken(ARM_SCOPE)).token,
    });
}

export interface FlexOneDeployArgs {
    scmHostName: pulumi.Input<string>;
    zipPath: string;
    zipSha256: string;
}

/** The app's code: published with OneDeploy whenever the package hash changes. */
export class FlexOneDeploy extends pulumi.dynamic.Resource {
    constructor(name: string, args: FlexOneDeployArgs, opts?: pulumi.CustomResourceOptions) {
        super(oneDeployProvider, name, { ...args }, opts, "azure", "FlexOneDeploy");
    }
}

/** The SCM host of an app: its default host name with `scm` as second label (also for regional host names). */
export function scmHostName(defaultHostName: string): string {
    const [app, ...domain] = defaultHostName.split(".");
    return [app, "scm", ...domain].join(".");
}
