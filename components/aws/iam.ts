import * as pulumi from "@pulumi/pulumi";

/** The ARN of role `name` in an account (the role need not exist yet). */
export function roleArn(partition: string, accountId: pulumi.Input<string>, name: string): pulumi.Output<string> {
    return pulumi.interpolate`arn:${partition}:iam::${accountId}:role/${name}`;
}

/**
 * The trust policy of a role an AWS service assumes. With `sourceAccount`, only on behalf of that
 * account (the confused-deputy guard AWS recommends for service principals that support it).
 */
export function serviceTrustPolicy(service: string, sourceAccount?: pulumi.Input<string>): pulumi.Output<string> {
    return pulumi.jsonStringify({
        Version: "2012-10-17",
        Statement: [{
            Effect: "Allow",
            Principal: { Service: service },
            Action: "sts:AssumeRole",
            ...(sourceAccount === undefined ? {} : { Condition: { StringEquals: { "aws:SourceAccount": sourceAccount } } }),
        }],
    });
}
