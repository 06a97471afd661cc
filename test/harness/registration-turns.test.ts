import * as assert from "node:assert/strict";
import { registrationTurns } from "../../tools/harness/registration-turns";

describe("registration turns", () => {
    it("release waiting registrations in arrival order, one per turn of the event loop, with other work between them", async () => {
        const turn = registrationTurns();
        const events: string[] = [];
        const released = [1, 2, 3, 4].map((index) => turn().then(() => {
            events.push(`registration ${index}`);
            // Work the first registration's answer queues (as an I/O callback would be) runs before the last ones.
            if (index === 1) setImmediate(() => events.push("other work"));
        }));
        await Promise.all(released);
        assert.deepEqual(events, ["registration 1", "registration 2", "other work", "registration 3", "registration 4"]);
    });

    it("start again once the queue has emptied", async () => {
        const turn = registrationTurns();
        await turn();
        const order: number[] = [];
        await Promise.all([turn().then(() => order.push(1)), turn().then(() => order.push(2))]);
        assert.deepEqual(order, [1, 2]);
    });
});
