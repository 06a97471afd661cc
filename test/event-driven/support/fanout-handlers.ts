import { FanoutEnvName } from "../../../contracts/schemas/order-events";
import { MOTO_ACCOUNT_ID, MOTO_REGION } from "../../../tools/moto/moto-server";

/** Names of the fan-out's resources in moto (the component names them in a real stack). */
export const TEST_RESOURCES = {
    orderTopic: "order-events-test",
    notificationsTopic: "customer-notifications-test",
    idempotencyTable: "order-events-idempotency-test",
    invoicesTable: "invoices-test",
    metricsTable: "order-metrics-test",
} as const;

const topicArn = (name: string) => `arn:aws:sns:${MOTO_REGION}:${MOTO_ACCOUNT_ID}:${name}`;

/** What the fan-out component would set on the functions, pointing at the test resources. */
const FUNCTION_ENVIRONMENT: Record<FanoutEnvName, string> = {
    ORDER_TOPIC_ARN: topicArn(TEST_RESOURCES.orderTopic),
    IDEMPOTENCY_TABLE: TEST_RESOURCES.idempotencyTable,
    INVOICES_TABLE: TEST_RESOURCES.invoicesTable,
    CUSTOMER_NOTIFICATIONS_TOPIC_ARN: topicArn(TEST_RESOURCES.notificationsTopic),
    ORDER_METRICS_TABLE: TEST_RESOURCES.metricsTable,
};

/**
 * Loads the real handler modules with the function environment in place, as Lambda would at init (they
 * read it at module load), with Powertools logging silenced; the process environment is restored right
 * after, so other test files never see these variables.
 */
function loadWithFunctionEnvironment<T>(load: () => T): T {
    const variables: Record<string, string> = { ...FUNCTION_ENVIRONMENT, POWERTOOLS_LOG_LEVEL: "SILENT" };
    const previous = Object.fromEntries(Object.keys(variables).map((name) => [name, process.env[name]]));
    Object.assign(process.env, variables);
    try {
        return load();
    } finally {
        for (const [name, value] of Object.entries(previous)) {
            if (value === undefined) delete process.env[name];
            else process.env[name] = value;
        }
    }
}

/** The real publisher and consumers; require() (not import) so the environment is set before each module runs. */
export const fanoutHandlers = loadWithFunctionEnvironment(() => ({
    publisher: (require("../../../functions/order-publisher/handler") as
        typeof import("../../../functions/order-publisher/handler")).handler,
    billing: (require("../../../functions/billing-consumer/handler") as
        typeof import("../../../functions/billing-consumer/handler")).handler,
    notification: (require("../../../functions/notification-consumer/handler") as
        typeof import("../../../functions/notification-consumer/handler")).handler,
    analytics: (require("../../../functions/analytics-consumer/handler") as
        typeof import("../../../functions/analytics-consumer/handler")).handler,
}));
