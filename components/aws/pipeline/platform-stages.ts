import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { StackContext } from "../../core/contracts";
import { childName } from "../../core/naming";
import { crossAccountTrust, databaseBuildRoleName, databaseTargetsRoleName } from "../build-contract";
import type { DomainBuildsOutputs } from "../domain-builds";
import { roleArn } from "../iam";
import { partitionOf } from "../provider";
import { policyDocument, type PolicyStatement } from "./policy";
import { APP_SOURCE } from "./source";

export interface PlatformStagesArgs {
    ctx: StackContext;
    /** What the platform recorded about the builds it runs for this domain (`homes.<domain>.builds`). */
    builds: pulumi.Output<pulumi.Unwrap<DomainBuildsOutputs>>;
    platformAccountId: pulumi.Input<string>;
    kmsKeyArn: pulumi.Input<string>;
    /** The targets parameter and the master secrets it names: what the platform's database build reads here. */
    targets: { parameter: aws.ssm.Parameter; secretArns: pulumi.Input<string>[] };
    /** The artifact holding the Kubernetes manifests, and where they are in it. */
    manifests: string;
    manifestDir: string;
}

export interface PlatformStages {
    database: aws.types.input.codepipeline.PipelineStageAction;
    deploy: aws.types.input.codepipeline.PipelineStageAction;
    /** The pipeline role's permission to run them (the cross-account action role). */
    statement: PolicyStatement;
    /** The role the platform's database build reads the targets and master secrets as. */
    targetsRole: aws.iam.Role;
}

/**
 * The database and deploy stages of a domain in its own account: the platform runs both builds in
 * its VPC (`domain-builds.ts`), and this pipeline starts them as the platform's action role. The
 * domain keeps what only it knows: the targets role here (trusted by the platform's database build
 * role only; it reads the targets parameter and the master secrets, decrypting with the domain key
 * through Secrets Manager and SSM), and which directory holds the manifests.
 */
export function createPlatformStages(name: string, parent: pulumi.Resource, args: PlatformStagesArgs): PlatformStages {
    const { ctx, builds } = args;
    const partition = partitionOf(ctx.config.region);
    const targetsRole = new aws.iam.Role(childName(name, "targets-role"), {
        name: databaseTargetsRoleName(ctx.naming),
        description: "Assumed by the platform's database build: reads the database targets and the primaries' master secrets",
        assumeRolePolicy: crossAccountTrust("DatabaseBuildOfThePlatform", partition, args.platformAccountId,
            [roleArn(partition, args.platformAccountId, databaseBuildRoleName(ctx.naming))]),
        maxSessionDuration: 3600,
    }, { parent });
    const secretArns = pulumi.all(args.targets.secretArns).apply((arns) => arns.filter((arn) => !!arn));
    new aws.iam.RolePolicy(childName(name, "targets-policy"), {
        name: "database-targets",
        role: targetsRole.id,
        policy: policyDocument([
            { Sid: "Targets", Effect: "Allow", Action: ["ssm:GetParameter"], Resource: [args.targets.parameter.arn] },
            { Sid: "MasterSecrets", Effect: "Allow", Action: ["secretsmanager:GetSecretValue"], Resource: secretArns },
            { Sid: "DomainKey", Effect: "Allow", Action: ["kms:Decrypt", "kms:DescribeKey"], Resource: [args.kmsKeyArn] },
        ]),
    }, { parent });

    const action = (actionName: string, project: pulumi.Input<string>, inputs: string[], extra: Record<string, pulumi.Input<string>> = {}) => ({
        name: actionName, category: "Build", owner: "AWS", provider: "CodeBuild", version: "1",
        inputArtifacts: inputs, outputArtifacts: [],
        // A cross-account action: CodePipeline assumes this role of the platform account, where the project is.
        roleArn: builds.actionsRoleArn,
        configuration: { ProjectName: project, ...extra },
    });
    return {
        database: action("AppRole", builds.databaseProject, [APP_SOURCE]),
        deploy: action("Namespace", builds.deployProject, [args.manifests, "build_output"], {
            PrimarySource: args.manifests,
            EnvironmentVariables: JSON.stringify([{ name: "MANIFEST_DIR", value: args.manifestDir, type: "PLAINTEXT" }]),
        }),
        statement: { Sid: "PlatformBuilds", Effect: "Allow", Action: ["sts:AssumeRole"], Resource: [builds.actionsRoleArn] },
        targetsRole,
    };
}
