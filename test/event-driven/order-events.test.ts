import { strict as assert } from "node:assert";
import { OrderEventSchema } from "../../contracts/schemas/order-events";
import { parsePublishRequest } from "../../functions/order-publisher/publish-request";
import { problemsFrom } from "../../contracts/schemas/bounds";

describe("order event contract", () => {
    it("publishes ORDER_CREATED when the caller names no event type, as the seed's publisher does", () => {
        assert.deepEqual(parsePublishRequest({ order_id: "o-1", customer_id: "c-1", amount: 42.5 }),
            { event_type: "ORDER_CREATED", order_id: "o-1", customer_id: "c-1", amount: 42.5 });
    });

    it("refuses a publish request naming every bad field and the event types allowed", () => {
        assert.throws(() => parsePublishRequest({ order_id: "", amount: "12", event_type: "ORDER_LOST" }), {
            name: "InvalidPublishRequestError",
            message: "invalid order event request: event_type must be one of ORDER_CREATED, ORDER_SHIPPED, ORDER_CANCELLED; " +
                "order_id must be a string of 1 to 128 characters; customer_id must be a string of 1 to 128 characters; " +
                "amount must be a number of at least 0",
        });
    });

    it("refuses a publish request with a lone surrogate or an unknown field, naming the field", () => {
        assert.throws(() => parsePublishRequest({ order_id: "o-\ud800", customer_id: "c", amount: 1, __proto__x: 1 }), {
            name: "InvalidPublishRequestError",
            message: "invalid order event request: order_id must be well-formed Unicode (it holds a lone UTF-16 surrogate); " +
                "__proto__x is not a known field",
        });
    });

    it("rejects a message body that is not an order event, saying which fields are wrong", () => {
        const result = OrderEventSchema.safeParse({ event_id: "e", event_type: "ORDER_CREATED", order_id: "o",
            customer_id: "c", occurred_at: "2026-01-01T00:00:00Z" });
        assert.equal(result.success, false);
        assert.deepEqual(problemsFrom(result.error?.issues ?? []), [{ field: "amount", message: "Invalid input: expected number, received undefined" }]);
    });
});
