import * as pulumi from "@pulumi/pulumi";

/** One statement of an inline role policy of the pipeline. */
export interface PolicyStatement {
    Sid: string;
    Effect: "Allow";
    Action: string[];
    Resource: pulumi.Input<pulumi.Input<string>[]>;
    Condition?: pulumi.Input<Record<string, unknown>>;
}

/** An IAM policy document from statements (outputs resolved). */
export function policyDocument(statements: PolicyStatement[]): pulumi.Output<string> {
    return pulumi.jsonStringify({ Version: "2012-10-17", Statement: statements });
}
