/**
 * Canned answers for aws data-source invokes during an offline plan, by invoke token. Invokes run
 * for real during `pulumi preview`; offline there is no cloud, so each answer here is a
 * well-formed stand-in (documented ids, no real account). Keep them few: prefer config over lookups.
 */
export const awsInvokes: Record<string, (args: Record<string, unknown>) => Record<string, unknown>> = {
    // The deployment account when `landing-zone:aws.accountId` is not set (AWS documentation's example id).
    "aws:index/getCallerIdentity:getCallerIdentity": () => ({
        id: "123456789012",
        accountId: "123456789012",
        arn: "arn:aws:iam::123456789012:role/landing-zone-deployer",
        userId: "AROAEXAMPLEID:landing-zone",
    }),
};
