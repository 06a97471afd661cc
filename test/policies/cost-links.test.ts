import * as assert from "node:assert/strict";
import * as fc from "fast-check";
import { ResourceIndex, TYPES } from "../../policies/lib/cost/links";
import { CostResource } from "../../policies/lib/cost";

const urnOf = (type: string, name: string) => `urn:pulumi:test::p::${type}::${name}`;
const queueArn = (i: number) => `arn:aws:sqs:eu-west-1:123456789012:q${i}`;
const functionArn = (i: number) => `arn:aws:lambda:eu-west-1:123456789012:function:f${i}`;

/** A stack of queues, functions, aliases, mappings and provisioned concurrency configs linked at random, by value or by edges. */
const stacks = fc.record({
    queues: fc.integer({ min: 0, max: 4 }),
    functions: fc.integer({ min: 1, max: 4 }),
    mappings: fc.array(fc.record({ queue: fc.nat(5), fn: fc.nat(5), byEdges: fc.boolean(), twice: fc.boolean(), alias: fc.boolean() }), { maxLength: 8 }),
    configs: fc.array(fc.record({ fn: fc.nat(5), alias: fc.boolean(), byName: fc.boolean() }), { maxLength: 5 }),
}).map(({ queues, functions, mappings, configs }): CostResource[] => {
    const resources: CostResource[] = [];
    for (let i = 0; i < queues; i++) resources.push({ urn: urnOf(TYPES.queue, `q${i}`), type: TYPES.queue, name: `q${i}`, properties: { arn: queueArn(i) } });
    for (let i = 0; i < functions; i++) {
        resources.push({ urn: urnOf(TYPES.lambdaFunction, `f${i}`), type: TYPES.lambdaFunction, name: `f${i}`, properties: { name: `f${i}`, arn: functionArn(i) } });
        resources.push({ urn: urnOf(TYPES.lambdaAlias, `f${i}-live`), type: TYPES.lambdaAlias, name: `f${i}-live`,
            properties: { arn: `${functionArn(i)}:live`, functionName: `f${i}` } });
    }
    mappings.forEach((m, i) => {
        const source = urnOf(TYPES.queue, `q${m.queue}`);
        resources.push({ urn: urnOf(TYPES.eventSourceMapping, `m${i}`), type: TYPES.eventSourceMapping, name: `m${i}`,
            properties: { eventSourceArn: queueArn(m.queue), functionName: m.alias ? `${functionArn(m.fn)}:live` : functionArn(m.fn) },
            propertyDependencies: m.byEdges ? { eventSourceArn: m.twice ? [source, source] : [source] } : undefined });
    });
    configs.forEach((c, i) => resources.push({ urn: urnOf(TYPES.provisionedConcurrency, `c${i}`), type: TYPES.provisionedConcurrency, name: `c${i}`,
        properties: { functionName: c.byName ? `f${c.fn}` : c.alias ? `${functionArn(c.fn)}:live` : functionArn(c.fn) } }));
    return resources;
});

describe("cost model links: who refers to a resource", () => {
    it("are the resources of the type whose property leads to it, in stack order, each once", () => {
        fc.assert(fc.property(stacks, (resources) => {
            const index = new ResourceIndex(resources);
            for (const target of resources) {
                assert.deepEqual(index.referrers(TYPES.eventSourceMapping, "eventSourceArn", target),
                    index.ofType(TYPES.eventSourceMapping).filter((m) => index.targets(m, "eventSourceArn").includes(target)));
                assert.deepEqual(index.functionReferrers(TYPES.provisionedConcurrency, "functionName", target),
                    index.ofType(TYPES.provisionedConcurrency).filter((c) => index.functionTargets(c, "functionName").includes(target)));
                assert.deepEqual(index.functionReferrers(TYPES.eventSourceMapping, "functionName", target),
                    index.ofType(TYPES.eventSourceMapping).filter((m) => index.functionTargets(m, "functionName").includes(target)));
            }
        }));
    });
});
