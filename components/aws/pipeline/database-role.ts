import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { StackContext } from "../../core/contracts";
import { childName } from "../../core/naming";
import { databaseBuildRoleName, databaseTargetsParameterName } from "../build-contract";
import { IAM_DB_USER, MASTER_USER, POSTGRES_PORT } from "../database";
import { serviceTrustPolicy } from "../iam";
import type { PipelineArtifacts } from "./artifacts";
import { artifactBucketStatement, buildLogsStatement } from "./build";
import { type BuildNetwork, createBuildNetworkPolicy } from "./network";
import { policyDocument } from "./policy";
import { codeBuildProject, plainVariables } from "./project";

/** One primary the application role is created on (replicas copy roles from their primary). */
export interface DatabaseTarget {
    host: pulumi.Input<string>;
    /** The RDS-managed master secret of the primary. */
    secretArn: pulumi.Input<string>;
}

/** What the database build reads from the targets parameter. */
export interface DatabaseTargets {
    database: string;
    primaries: { host: string; secretArn: string }[];
}

/**
 * Idempotent SQL: the login role the workload uses with IAM authentication, with `rds_iam`, and the
 * rights to use the database the build is connected to (connect, temporary tables, objects in
 * schema public). The database is `current_database()`, so one statement serves every domain.
 */
export function appRoleSql(user = IAM_DB_USER): string {
    return [
        "DO $$ BEGIN",
        `  IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = '${user}') THEN CREATE ROLE ${user} LOGIN; END IF;`,
        `  EXECUTE format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO ${user}', current_database());`,
        "END $$;",
        `GRANT rds_iam TO ${user};`,
        `GRANT USAGE, CREATE ON SCHEMA public TO ${user};`,
    ].join("\n");
}

/**
 * Reads the targets parameter (the database and each primary's host and master secret), then logs
 * in to each primary as the master user over verified TLS and runs `APP_ROLE_SQL`. The password is
 * read from the primary's managed secret at run time: never in config, state, variables or logs.
 * With `TARGETS_ROLE_ARN` (the platform runs the build for a domain in its own account) both reads
 * go through a CLI profile that assumes that role of the domain account with the build's own
 * (container) credentials.
 */
export const DATABASE_ROLE_SPEC = [
    "version: 0.2",
    "env:",
    "  shell: bash",
    "phases:",
    "  install:",
    "    commands:",
    "      - dnf install -y -q postgresql15 jq",
    "      - curl -fsSLo /tmp/rds-ca.pem \"https://truststore.pki.rds.amazonaws.com/$AWS_REGION/$AWS_REGION-bundle.pem\"",
    "  build:",
    "    commands:",
    "      - |",
    "        set -euo pipefail",
    "        read_as=()",
    "        if [ -n \"${TARGETS_ROLE_ARN:-}\" ]; then",
    "          aws configure set profile.targets.role_arn \"$TARGETS_ROLE_ARN\"",
    "          aws configure set profile.targets.credential_source EcsContainer",
    "          aws configure set profile.targets.role_session_name \"db-bootstrap-$CODEBUILD_BUILD_NUMBER\"",
    "          read_as=(--profile targets)",
    "        fi",
    "        targets=\"$(aws ssm get-parameter --name \"$TARGETS_PARAMETER\" --query Parameter.Value --output text \"${read_as[@]}\")\"",
    "        database=\"$(jq -er .database <<<\"$targets\")\"",
    "        primaries=\"$(jq -er '.primaries[] | \"\\(.host) \\(.secretArn)\"' <<<\"$targets\")\"",
    "        while read -r host secret; do",
    "          password=\"$(aws secretsmanager get-secret-value --secret-id \"$secret\" --query SecretString --output text \"${read_as[@]}\" | jq -er .password)\"",
    "          PGPASSWORD=\"$password\" psql \"host=$host port=$DB_PORT dbname=$database user=$DB_USER sslmode=verify-full sslrootcert=/tmp/rds-ca.pem\" \\",
    "            -v ON_ERROR_STOP=1 -c \"$APP_ROLE_SQL\" </dev/null",
    "        done <<<\"$primaries\"",
].join("\n");

/** The project's variables (the same in either account); `targetsRoleArn` when the build runs in the platform's account. */
export function databaseRoleVariables(targetsParameter: string, targetsRoleArn?: pulumi.Input<string>):
    aws.types.input.codebuild.ProjectEnvironmentEnvironmentVariable[] {
    return plainVariables({
        TARGETS_PARAMETER: targetsParameter,
        DB_PORT: String(POSTGRES_PORT),
        DB_USER: MASTER_USER,
        APP_ROLE_SQL: appRoleSql(),
        ...(targetsRoleArn ? { TARGETS_ROLE_ARN: targetsRoleArn } : {}),
    });
}

/** The targets parameter's value. */
export function databaseTargetsValue(database: string, targets: DatabaseTarget[]): pulumi.Output<string> {
    return pulumi.all(targets.map((t) => pulumi.all([t.host, t.secretArn]))).apply((known) =>
        JSON.stringify({ database, primaries: known.map(([host, secretArn]) => ({ host, secretArn })) } satisfies DatabaseTargets));
}

export interface DatabaseTargetsParameterArgs {
    ctx: StackContext;
    databaseName: string;
    targets: DatabaseTarget[];
}

/**
 * The database build's input, in the domain's account: the database name and each primary's host
 * and master secret ARN (neither is a secret; the passwords stay in the secrets). A parameter rather
 * than project variables, so the build can run in the platform's account for a domain in its own.
 */
export function createDatabaseTargetsParameter(name: string, parent: pulumi.Resource, args: DatabaseTargetsParameterArgs): aws.ssm.Parameter {
    return new aws.ssm.Parameter(childName(name, "database-targets"), {
        name: databaseTargetsParameterName(args.ctx.naming),
        description: "The domain's database and its primaries (host, master secret ARN): the pipeline's database stage reads it",
        type: "String",
        tier: "Standard",
        value: databaseTargetsValue(args.databaseName, args.targets),
    }, { parent });
}

export interface DatabaseRoleArgs {
    ctx: StackContext;
    kmsKeyArn: pulumi.Input<string>;
    artifacts: PipelineArtifacts;
    network: BuildNetwork;
    /** The database's admin-client security group (the database admits it on 5432). */
    clientSecurityGroup: aws.ec2.SecurityGroup;
    /** The targets parameter and the master secrets it names. */
    targets: { parameter: aws.ssm.Parameter; secretArns: pulumi.Input<string>[] };
}

export interface PipelineDatabaseRole {
    role: aws.iam.Role;
    project: aws.codebuild.Project;
}

/**
 * The database stage of a domain in the platform's account: a CodeBuild project in the private
 * subnets, behind the database's admin-client security group, that creates the workload's database
 * role (`app`, `GRANT rds_iam`) on every primary before each deploy. Its role is the only identity
 * of the domain that may read the master secrets; the workload's role may not.
 */
export function createPipelineDatabaseRole(name: string, parent: pulumi.Resource, args: DatabaseRoleArgs): PipelineDatabaseRole {
    const { ctx, artifacts } = args;
    const role = new aws.iam.Role(childName(name, "database-role"), {
        name: databaseBuildRoleName(ctx.naming),
        description: `CodeBuild: creates the ${IAM_DB_USER} database role (rds_iam) on the domain's primaries`,
        assumeRolePolicy: serviceTrustPolicy("codebuild.amazonaws.com"),
    }, { parent });
    const secretArns = pulumi.all(args.targets.secretArns).apply((arns) => arns.filter((arn) => !!arn));
    const policy = new aws.iam.RolePolicy(childName(name, "database-policy"), {
        name: "database-role",
        role: role.id,
        policy: policyDocument([
            buildLogsStatement(artifacts.logGroup),
            { Sid: "Artifacts", Effect: "Allow", Action: ["s3:GetObject", "s3:GetObjectVersion"], Resource: [pulumi.interpolate`${artifacts.artifactBucket.arn}/*`] },
            artifactBucketStatement(artifacts.artifactBucket.arn),
            { Sid: "Targets", Effect: "Allow", Action: ["ssm:GetParameter"], Resource: [args.targets.parameter.arn] },
            { Sid: "MasterSecrets", Effect: "Allow", Action: ["secretsmanager:GetSecretValue"], Resource: secretArns },
            { Sid: "DomainKey", Effect: "Allow", Action: ["kms:Decrypt", "kms:DescribeKey"], Resource: [args.kmsKeyArn] },
        ]),
    }, { parent });
    const vpcPolicy = createBuildNetworkPolicy(childName(name, "database-vpc-policy"), parent, {
        ctx, role, securityGroup: args.clientSecurityGroup, network: args.network, policyName: "database-vpc",
    });
    const project = codeBuildProject(name, parent, {
        naming: ctx.naming,
        purpose: "database",
        description: `Creates the ${IAM_DB_USER} database role (rds_iam) on the domain's primaries`,
        role,
        buildspec: DATABASE_ROLE_SPEC,
        privileged: false,
        variables: databaseRoleVariables(databaseTargetsParameterName(ctx.naming)),
        kmsKeyArn: args.kmsKeyArn,
        logGroup: artifacts.logGroup,
        vpcConfig: { vpcId: args.network.vpcId, subnets: args.network.privateSubnetIds, securityGroupIds: [args.clientSecurityGroup.id] },
        dependsOn: [policy, vpcPolicy, args.targets.parameter],
    });
    return { role, project };
}
