import { describe, expect, it } from "vitest";
import { jacksonJson } from "./jackson-json.js";

describe("jacksonJson", () => {
  it("lays out a key policy as KMS prints its own", () => {
    const text = jacksonJson({
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:root" }, Action: ["kms:Get*", "kms:List*"] }],
    });
    expect(text).toBe(
      [
        "{",
        '  "Version" : "2012-10-17",',
        '  "Statement" : [ {',
        '    "Effect" : "Allow",',
        '    "Principal" : {',
        '      "AWS" : "arn:aws:iam::111122223333:root"',
        "    },",
        '    "Action" : [ "kms:Get*", "kms:List*" ]',
        "  } ]",
        "}",
      ].join("\n"),
    );
  });

  it("prints empty containers with a space, as Jackson does", () => {
    expect(jacksonJson({ a: [], b: {} })).toBe('{\n  "a" : [ ],\n  "b" : { }\n}');
  });
});
