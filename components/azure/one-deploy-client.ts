/**
 * The OneDeploy call that Azure Functions Core Tools and `az functionapp deployment source config-zip` make for
 * a Flex Consumption app: POST the zip to the app's SCM site `/api/publish`, then poll the deployment until it
 * ends. The SCM site accepts an Entra ID (ARM) bearer token, so basic publishing credentials stay disabled.
 */

/** Token audience the SCM site accepts. */
export const ARM_SCOPE = "https://management.azure.com/.default";

/** Kudu deployment states (`status` in /api/deployments/{id}). */
const DEPLOY_STATUS = { failed: 3, success: 4 } as const;

export interface PublishOptions {
    /** `https://<app>.scm.azurewebsites.net` (or the app's regional SCM host). */
    scmUrl: string;
    zip: Uint8Array;
    /** An Entra ID access token for ARM_SCOPE. */
    getToken: () => Promise<string>;
    /** How long to keep retrying while the app's new storage role has not propagated yet. @default 600000 */
    storageAccessWaitMs?: number;
    /** How long the deployment may run after upload. @default 600000 */
    deploymentWaitMs?: number;
    /** Pause between retries and between status polls. @default 5000 */
    pollIntervalMs?: number;
    fetch?: typeof fetch;
}

/** Uploads the package and resolves once the app runs it; rejects with the SCM site's own reason otherwise. */
export async function publishPackage(options: PublishOptions): Promise<void> {
    const deploymentId = await uploadPackage(options);
    await waitForDeployment(options, deploymentId);
}

async function uploadPackage(options: PublishOptions): Promise<string> {
    const { storageAccessWaitMs = 600_000, pollIntervalMs = 5_000, fetch: fetchFn = fetch } = options;
    const deadline = Date.now() + storageAccessWaitMs;
    for (;;) {
        const response = await fetchFn(`${options.scmUrl}/api/publish?RemoteBuild=false&Deployer=pulumi`, {
            method: "POST",
            headers: { authorization: `Bearer ${await options.getToken()}`, "content-type": "application/zip" },
            body: options.zip,
        });
        const text = await response.text();
        if (response.ok) return text.trim().replace(/^"|"$/g, "") || "latest";
        // The SCM site writes the package to the deployment container with the app's identity; right after
        // `pulumi up` granted that role, storage refuses it until the assignment has propagated.
        const storageNotReady = response.status === 403 || (response.status === 400 && text.includes("BlobUploadFailed"));
        if (!storageNotReady || Date.now() + pollIntervalMs > deadline) {
            throw new Error(`OneDeploy upload to ${options.scmUrl} failed with HTTP ${response.status}: ${text.slice(0, 500)}`);
        }
        await sleep(pollIntervalMs);
    }
}

async function waitForDeployment(options: PublishOptions, deploymentId: string): Promise<void> {
    const { deploymentWaitMs = 600_000, pollIntervalMs = 5_000, fetch: fetchFn = fetch } = options;
    const deadline = Date.now() + deploymentWaitMs;
    for (;;) {
        const response = await fetchFn(`${options.scmUrl}/api/deployments/${encodeURIComponent(deploymentId)}`, {
            headers: { authorization: `Bearer ${await options.getToken()}` },
        });
        if (response.ok) {
            const deployment = await response.json() as { status?: number; status_text?: string };
            if (deployment.status === DEPLOY_STATUS.success) return;
            if (deployment.status === DEPLOY_STATUS.failed) {
                throw new Error(`OneDeploy ${deploymentId} on ${options.scmUrl} failed: ${deployment.status_text || "no reason given"}`);
            }
        }
        if (Date.now() + pollIntervalMs > deadline) {
            throw new Error(`OneDeploy ${deploymentId} on ${options.scmUrl} did not finish within ${deploymentWaitMs / 1000} s`);
        }
        await sleep(pollIntervalMs);
    }
}

function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, ms));
}
