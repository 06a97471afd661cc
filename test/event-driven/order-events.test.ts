import { strict as assert } from "node:assert";
import { parseOrderEvent } from "../../components/aws/order-events";
import { parsePublishRequest } from "../../functions/order-publisher/publish-request";

describe("order event contract", () => {
    it("publishes ORDER_CREATED when the caller names no event type, as the seed's publisher does", () => {
        assert.deepEqual(parsePublishRequest({ order_id: "o-1", customer_id: "c-1", amount: 42.5 }),
            { event_type: "ORDER_CREATED", order_id: "o-1", customer_id: "c-1", amount: 42.5 });
    });

    it("refuses a publish request naming every bad field and the event types allowed", () => {
        assert.throws(() => parsePublishRequest({ order_id: "", amount: "12", event_type: "ORDER_LOST" }), {
            name: "InvalidPublishRequestError",
            message: "invalid order event request: order_id must be a non-empty string; customer_id must be a non-empty string; " +
                "amount must be a number of at least 0; event_type must be one of ORDER_CREATED, ORDER_SHIPPED, ORDER_CANCELLED " +
                "(default ORDER_CREATED)",
        });
    });

    it("rejects a message body that is not an order event, saying which fields are wrong", () => {
        assert.throws(() => parseOrderEvent("not json"), { message: "order event is not JSON: not json" });
        assert.throws(() => parseOrderEvent(JSON.stringify({ event_id: "e", event_type: "ORDER_CREATED", order_id: "o",
            customer_id: "c", occurred_at: "2026-01-01T00:00:00Z" })), { message: "invalid order event: amount must be a number" });
    });
});
