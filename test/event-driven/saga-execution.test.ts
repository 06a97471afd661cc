import { strict as assert } from "node:assert";
import { Cancellation, OrderSagaState } from "../../contracts/schemas/order-saga-state";
import { orderSagaDefinition, SAGA_STEPS, SagaStateName, SagaStep } from "../../components/aws/saga-definition";
import { motoEndpoint, resetMoto } from "../../tools/moto/moto-server";
import { runSaga, StepHandler, stepHandlers as handlers } from "./support/run-saga";
import { SagaTable } from "./support/saga-table";
import { routeSdkClientsTo } from "./support/sdk-endpoint";

const definition = orderSagaDefinition(Object.fromEntries(SAGA_STEPS.map((step) =>
    [step, `arn:aws:lambda:eu-west-1:123456789012:function:order-saga-${step}:live`])) as Record<SagaStep, string>);

/** Executions run the real step handlers against a saga table in moto; each test uses its own order and customer. */
describe("order saga executed locally with the real step handlers", function () {
    let table: SagaTable;
    let restoreEndpoint: () => void;
    const savedTableEnv = process.env.ORDER_SAGA_TABLE;

    before(async () => {
        const endpoint = await motoEndpoint();
        await resetMoto();
        restoreEndpoint = routeSdkClientsTo(endpoint);
        process.env.ORDER_SAGA_TABLE = "order-saga-test";
        table = new SagaTable(endpoint, "order-saga-test");
        await table.create();
    });

    after(() => {
        restoreEndpoint();
        if (savedTableEnv === undefined) delete process.env.ORDER_SAGA_TABLE;
        else process.env.ORDER_SAGA_TABLE = savedTableEnv;
    });

    it("ships a stocked order the customer can pay: ReserveInventory -> ProcessPayment -> ShipOrder", async () => {
        await table.stock("SKU-SHIP-A", 10);
        await table.stock("SKU-SHIP-B", 3);
        await table.fund("cust-ship", 100);
        const run = await runSaga(definition, handlers, {
            orderId: "ord-ship", customerId: "cust-ship", amount: 42.5,
            items: [{ sku: "SKU-SHIP-A", quantity: 2 }, { sku: "SKU-SHIP-B", quantity: 3 }],
        });
        assert.deepEqual(run.visited, ["ReserveInventory", "ProcessPayment", "ShipOrder"]);
        const output = run.output as OrderSagaState;
        assert.deepEqual(output.shipment, { shipmentId: "SHP-ord-ship" });
        assert.deepEqual(output.payment, { paymentId: "PAY-ord-ship", amount: 42.5 });
        assert.equal((await table.order("ord-ship"))?.status, "SHIPPED");
        assert.equal(await table.available("SKU-SHIP-A"), 8);
        assert.equal(await table.available("SKU-SHIP-B"), 0);
        assert.equal(await table.balance("cust-ship"), 57.5);
    });

    it("cancels an order short of stock without charging: ReserveInventory -> CancelOrder", async () => {
        await table.stock("SKU-SHORT", 1);
        await table.fund("cust-short", 100);
        const run = await runSaga(definition, handlers, {
            orderId: "ord-short", customerId: "cust-short", amount: 20, items: [{ sku: "SKU-SHORT", quantity: 2 }],
        });
        assert.deepEqual(run.visited, ["ReserveInventory", "CancelOrder"]);
        const output = run.output as OrderSagaState;
        assert.deepEqual(output.cancellation, {
            status: "CANCELLED", reason: "InventoryError: order ord-short: not enough stock of SKU-SHORT",
        } satisfies Cancellation);
        assert.equal(output.payment, undefined);
        assert.equal((await table.order("ord-short"))?.status, "CANCELLED");
        assert.equal(await table.available("SKU-SHORT"), 1);
        assert.equal(await table.balance("cust-short"), 100);
    });

    it("puts the stock back when payment fails: ReserveInventory -> ProcessPayment -> ReleaseInventory -> CancelOrder",
        async () => {
            await table.stock("SKU-BROKE", 5);
            await table.fund("cust-broke", 10);
            const run = await runSaga(definition, handlers, {
                orderId: "ord-broke", customerId: "cust-broke", amount: 30, items: [{ sku: "SKU-BROKE", quantity: 4 }],
            });
            assert.deepEqual(run.visited, ["ReserveInventory", "ProcessPayment", "ReleaseInventory", "CancelOrder"]);
            const output = run.output as OrderSagaState;
            assert.deepEqual(output.release, { releasedItems: [{ sku: "SKU-BROKE", quantity: 4 }] });
            assert.equal(output.cancellation?.reason,
                "PaymentError: order ord-broke: the balance of customer cust-broke does not cover 30");
            assert.equal((await table.order("ord-broke"))?.status, "CANCELLED");
            assert.equal(await table.available("SKU-BROKE"), 5);
            assert.equal(await table.balance("cust-broke"), 10);
        });

    it("retries a throttled ReserveInventory and still ships, reserving the stock once", async () => {
        await table.stock("SKU-RETRY", 4);
        await table.fund("cust-retry", 50);
        let attempts = 0;
        const flaky: Record<SagaStateName, StepHandler> = {
            ...handlers,
            ReserveInventory: async (input: never) => {
                if (attempts++ === 0) throw Object.assign(new Error("Rate exceeded"), { name: "Lambda.TooManyRequestsException" });
                return handlers.ReserveInventory(input);
            },
        };
        const run = await runSaga(definition, flaky, {
            orderId: "ord-retry", customerId: "cust-retry", amount: 12, items: [{ sku: "SKU-RETRY", quantity: 1 }],
        });
        assert.deepEqual(run.visited, ["ReserveInventory", "retry ReserveInventory", "ProcessPayment", "ShipOrder"]);
        assert.equal(attempts, 2);
        assert.equal(await table.available("SKU-RETRY"), 3);
    });

    it("returns the first reservation when a reservation that went through is retried", async () => {
        await table.stock("SKU-TWICE", 6);
        const order = { orderId: "ord-twice", customerId: "cust-twice", amount: 5, items: [{ sku: "SKU-TWICE", quantity: 2 }] };
        const first = await handlers.ReserveInventory(order as never);
        const second = await handlers.ReserveInventory(order as never);
        assert.deepEqual(second, first);
        assert.equal(await table.available("SKU-TWICE"), 4);
    });

    it("fails the execution on invalid input, naming every bad field, before touching stock", async () => {
        await assert.rejects(runSaga(definition, handlers, { orderId: "", customerId: "c", amount: -1, items: [{ sku: "X", quantity: 0 }] }),
            (error: Error) => {
                const cause = error.cause as Error;
                assert.equal(cause.name, "InvalidOrderError");
                assert.equal(cause.message, "invalid order input: orderId must be a string of 1 to 128 characters; " +
                    "amount must be a number above 0; items[0].quantity must be a whole number of at least 1");
                return true;
            });
        assert.equal(await table.available("X"), undefined);
    });
});
