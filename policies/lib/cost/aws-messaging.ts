import { charge, chunks, lineItem } from "./charges";
import { ResourceIndex, TYPES } from "./links";
import { PRICES } from "./price-book";
import { readTraffic, stringAt } from "./read";
import { CostItem, CostResource } from "./types";

/** Messages (or requests) per month flowing into a resource, and their size. */
interface Flow {
    messages: number;
    payloadKb: number;
    notes: string[];
}

const NO_FLOW: Flow = { messages: 0, payloadKb: 0, notes: [] };

function sumFlows(flows: Flow[]): Flow {
    return {
        messages: flows.reduce((sum, f) => sum + f.messages, 0),
        payloadKb: Math.max(0, ...flows.map((f) => f.payloadKb)),
        notes: flows.flatMap((f) => f.notes),
    };
}

/** The traffic a function declares, as a flow. */
function functionFlow(fn: CostResource): Flow {
    const { traffic, note } = readTraffic(fn.properties.tags);
    return traffic ? { messages: traffic.requestsPerMonth, payloadKb: traffic.payloadKb, notes: [] }
        : { ...NO_FLOW, notes: [`${fn.name}: ${note}`] };
}

/** Functions reached through `property` of each link, or a note when a link leads nowhere known (preview). */
function flowThrough(links: CostResource[], property: string, index: ResourceIndex): Flow {
    return sumFlows(links.map((link) => {
        const functions = index.functionTargets(link, property);
        if (functions.length === 0) return { ...NO_FLOW, notes: [`the function behind ${link.name} cannot be determined`] };
        return sumFlows(functions.map(functionFlow));
    }));
}

/** Messages a queue receives: one per invocation of the functions its event source mappings feed (batch of 1, an upper bound). */
function queueFlow(queue: CostResource, index: ResourceIndex): Flow {
    const mappings = index.referrers(TYPES.eventSourceMapping, "eventSourceArn", queue);
    return flowThrough(mappings, "functionName", index);
}

/** The fields of an AWS line item, with each note once (several links can fail the same way). */
function awsItemFields(fields: Omit<CostItem, "monthlyUsd" | "charges" | "notes" | "cloud">, notes: string[]) {
    return { ...fields, cloud: "aws" as const, notes: [...new Set(notes)] };
}

/** HTTP API: one request per invocation of the integrated functions, metered per 512 KB. */
export function httpApiItem(api: CostResource, index: ResourceIndex): CostItem | undefined {
    if (stringAt(api.properties, "protocolType") !== "HTTP") return undefined;
    const prices = PRICES.aws.httpApi;
    const integrations = index.referrers(TYPES.httpApiIntegration, "apiId", api);
    const flow = flowThrough(integrations, "integrationUri", index);
    return lineItem(awsItemFields({ urn: api.urn, name: api.name, type: api.type, service: "HTTP API" }, flow.notes), [
        charge("requests", flow.messages * chunks(flow.payloadKb, prices.meteringKb), "requests", prices.requestsPerMillion / 1e6),
    ]);
}

/** SQS: send, receive and delete per message, each billed per 64 KB chunk. */
export function queueItem(queue: CostResource, index: ResourceIndex): CostItem | undefined {
    const prices = PRICES.aws.sqs;
    const flow = queueFlow(queue, index);
    const requests = flow.messages * prices.requestsPerMessage * chunks(flow.payloadKb, prices.chunkKb);
    return lineItem(awsItemFields({ urn: queue.urn, name: queue.name, type: queue.type, service: "SQS" }, flow.notes), [
        charge("requests (send, receive, delete)", requests, "requests", prices.requestsPerMillion / 1e6),
    ]);
}

/** SNS: one publish per message the busiest subscriber receives (deliveries to SQS and Lambda are free). */
export function topicItem(topic: CostResource, index: ResourceIndex): CostItem | undefined {
    const prices = PRICES.aws.sns;
    const subscriptions = index.referrers(TYPES.topicSubscription, "topic", topic);
    const flows = subscriptions.map((subscription) => {
        const endpoint = index.targets(subscription, "endpoint")[0];
        if (endpoint?.type === TYPES.queue) return queueFlow(endpoint, index);
        if (endpoint?.type === TYPES.lambdaFunction || endpoint?.type === TYPES.lambdaAlias) return flowThrough([subscription], "endpoint", index);
        return NO_FLOW; // email, HTTP: no declared traffic
    });
    const busiest = flows.reduce((max, f) => (f.messages > max.messages ? f : max), NO_FLOW);
    return lineItem(awsItemFields({ urn: topic.urn, name: topic.name, type: topic.type, service: "SNS" }, flows.flatMap((f) => f.notes)), [
        charge("publishes", busiest.messages * chunks(busiest.payloadKb, prices.chunkKb), "requests", prices.publishesPerMillion / 1e6),
    ]);
}

/** Every state of an Amazon States Language definition, nested Parallel branches and Map iterators included. */
function countStates(definition: unknown): number {
    const states = (definition as { States?: Record<string, unknown> } | null)?.States;
    if (!states || typeof states !== "object") return 0;
    return Object.values(states).reduce<number>((sum, state) => {
        const s = state as { Branches?: unknown[]; Iterator?: unknown; ItemProcessor?: unknown };
        const nested = (s.Branches ?? []).map(countStates).reduce((a, b) => a + b, 0)
            + countStates(s.Iterator) + countStates(s.ItemProcessor);
        return sum + 1 + nested;
    }, 0);
}

function parseDefinition(text: string | undefined): unknown {
    if (text === undefined) return undefined;
    try {
        return JSON.parse(text);
    } catch {
        return undefined;
    }
}

/**
 * Step Functions Standard: executions = invocations of the busiest task function; transitions per
 * execution = states in the definition (every state entered once: the happy path plus compensation is
 * about that).
 */
export function stateMachineItem(machine: CostResource, index: ResourceIndex): CostItem | undefined {
    const fields = { urn: machine.urn, name: machine.name, type: machine.type, service: "Step Functions" };
    if (stringAt(machine.properties, "type") === "EXPRESS") {
        return lineItem(awsItemFields(fields, ["Express workflows (per request and duration) are not estimated"]), []);
    }
    const states = countStates(parseDefinition(stringAt(machine.properties, "definition")));
    const tasks = index.functionTargets(machine, "definition").map(functionFlow);
    const executions = Math.max(0, ...tasks.map((f) => f.messages));
    const notes = states === 0 ? ["the definition is unknown (preview): transitions not estimated"] : tasks.flatMap((f) => f.notes);
    return lineItem(awsItemFields(fields, notes), [
        charge(`state transitions (${states} states x ${executions} executions)`, states * executions, "transitions",
            PRICES.aws.stepFunctions.standardTransitionsPerThousand / 1000),
    ]);
}
