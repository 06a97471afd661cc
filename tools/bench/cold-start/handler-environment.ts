import { CreateSecretCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { METRICS_NAMESPACE } from "../../../components/aws/function";
import { FANOUT_ENV } from "../../../contracts/schemas/order-events";
import { SAGA_TABLE_ENV } from "../../../contracts/schemas/order-saga-state";
import { MOTO_ACCOUNT_ID, MOTO_REGION } from "../../moto/moto-server";
import { BENCH_API_KEY, benchDocuments, createInvocationResources, firstInvocationOf } from "./first-invocations";

/** Fake credentials of the moto account the handlers talk to. */
const CREDENTIALS = { AWS_ACCESS_KEY_ID: "testing", AWS_SECRET_ACCESS_KEY: "testing", AWS_SESSION_TOKEN: "testing" };

/** How the bench starts one handler: the variables it runs with, and each start's first invocation. */
export interface HandlerSetup {
    source: string;
    environment: Record<string, string>;
    /** Seeds what the next start's first invocation reads (untimed) and returns its event. */
    nextEvent(): Promise<unknown>;
}

/**
 * Creates in moto what the handlers read during init (the API key secret, in the seed's JSON format) and
 * what their first invocations touch (tables, topics, stock and balance), and returns the setup of each
 * handler: the variables the ServerlessFunction component sets, the resource names the handlers
 * require, and the SDK pointed at moto. Names carry a suffix of this run, so a moto server already
 * holding a previous run's resources is no obstacle. The tracer stays a no-op, as AWS_EXECUTION_ENV is
 * unset: it would otherwise send segments to an X-Ray daemon that is not there.
 */
export async function prepareHandlerEnvironment(motoEndpoint: string): Promise<(source: string) => HandlerSetup> {
    const run = Date.now().toString(36);
    const secrets = new SecretsManagerClient({ endpoint: motoEndpoint, region: MOTO_REGION, credentials: {
        accessKeyId: CREDENTIALS.AWS_ACCESS_KEY_ID, secretAccessKey: CREDENTIALS.AWS_SECRET_ACCESS_KEY } });
    const secret = await secrets.send(new CreateSecretCommand({
        Name: `bench/api-key-${run}`,
        SecretString: JSON.stringify({ api_key: BENCH_API_KEY }),
    }));
    secrets.destroy();
    const shared: Record<string, string> = {
        ...CREDENTIALS,
        AWS_REGION: MOTO_REGION,
        AWS_ENDPOINT_URL: motoEndpoint,
        PATH: process.env.PATH ?? "/usr/bin:/bin",
        LOG_LEVEL: "INFO",
        POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
        SECRET_ARN: secret.ARN as string,
        TABLE_NAME: `bench-customers-${run}`,
        [SAGA_TABLE_ENV]: `bench-order-saga-${run}`,
        ...fanoutVariables(run),
    };
    const backend = { environment: shared, documents: benchDocuments(motoEndpoint, MOTO_REGION, shared) };
    await createInvocationResources(backend, motoEndpoint, MOTO_REGION);
    // Every start of the run gets its own ids, whichever handler and package it is.
    let starts = 0;
    return (source) => ({
        source,
        environment: { ...shared, AWS_LAMBDA_FUNCTION_NAME: `bench-${source}`, POWERTOOLS_SERVICE_NAME: source },
        async nextEvent() {
            const invocation = firstInvocationOf(source);
            const start = ++starts;
            await invocation.seed?.(start, backend);
            return invocation.event(start);
        },
    });
}

/** The fan-out functions' topics and tables: an SNS ARN for each `*_TOPIC_ARN`, a table name otherwise. */
function fanoutVariables(run: string): Record<string, string> {
    const variables: Record<string, string> = {};
    for (const name of Object.keys(FANOUT_ENV)) {
        const resource = `bench-${name.toLowerCase().replace(/_(topic_arn|table)$/, "").replace(/_/g, "-")}-${run}`;
        variables[name] = name.endsWith("_TOPIC_ARN") ? `arn:aws:sns:${MOTO_REGION}:${MOTO_ACCOUNT_ID}:${resource}` : resource;
    }
    return variables;
}
