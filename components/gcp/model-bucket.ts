import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";

export interface ModelBucketArgs {
    /** Region of the bucket, the same as the service reading it (no cross-region reads at start-up). @example "europe-west1" */
    region: string;
    /** Object name of the artifact in the bucket. @example "churn-model-v3.json" */
    objectName: string;
    /** Local artifact file uploaded as that object. @example "functions/churn-api/model/churn-model-v3.json" */
    artifactPath: string;
    /** Keep the bucket (and its model history) when the stack is destroyed. */
    retainOnDelete: boolean;
    labels: Record<string, string>;
}

/**
 * A private bucket holding versioned model artifacts, with the configured version uploaded. Object
 * versioning keeps earlier uploads of the same name, so a bad artifact can be rolled back.
 */
export class ModelBucket extends pulumi.ComponentResource {
    readonly bucket: gcp.storage.Bucket;
    readonly artifact: gcp.storage.BucketObject;

    constructor(name: string, args: ModelBucketArgs, opts?: pulumi.ComponentResourceOptions) {
        super("serverless-platform:gcp:ModelBucket", name, {}, opts);
        this.bucket = new gcp.storage.Bucket(`${name}-bucket`, {
            location: args.region.toUpperCase(),
            uniformBucketLevelAccess: true,
            publicAccessPrevention: "enforced",
            versioning: { enabled: true },
            // A dev stack can be destroyed with its artifacts; a retained bucket must keep them.
            forceDestroy: !args.retainOnDelete,
            labels: args.labels,
        }, { parent: this, retainOnDelete: args.retainOnDelete });
        this.artifact = new gcp.storage.BucketObject(`${name}-artifact`, {
            bucket: this.bucket.name,
            name: args.objectName,
            source: new pulumi.asset.FileAsset(args.artifactPath),
            contentType: "application/json",
        }, { parent: this });
        this.registerOutputs({ bucketName: this.bucket.name });
    }
}
