import type * as pulumi from "@pulumi/pulumi";

/** Central logging: where control-plane, audit and flow logs go. */
export interface LoggingOutputs {
    /** CloudWatch log group ARN / Log Analytics workspace id / Cloud Logging bucket id. */
    workspaceId: pulumi.Output<string>;
    /** Long-term archive (S3 bucket, storage, GCS/log bucket). */
    archiveId: pulumi.Output<string>;
    retentionDays: number;
}
