import { z } from "zod";
import { text } from "./bounds";

/**
 * The churn API's POST /predict body. The feature names and their ranges come from the model artifact
 * the service loads at start-up, so the schema is built from them once the model is known.
 */

/** Largest body the churn API reads: a customer id and a handful of numbers. */
export const CHURN_API_MAX_BODY_BYTES = 16 * 1024;

/** What the schema needs to know of one model feature. */
export interface FeatureBounds {
    name: string;
    /** Smallest and largest raw values the model accepts. */
    min: number;
    max: number;
}

export function predictionRequestSchema(features: readonly FeatureBounds[]) {
    const names = features.map((feature) => feature.name);
    const shape = Object.fromEntries(features.map((feature) => {
        const range = `must be a number from ${feature.min} to ${feature.max}`;
        return [feature.name, z.number({ error: (issue) => issue.input === undefined ? "is required" : range })
            .min(feature.min, range).max(feature.max, range)];
    }));
    return z.strictObject({
        customer_id: text({ max: 128 }).refine((id) => id.trim() !== "", "must not be blank"),
        features: z.strictObject(shape, { error: `must be an object with ${names.join(", ")}` }),
    }, { error: "must be a JSON object with customer_id and features" });
}
export type PredictionRequest = z.infer<ReturnType<typeof predictionRequestSchema>>;
