import * as fs from "node:fs";
import * as path from "node:path";
import { CHURN_MODEL_DIR, churnModelVersionOf } from "../../contracts/churn-model";

/** The churn model versions that have an artifact to deploy in the project's model folder. */
export function availableModelVersions(projectRoot = path.join(__dirname, "..", "..")): string[] {
    const dir = path.join(projectRoot, CHURN_MODEL_DIR);
    if (!fs.existsSync(dir)) return [];
    return fs.readdirSync(dir).flatMap((file) => churnModelVersionOf(file) ?? []).sort();
}
