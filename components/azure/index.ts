import * as path from "node:path";
import { ORDERS_QUEUE, ORDERS_TABLE } from "../../contracts/order-intake-storage";
import { FUNCTIONS_DIR, packageFunctionsApp } from "../../packaging";
import { AzureSettings, Settings } from "../settings";
import { FunctionApp } from "./function-app";

/** The Functions app folder deployed as the order intake. */
export const ORDER_INTAKE_APP_DIR = path.join(FUNCTIONS_DIR, "order-intake");

/**
 * Builds everything this stack runs on Azure; returns the stack outputs for that cloud. The one place where
 * the stack's settings become the app's arguments, and where its package is built.
 */
export function buildAzure(settings: Settings, azure: AzureSettings): Record<string, unknown> {
    const orderIntake = new FunctionApp("order-intake", {
        location: azure.location,
        code: packageFunctionsApp(ORDER_INTAKE_APP_DIR),
        queues: [ORDERS_QUEUE],
        tables: [ORDERS_TABLE],
        maxInstanceCount: azure.maxInstanceCount,
        instanceMemoryMb: azure.instanceMemoryMb,
        alwaysReadyHttpInstances: azure.alwaysReadyInstances,
        functionTimeoutSeconds: azure.httpTimeoutSeconds,
        maxDequeueCount: azure.maxDequeueCount,
        logLevel: settings.logLevel,
        logRetentionDays: settings.logRetentionDays,
        traffic: {
            requestsPerMonth: azure.traffic.requestsPerMonth,
            avgDurationMs: azure.traffic.avgDurationMs,
            payloadKb: azure.traffic.payloadKb,
        },
        tags: { environment: settings.environment, component: "order-intake" },
    });
    return {
        orderIntakeUrl: orderIntake.url.apply((url) => `${url}/api/orders`),
        orderIntakeResourceGroup: orderIntake.resourceGroup.name,
        orderIntakeStorageAccount: orderIntake.storageAccountName,
    };
}
