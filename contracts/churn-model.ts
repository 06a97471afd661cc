/**
 * Where the churn model's artifacts live and how they are named: the settings check that a version has
 * one, the Cloud Run component uploads it, and the service downloads it under the same object name.
 */

/** The churn API's source folder (also the Docker build context), relative to the project root. */
export const CHURN_API_DIR = "functions/churn-api";

/** The folder of the model artifacts, relative to the project root. */
export const CHURN_MODEL_DIR = `${CHURN_API_DIR}/model`;

/** Object name of a model version, the same in the bucket and in the model folder. */
export function churnModelObjectName(version: string): string {
    return `churn-model-${version}.json`;
}

/** The version a model file name carries, or undefined for another file. */
export function churnModelVersionOf(fileName: string): string | undefined {
    return /^churn-model-(v\d+)\.json$/.exec(fileName)?.[1];
}
