import { ChildProcess, spawn } from "node:child_process";
import { freePort, waitForPort } from "../net/free-port";

/**
 * One moto server (the AWS API emulator) per test process, started on first use on a free
 * 127.0.0.1 port and stopped by the root hook when mocha finishes. On a developer machine moto
 * comes from `pip install "moto[server]"`. A developer tool: the tests and the benchmark both use it.
 */
let server: { process: ChildProcess; endpoint: string } | undefined;
let starting: Promise<string> | undefined;

export const MOTO_REGION = "eu-west-1";
export const MOTO_ACCOUNT_ID = "123456789012";

/** Endpoint URL of the shared moto server, starting it if needed. Also sets fake AWS credentials. */
export function motoEndpoint(): Promise<string> {
    starting ??= start();
    return starting;
}

async function start(): Promise<string> {
    process.env.AWS_ACCESS_KEY_ID = "testing";
    process.env.AWS_SECRET_ACCESS_KEY = "testing";
    process.env.AWS_REGION = MOTO_REGION;
    process.env.AWS_DEFAULT_REGION = MOTO_REGION;
    const port = await freePort();
    const child = spawn("python3", ["-m", "moto.server", "-H", "127.0.0.1", "-p", String(port)], {
        stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr?.on("data", (chunk: Buffer) => { stderr = (stderr + chunk.toString()).slice(-4000); });
    const exited = new Promise<never>((_, reject) => child.once("exit", (code) =>
        reject(new Error(`moto server exited with code ${code}. Install it with: pip install "moto[server]"\n${stderr}`))));
    await Promise.race([waitForPort(port, 30_000), exited]);
    const endpoint = `http://127.0.0.1:${port}`;
    server = { process: child, endpoint };
    return endpoint;
}

/** Stops the shared moto server if one was started. Called from the mocha root hook and by the benchmark when it ends. */
export async function stopMoto(): Promise<void> {
    if (!server) return;
    const { process: child } = server;
    server = undefined;
    starting = undefined;
    await new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
    });
}

/** Wipes every resource in the moto server so a test starts from a clean account. */
export async function resetMoto(): Promise<void> {
    const endpoint = await motoEndpoint();
    const response = await fetch(`${endpoint}/moto-api/reset`, { method: "POST" });
    if (!response.ok) throw new Error(`moto reset failed with HTTP ${response.status}`);
}
