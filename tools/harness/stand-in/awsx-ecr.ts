import { createHash } from "node:crypto";
import { stackOf, stackUrnOf } from "./component-urns";
import type { StandInLocation } from "./context";
import type { ComponentExpansion, RegisteredChild } from "./component-expansion";
import { resourceState } from "./resource-state";
import { UNKNOWN_STRING_SENTINEL } from "../../../contracts/unknown-value";

/**
 * The children awsx's provider registers for `awsx.ecr.Repository` and `awsx.ecr.Image`
 * (pulumi-awsx awsx/ecr/repository.ts and image.ts), with the outputs it computes from them.
 */
const DEFAULT_LIFECYCLE_POLICY = JSON.stringify({
    rules: [{ rulePriority: 1, description: "remove untagged images", selection: { tagStatus: "untagged", countType: "imageCountMoreThan", countNumber: 1 }, action: { type: "expire" } }],
});

export const expandEcrRepository: ComponentExpansion = ({ urn, name, inputs, cloud, children, preview }) => {
    const { lifecyclePolicy, ...repositoryArgs } = inputs as { lifecyclePolicy?: { skip?: boolean; rules?: unknown } } & Record<string, unknown>;
    const lowerCaseName = name.toLowerCase();
    let lifecycle: RegisteredChild | undefined;
    const repository = children.register("aws:ecr/repository:Repository", lowerCaseName, urn, repositoryArgs, {});
    if (!lifecyclePolicy?.skip) {
        // awsx creates the lifecycle policy without a parent: the engine makes it a child of the stack.
        lifecycle = children.register("aws:ecr/lifecyclePolicy:LifecyclePolicy", lowerCaseName, stackUrnOf(urn),
            { repository: repository.id, policy: lifecyclePolicy?.rules === undefined ? DEFAULT_LIFECYCLE_POLICY : UNKNOWN_STRING_SENTINEL },
            { repository: [repository.urn] });
    }
    const { state } = resourceState("aws:ecr/repository:Repository", lowerCaseName, repositoryArgs, cloud, preview);
    return { url: state.repositoryUrl, repository: repository.reference, ...(lifecycle ? { lifecyclePolicy: lifecycle.reference } : {}) };
};

export const expandEcrImage: ComponentExpansion = ({ urn, inputs, cloud, children, preview }) => {
    const repositoryUrl = inputs.repositoryUrl;
    const imageName = typeof inputs.imageName === "string" ? inputs.imageName
        : typeof inputs.imageTag === "string" ? inputs.imageTag : `${uniqueImageName(inputs, stackOf(urn))}-container`;
    const canonicalImageName = `${String(repositoryUrl)}:${imageName}`;
    const cacheFrom = Array.isArray(inputs.cacheFrom) && inputs.cacheFrom.length > 0
        ? inputs.cacheFrom.map((ref) => ({ registry: { ref } })) : [{ registry: { ref: canonicalImageName } }];
    const imageArgs: Record<string, unknown> = {
        tags: [canonicalImageName], buildArgs: inputs.args, cacheFrom, cacheTo: [{ inline: {} }],
        context: { location: typeof inputs.context === "string" ? inputs.context : "." },
        dockerfile: { location: inputs.dockerfile }, platforms: typeof inputs.platform === "string" ? [inputs.platform] : [],
        target: inputs.target, push: true,
        registries: [{ address: registryOf(repositoryUrl, cloud), username: "AWS", password: "[secret]" }],
    };
    for (const key of Object.keys(imageArgs)) if (imageArgs[key] === undefined) delete imageArgs[key];
    children.register("docker-build:index:Image", imageName, urn, imageArgs, {});
    const { state } = resourceState("docker-build:index:Image", imageName, imageArgs, cloud, preview);
    const known = typeof repositoryUrl === "string" && repositoryUrl !== UNKNOWN_STRING_SENTINEL && state.digest !== UNKNOWN_STRING_SENTINEL;
    return { imageUri: known ? `${repositoryUrl}@${String(state.digest)}` : UNKNOWN_STRING_SENTINEL };
};

/** awsx names an untagged image after a hash of its build context, Dockerfile, build args and stack. */
function uniqueImageName(inputs: Record<string, unknown>, stack: string): string {
    let signature = typeof inputs.context === "string" ? inputs.context : ".";
    if (typeof inputs.dockerfile === "string") signature += `;dockerfile=${inputs.dockerfile}`;
    const args = inputs.args as Record<string, unknown> | undefined;
    for (const key of Object.keys(args ?? {})) signature += `;arg[${key}]=${String(args?.[key])}`;
    return createHash("sha1").update(signature + stack).digest("hex");
}

function registryOf(repositoryUrl: unknown, cloud: StandInLocation): string {
    return typeof repositoryUrl === "string" && repositoryUrl !== UNKNOWN_STRING_SENTINEL ? repositoryUrl.split("/")[0]
        : `${cloud.awsAccountId}.dkr.ecr.${cloud.awsRegion}.amazonaws.com`;
}
