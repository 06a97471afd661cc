import { modelFeaturesSchema } from "../../../contracts/schemas/churn-prediction";
import { ChurnModel, parseModelArtifact } from "./model";
import { ModelSource } from "./model-source";

/** The service answers predictions only in state "ready"; health reports the other two as unhealthy. */
export type ModelState =
    | { status: "loading"; source: string }
    /** `featuresSchema` is the `features` object this model accepts, built once from its artifact. */
    | { status: "ready"; source: string; model: ChurnModel; featuresSchema: ReturnType<typeof modelFeaturesSchema> }
    | { status: "failed"; source: string; reason: string };

/** Holds the model the service answers with; loading failures are kept, never replaced by a fallback model. */
export class ModelHolder {
    private current: ModelState;

    constructor(private readonly source: ModelSource, private readonly version: string) {
        this.current = { status: "loading", source: source.describe };
    }

    get state(): ModelState {
        return this.current;
    }

    /** Reads and checks the artifact once; resolves to the final state (it does not throw). */
    async load(): Promise<ModelState> {
        try {
            const text = await this.source.read();
            const model = parseModelArtifact(parseJson(text), this.version);
            this.current = { status: "ready", source: this.source.describe, model, featuresSchema: modelFeaturesSchema(model.features) };
        } catch (error) {
            this.current = { status: "failed", source: this.source.describe, reason: (error as Error).message };
        }
        return this.current;
    }
}

function parseJson(text: string): unknown {
    try {
        return JSON.parse(text);
    } catch (error) {
        throw new Error(`model artifact is not valid JSON: ${(error as Error).message}`);
    }
}
