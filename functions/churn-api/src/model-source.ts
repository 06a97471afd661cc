import { readFile } from "node:fs/promises";
import { Storage } from "@google-cloud/storage";
import { churnModelObjectName } from "../../../contracts/churn-model";

/** Where the model artifact comes from; `describe` names it in logs and in the failing health answer. */
export interface ModelSource {
    describe: string;
    read(): Promise<string>;
}

/** The artifact in the bucket named by MODEL_BUCKET (read with the service account's own credentials). */
export function bucketModelSource(bucket: string, version: string, storage: Storage = new Storage()): ModelSource {
    const object = churnModelObjectName(version);
    return {
        describe: `gs://${bucket}/${object}`,
        read: async () => (await storage.bucket(bucket).file(object).download())[0].toString("utf8"),
    };
}

/** A local artifact file, for tests and for running the service on a workstation. */
export function fileModelSource(path: string): ModelSource {
    return { describe: path, read: () => readFile(path, "utf8") };
}
