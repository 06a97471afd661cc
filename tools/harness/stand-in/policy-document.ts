/**
 * `aws.iam.getPolicyDocument` as the provider renders it from its arguments: statements (sid, effect,
 * actions, notActions, resources, notResources, principals, notPrincipals, conditions), version, policyId,
 * sourcePolicyDocuments merged first and overridePolicyDocuments last, statements with the same Sid
 * replacing earlier ones. Like the provider, a one-element list renders as a string, longer lists in
 * reverse lexical order, and principals of one type merge.
 */
interface Statement {
    sid?: string;
    effect?: string;
    actions?: string[];
    notActions?: string[];
    resources?: string[];
    notResources?: string[];
    principals?: Principal[];
    notPrincipals?: Principal[];
    conditions?: { test: string; variable: string; values: string[] }[];
}
interface Principal { type: string; identifiers: string[] }

type Rendered = Record<string, unknown>;

export function renderPolicyDocument(args: Record<string, unknown>): { json: string; minifiedJson: string } {
    const statements: Rendered[] = [];
    const put = (statement: Rendered) => {
        const index = typeof statement.Sid === "string" && statement.Sid !== ""
            ? statements.findIndex((s) => s.Sid === statement.Sid) : -1;
        if (index >= 0) statements[index] = statement;
        else statements.push(statement);
    };
    for (const source of documents(args.sourcePolicyDocuments, "sourcePolicyDocuments")) source.forEach(put);
    for (const statement of (args.statements as Statement[] | undefined) ?? []) put(renderStatement(statement));
    for (const override of documents(args.overridePolicyDocuments, "overridePolicyDocuments")) override.forEach(put);
    const document: Rendered = {
        Version: typeof args.version === "string" ? args.version : "2012-10-17",
        ...(typeof args.policyId === "string" ? { Id: args.policyId } : {}),
        Statement: statements,
    };
    return { json: JSON.stringify(document, null, 2), minifiedJson: JSON.stringify(document) };
}

function renderStatement(s: Statement): Rendered {
    return {
        ...(s.sid ? { Sid: s.sid } : {}),
        Effect: s.effect ?? "Allow",
        ...list("Action", s.actions),
        ...list("NotAction", s.notActions),
        ...list("Resource", s.resources),
        ...list("NotResource", s.notResources),
        ...principals("Principal", s.principals),
        ...principals("NotPrincipal", s.notPrincipals),
        ...conditions(s.conditions),
    };
}

function stringList(values: string[]): string | string[] {
    return values.length === 1 ? values[0] : [...values].sort().reverse();
}

function list(key: string, values: string[] | undefined): Rendered {
    return values && values.length > 0 ? { [key]: stringList(values) } : {};
}

function principals(key: string, entries: Principal[] | undefined): Rendered {
    if (!entries || entries.length === 0) return {};
    // `type = "*"` with identifier "*" is the anonymous principal, rendered as the bare string.
    if (entries.length === 1 && entries[0].type === "*" && entries[0].identifiers.length === 1 && entries[0].identifiers[0] === "*") {
        return { [key]: "*" };
    }
    const byType = new Map<string, string[]>();
    for (const p of entries) byType.set(p.type, [...(byType.get(p.type) ?? []), ...p.identifiers]);
    return { [key]: Object.fromEntries([...byType].map(([type, ids]) => [type, stringList(ids)])) };
}

function conditions(entries: Statement["conditions"]): Rendered {
    if (!entries || entries.length === 0) return {};
    const byTest: Record<string, Record<string, string | string[]>> = {};
    for (const c of entries) byTest[c.test] = { ...byTest[c.test], [c.variable]: stringList(c.values) };
    return { Condition: byTest };
}

/** The statements of each JSON policy document given as a source or override; text that is not JSON fails as the provider fails. */
function documents(value: unknown, argument: string): Rendered[][] {
    if (!Array.isArray(value)) return [];
    return value.filter((v): v is string => typeof v === "string").map((text, index) => {
        let parsed: { Statement?: Rendered | Rendered[] };
        try {
            parsed = JSON.parse(text) as typeof parsed;
        } catch {
            throw new Error(`aws.iam.getPolicyDocument: ${argument}[${index}] is not a JSON policy document: ${text.slice(0, 80)}`);
        }
        return Array.isArray(parsed.Statement) ? parsed.Statement : parsed.Statement ? [parsed.Statement] : [];
    });
}
