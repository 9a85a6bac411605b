import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { HierarchyOutputs, StackContext } from "../core/contracts";
import { childName } from "../core/naming";
import type { AwsOrganizationScope } from "./organization-scope";
import { accessRoleArn, ORGANIZATION_ACCESS_ROLE, type AwsAccount } from "./provider";

/** The role AWS Organizations creates in every new member account (the one a domain stack assumes). */
/** The role Organizations creates in a new member account (the platform assumes it there). */
export const MEMBER_ACCESS_ROLE = ORGANIZATION_ACCESS_ROLE;

export interface AwsHierarchyArgs {
    ctx: StackContext;
    account: AwsAccount;
    /** The organization stack's view of this environment: the platform then owns no OU or account. */
    organization?: AwsOrganizationScope;
}

export interface AwsHierarchyResult {
    environmentUnit?: aws.organizations.OrganizationalUnit;
    accounts: Record<string, aws.organizations.Account>;
    /** Role ARN a domain stack assumes in its account, by domain (none when mode is skip). */
    domainRoleArns: Record<string, pulumi.Output<string>>;
    outputs: HierarchyOutputs;
}

/** The e-mail of a new member account: `aws+<prefix>-<domain>-<env>@<emailDomain>`. */
export function accountEmail(ctx: StackContext, domain: string): string {
    return `aws+${ctx.config.prefix}-${domain}-${ctx.config.environment}@${ctx.config.hierarchy.emailDomain ?? ""}`;
}

/**
 * AWS Organizations. With an organization stack (`organizationStack`) nothing is created here: the
 * OU and the accounts are the organization's, read from its outputs. Otherwise `create` = an OU for the environment under `hierarchy.parentId` and a member
 * account per domain (protected, never closed by a delete); `existing` = the ids in
 * `hierarchy.existingIds` (`environment`, `platform`, one per domain); `skip` = everything in the
 * platform account.
 */
export function createHierarchy(name: string, parent: pulumi.Resource, args: AwsHierarchyArgs): AwsHierarchyResult {
    const { ctx, account } = args;
    const h = ctx.config.hierarchy;
    const roleArn = (accountId: pulumi.Input<string>) => accessRoleArn(account.partition, accountId);
    const platformScope = account.accountId;
    const rootId = pulumi.output(h.parentId ?? account.accountId);

    if (args.organization) {
        // organization-aws owns the OUs and accounts: the platform reads where each one is.
        const org = args.organization;
        return {
            accounts: {},
            domainRoleArns: {},
            outputs: {
                mode: "existing",
                rootId: org.rootId,
                environmentId: org.environmentUnitId,
                platformScope,
                domainScopes: Object.fromEntries(Object.keys(ctx.config.domains).map((d) => [d, org.domainAccountId(d)])),
            },
        };
    }
    if (h.mode === "skip") {
        return {
            accounts: {},
            domainRoleArns: {},
            outputs: {
                mode: "skip", rootId, environmentId: rootId, platformScope,
                domainScopes: Object.fromEntries(Object.keys(ctx.config.domains).map((d) => [d, platformScope])),
            },
        };
    }

    if (h.mode === "existing") {
        const ids = h.existingIds ?? {};
        const domainScopes = Object.fromEntries(Object.keys(ctx.config.domains).map((d) => [d, pulumi.output(ids[d] ?? ids.platform ?? "")]));
        return {
            accounts: {},
            domainRoleArns: Object.fromEntries(Object.keys(ctx.config.domains).filter((d) => ids[d]).map((d) => [d, roleArn(ids[d])])),
            outputs: {
                mode: "existing",
                rootId,
                environmentId: pulumi.output(ids.environment ?? h.parentId ?? ""),
                platformScope: ids.platform ? pulumi.output(ids.platform) : platformScope,
                domainScopes,
            },
        };
    }

    const environmentUnit = new aws.organizations.OrganizationalUnit(childName(name, "ou"), {
        name: ctx.naming.physical("aws.generic"),
        parentId: h.parentId ?? "",
    }, { parent, protect: ctx.config.protectStateful });
    const accounts: Record<string, aws.organizations.Account> = {};
    for (const domain of Object.keys(ctx.config.domains)) {
        accounts[domain] = new aws.organizations.Account(childName(name, "account", domain), {
            name: ctx.naming.physical("aws.generic", domain),
            email: accountEmail(ctx, domain),
            parentId: environmentUnit.id,
            roleName: MEMBER_ACCESS_ROLE,
            iamUserAccessToBilling: "DENY",
            closeOnDeletion: false,
        }, {
            parent,
            // An account is never deleted by a stack operation, in any environment.
            protect: true,
            // Organizations does not return these after creation (the provider's advice).
            ignoreChanges: ["roleName", "iamUserAccessToBilling"],
        });
    }
    return {
        environmentUnit,
        accounts,
        domainRoleArns: Object.fromEntries(Object.keys(ctx.config.domains).map((d) => [d, roleArn(accounts[d].id)])),
        outputs: {
            mode: "create",
            rootId,
            environmentId: environmentUnit.id,
            platformScope,
            domainScopes: Object.fromEntries(Object.keys(ctx.config.domains).map((d) => [d, accounts[d].id])),
        },
    };
}

/** The Organizations hierarchy (`landing-zone:aws:Hierarchy`). */
export class AwsHierarchy extends pulumi.ComponentResource {
    readonly result: AwsHierarchyResult;

    constructor(name: string, args: AwsHierarchyArgs, opts?: pulumi.ComponentResourceOptions) {
        super("landing-zone:aws:Hierarchy", name, {}, opts);
        this.result = createHierarchy(name, this, args);
        this.registerOutputs({ ...this.result.outputs, domainRoleArns: this.result.domainRoleArns });
    }
}
