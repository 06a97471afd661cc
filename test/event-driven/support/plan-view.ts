import { ProgramRun, RecordedResource } from "../../../tools/harness";
import { resource } from "../../support/stack";

/** One IAM statement as the program wrote it. */
export interface Statement {
    Sid?: string;
    Effect: string;
    Action: string | string[];
    Resource: string | string[];
    Principal?: Record<string, string>;
    Condition?: Record<string, Record<string, string>>;
}

/** The statements of a resource's JSON policy input (`policy` of a RolePolicy or QueuePolicy). */
export function statementsOf(r: RecordedResource): Statement[] {
    return (JSON.parse(String(r.inputs.policy)) as { Statement: Statement[] }).Statement;
}

/** A JSON-string input (redrive policy, filter policy, definition) as a value. */
export function jsonInput(r: RecordedResource, key: string): unknown {
    return JSON.parse(String(r.inputs[key]));
}

/** Shorthands over one recorded stack. */
export function planView(run: ProgramRun) {
    const byName = (type: string, name: string) => resource(run, type, name);
    return {
        byName,
        queue: (name: string) => byName("aws:sqs/queue:Queue", name),
        fn: (name: string) => byName("aws:lambda/function:Function", `${name}-function`),
        aliasArn: (name: string) => String(byName("aws:lambda/alias:Alias", `${name}-live`).outputs.arn),
        rolePolicy: (name: string) => byName("aws:iam/rolePolicy:RolePolicy", name),
        alarms: () => run.resources.filter((r) => r.type === "aws:cloudwatch/metricAlarm:MetricAlarm"),
    };
}

export const arnOf = (r: RecordedResource) => String(r.outputs.arn);
