/**
 * Entry point of the Functions app (package.json `main`): the host loads it once per worker and reads the
 * registrations below. Clients are created here, once, and shared by every invocation.
 */
import { app } from "@azure/functions";
import { createOrderIntake } from "./intake";
import { logLevelFrom } from "./log";
import { ORDERS_QUEUE, STORAGE_CONNECTION } from "../../../contracts/order-intake-storage";
import { OrderStore } from "./order-store";
import { createOrderProcessor } from "./processor";
import { storageClientsFromEnvironment } from "./storage-clients";

const clients = storageClientsFromEnvironment(process.env);
const logLevel = logLevelFrom(process.env.LOG_LEVEL);

app.http("orderIntake", {
    route: "orders",
    methods: ["POST"],
    authLevel: "function",
    handler: createOrderIntake({ queue: clients.queue, logLevel }),
});

app.storageQueue("orderProcessor", {
    queueName: ORDERS_QUEUE,
    connection: STORAGE_CONNECTION,
    handler: createOrderProcessor({ store: new OrderStore(clients.table), logLevel }),
});
