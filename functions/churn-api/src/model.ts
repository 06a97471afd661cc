/**
 * The churn model: a logistic regression over named, standardised features, as a training job exports it
 * (scikit-learn's StandardScaler mean_/scale_ and LogisticRegression coef_/intercept_, one entry per feature).
 * Features are matched by name, never by position, so a client that sends them in another order still gets
 * the right answer.
 */

export const MODEL_FORMAT = "churn-logistic-regression/1";

export interface ModelFeature {
    name: string;
    /** Training-set mean and standard deviation, used to standardise the raw value. */
    mean: number;
    scale: number;
    coefficient: number;
    /** Smallest and largest raw values the model accepts (requests outside are rejected with 400). */
    min: number;
    max: number;
}

export interface ChurnModel {
    format: typeof MODEL_FORMAT;
    version: string;
    description: string;
    intercept: number;
    features: ModelFeature[];
}

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
    const artifact = asRecord(value, "the model artifact");
    if (artifact.format !== MODEL_FORMAT) {
        throw new Error(`model artifact format is ${JSON.stringify(artifact.format)}, expected "${MODEL_FORMAT}"`);
    }
    if (artifact.version !== expectedVersion) {
        throw new Error(`model artifact is version ${JSON.stringify(artifact.version)} but MODEL_VERSION is "${expectedVersion}"`);
    }
    if (!Array.isArray(artifact.features) || artifact.features.length === 0) {
        throw new Error("model artifact field \"features\" must be a non-empty array");
    }
    const features = artifact.features.map((entry, index) => parseFeature(entry, index));
    const names = new Set(features.map((f) => f.name));
    if (names.size !== features.length) throw new Error("model artifact lists a feature name twice");
    return {
        format: MODEL_FORMAT,
        version: expectedVersion,
        description: typeof artifact.description === "string" ? artifact.description : "",
        intercept: finiteNumber(artifact.intercept, "intercept"),
        features,
    };
}

function parseFeature(value: unknown, index: number): ModelFeature {
    const where = `features[${index}]`;
    const entry = asRecord(value, where);
    if (typeof entry.name !== "string" || !/^[a-z][a-z0-9_]*$/.test(entry.name)) {
        throw new Error(`model artifact field ${where}.name must be a snake_case name`);
    }
    const feature: ModelFeature = {
        name: entry.name,
        mean: finiteNumber(entry.mean, `${where}.mean`),
        scale: finiteNumber(entry.scale, `${where}.scale`),
        coefficient: finiteNumber(entry.coefficient, `${where}.coefficient`),
        min: finiteNumber(entry.min, `${where}.min`),
        max: finiteNumber(entry.max, `${where}.max`),
    };
    if (feature.scale <= 0) throw new Error(`model artifact field ${where}.scale must be positive`);
    if (feature.min > feature.max) throw new Error(`model artifact field ${where}.min must not exceed max`);
    return feature;
}

function asRecord(value: unknown, what: string): Record<string, unknown> {
    if (typeof value !== "object" || value === null || Array.isArray(value)) throw new Error(`${what} must be a JSON object`);
    return value as Record<string, unknown>;
}

function finiteNumber(value: unknown, field: string): number {
    if (typeof value !== "number" || !Number.isFinite(value)) throw new Error(`model artifact field ${field} must be a finite number`);
    return value;
}
