import { existsSync } from "node:fs";
import * as path from "node:path";
import { PROJECT_NAME, SettingsError } from "../settings";

/** The churn API's source folder (the Docker build context), relative to the project root where Pulumi runs. */
export const CHURN_API_DIR = "functions/churn-api";

/** Object name of a model version: the same in the bucket and in the local model folder (see the service's model-source.ts). */
export function churnModelObjectName(version: string): string {
    return `churn-model-${version}.json`;
}

/**
 * The local artifact of the configured model version, relative to the project root. A version with no
 * artifact fails here, naming the setting, rather than deploying a service whose health check never passes.
 */
export function churnModelArtifactPath(version: string, environment: string): string {
    const relative = `${CHURN_API_DIR}/model/${churnModelObjectName(version)}`;
    if (!existsSync(path.join(__dirname, "..", "..", relative))) {
        throw new SettingsError([`${PROJECT_NAME}:cloudRunModelVersion = ${JSON.stringify(version)} has no model artifact ${relative}; ` +
            "add the artifact or set a version that has one"], environment);
    }
    return relative;
}
