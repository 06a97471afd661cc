import { existsSync } from "node:fs";
import * as path from "node:path";

/** The churn API's source folder (the Docker build context), relative to the project root where Pulumi runs. */
export const CHURN_API_DIR = "functions/churn-api";

/** Object name of a model version: the same in the bucket and in the local model folder (see the service's model-source.ts). */
export function churnModelObjectName(version: string): string {
    return `churn-model-${version}.json`;
}

/**
 * The local artifact of a model version, relative to the project root. A version with no artifact would
 * deploy a service whose health check never passes; the stack's settings refuse it first, so this is
 * a plain assertion.
 */
export function churnModelArtifactPath(version: string): string {
    const relative = `${CHURN_API_DIR}/model/${churnModelObjectName(version)}`;
    if (!existsSync(path.join(__dirname, "..", "..", relative))) {
        throw new Error(`churn model version ${JSON.stringify(version)} has no artifact ${relative}`);
    }
    return relative;
}
