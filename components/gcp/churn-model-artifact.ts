import { existsSync } from "node:fs";
import * as path from "node:path";
import { CHURN_MODEL_DIR, churnModelObjectName } from "../../contracts/churn-model";


/**
 * The local artifact of a model version, relative to the project root. A version with no artifact would
 * deploy a service whose health check never passes; the stack's settings refuse it first, so this is
 * a plain assertion.
 */
export function churnModelArtifactPath(version: string): string {
    const relative = `${CHURN_MODEL_DIR}/${churnModelObjectName(version)}`;
    if (!existsSync(path.join(__dirname, "..", "..", relative))) {
        throw new Error(`churn model version ${JSON.stringify(version)} has no artifact ${relative}`);
    }
    return relative;
}
