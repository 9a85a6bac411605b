import { UNKNOWN, res } from "../helpers";
import type { ResourceCase, StackCase } from "./types";

const KEY = "arn:aws:kms:eu-west-1:111111111111:key/abc";
const tags = { "landing-zone": "acme", environment: "prod", domain: "orders", owner: "orders-team", "managed-by": "pulumi" };

export const awsResourceCases: ResourceCase[] = [
    {
        policy: "configure-rds-instances", type: "aws:rds/instance:Instance",
        inputs: {
            engine: "postgres", engineVersion: "17", iamDatabaseAuthenticationEnabled: true, autoMinorVersionUpgrade: true, monitoringInterval: 60, monitoringRoleArn: UNKNOWN,
            enabledCloudwatchLogsExports: ["postgresql", "upgrade"], performanceInsightsEnabled: true, performanceInsightsKmsKeyId: KEY, caCertIdentifier: "rds-ca-rsa2048-g1",
        },
        violations: [
            { set: { iamDatabaseAuthenticationEnabled: false }, expect: /IAM database authentication is off/ },
            { set: { iamDatabaseAuthenticationEnabled: undefined }, expect: /IAM database authentication is off/ },
            { set: { autoMinorVersionUpgrade: false }, expect: /minor version upgrades are off/ },
            { set: { monitoringInterval: 0 }, expect: /enhanced monitoring is off \(monitoringInterval 0\)/ },
            { set: { monitoringInterval: undefined }, expect: /monitoringInterval unset/ },
            { set: { enabledCloudwatchLogsExports: [] }, expect: /no logs are exported/ },
            { set: { enabledCloudwatchLogsExports: undefined }, expect: /no logs are exported/ },
            { set: { performanceInsightsEnabled: false }, expect: /Performance Insights is off/ },
            { set: { performanceInsightsKmsKeyId: undefined }, expect: /Performance Insights uses the AWS-managed key/ },
            { set: { caCertIdentifier: "rds-ca-2019" }, expect: /rds-ca-2019 is not a current CA/ },
            { set: { caCertIdentifier: undefined }, expect: /caCertIdentifier is unset/ },
            { set: { engineVersion: "13.6" }, expect: /13\.6 has the log_fdw/ },
            { set: { engineVersion: "12" }, expect: /12 has the log_fdw/ },
        ],
        unknown: [{ path: "performanceInsightsKmsKeyId", expect: "pass" }, { path: "iamDatabaseAuthenticationEnabled", expect: "deferred" }],
    },
    {
        policy: "disallow-public-resource-policies", type: "aws:s3/bucketPolicy:BucketPolicy",
        inputs: {
            policy: JSON.stringify({ Statement: [
                { Sid: "DenyInsecureTransport", Effect: "Deny", Principal: "*", Action: "s3:*", Resource: ["arn:aws:s3:::b", "arn:aws:s3:::b/*"], Condition: { Bool: { "aws:SecureTransport": "false" } } },
                { Sid: "Workload", Effect: "Allow", Principal: { AWS: "arn:aws:iam::111111111111:role/app" }, Action: ["s3:GetObject"], Resource: "arn:aws:s3:::b/*" },
            ] }),
        },
        violations: [
            { set: { policy: JSON.stringify({ Statement: [{ Sid: "Open", Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*" }] }) }, expect: /statement Open allows any principal without a condition/ },
            { set: { policy: JSON.stringify({ Statement: [{ Sid: "Open", Effect: "Allow", Principal: { AWS: ["*"] }, Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*" }] }) }, expect: /allows any principal/ },
            { set: { policy: JSON.stringify({ Statement: [{ Sid: "Lockout", Effect: "Deny", Principal: "*", Action: "s3:PutBucketPolicy", Resource: "arn:aws:s3:::b" }] }) }, expect: /denies everyone s3:PutBucketPolicy without a condition/ },
            { type: "aws:sqs/queuePolicy:QueuePolicy", set: { policy: JSON.stringify({ Statement: [{ Sid: "All", Effect: "Allow", Principal: { Service: "sns.amazonaws.com" }, Action: "sqs:*", Resource: "arn:aws:sqs:eu-west-1:111111111111:q" }] }) }, expect: /statement All allows all actions \(sqs:\*\)/ },
            { type: "aws:ecr/repositoryPolicy:RepositoryPolicy", set: { policy: JSON.stringify({ Statement: [{ Effect: "Allow", Principal: "*", Action: ["ecr:BatchGetImage"] }] }) }, expect: /statement \(no Sid\) allows any principal/ },
        ],
        unknown: [{ path: "policy", expect: "deferred" }],
    },
    {
        policy: "configure-cloudwatch-log-groups", type: "aws:cloudwatch/logGroup:LogGroup", inputs: { kmsKeyId: KEY, retentionInDays: 365 }, config: { minDays: 365 },
        violations: [
            { set: { kmsKeyId: undefined }, expect: /not encrypted with a KMS key/ },
            { set: { retentionInDays: undefined }, expect: /kept forever/ },
            { set: { retentionInDays: 0 }, expect: /kept forever/ },
            { set: { retentionInDays: 90 }, expect: /retentionInDays is 90, needs >= 365/ },
        ],
        unknown: [{ path: "kmsKeyId", expect: "pass" }, { path: "retentionInDays", expect: "deferred" }],
    },
    {
        policy: "configure-kms-key-policies", type: "aws:kms/key:Key",
        inputs: { policy: JSON.stringify({ Statement: [{ Sid: "Root", Effect: "Allow", Principal: { AWS: "arn:aws:iam::111111111111:root" }, Action: "kms:*", Resource: "*" }, { Sid: "Logs", Effect: "Allow", Principal: { Service: "logs.eu-west-1.amazonaws.com" }, Action: "kms:Encrypt*", Resource: "*" }] }) },
        violations: [
            { set: { isEnabled: false }, expect: /the key is disabled/ },
            { set: { policy: JSON.stringify({ Statement: [{ Sid: "Anyone", Effect: "Allow", Principal: "*", Action: "kms:Decrypt", Resource: "*" }] }) }, expect: /statement Anyone allows any principal/ },
            { set: { policy: JSON.stringify({ Statement: [{ Sid: "Anyone", Effect: "Allow", Principal: { AWS: "*" }, Action: "kms:Decrypt", Resource: "*" }] }) }, expect: /statement Anyone allows any principal/ },
        ],
        unknown: [{ path: "policy", expect: "deferred" }],
    },
    {
        policy: "configure-ec2-launch-templates", type: "aws:ec2/launchTemplate:LaunchTemplate",
        inputs: { metadataOptions: { httpEndpoint: "enabled", httpTokens: "required", httpPutResponseHopLimit: 1 }, userData: Buffer.from("#!/bin/bash\n/etc/eks/bootstrap.sh acme\n").toString("base64") },
        violations: [
            { set: { "metadataOptions.httpTokens": "optional" }, expect: /IMDSv1 is allowed/ },
            { set: { "metadataOptions.httpTokens": undefined }, expect: /IMDSv1 is allowed/ },
            { set: { "metadataOptions.httpPutResponseHopLimit": 2 }, expect: /httpPutResponseHopLimit is 2, needs 1/ },
            { set: { "metadataOptions.httpPutResponseHopLimit": undefined }, expect: /httpPutResponseHopLimit is unset/ },
            { set: { networkInterfaces: [{ associatePublicIpAddress: "true" }] }, expect: /associates a public IP/ },
            { set: { userData: Buffer.from("export AWS_ACCESS_KEY_ID=AKIAABCDEFGHIJKLMNOP\n").toString("base64") }, expect: /userData contains AWS credentials/ },
            { set: { userData: "aws_secret_access_key = abc" }, expect: /userData contains AWS credentials/ },
        ],
        unknown: [{ path: "metadataOptions", expect: "deferred" }],
    },
    {
        policy: "disallow-public-ip-on-launch", type: "aws:ec2/subnet:Subnet", inputs: { mapPublicIpOnLaunch: false },
        violations: [{ set: { mapPublicIpOnLaunch: true }, expect: /assigns public IPs on launch/ }],
        unknown: [{ path: "mapPublicIpOnLaunch", expect: "deferred" }],
    },
    {
        policy: "require-security-group-descriptions", type: "aws:ec2/securityGroup:SecurityGroup",
        inputs: { description: "PostgreSQL from the nodes", ingress: [{ description: "PostgreSQL", protocol: "tcp", fromPort: 5432, toPort: 5432 }], egress: [{ description: "HTTPS", protocol: "tcp", fromPort: 443, toPort: 443 }] },
        violations: [
            { set: { description: undefined }, expect: /the security group has no description/ },
            { set: { "ingress.0.description": undefined }, expect: /ingress rule 1 has no description/ },
            { set: { "egress.0.description": "" }, expect: /egress rule 1 has no description/ },
            { type: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", set: { description: undefined, ingress: undefined, egress: undefined }, expect: /the rule has no description/ },
        ],
        unknown: [{ path: "description", expect: "deferred" }],
    },
    {
        policy: "disallow-unrestricted-egress", type: "aws:ec2/securityGroup:SecurityGroup",
        inputs: { egress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] }, { protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["10.0.0.0/16"] }] },
        violations: [
            { set: { "egress.1.cidrBlocks": ["0.0.0.0/0"] }, expect: /all protocols and ports/ },
            { set: { egress: [{ protocol: "tcp", fromPort: 0, toPort: 65535, ipv6CidrBlocks: ["::/0"] }] }, expect: /all protocols and ports/ },
        ],
        unknown: [{ path: "egress.1.cidrBlocks", expect: "deferred" }],
    },
    {
        policy: "enable-codebuild-logging", type: "aws:codebuild/project:Project",
        inputs: { logsConfig: { cloudwatchLogs: { status: "ENABLED", groupName: "/aws/codebuild/x" }, s3Logs: { status: "DISABLED" } } },
        violations: [
            { set: { logsConfig: undefined }, expect: /build logs go nowhere/ },
            { set: { "logsConfig.cloudwatchLogs.status": "DISABLED" }, expect: /build logs go nowhere/ },
            { set: { "logsConfig.s3Logs": { status: "ENABLED", location: "b/logs", encryptionDisabled: true } }, expect: /S3 build logs are not encrypted/ },
        ],
        unknown: [{ path: "logsConfig", expect: "deferred" }],
    },
    {
        policy: "require-codepipeline-kms-encryption", type: "aws:codepipeline/pipeline:Pipeline", inputs: { artifactStores: [{ type: "S3", location: "b", encryptionKey: { id: KEY, type: "KMS" } }] },
        violations: [
            { set: { "artifactStores.0.encryptionKey": undefined }, expect: /artifact store 1 uses the AWS-managed key/ },
            { set: { artifactStores: [] }, expect: /no artifact store/ },
        ],
        unknown: [{ path: "artifactStores.0.encryptionKey.id", expect: "pass" }, { path: "artifactStores", expect: "deferred" }],
    },
    {
        policy: "configure-s3-lifecycle", type: "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
        inputs: { rules: [{ id: "expire", status: "Enabled", filter: {}, noncurrentVersionExpiration: { noncurrentDays: 30 } }, { id: "abort", status: "Enabled", filter: {}, abortIncompleteMultipartUpload: { daysAfterInitiation: 7 } }] },
        violations: [
            { set: { "rules.1.status": "Disabled" }, expect: /no enabled rule aborts incomplete multipart uploads/ },
            { set: { "rules.1.abortIncompleteMultipartUpload": undefined }, expect: /no enabled rule aborts/ },
        ],
        unknown: [{ path: "rules", expect: "deferred" }],
    },
    {
        policy: "disallow-public-rds", type: "aws:rds/instance:Instance", inputs: { publiclyAccessible: false },
        violations: [{ set: { publiclyAccessible: true }, expect: /publicly accessible/ }],
        unknown: [{ path: "publiclyAccessible", expect: "deferred" }],
    },
    {
        policy: "require-rds-encryption", type: "aws:rds/instance:Instance", inputs: { storageEncrypted: true, kmsKeyId: KEY },
        violations: [
            { set: { storageEncrypted: false }, expect: /not encrypted/ },
            { set: { kmsKeyId: undefined }, expect: /AWS-managed key/ },
            { type: "aws:rds/cluster:Cluster", set: { storageEncrypted: undefined }, expect: /not encrypted/ },
        ],
        unknown: [{ path: "kmsKeyId", expect: "pass" }, { path: "storageEncrypted", expect: "deferred" }],
    },
    {
        policy: "configure-rds-backup-retention", type: "aws:rds/instance:Instance", inputs: { backupRetentionPeriod: 14 }, config: { minDays: 14 },
        violations: [{ set: { backupRetentionPeriod: 7 }, expect: /backupRetentionPeriod is 7, needs >= 14/ }, { set: { backupRetentionPeriod: undefined }, expect: /unset/ }],
        unknown: [{ path: "backupRetentionPeriod", expect: "deferred" }],
    },
    {
        policy: "enable-rds-deletion-protection", type: "aws:rds/instance:Instance", inputs: { deletionProtection: true }, protect: true,
        violations: [{ set: { deletionProtection: false }, expect: /deletionProtection is not true/ }, { protect: false, expect: /not protected/ }],
        unknown: [{ path: "deletionProtection", expect: "deferred" }],
    },
    {
        policy: "disallow-static-database-passwords", type: "aws:rds/instance:Instance", inputs: { manageMasterUserPassword: true, username: "app" },
        violations: [
            { set: { password: "hunter2", manageMasterUserPassword: undefined }, expect: /password is set as an input/ },
            { set: { manageMasterUserPassword: false }, expect: /manageMasterUserPassword is not true/ },
            { type: "aws:elasticache/replicationGroup:ReplicationGroup", set: { authToken: "token" }, expect: /authToken is set/ },
        ],
        unknown: [{ path: "password", expect: "fires" }, { path: "manageMasterUserPassword", expect: "deferred" }],
    },
    {
        policy: "disallow-public-eks-endpoint", type: "aws:eks/cluster:Cluster",
        inputs: { vpcConfig: { endpointPrivateAccess: true, endpointPublicAccess: false, subnetIds: [UNKNOWN] } },
        violations: [
            { set: { "vpcConfig.endpointPublicAccess": true, "vpcConfig.publicAccessCidrs": ["0.0.0.0/0"] }, expect: /open to 0\.0\.0\.0\/0/ },
            { set: { "vpcConfig.endpointPublicAccess": undefined }, expect: /open to 0\.0\.0\.0\/0/ },
            { set: { "vpcConfig.endpointPrivateAccess": false }, expect: /endpointPrivateAccess is not true/ },
        ],
        unknown: [{ path: "vpcConfig.endpointPublicAccess", expect: "deferred" }],
    },
    {
        policy: "require-eks-access-entries", type: "aws:eks/cluster:Cluster",
        inputs: { accessConfig: { authenticationMode: "API", bootstrapClusterCreatorAdminPermissions: false } },
        violations: [
            { set: { "accessConfig.authenticationMode": "API_AND_CONFIG_MAP" }, expect: /not API/ },
            { set: { "accessConfig.bootstrapClusterCreatorAdminPermissions": true }, expect: /implicit cluster-admin/ },
        ],
        unknown: [{ path: "accessConfig", expect: "deferred" }],
    },
    {
        policy: "enable-eks-control-plane-logging", type: "aws:eks/cluster:Cluster",
        inputs: { enabledClusterLogTypes: ["api", "audit", "authenticator", "controllerManager", "scheduler"] },
        violations: [{ set: { enabledClusterLogTypes: ["api"] }, expect: /audit, authenticator are off/ }],
        unknown: [{ path: "enabledClusterLogTypes", expect: "deferred" }],
    },
    {
        policy: "require-eks-secrets-encryption", type: "aws:eks/cluster:Cluster",
        inputs: { encryptionConfig: { resources: ["secrets"], provider: { keyArn: KEY } } },
        violations: [{ set: { encryptionConfig: undefined }, expect: /not encrypted with a KMS key/ }, { set: { "encryptionConfig.resources": [] }, expect: /not encrypted/ }],
        unknown: [{ path: "encryptionConfig.provider.keyArn", expect: "pass" }],
    },
    {
        policy: "require-eks-version", type: "aws:eks/cluster:Cluster", inputs: { version: "1.34", upgradePolicy: { supportType: "STANDARD" } },
        violations: [{ set: { version: undefined }, expect: /not pinned/ }, { set: { "upgradePolicy.supportType": "EXTENDED" }, expect: /EXTENDED/ }],
        unknown: [{ path: "version", expect: "pass" }],
    },
    {
        policy: "require-eks-addon-versions", type: "aws:eks/addon:Addon", inputs: { addonName: "coredns", addonVersion: "v1.12.4-eksbuild.1", clusterName: UNKNOWN },
        violations: [{ set: { addonVersion: undefined }, expect: /add-on coredns has no addonVersion/ }, { set: { addonVersion: "" }, expect: /no addonVersion/ }],
        unknown: [{ path: "addonVersion", expect: "pass" }],
    },
    {
        policy: "configure-eks-node-groups", type: "aws:eks/nodeGroup:NodeGroup",
        inputs: { subnetIds: [UNKNOWN, UNKNOWN, UNKNOWN], scalingConfig: { minSize: 3, maxSize: 10, desiredSize: 3 } },
        violations: [{ set: { subnetIds: [UNKNOWN] }, expect: /1 subnet/ }, { set: { "scalingConfig.minSize": 1 }, expect: /minSize is 1/ }],
        unknown: [{ path: "subnetIds", expect: "deferred" }],
    },
    {
        policy: "require-ecr-scanning-immutable-tags", type: "aws:ecr/repository:Repository",
        inputs: { imageScanningConfiguration: { scanOnPush: true }, imageTagMutability: "IMMUTABLE" },
        violations: [{ set: { "imageScanningConfiguration.scanOnPush": false }, expect: /not scanned/ }, { set: { imageTagMutability: "MUTABLE" }, expect: /MUTABLE/ }],
        unknown: [{ path: "imageTagMutability", expect: "deferred" }],
    },
    {
        policy: "require-ecr-kms-encryption", type: "aws:ecr/repository:Repository",
        inputs: { encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: KEY }] },
        violations: [{ set: { encryptionConfigurations: [{ encryptionType: "AES256" }] }, expect: /AES256/ }, { set: { encryptionConfigurations: [{ encryptionType: "KMS" }] }, expect: /AWS-managed/ }],
        unknown: [{ path: "encryptionConfigurations", expect: "deferred" }],
    },
    {
        policy: "enable-kms-key-rotation", type: "aws:kms/key:Key", inputs: { enableKeyRotation: true, rotationPeriodInDays: 365 },
        violations: [{ set: { enableKeyRotation: false }, expect: /enableKeyRotation is not true/ }, { set: { rotationPeriodInDays: 730 }, expect: /730/ }],
        unknown: [{ path: "enableKeyRotation", expect: "deferred" }],
    },
    {
        policy: "disallow-wildcard-iam-policies", type: "aws:iam/rolePolicy:RolePolicy",
        inputs: { policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["s3:GetObject", "s3:PutObject"], Resource: ["arn:aws:s3:::b/*"] }, { Effect: "Allow", Action: "ecr:GetAuthorizationToken", Resource: "*" }] }) },
        violations: [
            { set: { policy: JSON.stringify({ Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] }) }, expect: /wildcard actions \*/ },
            { set: { policy: JSON.stringify({ Statement: [{ Effect: "Allow", Action: "s3:*", Resource: "arn:aws:s3:::b" }] }) }, expect: /wildcard actions s3:\*/ },
            { set: { policy: JSON.stringify({ Statement: [{ Effect: "Allow", Action: "s3:PutObject", Resource: "*" }] }) }, expect: /Resource "\*" for non-read actions s3:PutObject/ },
            { set: { policy: JSON.stringify({ Statement: [{ Effect: "Allow", NotAction: "iam:*", Resource: "*" }] }) }, expect: /NotAction/ },
            { type: "aws:iam/role:Role", set: { policy: undefined, assumeRolePolicy: JSON.stringify({ Statement: [{ Effect: "Allow", Principal: { AWS: "*" }, Action: "sts:AssumeRole" }] }) }, expect: /any principal/ },
        ],
        unknown: [{ path: "policy", expect: "deferred" }],
    },
    {
        // A role trusted from another account, narrowed to the roles that may assume it (cross-account builds, Pod Identity targets).
        policy: "disallow-wildcard-iam-policies", type: "aws:iam/role:Role",
        inputs: { assumeRolePolicy: JSON.stringify({ Statement: [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:root" }, Action: "sts:AssumeRole", Condition: { ArnEquals: { "aws:PrincipalArn": ["arn:aws:iam::111122223333:role/acme-prod-orders-pipeline"] } } }] }) },
        violations: [
            { set: { assumeRolePolicy: JSON.stringify({ Statement: [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:root" }, Action: "sts:AssumeRole" }] }) }, expect: /every principal of account arn:aws:iam::111122223333:root/ },
            { set: { assumeRolePolicy: JSON.stringify({ Statement: [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:root" }, Action: "sts:AssumeRole", Condition: { ArnLike: { "aws:PrincipalArn": "arn:aws:iam::111122223333:role/*" } } }] }) }, expect: /every principal of account/ },
            { set: { assumeRolePolicy: JSON.stringify({ Statement: [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:root" }, Action: "sts:AssumeRole", Condition: { StringEquals: { "aws:SourceAccount": "111122223333" } } }] }) }, expect: /every principal of account/ },
        ],
        unknown: [{ path: "assumeRolePolicy", expect: "deferred" }],
    },
    {
        policy: "disallow-admin-managed-policies", type: "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
        inputs: { policyArn: "arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy" },
        violations: [{ set: { policyArn: "arn:aws:iam::aws:policy/AdministratorAccess" }, expect: /AdministratorAccess/ }],
        unknown: [{ path: "policyArn", expect: "deferred" }],
    },
    {
        policy: "disallow-iam-static-credentials", type: "aws:iam/role:Role", inputs: {},
        violations: [{ type: "aws:iam/accessKey:AccessKey", expect: /static credential/ }, { type: "aws:iam/user:User", expect: /static credential/ }],
        unknown: [],
    },
    {
        policy: "disallow-admin-ingress-from-internet", type: "aws:ec2/securityGroup:SecurityGroup",
        inputs: { ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] }, { protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["10.0.0.0/16"] }] },
        violations: [
            { set: { "ingress.1.cidrBlocks": ["0.0.0.0/0"] }, expect: /ports 22-22/ },
            { set: { ingress: [{ protocol: "-1", fromPort: 0, toPort: 0, ipv6CidrBlocks: ["::/0"] }] }, expect: /ports all/ },
            { type: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", set: { ingress: undefined, ipProtocol: "tcp", fromPort: 3389, toPort: 3389, cidrIpv4: "0.0.0.0/0" }, expect: /3389/ },
            { set: { "ingress.0.fromPort": 80, "ingress.0.toPort": 80 }, expect: /ports 80-80/ },
            { set: { "ingress.0.fromPort": 20, "ingress.0.toPort": 21 }, expect: /ports 20-21/ },
            { type: "aws:eks/nodeGroup:NodeGroup", set: { ingress: undefined, remoteAccess: { ec2SshKey: "ops" } }, expect: /remoteAccess opens SSH to the internet/ },
        ],
        unknown: [{ path: "ingress.1.cidrBlocks", expect: "deferred" }],
    },
    {
        policy: "disallow-admin-ingress-from-internet", type: "aws:eks/nodeGroup:NodeGroup", inputs: { remoteAccess: { ec2SshKey: "ops", sourceSecurityGroupIds: ["sg-1"] } },
        violations: [{ set: { "remoteAccess.sourceSecurityGroupIds": [] }, expect: /remoteAccess opens SSH/ }, { set: { "remoteAccess.sourceSecurityGroupIds": undefined }, expect: /remoteAccess opens SSH/ }],
        unknown: [{ path: "remoteAccess", expect: "deferred" }],
    },
    {
        policy: "require-sqs-kms-encryption", type: "aws:sqs/queue:Queue", inputs: { kmsMasterKeyId: KEY },
        violations: [{ set: { kmsMasterKeyId: undefined, sqsManagedSseEnabled: true }, expect: /SQS-managed keys/ }, { set: { kmsMasterKeyId: undefined }, expect: /not encrypted/ }],
        unknown: [{ path: "kmsMasterKeyId", expect: "pass" }],
    },
    {
        policy: "require-elasticache-tls", type: "aws:elasticache/replicationGroup:ReplicationGroup", inputs: { transitEncryptionEnabled: true, transitEncryptionMode: "required" },
        violations: [{ set: { transitEncryptionEnabled: false }, expect: /transitEncryptionEnabled is not true/ }, { set: { transitEncryptionMode: "preferred" }, expect: /preferred/ }],
        unknown: [{ path: "transitEncryptionEnabled", expect: "deferred" }],
    },
    {
        policy: "require-elasticache-encryption-at-rest", type: "aws:elasticache/replicationGroup:ReplicationGroup", inputs: { atRestEncryptionEnabled: true, kmsKeyId: KEY },
        violations: [{ set: { atRestEncryptionEnabled: false }, expect: /atRestEncryptionEnabled is not true/ }, { set: { kmsKeyId: undefined }, expect: /AWS-managed/ }],
        unknown: [{ path: "kmsKeyId", expect: "pass" }],
    },
    {
        policy: "enable-elasticache-failover", type: "aws:elasticache/replicationGroup:ReplicationGroup",
        inputs: { numCacheClusters: 3, automaticFailoverEnabled: true, multiAzEnabled: true },
        violations: [
            { set: { numCacheClusters: 1 }, expect: /no replica/ },
            { set: { automaticFailoverEnabled: false }, expect: /automaticFailoverEnabled/ },
            { set: { multiAzEnabled: undefined }, expect: /multiAzEnabled/ },
        ],
        unknown: [{ path: "multiAzEnabled", expect: "deferred" }],
    },
    {
        policy: "enforce-scp-denies", type: "aws:organizations/policy:Policy",
        inputs: {
            type: "SERVICE_CONTROL_POLICY", content: JSON.stringify({
                Version: "2012-10-17", Statement: [
                    { Sid: "DenyLeaving", Effect: "Deny", Action: ["organizations:LeaveOrganization"], Resource: "*" },
                    // A guardrail Sid kept by a wildcard that covers what it promises.
                    { Sid: "DenyIamUsers", Effect: "Deny", Action: ["iam:Create*"], Resource: "*" },
                ],
            }),
        },
        violations: [
            {
                set: { content: JSON.stringify({ Statement: [{ Sid: "DenyLeavingOrganization", Effect: "Deny", Action: ["organizations:Describe*"], Resource: "*" }] }) },
                expect: /DenyLeavingOrganization does not deny what its name promises: organizations:LeaveOrganization/,
            },
            {
                set: { content: JSON.stringify({ Statement: [{ Sid: "ProtectSecurityServices", Effect: "Deny", Action: ["cloudtrail:DeleteTrail", "guardduty:*", "config:*", "securityhub:*", "access-analyzer:*"], Resource: "*" }] }) },
                expect: /ProtectSecurityServices does not deny what its name promises: cloudtrail:StopLogging\. Remediation/,
            },
            {
                set: { content: JSON.stringify({ Statement: [{ Sid: "DenyOutsideAllowedRegions", Effect: "Deny", NotAction: ["iam:*"], Resource: "*" }] }) },
                expect: /DenyOutsideAllowedRegions has no condition on aws:RequestedRegion/,
            },
            {
                set: { content: JSON.stringify({ Statement: [{ Sid: "DenyRootUser", Effect: "Deny", Action: ["*"], Resource: "*", Condition: { StringEquals: { "aws:RequestedRegion": "eu-west-1" } } }] }) },
                expect: /DenyRootUser has no condition on aws:PrincipalArn/,
            },
            { set: { content: undefined }, expect: /has no content/ },
            { set: { content: "{not json" }, expect: /not valid JSON/ },
            { set: { content: JSON.stringify({ Version: "2012-10-17", Statement: [] }) }, expect: /no statement/ },
            { set: { content: JSON.stringify({ Version: "2012-10-17" }) }, expect: /no statement/ },
            { set: { content: JSON.stringify({ Statement: [{ Sid: "AllowAll", Effect: "Allow", Action: "*", Resource: "*" }] }) }, expect: /Effect Allow/ },
            { set: { content: JSON.stringify({ Statement: [{ Sid: "Empty", Effect: "Deny", Action: [], Resource: "*" }] }) }, expect: /names no Action/ },
        ],
        unknown: [{ path: "content", expect: "deferred" }],
    },
    {
        policy: "enable-cloudtrail-integrity", type: "aws:cloudtrail/trail:Trail",
        inputs: { isMultiRegionTrail: true, enableLogFileValidation: true, kmsKeyId: KEY, enableLogging: true },
        violations: [
            { set: { isMultiRegionTrail: false }, expect: /one region/ },
            { set: { enableLogFileValidation: false }, expect: /validation is off/ },
            { set: { kmsKeyId: undefined }, expect: /not encrypted/ },
            { set: { enableLogging: false }, expect: /logging is off/ },
        ],
        unknown: [{ path: "kmsKeyId", expect: "pass" }, { path: "isMultiRegionTrail", expect: "deferred" }],
    },
    {
        policy: "require-aws-standard-tags", type: "aws:sqs/queue:Queue", inputs: {},
        provider: { type: "pulumi:providers:aws", inputs: { defaultTags: JSON.stringify({ tags }) } },
        violations: [
            { dropProvider: true, set: { tags: { owner: "x" } }, type: "aws:s3/bucket:Bucket", expect: /tags landing-zone, environment, domain, managed-by are missing/ },
            { dropProvider: true, expect: /owner/ },
        ],
        unknown: [{ path: "tags", expect: "deferred" }],
    },
    {
        policy: "require-aws-naming-convention", type: "aws:s3/bucket:Bucket", inputs: { bucket: "acme-prod-orders-data-k2j4h1" },
        config: { prefix: "acme", environment: "prod" },
        violations: [
            { set: { bucket: undefined }, expect: /random suffix/ },
            { set: { bucket: "orders-data" }, expect: /does not start with <prefix>-<environment>-/ },
            { set: { bucket: "acme-dev-orders-data" }, expect: /does not start with/ },
            { set: { bucket: "Acme_Prod" }, expect: /breaks the aws.s3Bucket rule/ },
        ],
        unknown: [{ path: "bucket", expect: "deferred" }],
    },
    {
        policy: "disallow-default-security-group-rules", type: "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", inputs: { vpcId: UNKNOWN, ingress: [], egress: [] },
        violations: [{ set: { egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }] }, expect: /0 ingress and 1 egress/ }],
        unknown: [{ path: "ingress", expect: "deferred" }],
    },
    {
        policy: "require-codebuild-kms-encryption", type: "aws:codebuild/project:Project", inputs: { encryptionKey: UNKNOWN, artifacts: { type: "CODEPIPELINE" } },
        violations: [{ set: { encryptionKey: undefined }, expect: /no encryptionKey/ }, { set: { "artifacts.encryptionDisabled": true }, expect: /encryption is disabled/ }],
        unknown: [{ path: "encryptionKey", expect: "pass" }],
    },
];

const bucket = () => res("aws:s3/bucket:Bucket", "data-bucket", { bucket: "acme-prod-data" }, { protect: true });
const block = (b = bucket(), flags = true) => res("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "data-block",
    { bucket: UNKNOWN, blockPublicAcls: flags, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true }, { dependsOn: [b] });
const accountBlock = (flags: Record<string, boolean>) => res("aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock", "account-block",
    { blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true, ...flags });
const sse = (b = bucket(), algorithm = "aws:kms", key: unknown = UNKNOWN) => res("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", "data-sse",
    { bucket: UNKNOWN, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: algorithm, ...(key === null ? {} : { kmsMasterKeyId: key }) } }] }, { dependsOn: [b] });
const versioning = (b = bucket(), status: unknown = "Enabled") => res("aws:s3/bucketVersioning:BucketVersioning", "data-versioning",
    { bucket: UNKNOWN, versioningConfiguration: { status } }, { dependsOn: [b] });
const queue = (name: string, inputs: Record<string, unknown>, dependsOn: ReturnType<typeof res>[] = []) =>
    res("aws:sqs/queue:Queue", name, inputs, { dependsOn });

const vpc = () => res("aws:ec2/vpc:Vpc", "network-vpc", { cidrBlock: "10.20.0.0/16" });
const flowLog = (v: ReturnType<typeof vpc>, trafficType: unknown) => res("aws:ec2/flowLog:FlowLog", "network-flow-log", { vpcId: UNKNOWN, trafficType }, { dependsOn: [v] });

export const awsStackCases: StackCase[] = [
    {
        policy: "enable-vpc-flow-logs",
        compliant: () => { const v = vpc(); return [v, flowLog(v, "ALL")]; },
        violations: [
            { name: "no flow log", resources: () => [vpc()], expect: /VPC network-vpc has no flow log/ },
            { name: "rejected traffic only", resources: () => { const v = vpc(); return [v, flowLog(v, "REJECT")]; }, expect: /logs only REJECT traffic/ },
        ],
        unknown: [{ name: "traffic type unknown", resources: () => { const v = vpc(); return [v, flowLog(v, UNKNOWN)]; }, expect: "deferred" }],
    },
    {
        policy: "disallow-public-s3-buckets",
        compliant: () => { const b = bucket(); return [b, block(b)]; },
        violations: [
            { name: "no public access block", resources: () => [bucket()], expect: /has no public access block/ },
            { name: "a flag off", resources: () => { const b = bucket(); return [b, block(b, false)]; }, expect: /leaves blockPublicAcls off/ },
            // one mutation per flag: each of the four settings alone
            ...["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"].flatMap((flag) => [false, undefined].map((value) => ({
                name: `${flag} ${value === false ? "false" : "absent"}`,
                resources: () => { const b = bucket(); const k = block(b); if (value === undefined) delete k.inputs[flag]; else k.inputs[flag] = value; return [b, k]; },
                expect: new RegExp(`leaves ${flag} off`),
            }))),
            {
                // the name-matching path real stacks take: two named buckets, the block names only the first
                name: "two named buckets, one without a block", expect: /bucket logs-bucket has no public access block/,
                resources: () => {
                    const data = bucket();
                    const logs = res("aws:s3/bucket:Bucket", "logs-bucket", { bucket: "acme-prod-logs" }, { protect: true });
                    const dataBlock = res("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "data-block",
                        { bucket: "acme-prod-data", blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true });
                    return [data, logs, dataBlock];
                },
            },
            {
                name: "a block that names another bucket does not count, even when it depends on this one", expect: /bucket data-bucket has no public access block/,
                resources: () => {
                    const data = bucket();
                    const other = res("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "other-block",
                        { bucket: "acme-prod-other", blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true }, { dependsOn: [data] });
                    return [data, other];
                },
            },
            { name: "public ACL", resources: () => { const b = bucket(); return [b, block(b), res("aws:s3/bucketAcl:BucketAcl", "acl", { acl: "public-read" }, { dependsOn: [b] })]; }, expect: /"public-read"/ },
        ],
        unknown: [{ name: "flag unknown", resources: () => { const b = bucket(); return [b, block(b, UNKNOWN as never)]; }, expect: "deferred" }],
    },
    {
        // the account-level block (all four flags) stands in for per-bucket blocks
        policy: "disallow-public-s3-buckets",
        compliant: () => [bucket(), accountBlock({})],
        violations: ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"].map((flag) => ({
            name: `account block with ${flag} off`, resources: () => [bucket(), accountBlock({ [flag]: false })], expect: /bucket data-bucket has no public access block/,
        })),
        unknown: [],
    },
    {
        policy: "require-s3-kms-encryption",
        compliant: () => { const b = bucket(); return [b, sse(b)]; },
        violations: [
            { name: "no configuration", resources: () => [bucket()], expect: /no server-side encryption configuration/ },
            { name: "AES256", resources: () => { const b = bucket(); return [b, sse(b, "AES256")]; }, expect: /uses AES256, not aws:kms/ },
            { name: "AWS-managed key", resources: () => { const b = bucket(); return [b, sse(b, "aws:kms", null)]; }, expect: /AWS-managed key/ },
        ],
        unknown: [{ name: "algorithm unknown", resources: () => { const b = bucket(); return [b, sse(b, UNKNOWN)]; }, expect: "deferred" }],
    },
    {
        policy: "enable-s3-versioning",
        compliant: () => { const b = bucket(); return [b, versioning(b)]; },
        violations: [
            { name: "no versioning", resources: () => [bucket()], expect: /no versioning configuration/ },
            { name: "suspended", resources: () => { const b = bucket(); return [b, versioning(b, "Suspended")]; }, expect: /status Suspended/ },
        ],
        unknown: [{ name: "status unknown", resources: () => { const b = bucket(); return [b, versioning(b, UNKNOWN)]; }, expect: "deferred" }],
    },
    {
        policy: "require-sqs-dead-letter-queue",
        compliant: () => { const dlq = queue("orders-dlq", { redriveAllowPolicy: UNKNOWN }); return [dlq, queue("orders", { redrivePolicy: UNKNOWN }, [dlq])]; },
        violations: [
            { name: "no DLQ", resources: () => [queue("orders", {})], expect: /queue orders has no dead-letter queue/ },
            { name: "DLQ outside the stack", resources: () => [queue("orders", { redrivePolicy: JSON.stringify({ deadLetterTargetArn: "arn:aws:sqs:eu-west-1:1:x", maxReceiveCount: 5 }) })], expect: /outside this stack/ },
        ],
        unknown: [{ name: "redrive policy unknown", resources: () => { const dlq = queue("orders-dlq", {}); return [dlq, queue("orders", { redrivePolicy: UNKNOWN }, [dlq])]; }, expect: "pass" }],
    },
];
