import { StorageQueueHandler } from "@azure/functions";
import { QueueClient } from "@azure/storage-queue";
import { capturingContext } from "./invocation";

/**
 * Delivers the next visible message to a queue-triggered handler the way the Functions host does: receive it
 * (hidden for `visibilityTimeoutSeconds`), hand over the parsed JSON body with its trigger metadata, and delete
 * it only if the handler resolved. `deleteOnSuccess: false` plays a host that crashed after the handler ran,
 * which is how a message gets delivered twice.
 */
export async function deliverNext(
    queue: QueueClient,
    handler: StorageQueueHandler,
    options: { visibilityTimeoutSeconds: number; deleteOnSuccess: boolean },
) {
    const received = await queue.receiveMessages({ numberOfMessages: 1, visibilityTimeout: options.visibilityTimeoutSeconds });
    const message = received.receivedMessageItems[0];
    if (!message) throw new Error("no visible message to deliver");
    const { context, lines } = capturingContext("orderProcessor", { id: message.messageId, dequeueCount: message.dequeueCount });
    await handler(JSON.parse(message.messageText), context);
    if (options.deleteOnSuccess) await queue.deleteMessage(message.messageId, message.popReceipt);
    return { message, lines };
}

/**
 * deliverNext as soon as the queue shows a visible message: a message received and not deleted reappears
 * once its visibility timeout runs out. Polls for it instead of sleeping for that timeout, so a busy machine
 * only makes the test wait longer; gives up after `waitMs`.
 */
export async function deliverWhenVisibleAgain(
    queue: QueueClient,
    handler: StorageQueueHandler,
    options: { visibilityTimeoutSeconds: number; deleteOnSuccess: boolean },
    waitMs = 30_000,
) {
    const deadline = Date.now() + waitMs;
    while ((await queue.peekMessages({ numberOfMessages: 1 })).peekedMessageItems.length === 0) {
        if (Date.now() > deadline) throw new Error(`no message became visible again within ${waitMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return deliverNext(queue, handler, options);
}
