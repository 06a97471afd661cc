import * as assert from "node:assert/strict";
import { Grant, policyDocument, tableItemGrant } from "../../components/aws/grants";

const TABLE = "arn:aws:dynamodb:eu-west-1:123456789012:table/customers";

describe("grants -> role policy document", () => {
    it("turns a table grant into exactly the listed dynamodb item actions on that table", () => {
        assert.deepEqual(tableItemGrant("ReadCustomers", TABLE, ["GetItem", "PutItem"]),
            { sid: "ReadCustomers", actions: ["dynamodb:GetItem", "dynamodb:PutItem"], resources: [TABLE] });
    });

    const rejected: [string, Grant[], string][] = [
        ["a wildcard action", [{ sid: "All", actions: ["dynamodb:*"], resources: [TABLE] }],
            'grant All uses wildcard action "dynamodb:*"; list the exact actions'],
        ["`*` for an action that has resource-level permissions", [{ sid: "Any", actions: ["dynamodb:GetItem", "xray:PutTraceSegments"], resources: ["*"] }],
            'grant Any gives dynamodb:GetItem on "*"; name the resource ARNs instead'],
        ["two grants with one sid", [{ sid: "Same", actions: ["sns:Publish"], resources: ["arn:aws:sns:eu-west-1:1:a"] },
            { sid: "Same", actions: ["sqs:SendMessage"], resources: ["arn:aws:sqs:eu-west-1:1:q"] }],
            'two grants use sid "Same"; give each statement its own sid'],
        ["a sid IAM does not accept", [{ sid: "read-table", actions: ["dynamodb:GetItem"], resources: [TABLE] }],
            'grant sid "read-table" must contain only letters and digits (IAM statement ids)'],
    ];
    for (const [what, grants, message] of rejected) {
        it(`refuses ${what} with a message saying what to change`, () => {
            assert.throws(() => policyDocument(grants), { message });
        });
    }
});
