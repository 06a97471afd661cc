// zod/mini through ./zod (see there why); a namespace import, so the bundler keeps only the functions in use.
import * as z from "./zod";
import { text } from "./bounds";

/**
 * The churn API's POST /predict body. Its shape is fixed (the route's schema); which features it must
 * hold, and their ranges, come from the model artifact the service loads at start-up, so that part of
 * the contract is built from the artifact once it is loaded (`modelFeaturesSchema`).
 */

/** Largest body the churn API reads: a customer id and a handful of numbers. */
export const CHURN_API_MAX_BODY_BYTES = 16 * 1024;

/** Feature names as the training job exports them: snake_case. */
export const FEATURE_NAME = /^[a-z][a-z0-9_]{0,63}$/;

export const PredictionRequestSchema = z.strictObject({
    customer_id: text({ max: 128 }).check(z.refine((id) => id.trim() !== "", "must not be blank")),
    features: z.record(z.string(), z.number({ error: "must be a number" }), { error: "must be an object of feature name -> number" }),
}, { error: "must be a JSON object with customer_id and features" });
export type PredictionRequest = z.infer<typeof PredictionRequestSchema>;

/** What the schema needs to know of one model feature. */
export interface FeatureBounds {
    name: string;
    /** Smallest and largest raw values the model accepts. */
    min: number;
    max: number;
}

/** The `features` object one model accepts: exactly its features, each within its range. */
export function modelFeaturesSchema(features: readonly FeatureBounds[]) {
    return z.strictObject(Object.fromEntries(features.map((feature) => {
        const range = `must be a number from ${feature.min} to ${feature.max}`;
        return [feature.name, z.number({ error: (issue) => issue.input === undefined ? "is required" : range })
            .check(z.gte(feature.min, range), z.lte(feature.max, range))];
    })));
}
