import { CreateSecretCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { METRICS_NAMESPACE } from "../../../components/aws/function";
import { FANOUT_ENV } from "../../../components/aws/order-events";
import { SAGA_TABLE_ENV } from "../../../components/aws/order-saga-state";
import { MOTO_ACCOUNT_ID, MOTO_REGION } from "../../moto/moto-server";

/** Fake credentials of the moto account the handlers talk to. */
const CREDENTIALS = { AWS_ACCESS_KEY_ID: "testing", AWS_SECRET_ACCESS_KEY: "testing", AWS_SESSION_TOKEN: "testing" };

/**
 * Creates what the handlers read during init in moto (the API key secret, in the seed's JSON format)
 * and returns the variables every cold start runs with: the ones the ServerlessFunction component sets,
 * the resource names the handlers require, and the SDK pointed at moto. Resources only touched inside
 * an invocation (tables, topics) need a name, not a resource. The tracer stays a no-op, as
 * AWS_EXECUTION_ENV is unset: it would otherwise send segments to an X-Ray daemon that is not there.
 */
export async function prepareHandlerEnvironment(motoEndpoint: string): Promise<(source: string) => Record<string, string>> {
    const secrets = new SecretsManagerClient({ endpoint: motoEndpoint, region: MOTO_REGION, credentials: {
        accessKeyId: CREDENTIALS.AWS_ACCESS_KEY_ID, secretAccessKey: CREDENTIALS.AWS_SECRET_ACCESS_KEY } });
    const secret = await secrets.send(new CreateSecretCommand({
        Name: `bench/api-key-${Date.now()}`,
        SecretString: JSON.stringify({ api_key: "bench-api-key" }),
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
        TABLE_NAME: "bench-customers",
        [SAGA_TABLE_ENV]: "bench-order-saga",
        ...fanoutVariables(),
    };
    return (source) => ({ ...shared, AWS_LAMBDA_FUNCTION_NAME: `bench-${source}`, POWERTOOLS_SERVICE_NAME: source });
}

/** The fan-out functions' topics and tables: an SNS ARN for each `*_TOPIC_ARN`, a table name otherwise. */
function fanoutVariables(): Record<string, string> {
    const variables: Record<string, string> = {};
    for (const name of Object.keys(FANOUT_ENV)) {
        const resource = `bench-${name.toLowerCase().replace(/_(topic_arn|table)$/, "").replace(/_/g, "-")}`;
        variables[name] = name.endsWith("_TOPIC_ARN") ? `arn:aws:sns:${MOTO_REGION}:${MOTO_ACCOUNT_ID}:${resource}` : resource;
    }
    return variables;
}
