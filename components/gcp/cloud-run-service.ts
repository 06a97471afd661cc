import * as dockerBuild from "@pulumi/docker-build";
import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import { CloudRunIngress, NAMED_PRINCIPAL_EXAMPLE, NAMED_PRINCIPAL_PATTERN } from "../../contracts/cloud-run";
import { gcpSafeName } from "./labels";

/** Where the container image comes from. */
export type CloudRunImage =
    /** A reference pinned by digest, e.g. `europe-west1-docker.pkg.dev/p/apps/churn-api@sha256:…` (no Docker needed). */
    | { pinned: string }
    /** A build context and its Dockerfile, built for linux/amd64 and pushed to the service's Artifact Registry repository. */
    | { buildContext: string; dockerfile: string };

export interface CloudRunServiceArgs {
    /** Physical name of the service, its service account and its repository (lowercase, starts with a letter). @example "churn-api-dev" */
    serviceName: string;
    /** Region of the service and its repository. @example "europe-west1" */
    region: string;
    image: CloudRunImage;
    /** Instances kept running; 0 scales to zero. @default 0 */
    minInstances: number;
    /** Upper bound on instances (also the cost ceiling). */
    maxInstances: number;
    /** Memory limit per instance. @example "512Mi" */
    memory: string;
    /** vCPUs per instance. @example "1" */
    cpu: string;
    /** Request timeout in seconds (Cloud Run allows up to 3600). */
    timeoutSeconds: number;
    /** Concurrent requests per instance (1 to 1000). */
    concurrency: number;
    ingress: CloudRunIngress;
    /** Named principals granted roles/run.invoker; the service is never public, so allUsers/allAuthenticatedUsers are refused. */
    invokers: string[];
    /** Extra CPU while an instance starts, shortening cold starts. */
    startupCpuBoost: boolean;
    /** Refuse `pulumi destroy` and replacements of the service. */
    deletionProtection: boolean;
    /**
     * Plain environment variables. GOOGLE_CLOUD_PROJECT is always added (structured logs need it to link
     * their trace). @example { MODEL_VERSION: "v3", LOG_LEVEL: "INFO" }
     */
    env: Record<string, pulumi.Input<string>>;
    /**
     * Environment variables whose values live in Secret Manager: one secret per entry, read by the service
     * account through `secretKeyRef` (version "latest"). @example { MODEL_BUCKET: bucket.name }
     */
    secretEnv: Record<string, pulumi.Input<string>>;
    /** Buckets whose objects the service reads at start-up (roles/storage.objectViewer, granted before it starts). */
    readsBuckets: pulumi.Input<string>[];
    /** Resources the service needs when it starts (e.g. the model artifact it loads); it is created after them. @default [] */
    startupDependencies?: pulumi.Resource[];
    /** Path answering 200 only when the instance can serve; used by the startup and liveness probes. @default "/health" */
    healthPath?: string;
    /** Labels on the service (cost labels included). */
    labels: Record<string, string>;
}

/** The port Cloud Run sends requests to; the container listens on $PORT, which Cloud Run sets to it. */
const CONTAINER_PORT = 8080;

/**
 * A private Cloud Run (v2) service with its own service account, Artifact Registry repository, Secret
 * Manager secrets and IAM grants. Every grant the service needs at start-up exists before the service.
 */
export class CloudRunService extends pulumi.ComponentResource {
    readonly serviceAccount: gcp.serviceaccount.Account;
    readonly repository: gcp.artifactregistry.Repository;
    /** Present when the image is built by this program. */
    readonly builtImage?: dockerBuild.Image;
    readonly secrets: gcp.secretmanager.Secret[];
    readonly service: gcp.cloudrunv2.Service;
    readonly invokerBindings: gcp.cloudrunv2.ServiceIamMember[];
    /** The service's HTTPS URL (reachable only by the invokers, through the configured ingress). */
    readonly url: pulumi.Output<string>;

    constructor(name: string, args: CloudRunServiceArgs, opts?: pulumi.ComponentResourceOptions) {
        super("serverless-platform:gcp:CloudRunService", name, {}, opts);
        normalizeArgs(args);
        this.serviceAccount = this.createServiceAccount(name, args);
        this.repository = this.createRepository(name, args);
        let image: pulumi.Input<string>;
        if ("buildContext" in args.image) {
            this.builtImage = this.buildImage(name, args.image, args);
            image = this.builtImage.ref;
        } else {
            image = args.image.pinned;
        }
        const secretEnv = Object.entries(args.secretEnv).map(([envName, value]) => this.createSecret(name, args, envName, value));
        this.secrets = secretEnv.map((s) => s.secret);
        const bucketGrants = args.readsBuckets.map((bucket, index) => this.grantBucketRead(name, bucket, index));
        this.service = this.createService(name, args, image, secretEnv,
            [...secretEnv.flatMap((s) => [s.version, s.accessor]), ...bucketGrants, ...(args.startupDependencies ?? [])]);
        this.invokerBindings = args.invokers.map((member) => this.grantInvoker(name, member));
        this.url = this.service.uri;
        this.registerOutputs({ url: this.url, serviceAccountEmail: this.serviceAccount.email });
    }

    /** A dedicated identity: the service gets only the grants below, never the default compute account. */
    private createServiceAccount(name: string, args: CloudRunServiceArgs): gcp.serviceaccount.Account {
        return new gcp.serviceaccount.Account(`${name}-sa`, {
            accountId: gcpSafeName(args.serviceName, 30),
            displayName: `Cloud Run service ${args.serviceName}`,
            description: "Identity of the Cloud Run service; holds only the grants the service needs.",
        }, { parent: this });
    }

    /** Where this program (or CI, for pinned images) pushes the service's images; old versions are cleaned up. */
    private createRepository(name: string, args: CloudRunServiceArgs): gcp.artifactregistry.Repository {
        return new gcp.artifactregistry.Repository(`${name}-repo`, {
            repositoryId: args.serviceName,
            location: args.region,
            format: "DOCKER",
            description: `Images of the Cloud Run service ${args.serviceName}.`,
            cleanupPolicies: [{ id: "keep-recent", action: "KEEP", mostRecentVersions: { keepCount: 10 } }],
            labels: args.labels,
        }, { parent: this });
    }

    /**
     * Builds for linux/amd64 (what Cloud Run runs) and pushes to the repository; the service uses the pushed
     * digest-pinned reference. Registry credentials come from Docker's credential helper
     * (`gcloud auth configure-docker <region>-docker.pkg.dev`).
     */
    private buildImage(name: string, image: { buildContext: string; dockerfile: string }, args: CloudRunServiceArgs): dockerBuild.Image {
        return new dockerBuild.Image(`${name}-image`, {
            context: { location: image.buildContext },
            dockerfile: { location: image.dockerfile },
            platforms: ["linux/amd64"],
            push: true,
            tags: [pulumi.interpolate`${this.repository.registryUri}/${args.serviceName}:latest`],
        }, { parent: this });
    }

    /** One secret per variable, its value as the first version, and read access for the service account only. */
    private createSecret(name: string, args: CloudRunServiceArgs, envName: string, value: pulumi.Input<string>) {
        const role = gcpSafeName(envName.replace(/_/g, "-"), 40);
        const secret = new gcp.secretmanager.Secret(`${name}-${role}`, {
            secretId: `${args.serviceName}-${role}`,
            replication: { auto: {} },
            labels: args.labels,
        }, { parent: this });
        const version = new gcp.secretmanager.SecretVersion(`${name}-${role}-v`, {
            secret: secret.id,
            secretData: pulumi.secret(value),
        }, { parent: this });
        const accessor = new gcp.secretmanager.SecretIamMember(`${name}-${role}-accessor`, {
            secretId: secret.secretId,
            role: "roles/secretmanager.secretAccessor",
            member: this.serviceAccount.member,
        }, { parent: this });
        return { envName, secret, version, accessor };
    }

    private grantBucketRead(name: string, bucket: pulumi.Input<string>, index: number): gcp.storage.BucketIAMMember {
        return new gcp.storage.BucketIAMMember(`${name}-reads-bucket-${index}`, {
            bucket,
            role: "roles/storage.objectViewer",
            member: this.serviceAccount.member,
        }, { parent: this });
    }

    private createService(name: string, args: CloudRunServiceArgs, image: pulumi.Input<string>,
        secretEnv: { envName: string; secret: gcp.secretmanager.Secret }[], grants: pulumi.Resource[]): gcp.cloudrunv2.Service {
        const healthPath = args.healthPath ?? "/health";
        // The provider's project, which Cloud Run does not pass to the container.
        const project = gcp.organizations.getProjectOutput({}, { parent: this }).projectId;
        return new gcp.cloudrunv2.Service(`${name}-service`, {
            name: args.serviceName,
            location: args.region,
            ingress: args.ingress,
            // Callers must present an identity token with roles/run.invoker: the seed's --no-allow-unauthenticated.
            invokerIamDisabled: false,
            deletionProtection: args.deletionProtection,
            labels: args.labels,
            template: {
                serviceAccount: this.serviceAccount.email,
                scaling: { minInstanceCount: args.minInstances, maxInstanceCount: args.maxInstances },
                maxInstanceRequestConcurrency: args.concurrency,
                timeout: `${args.timeoutSeconds}s`,
                labels: args.labels,
                containers: [{
                    image,
                    ports: { name: "http1", containerPort: CONTAINER_PORT },
                    resources: {
                        limits: { cpu: args.cpu, memory: args.memory },
                        // Request-based billing: CPU is only allocated while requests run.
                        cpuIdle: true,
                        startupCpuBoost: args.startupCpuBoost,
                    },
                    envs: [
                        ...Object.entries(args.env).map(([envName, value]) => ({ name: envName, value })),
                        { name: "GOOGLE_CLOUD_PROJECT", value: project },
                        ...secretEnv.map(({ envName, secret }) => ({
                            name: envName,
                            valueSource: { secretKeyRef: { secret: secret.secretId, version: "latest" } },
                        })),
                    ],
                    // No traffic until the instance reports healthy (e.g. its model loaded); restarted if it stops being so.
                    startupProbe: { httpGet: { path: healthPath, port: CONTAINER_PORT }, periodSeconds: 2, timeoutSeconds: 2, failureThreshold: 15 },
                    livenessProbe: { httpGet: { path: healthPath, port: CONTAINER_PORT }, periodSeconds: 30, timeoutSeconds: 3, failureThreshold: 3 },
                }],
            },
        }, { parent: this, dependsOn: grants });
    }

    private grantInvoker(name: string, member: string): gcp.cloudrunv2.ServiceIamMember {
        return new gcp.cloudrunv2.ServiceIamMember(`${name}-invoker-${gcpSafeName(member, 60)}`, {
            name: this.service.name,
            location: this.service.location,
            role: "roles/run.invoker",
            member,
        }, { parent: this });
    }
}

/** Refuses arguments that would make the service public or unreachable, with the fix in the message. */
function normalizeArgs(args: CloudRunServiceArgs): void {
    const problems: string[] = [];
    if (!/^[a-z][a-z0-9-]{4,48}[a-z0-9]$/.test(args.serviceName)) {
        problems.push(`serviceName ${JSON.stringify(args.serviceName)} must be 6 to 50 lowercase letters, digits or dashes, starting with a letter`);
    }
    for (const member of args.invokers) {
        if (!NAMED_PRINCIPAL_PATTERN.test(member)) {
            problems.push(`invoker ${JSON.stringify(member)} must be a named principal such as ${NAMED_PRINCIPAL_EXAMPLE}; ` +
                "the service is private, so allUsers and allAuthenticatedUsers are refused");
        }
    }
    if ("pinned" in args.image && !/@sha256:[0-9a-f]{64}$/.test(args.image.pinned)) {
        problems.push(`image ${JSON.stringify(args.image.pinned)} must be pinned by digest (…@sha256:<64 hex>) so every deploy runs the same bits`);
    }
    if (problems.length > 0) throw new Error(`CloudRunService ${args.serviceName}: ${problems.join("; ")}`);
}
