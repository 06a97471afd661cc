import * as assert from "node:assert/strict";
import { buildGcp } from "../../components/gcp";
import { CloudRunService, CloudRunServiceArgs } from "../../components/gcp/cloud-run-service";
import { loadSettings } from "../../components/settings";
import { loadStackConfig, ProgramRunError, runProgram } from "../../tools/harness";
import { ofType, REPO_ROOT, resource } from "../support/stack";

const PINNED = `europe-west1-docker.pkg.dev/my-gcp-project-dev/apps/churn-api@sha256:${"ab12".repeat(16)}`;

/** Only the GCP part of the program, on the dev stack's config with some settings replaced. */
function planGcp(overrides: Record<string, string>) {
    const config = loadStackConfig({ projectDir: REPO_ROOT, stack: "dev" });
    const values = { ...config.values, "serverless-platform:clouds": JSON.stringify(["gcp"]), ...overrides };
    return runProgram({
        config: { ...config, values },
        program: () => {
            const settings = loadSettings();
            return settings.gcp ? buildGcp(settings, settings.gcp) : {};
        },
    });
}

/** The dev service's arguments, for building the component directly with one of them changed. */
const ARGS: CloudRunServiceArgs = {
    serviceName: "churn-api-test", region: "europe-west1", image: { pinned: PINNED }, minInstances: 0, maxInstances: 100,
    memory: "512Mi", cpu: "1", timeoutSeconds: 30, concurrency: 80, ingress: "INGRESS_TRAFFIC_INTERNAL_ONLY", invokers: [],
    startupCpuBoost: false, deletionProtection: false, env: {}, secretEnv: {}, readsBuckets: [], labels: {},
};

async function componentError(args: Partial<CloudRunServiceArgs>): Promise<{ message: string; registered: number }> {
    const config = loadStackConfig({ projectDir: REPO_ROOT, stack: "dev" });
    try {
        await runProgram({ config, program: () => { new CloudRunService("churn-api", { ...ARGS, ...args }); } });
    } catch (error) {
        assert.ok(error instanceof ProgramRunError, String(error));
        return { message: error.message, registered: error.registered.filter((r) => r.type.startsWith("gcp:")).length };
    }
    assert.fail("the component accepted the arguments");
}

describe("CloudRunService component", () => {
    it("deploys a digest-pinned image from settings as is, without building anything (no Docker needed)", async () => {
        const run = await planGcp({ "serverless-platform:cloudRunImage": PINNED });
        const service = resource(run, "gcp:cloudrunv2/service:Service", "churn-api-service");
        const containers = (service.inputs.template as { containers: { image: string }[] }).containers;
        assert.equal(containers[0].image, PINNED);
        assert.deepEqual(ofType(run, "docker-build:index:Image"), []);
    });

    it("refuses allUsers and allAuthenticatedUsers as invokers, registering nothing on GCP", async () => {
        const { message, registered } = await componentError({ invokers: ["serviceAccount:ok@p.iam.gserviceaccount.com", "allUsers", "allAuthenticatedUsers"] });
        assert.equal(message, "CloudRunService churn-api-test: " +
            "invoker \"allUsers\" must be a named principal such as serviceAccount:caller@project.iam.gserviceaccount.com; the service is private, so allUsers and allAuthenticatedUsers are refused; " +
            "invoker \"allAuthenticatedUsers\" must be a named principal such as serviceAccount:caller@project.iam.gserviceaccount.com; the service is private, so allUsers and allAuthenticatedUsers are refused");
        assert.equal(registered, 0);
    });

    it("refuses an image reference that is not pinned by digest", async () => {
        const { message } = await componentError({ image: { pinned: "europe-west1-docker.pkg.dev/p/apps/churn-api:latest" } });
        assert.equal(message, "CloudRunService churn-api-test: image \"europe-west1-docker.pkg.dev/p/apps/churn-api:latest\" " +
            "must be pinned by digest (…@sha256:<64 hex>) so every deploy runs the same bits");
    });

    it("fails naming the model version and its missing artifact, before anything exists on GCP", async () => {
        await assert.rejects(planGcp({ "serverless-platform:cloudRunModelVersion": "v9" }), (error: ProgramRunError) => {
            assert.match(error.message, /serverless-platform:cloudRunModelVersion = "v9" has no model artifact functions\/churn-api\/model\/churn-model-v9\.json; .*"v3"/);
            assert.deepEqual(error.registered.filter((r) => r.type.startsWith("gcp:")), []);
            return true;
        });
    });
});
