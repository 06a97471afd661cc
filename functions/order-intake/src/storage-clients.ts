import { TableClient } from "@azure/data-tables";
import { ManagedIdentityCredential } from "@azure/identity";
import { QueueClient } from "@azure/storage-queue";
import { ORDERS_QUEUE, ORDERS_TABLE, STORAGE_CONNECTION } from "../../../contracts/order-intake-storage";

export interface OrderStorageClients {
    queue: QueueClient;
    table: TableClient;
}

/**
 * Builds the storage clients from the same settings the Functions host uses, so the code and the triggers
 * always talk to one account:
 * - in Azure, `AzureWebJobsStorage__accountName` with the app's managed identity (the account refuses keys);
 * - locally and in tests, the `AzureWebJobsStorage` connection string (Azurite).
 */
export function storageClientsFromEnvironment(env: NodeJS.ProcessEnv): OrderStorageClients {
    const accountName = env[`${STORAGE_CONNECTION}__accountName`];
    if (accountName) {
        const credential = new ManagedIdentityCredential();
        return {
            queue: new QueueClient(`https://${accountName}.queue.core.windows.net/${ORDERS_QUEUE}`, credential),
            table: new TableClient(`https://${accountName}.table.core.windows.net`, ORDERS_TABLE, credential),
        };
    }
    const connectionString = env[STORAGE_CONNECTION];
    if (connectionString) return storageClientsFromConnectionString(connectionString);
    throw new Error(`no storage connection: set ${STORAGE_CONNECTION}__accountName (Azure, managed identity) ` +
        `or ${STORAGE_CONNECTION} to a connection string (local, e.g. UseDevelopmentStorage=true)`);
}

/** Connection-string clients; plain http is allowed because only the local emulator is reached over it. */
export function storageClientsFromConnectionString(connectionString: string): OrderStorageClients {
    return {
        queue: new QueueClient(connectionString, ORDERS_QUEUE),
        table: TableClient.fromConnectionString(connectionString, ORDERS_TABLE, { allowInsecureConnection: true }),
    };
}
