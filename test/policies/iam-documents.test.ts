import * as assert from "node:assert/strict";
import { actionMatches } from "../../policies/lib/iam-documents";

describe("IAM action patterns", () => {
    it("match IAM wildcards case-insensitively and treat every other character literally", () => {
        assert.equal(actionMatches("s3:Get*", "s3:GetObject"), true);
        assert.equal(actionMatches("s3:Get*", "S3:GETOBJECTACL"), true);
        assert.equal(actionMatches("s3:Get*", "s3:PutObject"), false);
        assert.equal(actionMatches("sqs:?eleteMessage", "sqs:DeleteMessage"), true);
        assert.equal(actionMatches("sqs:?eleteMessage", "sqs:DDeleteMessage"), false);
        assert.equal(actionMatches("*", "anything:At-All"), true);
        assert.equal(actionMatches("a.b(c)+[d]", "a.b(c)+[d]"), true);
        assert.equal(actionMatches("a.b", "axb"), false);
        assert.equal(actionMatches("logs:Put", "logs:PutLogEvents"), false, "the whole action must match");
    });

    it("give the same answers for a pattern seen before, past the number of patterns kept compiled", () => {
        const patterns = Array.from({ length: 5000 }, (_, i) => `svc${i}:Get*`);
        for (const pattern of patterns) assert.equal(actionMatches(pattern, pattern.replace("*", "Item")), true);
        for (const pattern of patterns) {
            assert.equal(actionMatches(pattern, pattern.replace("*", "Item")), true);
            assert.equal(actionMatches(pattern, pattern.replace("Get*", "PutItem")), false);
        }
    });
});
