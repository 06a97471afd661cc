import * as z from "zod";
import { problemsFrom } from "../../../contracts/schemas/bounds";
import { FEATURE_NAME } from "../../../contracts/schemas/churn-prediction";

/**
 * The churn model: a logistic regression over named, standardised features, as a training job exports it
 * (scikit-learn's StandardScaler mean_/scale_ and LogisticRegression coef_/intercept_, one entry per feature).
 * Features are matched by name, never by position, so a client that sends them in another order still gets
 * the right answer.
 */

export const MODEL_FORMAT = "churn-logistic-regression/1";

const finite = z.number({ error: "must be a finite number" });

const ModelFeatureSchema = z.object({
    name: z.string().regex(FEATURE_NAME, "must be a snake_case name"),
    /** Training-set mean and standard deviation, used to standardise the raw value. */
    mean: finite,
    scale: finite.positive("must be positive"),
    coefficient: finite,
    /** Smallest and largest raw values the model accepts (requests outside are rejected with 400). */
    min: finite,
    max: finite,
}).refine((feature) => feature.min <= feature.max, { error: "must not exceed max", path: ["min"] });
export type ModelFeature = z.infer<typeof ModelFeatureSchema>;

const ChurnModelSchema = z.object({
    format: z.literal(MODEL_FORMAT, { error: (issue) => `is ${JSON.stringify(issue.input)}, expected "${MODEL_FORMAT}"` }),
    version: z.string(),
    description: z.string().catch(""),
    intercept: finite,
    features: z.array(ModelFeatureSchema, { error: "must be a non-empty array" }).min(1, "must be a non-empty array")
        .refine((features) => new Set(features.map((f) => f.name)).size === features.length, "lists a feature name twice"),
}, { error: "must be a JSON object" });
export type ChurnModel = z.infer<typeof ChurnModelSchema>;

export type RiskLevel = "low" | "medium" | "high";

/** Thresholds from the seed: high above 0.7, medium above 0.4, low otherwise. */
const HIGH_RISK_ABOVE = 0.7;
const MEDIUM_RISK_ABOVE = 0.4;

/** Probability of churn for one customer's features (every feature of the model must be present). */
export function churnProbability(model: ChurnModel, features: Readonly<Record<string, number>>): number {
    let logit = model.intercept;
    for (const feature of model.features) {
        logit += feature.coefficient * (features[feature.name] - feature.mean) / feature.scale;
    }
    return 1 / (1 + Math.exp(-logit));
}

/** Rounded to 4 decimal places, as the seed's service answers. */
export function roundProbability(probability: number): number {
    return Math.round(probability * 10_000) / 10_000;
}

/**
 * Risk level of a probability. Callers pass the rounded probability they answer with, so a client that
 * applies the same thresholds to `churn_probability` always agrees with `risk_level` (0.70004 answers 0.7
 * and "medium", never 0.7 and "high").
 */
export function riskLevel(probability: number): RiskLevel {
    if (probability > HIGH_RISK_ABOVE) return "high";
    if (probability > MEDIUM_RISK_ABOVE) return "medium";
    return "low";
}

/**
 * Checks a parsed artifact and returns it typed; throws an Error naming the first bad field, so a corrupt or
 * mismatched artifact stops the service from becoming healthy instead of producing wrong answers.
 */
export function parseModelArtifact(value: unknown, expectedVersion: string): ChurnModel {
    const result = ChurnModelSchema.safeParse(value);
    if (!result.success) {
        const [problem] = problemsFrom(result.error.issues);
        throw new Error(problem.field === "body" ? `the model artifact ${problem.message}` : `model artifact field ${problem.field} ${problem.message}`);
    }
    if (result.data.version !== expectedVersion) {
        throw new Error(`model artifact is version ${JSON.stringify(result.data.version)} but MODEL_VERSION is "${expectedVersion}"`);
    }
    return result.data;
}
