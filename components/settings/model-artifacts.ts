import * as fs from "node:fs";
import * as path from "node:path";

/**
 * The churn model versions that have an artifact to deploy: functions/churn-api/model/churn-model-<version>.json
 * (the naming components/gcp/churn-model-artifact.ts uploads from), relative to the project root.
 */
export const CHURN_MODEL_DIR = "functions/churn-api/model";
const ARTIFACT = /^churn-model-(v\d+)\.json$/;

export function availableModelVersions(projectRoot = path.join(__dirname, "..", "..")): string[] {
    const dir = path.join(projectRoot, CHURN_MODEL_DIR);
    if (!fs.existsSync(dir)) return [];
    return fs.readdirSync(dir).flatMap((file) => ARTIFACT.exec(file)?.[1] ?? []).sort();
}
