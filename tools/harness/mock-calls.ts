import type { MockCloud } from "./mock-outputs";
import { invokeResults } from "./stand-in/invoke-results";

/** The result of a provider function (invoke) from the stand-in cloud's table (tools/harness/stand-in/). */
export function mockInvoke(token: string, inputs: Record<string, unknown>, cloud: MockCloud): Record<string, unknown> {
    const row = invokeResults[token];
    if (!row) throw new Error(`the offline plan has no stand-in for the provider function ${token}; add it to tools/harness/stand-in/invoke-results.ts`);
    return row(inputs, cloud);
}
