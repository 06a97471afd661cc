import { parse } from "@aws-lambda-powertools/parser";
import type * as z from "../../contracts/schemas/zod";
import { problemsFrom } from "../../contracts/schemas/bounds";

/**
 * Parses a direct invocation's payload (Step Functions task, SDK invoke: no envelope) with the Powertools
 * parser; a payload that does not match throws the given error, naming every bad field and what it accepts.
 */
export function parseInput<T extends z.core.$ZodType>(schema: T, input: unknown, fail: (message: string) => Error): z.output<T> {
    const result = parse(input, undefined, schema, true);
    if (result.success) return result.data as z.output<T>;
    const problems = problemsFrom(result.error.cause as readonly z.core.$ZodIssue[]);
    throw fail(problems.map((problem) => `${problem.field} ${problem.message}`).join("; "));
}
