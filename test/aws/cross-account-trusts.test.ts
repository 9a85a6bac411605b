import { strict as assert } from "node:assert";
import { statementProblems } from "../../policies/aws/disallow-wildcard-iam-policies";
import { planSample, Recorded } from "../harness";

/*
 * The offline plan's organization account ids are placeholders (`organization-account-<role>-id`),
 * which the pack's account-principal check does not recognise as accounts. So this test puts real
 * 12-digit ids in their place, as on a real `pulumi up`, and runs the trust check of
 * disallow-wildcard-iam-policies on every role of the AWS stacks that cross accounts.
 */
function withRealAccountIds(text: string, ids: Map<string, string>): string {
    return text.replace(/organization-account-[a-z0-9-]+?-id/g, (placeholder) => {
        if (!ids.has(placeholder)) ids.set(placeholder, String(100000000000 + ids.size * 111111));
        return ids.get(placeholder)!;
    });
}

describe("cross-account trusts of the AWS stacks, with real account ids", () => {
    it("every role trust passes disallow-wildcard-iam-policies (an account principal is always narrowed to named roles)", async () => {
        const ids = new Map<string, string>();
        let accountPrincipals = 0;
        for (const stack of ["organization-aws", "platform-aws-prod", "platform-aws-dev", "orders-aws-prod", "orders-aws-dev"]) {
            const rec = new Recorded((await planSample(stack, { preview: false })).resources);
            for (const role of rec.ofType("aws:iam/role:Role")) {
                const trust = rec.inputs(role).assumeRolePolicy;
                if (typeof trust !== "string") continue;
                const document = JSON.parse(withRealAccountIds(trust, ids)) as { Statement: Record<string, any>[] };
                for (const statement of document.Statement) {
                    if (/^arn:aws:iam::\d{12}:root$/.test(String(statement.Principal?.AWS))) accountPrincipals++;
                    assert.deepEqual(statementProblems(statement, true), [], `${stack} ${role.name}: ${JSON.stringify(statement)}`);
                }
            }
        }
        // Not vacuous: the cross-account roles (pipeline actions, targets, workload targets, ...) were checked.
        assert.ok(accountPrincipals >= 10, `${accountPrincipals} account-principal trusts checked`);
    });
});
