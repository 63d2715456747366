import { describe, expect, it } from "vitest";
import { AwsError } from "../errors/aws-error.js";
import { ssmOperations } from "./generated/ssm.js";
import { list, long, member, operation, string, structure, blob, map, timestamp, double } from "./shape.js";
import { validateInput } from "./validate.js";

/** Runs the validator and returns the AwsError it throws (fails the test if it does not throw). */
function rejection(op: keyof typeof ssmOperations, body: unknown): AwsError {
  try {
    validateInput(ssmOperations[op], body);
  } catch (e) {
    if (e instanceof AwsError) return e;
    throw e;
  }
  throw new Error(`${op} accepted ${JSON.stringify(body)}`);
}

function validationMessage(op: keyof typeof ssmOperations, body: unknown): string {
  const e = rejection(op, body);
  expect(e.code).toBe("ValidationException");
  expect(e.status).toBe(400);
  expect(e.messageKey).toBe("message");
  return e.message;
}

function serialization(op: keyof typeof ssmOperations, body: unknown): AwsError {
  const e = rejection(op, body);
  expect(e.code).toBe("SerializationException");
  expect(e.status).toBe(400);
  return e;
}

describe("validateInput: messages recorded from AWS (spec §1.5)", () => {
  it("rejects an unknown parameter type with the enum set in AWS's order", () => {
    expect(validationMessage("PutParameter", { Name: "p", Value: "v", Type: "BadType" })).toBe(
      "1 validation error detected: Value 'BadType' at 'type' failed to satisfy constraint: Member must satisfy enum value set: [SecureString, StringList, String]",
    );
  });

  it("rejects more than 10 names, printing the whole list", () => {
    const names = Array.from({ length: 11 }, (_, i) => `n${i + 1}`);
    expect(validationMessage("GetParameters", { Names: names })).toBe(
      "1 validation error detected: Value '[n1, n2, n3, n4, n5, n6, n7, n8, n9, n10, n11]' at 'names' failed to satisfy constraint: Member must have length less than or equal to 10",
    );
  });

  it("rejects a label over 100 characters with the element rules wrapped at the list", () => {
    const label = "x".repeat(101);
    expect(validationMessage("LabelParameterVersion", { Name: "p", Labels: [label] })).toBe(
      `1 validation error detected: Value '[${label}]' at 'labels' failed to satisfy constraint: Member must satisfy constraint: [Member must have length less than or equal to 100, Member must have length greater than or equal to 1]`,
    );
  });

  it("quotes numbers like strings", () => {
    expect(validationMessage("DescribeParameters", { MaxResults: 51 })).toBe(
      "1 validation error detected: Value '51' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 50",
    );
    expect(validationMessage("GetParametersByPath", { Path: "/", MaxResults: 0 })).toBe(
      "1 validation error detected: Value '0' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1",
    );
  });

  it("leaves the sensitive Value out of the message", () => {
    expect(validationMessage("PutParameter", { Name: "p", Value: "", Type: "String" })).toBe(
      "1 validation error detected: Value at 'value' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
  });

  it("reports a missing required member as null", () => {
    expect(validationMessage("UnlabelParameterVersion", { Name: "p", Labels: ["l"] })).toBe(
      "1 validation error detected: Value null at 'parameterVersion' failed to satisfy constraint: Member must not be null",
    );
  });
});

describe("validateInput: rules and formats", () => {
  it("lists every violation, in AWS's member order, separated by '; '", () => {
    // AWS validates PutParameterRequest members as tier, dataType, name, policies, description,
    // keyId, type, value, ... (Java HashMap order of the member names), not in model order.
    expect(validationMessage("PutParameter", { Value: "", Type: "Bad", Name: "", Tier: "Huge", KeyId: "a b" })).toBe(
      "5 validation errors detected: " +
        "Value 'Huge' at 'tier' failed to satisfy constraint: Member must satisfy enum value set: [Advanced, Intelligent-Tiering, Standard]; " +
        "Value '' at 'name' failed to satisfy constraint: Member must have length greater than or equal to 1; " +
        "Value 'a b' at 'keyId' failed to satisfy constraint: Member must satisfy regular expression pattern: ^([a-zA-Z0-9:/_-]+)$; " +
        "Value 'Bad' at 'type' failed to satisfy constraint: Member must satisfy enum value set: [SecureString, StringList, String]; " +
        "Value at 'value' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
  });

  it("reports each broken rule of one member separately, length before pattern", () => {
    expect(validationMessage("PutParameter", { Name: "p", Value: "v", KeyId: "" })).toBe(
      "2 validation errors detected: " +
        "Value '' at 'keyId' failed to satisfy constraint: Member must have length greater than or equal to 1; " +
        "Value '' at 'keyId' failed to satisfy constraint: Member must satisfy regular expression pattern: ^([a-zA-Z0-9:/_-]+)$",
    );
    const long = "k".repeat(257);
    expect(validationMessage("PutParameter", { Name: "p", Value: "v", KeyId: long })).toBe(
      `1 validation error detected: Value '${long}' at 'keyId' failed to satisfy constraint: Member must have length less than or equal to 256`,
    );
  });

  it("prints the model's Java pattern text verbatim", () => {
    expect(validationMessage("AddTagsToResource", { ResourceType: "Parameter", ResourceId: "p", Tags: [{ Key: "a#b", Value: "v" }] })).toBe(
      "1 validation error detected: Value 'a#b' at 'tags.1.member.key' failed to satisfy constraint: Member must satisfy regular expression pattern: ^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$",
    );
  });

  it("uses 1-based member paths inside lists of structures", () => {
    expect(
      validationMessage("DescribeParameters", {
        ParameterFilters: [{ Key: "Name", Values: ["a"] }, { Values: ["b"] }, { Key: "Bogus", Option: "Equals" }],
      }),
    ).toBe(
      "2 validation errors detected: " +
        "Value null at 'parameterFilters.2.member.key' failed to satisfy constraint: Member must not be null; " +
        "Value 'Bogus' at 'parameterFilters.3.member.key' failed to satisfy constraint: Member must satisfy regular expression pattern: tag:.+|Name|Type|KeyId|Path|Label|Tier|DataType",
    );
  });

  it("orders a structure's members as AWS does (Tag: value before key)", () => {
    expect(validationMessage("AddTagsToResource", { ResourceType: "Parameter", ResourceId: "p", Tags: [{ Key: "", Value: "#" }] })).toBe(
      "2 validation errors detected: " +
        "Value '#' at 'tags.1.member.value' failed to satisfy constraint: Member must satisfy regular expression pattern: ^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$; " +
        "Value '' at 'tags.1.member.key' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
  });

  it("wraps every element rule, pattern last, when a list of strings has a bad element", () => {
    expect(validationMessage("RemoveTagsFromResource", { ResourceType: "Parameter", ResourceId: "p", TagKeys: ["ok", "b#d"] })).toBe(
      "1 validation error detected: Value '[ok, b#d]' at 'tagKeys' failed to satisfy constraint: Member must satisfy constraint: " +
        "[Member must have length less than or equal to 128, Member must have length greater than or equal to 1, Member must satisfy regular expression pattern: ^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$]",
    );
  });

  it("reports a list's length before its element rule, once however many elements break it", () => {
    const labels = ["", ...Array.from({ length: 10 }, (_, i) => `l${i}`)];
    expect(validationMessage("LabelParameterVersion", { Name: "p", Labels: labels })).toBe(
      "2 validation errors detected: " +
        "Value '[, l0, l1, l2, l3, l4, l5, l6, l7, l8, l9]' at 'labels' failed to satisfy constraint: Member must have length less than or equal to 10; " +
        "Value '[, l0, l1, l2, l3, l4, l5, l6, l7, l8, l9]' at 'labels' failed to satisfy constraint: Member must satisfy constraint: [Member must have length less than or equal to 100, Member must have length greater than or equal to 1]",
    );
  });

  it("renders an empty list", () => {
    expect(validationMessage("GetParameters", { Names: [] })).toBe(
      "1 validation error detected: Value '[]' at 'names' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
  });

  it("applies Java's whole-value match, where '.' stops at line breaks", () => {
    const arn = "arn:aws:ssm:us-east-1:123456789012:parameter/p";
    expect(validationMessage("PutResourcePolicy", { ResourceArn: arn, Policy: "{\n}" })).toBe(
      "1 validation error detected: Value '{\n}' at 'policy' failed to satisfy constraint: Member must satisfy regular expression pattern: ^(?!\\s*$).+",
    );
    expect(validationMessage("PutResourcePolicy", { ResourceArn: arn, Policy: "   " })).toContain("at 'policy'");
    expect(validateInput(ssmOperations.PutResourcePolicy, { ResourceArn: arn, Policy: '{"Version":"2012-10-17"}' })).toBeTruthy();
  });

  it("counts string length in UTF-16 code units, like Java", () => {
    const label = "😀".repeat(50); // 100 code units
    expect(() => validateInput(ssmOperations.LabelParameterVersion, { Name: "p", Labels: [label] })).not.toThrow();
    expect(validationMessage("LabelParameterVersion", { Name: "p", Labels: [label + "x"] })).toContain("at 'labels'");
  });

  it("prints the enum set of other enums in the same order rule", () => {
    expect(validationMessage("ListTagsForResource", { ResourceType: "Bucket", ResourceId: "p" })).toBe(
      "1 validation error detected: Value 'Bucket' at 'resourceType' failed to satisfy constraint: Member must satisfy enum value set: " +
        "[Association, OpsMetadata, MaintenanceWindow, OpsItem, Parameter, PatchBaseline, ManagedInstance, Automation, Document]",
    );
  });
});

describe("validateInput: accepted input", () => {
  it("returns the body itself when it is valid", () => {
    const body = { Name: "/a/b", WithDecryption: true };
    expect(validateInput(ssmOperations.GetParameter, body)).toBe(body);
  });

  it("ignores unknown members", () => {
    expect(validateInput(ssmOperations.GetParameter, { Name: "p", Bogus: [1, { x: 2 }] })).toEqual({ Name: "p", Bogus: [1, { x: 2 }] });
  });

  it("treats a null member as absent", () => {
    const body = validateInput(ssmOperations.GetParameter, { Name: "p", WithDecryption: null });
    expect(body["WithDecryption"]).toBeUndefined();
    expect(validationMessage("GetParameter", { Name: null })).toBe(
      "1 validation error detected: Value null at 'name' failed to satisfy constraint: Member must not be null",
    );
  });

  it("drops null list elements", () => {
    expect(validateInput(ssmOperations.GetParameters, { Names: ["a", null, "b"] })).toEqual({ Names: ["a", "b"] });
  });

  it("truncates a fractional integer, as AWS reads it", () => {
    expect(validateInput(ssmOperations.DescribeParameters, { MaxResults: 5.7 })).toEqual({ MaxResults: 5 });
  });

  it("accepts an empty body for an operation without required members", () => {
    expect(validateInput(ssmOperations.DescribeParameters, {})).toEqual({});
  });
});

describe("validateInput: wrong JSON types are SerializationException", () => {
  it("rejects a body that is not a JSON object", () => {
    expect(serialization("GetParameter", [{ Name: "p" }]).message).toBe("Start of list found where not expected");
    for (const body of ["x", 1, true, null, undefined]) {
      const e = serialization("GetParameter", body);
      expect(e.messageKey).toBeNull();
    }
  });

  it("names the JSON value kind and the expected type", () => {
    const e = serialization("GetParameter", { Name: 1 });
    expect(e.message).toBe("NUMBER_VALUE can not be converted to a String");
    expect(e.messageKey).toBe("Message");
    expect(serialization("DescribeParameters", { MaxResults: "10" }).message).toBe("STRING_VALUE can not be converted to an Integer");
    expect(serialization("DescribeParameters", { MaxResults: true }).message).toBe("TRUE_VALUE can not be converted to an Integer");
    expect(serialization("GetParameter", { Name: "p", WithDecryption: "true" }).message).toBe("STRING_VALUE can not be converted to a Boolean");
    expect(serialization("LabelParameterVersion", { Name: "p", Labels: ["l"], ParameterVersion: "1" }).message).toBe(
      "STRING_VALUE can not be converted to a Long",
    );
    expect(serialization("GetParameters", { Names: [false] }).message).toBe("FALSE_VALUE can not be converted to a String");
  });

  it("rejects containers where scalars go and scalars where containers go", () => {
    expect(serialization("GetParameter", { Name: ["p"] }).message).toBe("Start of list found where not expected");
    expect(serialization("GetParameter", { Name: { p: 1 } }).message).toBe("Start of structure or map found where not expected.");
    expect(serialization("GetParameters", { Names: "p" }).message).toBe("Expected list or null");
    expect(serialization("GetParameters", { Names: { a: 1 } }).message).toBe("Start of structure or map found where not expected.");
    expect(serialization("DescribeParameters", { ParameterFilters: ["Name"] }).message).toBe("Expected null");
    expect(serialization("DescribeParameters", { ParameterFilters: [["Name"]] }).message).toBe("Start of list found where not expected");
  });

  it("wins over constraint violations anywhere in the body", () => {
    expect(serialization("PutParameter", { Name: "", Value: "", Type: "Bad", Overwrite: "yes" }).code).toBe("SerializationException");
  });

  it("rejects integers outside the member's Java type", () => {
    expect(serialization("DescribeParameters", { MaxResults: 2 ** 31 }).messageKey).toBeNull();
    expect(serialization("LabelParameterVersion", { Name: "p", Labels: ["l"], ParameterVersion: 2 ** 60 }).messageKey).toBeNull();
  });
});

describe("validateInput: shapes SSM does not use yet (KMS, IAM)", () => {
  const op = operation(
    "Test",
    structure("TestRequest", [
      member("Plaintext", blob("PlaintextType", { min: 1, max: 4, sensitive: true })),
      member("CiphertextBlob", blob("CiphertextType", { min: 1, max: 6144 })),
      member("Context", map("Context", string("K", { min: 1, max: 3 }), string("V", { pattern: "[a-z]*" }))),
      member("When", timestamp("When")),
      member("Ratio", double("Ratio", { min: 0, max: 1 })),
      member("Versions", list("Versions", long("Version", { min: 1 }))),
    ]),
    [],
  );
  const message = (body: unknown): string => {
    try {
      validateInput(op, body);
    } catch (e) {
      if (e instanceof AwsError) return `${e.code}: ${e.message}`;
      throw e;
    }
    return "accepted";
  };

  it("decodes blobs and timestamps to the SDK's types", () => {
    const body = validateInput(op, { Plaintext: "AQID", When: 1790450996.298 });
    expect(body["Plaintext"]).toEqual(Buffer.from([1, 2, 3]));
    expect(body["When"]).toEqual(new Date(1790450996298));
  });

  it("measures blobs in decoded bytes and hides sensitive ones", () => {
    expect(message({ Plaintext: Buffer.alloc(5).toString("base64") })).toBe(
      "ValidationException: 1 validation error detected: Value at 'plaintext' failed to satisfy constraint: Member must have length less than or equal to 4",
    );
    expect(message({ CiphertextBlob: "" })).toBe(
      "ValidationException: 1 validation error detected: Value 'java.nio.HeapByteBuffer[pos=0 lim=0 cap=0]' at 'ciphertextBlob' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
    expect(message({ Plaintext: "not base64!" })).toBe("SerializationException: ");
  });

  it("reports map keys, then map values, once each", () => {
    expect(message({ Context: { long: "A", ok: "b" } })).toBe(
      "ValidationException: 2 validation errors detected: " +
        "Value '{long=A, ok=b}' at 'context' failed to satisfy constraint: Map keys must satisfy constraint: [Member must have length less than or equal to 3, Member must have length greater than or equal to 1]; " +
        "Value '{long=A, ok=b}' at 'context' failed to satisfy constraint: Map value must satisfy constraint: [Member must satisfy regular expression pattern: [a-z]*]",
    );
  });

  it("prints fractional bounds the Java way", () => {
    expect(message({ Ratio: 1.5 })).toBe(
      "ValidationException: 1 validation error detected: Value '1.5' at 'ratio' failed to satisfy constraint: Member must have value less than or equal to 1.0",
    );
  });

  it("wraps value rules of numeric list elements", () => {
    expect(message({ Versions: [3, 0] })).toBe(
      "ValidationException: 1 validation error detected: Value '[3, 0]' at 'versions' failed to satisfy constraint: Member must satisfy constraint: [Member must have value greater than or equal to 1]",
    );
  });
});
