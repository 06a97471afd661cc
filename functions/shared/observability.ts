import { Logger } from "@aws-lambda-powertools/logger";
import { Metrics } from "@aws-lambda-powertools/metrics";
import { Tracer } from "@aws-lambda-powertools/tracer";

/**
 * Powertools logger, metrics and tracer of one handler. Service name, metrics namespace and log level
 * come from the environment the ServerlessFunction component sets (POWERTOOLS_SERVICE_NAME,
 * POWERTOOLS_METRICS_NAMESPACE, LOG_LEVEL); the tracer is a no-op outside Lambda.
 */
export interface Observability {
    logger: Logger;
    metrics: Metrics;
    tracer: Tracer;
}

export function createObservability(): Observability {
    return { logger: new Logger(), metrics: new Metrics(), tracer: new Tracer() };
}
