import * as pulumi from "@pulumi/pulumi";
import { Naming } from "../core/naming";
import { rolesOfAccount } from "./iam";

/*
 * Who pulls a domain's images when the domain runs in its own account. The pods run on the
 * platform account's EKS nodes, and the kubelet pulls with the node role's credentials: the node
 * role's identity policy (AmazonEC2ContainerRegistryPullOnly, any repository) is one half of a
 * cross-account pull, the domain repository's policy the other. The node role's name follows from
 * prefix and environment alone (the platform's naming, without a domain), so the domain names it
 * without reading a platform output:
 *   <prefix>-<env>-eks-node   in the platform account
 * The repository is KMS-encrypted with the domain key, but a puller needs no key permission: ECR
 * decrypts through the grants it created on the key with the repository as grantee principal (ECR
 * User Guide, Encryption at rest).
 */

/** ECR actions a pull makes (docker pull / kubelet: layer availability, manifest, layer URLs). */
export const PULL_ACTIONS = ["ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"] as const;

/** Name of the platform's EKS node role (`cluster.ts` creates it; `platformNaming` has no domain). */
export function nodeRoleName(platformNaming: Naming): string {
    return platformNaming.physical("aws.iamRole", "eks-node");
}

/** The platform's naming as a domain stack reconstructs it: the same prefix, environment and region, no domain. */
export function platformNamingOf(domainNaming: Naming): Naming {
    return new Naming(domainNaming.prefix, domainNaming.environment, domainNaming.region);
}

export interface ImagePullers {
    partition: string;
    /** The platform account (its EKS nodes pull the domain's images). */
    platformAccountId: pulumi.Input<string>;
    /** The platform's node role ARN (`nodeRoleName`), the only principal of that account admitted. */
    nodeRoleArn: pulumi.Input<string>;
    /**
     * The worker's function ARN when it runs an image of this repository: Lambda pulls as its
     * service principal, and a repository policy this stack manages would otherwise overwrite the
     * statement Lambda adds on its own when it creates the function.
     */
    lambdaFunctionArn?: pulumi.Input<string>;
}

/**
 * The domain repository's policy for a domain in its own account: the platform account as
 * principal (IAM accepts it whether or not the node role exists yet) limited to the node role by
 * `aws:PrincipalArn`, pull actions only; and, for an image worker, the Lambda service for this
 * function only (`aws:SourceArn`).
 */
export function imagePullPolicy(p: ImagePullers): pulumi.Output<string> {
    return pulumi.jsonStringify({
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "PlatformNodesPull",
                Effect: "Allow",
                ...rolesOfAccount(p.partition, p.platformAccountId, p.nodeRoleArn),
                Action: [...PULL_ACTIONS],
            },
            ...(p.lambdaFunctionArn ? [{
                Sid: "LambdaECRImageRetrievalPolicy",
                Effect: "Allow",
                Principal: { Service: "lambda.amazonaws.com" },
                Action: ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"],
                Condition: { StringLike: { "aws:SourceArn": [p.lambdaFunctionArn, pulumi.interpolate`${p.lambdaFunctionArn}:*`] } },
            }] : []),
        ],
    });
}
