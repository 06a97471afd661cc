import * as assert from "node:assert/strict";
import { ProgramRun, RecordedResource } from "../../tools/harness";
import { secret as secretValue } from "../policies/support/wire-values";
import { ofType, planStack, resource } from "../support/stack";

/** Per-stack values from Pulumi.<stack>.yaml over Pulumi.yaml's defaults; the rest is the seed's and the same in both. */
const EXPECTED = {
    dev: {
        project: "my-gcp-project-dev", minInstances: 0, startupCpuBoost: false, deletionProtection: false, forceDestroy: true,
        ingress: "INGRESS_TRAFFIC_ALL", logLevel: "DEBUG", requestsPerMonth: "100000",
        invoker: "serviceAccount:churn-client@my-gcp-project-dev.iam.gserviceaccount.com",
    },
    production: {
        project: "my-gcp-project-prod", minInstances: 1, startupCpuBoost: true, deletionProtection: true, forceDestroy: false,
        ingress: "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER", logLevel: "INFO", requestsPerMonth: "10000000",
        invoker: "serviceAccount:churn-client@my-gcp-project-prod.iam.gserviceaccount.com",
    },
} as const;

const SERVICE = "gcp:cloudrunv2/service:Service";
const PUBLIC_MEMBERS = ["allUsers", "allAuthenticatedUsers"];

interface Container {
    image?: string;
    envs: { name: string; value?: string; valueSource?: { secretKeyRef: { secret: string; version: string } } }[];
    resources: { limits: Record<string, string>; cpuIdle: boolean; startupCpuBoost: boolean };
    ports: { containerPort: number };
    startupProbe: { httpGet: { path: string; port: number } };
    livenessProbe: { httpGet: { path: string; port: number } };
}
interface Template {
    serviceAccount: string;
    scaling: { minInstanceCount: number; maxInstanceCount: number };
    maxInstanceRequestConcurrency: number;
    timeout: string;
    containers: Container[];
}

for (const stack of ["dev", "production"] as const) {
    const expected = EXPECTED[stack];

    describe(`churn API on Cloud Run in ${stack} (mock plan of index.ts)`, () => {
        let run: ProgramRun;
        let service: RecordedResource;
        let template: Template;
        let container: Container;
        let account: RecordedResource;
        const gcpResources = () => run.resources.filter((r) => r.type.startsWith("gcp:"));
        before(async () => {
            run = await planStack(stack);
            service = resource(run, SERVICE, "churn-api-service");
            template = service.inputs.template as Template;
            container = template.containers[0];
            account = resource(run, "gcp:serviceaccount/account:Account", "churn-api-sa");
        });

        it(`deploys churn-api-${stack} in europe-west1 with the seed's 100 max instances, 512Mi, 1 CPU, 30 s and concurrency 80`, () => {
            assert.equal(service.inputs.name, `churn-api-${stack}`);
            assert.equal(service.inputs.location, "europe-west1");
            assert.equal(template.scaling.maxInstanceCount, 100);
            assert.deepEqual(container.resources.limits, { cpu: "1", memory: "512Mi" });
            assert.equal(container.resources.cpuIdle, true);
            assert.equal(template.timeout, "30s");
            assert.equal(template.maxInstanceRequestConcurrency, 80);
            assert.equal(container.ports.containerPort, 8080);
        });

        it(`keeps ${expected.minInstances} instance(s) warm, startup CPU boost ${expected.startupCpuBoost ? "on" : "off"}, deletion protection ${expected.deletionProtection ? "on" : "off"}, ingress ${expected.ingress}`, () => {
            assert.equal(template.scaling.minInstanceCount, expected.minInstances);
            assert.equal(container.resources.startupCpuBoost, expected.startupCpuBoost);
            assert.equal(service.inputs.deletionProtection, expected.deletionProtection);
            assert.equal(service.inputs.ingress, expected.ingress);
            assert.equal(resource(run, "gcp:storage/bucket:Bucket", "churn-models-bucket").inputs.forceDestroy, expected.forceDestroy);
        });

        it(`sets MODEL_VERSION v3, LOG_LEVEL ${expected.logLevel} and GOOGLE_CLOUD_PROJECT, and MODEL_BUCKET only through a Secret Manager reference`, () => {
            const secret = resource(run, "gcp:secretmanager/secret:Secret", "churn-api-model-bucket");
            assert.deepEqual(container.envs, [
                { name: "MODEL_VERSION", value: "v3" },
                { name: "LOG_LEVEL", value: expected.logLevel },
                { name: "GOOGLE_CLOUD_PROJECT", value: expected.project },
                { name: "MODEL_BUCKET", valueSource: { secretKeyRef: { secret: `churn-api-${stack}-model-bucket`, version: "latest" } } },
            ]);
            assert.equal(secret.inputs.secretId, `churn-api-${stack}-model-bucket`);
            const version = resource(run, "gcp:secretmanager/secretVersion:SecretVersion", "churn-api-model-bucket-v");
            const bucket = resource(run, "gcp:storage/bucket:Bucket", "churn-models-bucket");
            assert.deepEqual(version.inputs.secretData, secretValue(bucket.outputs.name), "the engine sends secretData marked secret");
            assert.deepEqual(version.propertyDependencies.secret, [secret.urn]);
        });

        it("runs as its own service account, which alone may read the MODEL_BUCKET secret, and only after that grant exists", () => {
            assert.equal(account.inputs.accountId, `churn-api-${stack}`);
            assert.equal(template.serviceAccount, `churn-api-${stack}@${expected.project}.iam.gserviceaccount.com`);
            const accessor = resource(run, "gcp:secretmanager/secretIamMember:SecretIamMember", "churn-api-model-bucket-accessor");
            assert.deepEqual(
                { secretId: accessor.inputs.secretId, role: accessor.inputs.role, member: accessor.inputs.member },
                { secretId: `churn-api-${stack}-model-bucket`, role: "roles/secretmanager.secretAccessor", member: `serviceAccount:${template.serviceAccount}` },
            );
            assert.ok(service.dependencies.includes(accessor.urn), "the service does not wait for the secret accessor binding");
            assert.ok(service.dependencies.includes(resource(run, "gcp:secretmanager/secretVersion:SecretVersion", "churn-api-model-bucket-v").urn));
        });

        it("uploads churn-model-v3.json to a private bucket the service account may read, before the service starts", () => {
            const bucket = resource(run, "gcp:storage/bucket:Bucket", "churn-models-bucket");
            assert.deepEqual(
                { location: bucket.inputs.location, uniform: bucket.inputs.uniformBucketLevelAccess, publicAccess: bucket.inputs.publicAccessPrevention },
                { location: "EUROPE-WEST1", uniform: true, publicAccess: "enforced" },
            );
            const artifact = resource(run, "gcp:storage/bucketObject:BucketObject", "churn-models-artifact");
            assert.equal(artifact.inputs.name, "churn-model-v3.json");
            assert.equal(artifact.inputs.bucket, bucket.outputs.name);
            const reader = resource(run, "gcp:storage/bucketIAMMember:BucketIAMMember", "churn-api-reads-bucket-0");
            assert.deepEqual([reader.inputs.bucket, reader.inputs.role, reader.inputs.member],
                [bucket.outputs.name, "roles/storage.objectViewer", `serviceAccount:${template.serviceAccount}`]);
            assert.ok(service.dependencies.includes(artifact.urn) && service.dependencies.includes(reader.urn));
        });

        it("builds the image from functions/churn-api for linux/amd64 into the service's Artifact Registry repository", () => {
            const repository = resource(run, "gcp:artifactregistry/repository:Repository", "churn-api-repo");
            assert.deepEqual([repository.inputs.repositoryId, repository.inputs.location, repository.inputs.format],
                [`churn-api-${stack}`, "europe-west1", "DOCKER"]);
            const image = resource(run, "docker-build:index:Image", "churn-api-image");
            assert.deepEqual([image.inputs.context, image.inputs.dockerfile], [{ location: "." }, { location: "functions/churn-api/Dockerfile" }]);
            assert.deepEqual(image.inputs.platforms, ["linux/amd64"]);
            assert.equal(image.inputs.push, true);
            assert.deepEqual(image.inputs.tags, [`europe-west1-docker.pkg.dev/${expected.project}/churn-api-${stack}/churn-api-${stack}:latest`]);
            assert.ok(service.propertyDependencies.template.includes(image.urn), "the container image does not come from the built image");
            assert.equal((service.inputs.template as { containers: { image: string }[] }).containers[0].image, image.outputs.ref);
            assert.match(String(image.outputs.ref), new RegExp(`^europe-west1-docker\\.pkg\\.dev/${expected.project}/churn-api-${stack}/churn-api-${stack}@sha256:[0-9a-f]{64}$`));
        });

        it(`grants roles/run.invoker to ${expected.invoker} only, and no IAM resource names allUsers or allAuthenticatedUsers`, () => {
            const invokers = ofType(run, "gcp:cloudrunv2/serviceIamMember:ServiceIamMember");
            assert.deepEqual(invokers.map((i) => [i.inputs.name, i.inputs.location, i.inputs.role, i.inputs.member]),
                [[`churn-api-${stack}`, "europe-west1", "roles/run.invoker", expected.invoker]]);
            assert.equal(service.inputs.invokerIamDisabled, false);
            const iam = gcpResources().filter((r) => /Iam|IAM/.test(r.type));
            assert.equal(iam.length, 3);
            for (const binding of iam) {
                const members = [binding.inputs.member, ...((binding.inputs.members as string[] | undefined) ?? [])];
                assert.ok(!members.some((m) => PUBLIC_MEMBERS.includes(String(m))), `${binding.urn} is public`);
            }
        });

        it(`labels the service with the cost assumptions: ${expected.requestsPerMonth} requests/month, 80 ms, 1 KB`, () => {
            assert.deepEqual(service.inputs.labels, {
                environment: stack, service: "churn-api",
                "cost-requests-per-month": expected.requestsPerMonth, "cost-avg-duration-ms": "80", "cost-payload-kb": "1",
            });
        });

        it("groups its resources under the CloudRunService and ModelBucket components", () => {
            const component = resource(run, "serverless-platform:gcp:CloudRunService", "churn-api");
            assert.equal(service.parent, component.urn);
            assert.equal(service.urn, `urn:pulumi:${stack}::serverless-platform::serverless-platform:gcp:CloudRunService$${SERVICE}::churn-api-service`);
            assert.equal(resource(run, "gcp:storage/bucket:Bucket", "churn-models-bucket").parent,
                resource(run, "serverless-platform:gcp:ModelBucket", "churn-models").urn);
        });

        it("exports the service URL, its service account and the model bucket", () => {
            assert.deepEqual(run.outputs.gcp, {
                churnApiUrl: service.outputs.uri,
                churnApiServiceAccount: template.serviceAccount,
                modelBucket: resource(run, "gcp:storage/bucket:Bucket", "churn-models-bucket").outputs.name,
            });
        });
    });
}

describe("churn API on Cloud Run: production against dev (mock plans of index.ts)", () => {
    it("differs only in name, identity, project, image, min instances, startup boost, deletion protection, ingress, log level and traffic label", async () => {
        const [dev, production] = await Promise.all([planStack("dev"), planStack("production")]);
        const inputsOf = (run: ProgramRun) => resource(run, SERVICE, "churn-api-service").inputs;
        assert.deepEqual(differingPaths(inputsOf(dev), inputsOf(production)), [
            "deletionProtection",
            "ingress",
            "labels.cost-requests-per-month",
            "labels.environment",
            "name",
            "template.containers.0.envs.1.value",
            "template.containers.0.envs.2.value",
            "template.containers.0.envs.3.valueSource.secretKeyRef.secret",
            "template.containers.0.image",
            "template.containers.0.resources.startupCpuBoost",
            "template.labels.cost-requests-per-month",
            "template.labels.environment",
            "template.scaling.minInstanceCount",
            "template.serviceAccount",
        ]);
    });
});

/** Dotted paths of the leaves whose values differ between two plain JSON values, sorted. */
function differingPaths(a: unknown, b: unknown, path = ""): string[] {
    const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;
    if (!isObject(a) || !isObject(b)) return a === b ? [] : [path];
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    return keys.flatMap((key) => differingPaths(a[key], b[key], path ? `${path}.${key}` : key)).sort();
}
