import { GcpSettings, Settings } from "../settings";
import { CHURN_API_DIR, churnModelObjectName } from "../../contracts/churn-model";
import { churnModelArtifactPath } from "./churn-model-artifact";
import { CloudRunService } from "./cloud-run-service";
import { costTags } from "../../contracts/cost-tags";
import { gcpSafeName } from "./labels";
import { ModelBucket } from "./model-bucket";

/**
 * Builds the churn-prediction service on Cloud Run (the seed's `gcloud run deploy churn-api`): a private
 * service per environment that loads its model from a bucket named by the MODEL_BUCKET secret. The one
 * place where the stack's settings become the service's and the bucket's arguments.
 */
export function buildGcp(settings: Settings, gcp: GcpSettings): Record<string, unknown> {
    const environment = gcpSafeName(settings.environment, 40);
    const serviceName = `churn-api-${environment}`;
    const labels = { environment, service: "churn-api", ...costTags(gcp.traffic) };
    const models = new ModelBucket("churn-models", {
        region: gcp.region,
        objectName: churnModelObjectName(gcp.modelVersion),
        artifactPath: churnModelArtifactPath(gcp.modelVersion),
        retainOnDelete: gcp.deletionProtection,
        labels: { environment, service: "churn-api" },
    });
    const churnApi = new CloudRunService("churn-api", {
        serviceName,
        region: gcp.region,
        image: gcp.image ? { pinned: gcp.image } : { buildContext: ".", dockerfile: `${CHURN_API_DIR}/Dockerfile` },
        minInstances: gcp.minInstances,
        maxInstances: gcp.maxInstances,
        memory: gcp.memory,
        cpu: gcp.cpu,
        timeoutSeconds: gcp.timeoutSeconds,
        concurrency: gcp.concurrency,
        ingress: gcp.ingress,
        invokers: gcp.invokers,
        startupCpuBoost: gcp.startupCpuBoost,
        deletionProtection: gcp.deletionProtection,
        env: { MODEL_VERSION: gcp.modelVersion, LOG_LEVEL: settings.logLevel },
        secretEnv: { MODEL_BUCKET: models.bucket.name },
        readsBuckets: [models.bucket.name],
        startupDependencies: [models.artifact],
        labels,
    });
    return {
        churnApiUrl: churnApi.url,
        churnApiServiceAccount: churnApi.serviceAccount.email,
        modelBucket: models.bucket.name,
    };
}
