import { strict as assert } from "node:assert";
import { plainValue, runStackConfig } from "../../harness";
import { sample, standalone, standaloneConfig, variant } from "./helpers";

const ACCOUNT = "aws:organizations/account:Account";
const OU = "aws:organizations/organizationalUnit:OrganizationalUnit";

describe("aws/hierarchy.ts", () => {
    it("create: an OU for the environment under hierarchy.parentId and an account per domain", async () => {
        const rec = await sample("platform-aws-prod");
        const ou = rec.one(OU);
        assert.equal(rec.inputs(ou).parentId, "r-ab12");
        assert.equal(rec.inputs(ou).name, "acme-prod");
        assert.equal(ou.protect, true);
        const accounts = rec.ofType(ACCOUNT);
        assert.deepEqual(accounts.map((a) => a.name).sort(), ["hierarchy-account-orders", "hierarchy-account-payments"]);
        for (const account of accounts) {
            const inputs = rec.inputs(account);
            assert.equal(inputs.closeOnDeletion, false, "deleting the stack would close the account");
            assert.equal(inputs.roleName, "OrganizationAccountAccessRole");
            assert.equal(inputs.iamUserAccessToBilling, "DENY");
            assert.match(inputs.email, /^aws\+acme-(orders|payments)-prod@acme\.example$/);
            assert.equal(account.protect, true);
            assert.ok(account.dependencies.includes(ou.urn), "account is not placed in the environment OU");
        }
    });

    it("create: exports the role ARN each domain stack assumes, in its own account", async () => {
        const outputs = plainValue((await standalone("platform-aws-prod", false)).outputs) as any;
        assert.equal(outputs.extras.domainRoleArns.orders, "arn:aws:iam::hierarchy-account-orders-id:role/OrganizationAccountAccessRole");
        assert.equal(outputs.hierarchy.domainScopes.payments, "hierarchy-account-payments-id");
        assert.equal(outputs.hierarchy.environmentId, "hierarchy-ou-id");
        assert.equal(outputs.hierarchy.mode, "create");
    });

    it("skip: no Organizations resources, every domain in the platform account, no role to assume", async () => {
        const rec = await sample("platform-aws-dev");
        assert.equal(rec.ofType(ACCOUNT).length + rec.ofType(OU).length, 0);
        const outputs = plainValue((await standalone("platform-aws-dev")).outputs) as any;
        assert.equal(outputs.hierarchy.mode, "skip");
        assert.deepEqual(outputs.hierarchy.domainScopes, { orders: "222222222222" });
        assert.deepEqual(outputs.extras.domainRoleArns, {});
    });

    it("existing: uses hierarchy.existingIds and creates nothing", async () => {
        const config = {
            ...standaloneConfig("platform-aws-prod"),
            hierarchy: { mode: "existing", existingIds: { environment: "ou-ab12-cd34ef56", orders: "222222222222" } },
            domains: { orders: {} },
        };
        const result = await runStackConfig("platform-aws-prod", config as never);
        const outputs = plainValue(result.outputs) as any;
        assert.equal(result.resources.filter((r) => r.type.startsWith("aws:organizations")).length, 0);
        assert.equal(outputs.hierarchy.environmentId, "ou-ab12-cd34ef56");
        assert.equal(outputs.hierarchy.domainScopes.orders, "222222222222");
        assert.equal(outputs.extras.domainRoleArns.orders, "arn:aws:iam::222222222222:role/OrganizationAccountAccessRole");
    });

    it("accounts are protected in every environment that creates them", async () => {
        const rec = await variant("platform-aws-dev", {
            hierarchy: { mode: "create", parentId: "r-ab12", emailDomain: "acme.example" }, domains: { orders: {} },
        });
        assert.equal(rec.one(ACCOUNT).protect, true);
        assert.equal(rec.one(OU).protect, false);
    });
});
