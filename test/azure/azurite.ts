import { ChildProcess, spawn } from "node:child_process";
import * as path from "node:path";
import { freePort, waitForPort } from "../../tools/net/free-port";

/** Azurite's documented development account (public, fixed by the emulator). */
const ACCOUNT = "devstoreaccount1";
const ACCOUNT_KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

export interface Azurite {
    /** Connection string with the queue and table endpoints of this instance. */
    connectionString: string;
    stop(): Promise<void>;
}

/**
 * Starts one in-memory Azurite (queue + table) on free 127.0.0.1 ports. Call once per test file (in `before`)
 * and stop it in `after`; the Node running the tests (22, via npm) runs it.
 */
export async function startAzurite(): Promise<Azurite> {
    const [blobPort, queuePort, tablePort] = [await freePort(), await freePort(), await freePort()];
    const entry = path.join(path.dirname(require.resolve("azurite/package.json")), "dist", "src", "azurite.js");
    const child = spawn(process.execPath, [
        entry, "--silent", "--inMemoryPersistence", "--disableTelemetry", "--skipApiVersionCheck",
        "--blobHost", "127.0.0.1", "--blobPort", String(blobPort),
        "--queueHost", "127.0.0.1", "--queuePort", String(queuePort),
        "--tableHost", "127.0.0.1", "--tablePort", String(tablePort),
    ], { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr?.on("data", (chunk: Buffer) => { stderr = (stderr + chunk.toString()).slice(-4000); });
    const exited = new Promise<never>((_, reject) => child.once("exit", (code) =>
        reject(new Error(`azurite exited with code ${code} before listening:\n${stderr}`))));
    await Promise.race([Promise.all([waitForPort(queuePort, 15_000), waitForPort(tablePort, 15_000)]), exited]);
    exited.catch(() => undefined);
    return {
        connectionString: [
            "DefaultEndpointsProtocol=http",
            `AccountName=${ACCOUNT}`,
            `AccountKey=${ACCOUNT_KEY}`,
            `QueueEndpoint=http://127.0.0.1:${queuePort}/${ACCOUNT}`,
            `TableEndpoint=http://127.0.0.1:${tablePort}/${ACCOUNT}`,
        ].join(";") + ";",
        stop: () => stopChild(child),
    };
}

function stopChild(child: ChildProcess): Promise<void> {
    if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
    });
}
