import type * as pulumi from "@pulumi/pulumi";

/**
 * What the AWS platform stack exports besides the cloud-neutral contracts, for AWS domain stacks
 * (`PlatformOutputs.extras`). The platform components fill it; the domain components read it.
 */
export interface AwsPlatformExtras {
    accountId: pulumi.Output<string>;
    vpcId: pulumi.Output<string>;
    vpcCidr: string;
    /** Security group of the EKS worker nodes (databases and caches admit only this group). */
    nodeSecurityGroupId: pulumi.Output<string>;
    /** IAM OIDC provider of the cluster (IRSA). */
    oidcProviderArn: pulumi.Output<string>;
    oidcProviderUrl: pulumi.Output<string>;
    /** S3 bucket receiving access logs and CloudTrail. */
    logArchiveBucket: pulumi.Output<string>;
    /** Role ARN a domain stack assumes in its own account, by domain (hierarchy `create`). */
    domainRoleArns: Record<string, pulumi.Output<string>>;
}
