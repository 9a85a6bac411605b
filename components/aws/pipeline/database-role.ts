import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { StackContext } from "../../core/contracts";
import { childName } from "../../core/naming";
import { IAM_DB_USER, MASTER_USER, POSTGRES_PORT } from "../database";
import { serviceTrustPolicy } from "../iam";
import type { PipelineArtifacts } from "./artifacts";
import { buildLogsStatement } from "./build";
import { type BuildNetwork, createBuildNetworkPolicy } from "./network";
import { policyDocument } from "./policy";
import { codeBuildProject, plainVariables } from "./project";

/** One primary the application role is created on (replicas copy roles from their primary). */
export interface DatabaseTarget {
    host: pulumi.Input<string>;
    /** The RDS-managed master secret of the primary. */
    secretArn: pulumi.Input<string>;
}

export interface DatabaseRoleArgs {
    ctx: StackContext;
    kmsKeyArn: pulumi.Input<string>;
    artifacts: PipelineArtifacts;
    network: BuildNetwork;
    /** The database's admin-client security group (the database admits it on 5432). */
    clientSecurityGroup: aws.ec2.SecurityGroup;
    databaseName: string;
    targets: DatabaseTarget[];
}

/**
 * Idempotent SQL: the login role the workload uses with IAM authentication, with `rds_iam`, and
 * the rights to use its database (connect, temporary tables, objects in schema public).
 */
export function appRoleSql(database: string, user = IAM_DB_USER): string {
    return [
        "DO $$ BEGIN",
        `  IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = '${user}') THEN CREATE ROLE ${user} LOGIN; END IF;`,
        "END $$;",
        `GRANT rds_iam TO ${user};`,
        `GRANT CONNECT, TEMPORARY ON DATABASE ${database} TO ${user};`,
        `GRANT USAGE, CREATE ON SCHEMA public TO ${user};`,
    ].join("\n");
}

/**
 * Logs in to each primary as the master user (password from its managed secret, resolved by
 * CodeBuild and never in config, state or logs) over verified TLS, and runs `APP_ROLE_SQL`.
 */
export const DATABASE_ROLE_SPEC = [
    "version: 0.2",
    "env:",
    "  shell: bash",
    "phases:",
    "  install:",
    "    commands:",
    "      - dnf install -y -q postgresql15",
    "      - curl -fsSLo /tmp/rds-ca.pem \"https://truststore.pki.rds.amazonaws.com/$AWS_REGION/$AWS_REGION-bundle.pem\"",
    "  build:",
    "    commands:",
    "      - |",
    "        set -euo pipefail",
    "        i=0",
    "        for host in $DB_HOSTS; do",
    "          password=\"DB_PASSWORD_$i\"",
    "          PGPASSWORD=\"${!password}\" psql \"host=$host port=$DB_PORT dbname=$DB_NAME user=$DB_USER sslmode=verify-full sslrootcert=/tmp/rds-ca.pem\" \\",
    "            -v ON_ERROR_STOP=1 -c \"$APP_ROLE_SQL\"",
    "          i=$((i + 1))",
    "        done",
].join("\n");

/** The project's variables: hosts in order, and the password of host i from secret i (a secret reference, not a value). */
export function databaseRoleVariables(databaseName: string, targets: { host: string; secretArn: string }[]):
    aws.types.input.codebuild.ProjectEnvironmentEnvironmentVariable[] {
    return [
        ...plainVariables({
            DB_HOSTS: targets.map((t) => t.host).join(" "),
            DB_PORT: String(POSTGRES_PORT),
            DB_NAME: databaseName,
            DB_USER: MASTER_USER,
            APP_ROLE_SQL: appRoleSql(databaseName),
        }),
        ...targets.map((t, i) => ({ name: `DB_PASSWORD_${i}`, type: "SECRETS_MANAGER", value: `${t.secretArn}:password` })),
    ];
}

export interface PipelineDatabaseRole {
    role: aws.iam.Role;
    project: aws.codebuild.Project;
}

/**
 * The database stage: a CodeBuild project in the private subnets, behind the database's
 * admin-client security group, that creates the workload's database role (`app`, `GRANT rds_iam`)
 * on every primary before each deploy. Its role is the only identity of the domain that may read
 * the master secrets; the workload's role may not.
 */
export function createPipelineDatabaseRole(name: string, parent: pulumi.Resource, args: DatabaseRoleArgs): PipelineDatabaseRole {
    const { ctx, artifacts } = args;
    const role = new aws.iam.Role(childName(name, "database-role"), {
        name: ctx.naming.physical("aws.iamRole", "db-bootstrap"),
        description: `CodeBuild: creates the ${IAM_DB_USER} database role (rds_iam) on the domain's primaries`,
        assumeRolePolicy: serviceTrustPolicy("codebuild.amazonaws.com"),
    }, { parent });
    const secretArns = pulumi.all(args.targets.map((t) => t.secretArn)).apply((arns) => arns.filter((arn) => !!arn));
    const policy = new aws.iam.RolePolicy(childName(name, "database-policy"), {
        name: "database-role",
        role: role.id,
        policy: policyDocument([
            buildLogsStatement(artifacts),
            { Sid: "Artifacts", Effect: "Allow", Action: ["s3:GetObject", "s3:GetObjectVersion"], Resource: [pulumi.interpolate`${artifacts.artifactBucket.arn}/*`] },
            { Sid: "MasterSecrets", Effect: "Allow", Action: ["secretsmanager:GetSecretValue"], Resource: secretArns },
            { Sid: "DomainKey", Effect: "Allow", Action: ["kms:Decrypt", "kms:DescribeKey"], Resource: [args.kmsKeyArn] },
        ]),
    }, { parent });
    const vpcPolicy = createBuildNetworkPolicy(childName(name, "database-vpc-policy"), parent, {
        ctx, role, securityGroup: args.clientSecurityGroup, network: args.network, policyName: "database-vpc",
    });
    const targets = pulumi.all(args.targets.map((t) => pulumi.all([t.host, t.secretArn])));
    const project = codeBuildProject(name, parent, {
        ctx,
        purpose: "database",
        description: `Creates the ${IAM_DB_USER} database role (rds_iam) on the domain's primaries`,
        role,
        buildspec: DATABASE_ROLE_SPEC,
        privileged: false,
        variables: targets.apply((known) => databaseRoleVariables(args.databaseName, known.map(([host, secretArn]) => ({ host, secretArn })))),
        kmsKeyArn: args.kmsKeyArn,
        logGroup: artifacts.logGroup,
        vpcConfig: { vpcId: args.network.vpcId, subnets: args.network.privateSubnetIds, securityGroupIds: [args.clientSecurityGroup.id] },
        dependsOn: [policy, vpcPolicy],
    });
    return { role, project };
}
