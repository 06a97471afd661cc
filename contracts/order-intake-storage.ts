/**
 * Storage names shared by the function code and the Pulumi component that creates the storage, so the two
 * cannot drift apart.
 */

/** Queue the HTTP intake writes to and the processor is triggered by. */
export const ORDERS_QUEUE = "orders";

/** Where the Functions host moves a message after `maxDequeueCount` failed deliveries (its `<queue>-poison` rule). */
export const ORDERS_POISON_QUEUE = `${ORDERS_QUEUE}-poison`;

/** Table holding one row per processed order plus one running total per customer. */
export const ORDERS_TABLE = "orders";

/**
 * Prefix of the host's storage connection settings. In Azure it is identity-based
 * (`AzureWebJobsStorage__accountName`); locally it is a connection string (`AzureWebJobsStorage`).
 */
export const STORAGE_CONNECTION = "AzureWebJobsStorage";
