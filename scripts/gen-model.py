#!/usr/bin/env python3
"""Generate src/model/generated/<service>.ts from botocore's service models.

The AWS service model is the source of truth for member names, types, constraints and error
names; this script copies what the server needs into TypeScript so nothing is restated by hand.
It reads the installed botocore package (stdlib only) and writes one file per service:

  - every shape reachable from the listed operations' inputs, each defined once and referenced,
    in dependency order, with the model's constraints verbatim (min, max, the Java regex text of
    `pattern`, enum values in model order, sensitive);
  - one entry per operation: its input structure and its documented error shape names;
  - for the Query-protocol services (IAM, STS), also every shape reachable from the outputs, each
    operation's output structure and result wrapper, which string shapes hold policy documents
    (botocore's `policyDocumentType`, which the XML encoder percent-encodes, iam-sts.md §1.2) and one
    entry per exception shape: its wire code, HTTP status and fault.

Coral-specific orderings (enum value sets, member validation order) are derived at run time in
src/model/, not here: the generated file stays a faithful copy of the model.

Usage: python3 scripts/gen-model.py   (or `npm run gen-model`)
To add a service, add one generate(...) call in main().
"""

import gzip
import json
import os
import sys

import botocore

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT_DIR = os.path.join(ROOT, "src", "model", "generated")

SSM_OPERATIONS = [
    "PutParameter",
    "GetParameter",
    "GetParameters",
    "GetParametersByPath",
    "DeleteParameter",
    "DeleteParameters",
    "DescribeParameters",
    "GetParameterHistory",
    "LabelParameterVersion",
    "UnlabelParameterVersion",
    "AddTagsToResource",
    "RemoveTagsFromResource",
    "ListTagsForResource",
    "GetServiceSetting",
    "UpdateServiceSetting",
    "ResetServiceSetting",
    "PutResourcePolicy",
    "GetResourcePolicies",
    "DeleteResourcePolicy",
]

KMS_OPERATIONS = [
    "CreateKey",
    "DescribeKey",
    "ListKeys",
    "EnableKey",
    "DisableKey",
    "ScheduleKeyDeletion",
    "CancelKeyDeletion",
    "CreateAlias",
    "UpdateAlias",
    "DeleteAlias",
    "ListAliases",
    "Encrypt",
    "Decrypt",
    "ReEncrypt",
    "GenerateDataKey",
    "GenerateDataKeyWithoutPlaintext",
    "GenerateRandom",
    "EnableKeyRotation",
    "DisableKeyRotation",
    "GetKeyRotationStatus",
    "RotateKeyOnDemand",
    "ListKeyRotations",
    "TagResource",
    "UntagResource",
    "ListResourceTags",
    "UpdateKeyDescription",
    "GetKeyPolicy",
    "PutKeyPolicy",
    "ListKeyPolicies",
]

# Constraints AWS's servers enforce that botocore's copy of the model lacks, each with the recorded
# evidence (docs in /work/shared/spec). Applied on top of the model and marked in the output.
PATCHES = {
    "ssm": {
        # Empty Value → "Value at 'value' failed to satisfy constraint: Member must have length
        # greater than or equal to 1" (ssm-parameter-store.md §1.5 and §3.2, [capture]).
        "PSParameterValue": {"min": 1},
    },
}

# String shapes whose values are IAM policy documents: AWS returns them RFC 3986-encoded in Query
# responses and botocore URL-decodes them (handlers.json_decode_policies keys on this shape name).
POLICY_DOCUMENT_SHAPES = {"policyDocumentType"}

# Shape and member keys that carry nothing the server acts on. Any other key stops the generator,
# so a new trait is noticed instead of silently dropped.
IGNORED_SHAPE_KEYS = {"documentation", "deprecated", "deprecatedMessage", "box"}
IGNORED_MEMBER_KEYS = {"documentation", "deprecated", "deprecatedMessage", "box", "shape"}


def load_model(service, api_version):
    path = os.path.join(os.path.dirname(botocore.__file__), "data", service, api_version, "service-2.json.gz")
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return json.load(f), os.path.relpath(path, os.path.dirname(botocore.__file__))


def ts_string(s):
    # JSON string syntax is valid TypeScript; keep non-ASCII readable.
    return json.dumps(s, ensure_ascii=False)


def ts_number(n):
    if isinstance(n, bool) or not isinstance(n, (int, float)):
        raise ValueError(f"not a number: {n!r}")
    return repr(n)


def var(name):
    return "$" + name


class Generator:
    def __init__(self, service, model):
        self.service = service
        self.shapes = model["shapes"]
        self.patched = set()
        for name, patch in PATCHES.get(service, {}).items():
            if name not in self.shapes:
                raise SystemExit(f"{service}: patch for unknown shape {name}")
            for key, value in patch.items():
                if self.shapes[name].get(key) == value:
                    raise SystemExit(f"{service}: botocore now has {name}.{key} = {value!r}; drop the patch")
            self.shapes[name] = {**self.shapes[name], **patch}
            self.patched.add(name)
        self.order = []  # shape names in dependency order
        self.state = {}  # name -> "visiting" | "done"

    def visit(self, name):
        st = self.state.get(name)
        if st == "done":
            return
        if st == "visiting":
            raise SystemExit(f"{self.service}: recursive shape {name} is not supported by the generated format")
        self.state[name] = "visiting"
        shape = self.shapes[name]
        for child in self.children(shape):
            self.visit(child)
        self.state[name] = "done"
        self.order.append(name)

    @staticmethod
    def children(shape):
        t = shape["type"]
        if t == "list":
            return [shape["member"]["shape"]]
        if t == "map":
            return [shape["key"]["shape"], shape["value"]["shape"]]
        if t == "structure":
            return [m["shape"] for m in shape.get("members", {}).values()]
        return []

    def check_keys(self, name, shape, allowed):
        unknown = set(shape) - allowed - IGNORED_SHAPE_KEYS - {"type"}
        if unknown:
            raise SystemExit(f"{self.service}: shape {name} has unsupported keys {sorted(unknown)}")

    def constraints(self, name, shape, allowed):
        self.check_keys(name, shape, allowed)
        parts = []
        for key in ("min", "max"):
            if key in shape:
                parts.append(f"{key}: {ts_number(shape[key])}")
        if "pattern" in shape:
            parts.append(f"pattern: {ts_string(shape['pattern'])}")
        if "enum" in shape:
            parts.append("enum: [" + ", ".join(ts_string(v) for v in shape["enum"]) + "]")
        if shape.get("sensitive"):
            parts.append("sensitive: true")
        if "timestampFormat" in shape:
            parts.append(f"timestampFormat: {ts_string(shape['timestampFormat'])}")
        if shape.get("type") == "string" and name in POLICY_DOCUMENT_SHAPES:
            parts.append("policyDocument: true")
        return "{ " + ", ".join(parts) + " }" if parts else None

    def shape_expr(self, name):
        shape = self.shapes[name]
        t = shape["type"]
        n = ts_string(name)
        if t == "string":
            c = self.constraints(name, shape, {"min", "max", "pattern", "enum", "sensitive"})
        elif t in ("integer", "long", "float", "double", "blob"):
            c = self.constraints(name, shape, {"min", "max", "sensitive"})
        elif t == "boolean":
            c = self.constraints(name, shape, {"sensitive"})
        elif t == "timestamp":
            c = self.constraints(name, shape, {"sensitive", "timestampFormat"})
        elif t == "list":
            c = self.constraints(name, shape, {"member", "min", "max", "sensitive"})
            self.check_member_ref(name, shape["member"])
            args = [n, var(shape["member"]["shape"])] + ([c] if c else [])
            return f"list({', '.join(args)})"
        elif t == "map":
            c = self.constraints(name, shape, {"key", "value", "min", "max", "sensitive"})
            self.check_member_ref(name, shape["key"])
            self.check_member_ref(name, shape["value"])
            args = [n, var(shape["key"]["shape"]), var(shape["value"]["shape"])] + ([c] if c else [])
            return f"map({', '.join(args)})"
        elif t == "structure":
            return self.structure_expr(name, shape)
        else:
            raise SystemExit(f"{self.service}: shape {name} has unsupported type {t}")
        return f"{t}({n}{', ' + c if c else ''})"

    def check_member_ref(self, owner, ref):
        unknown = set(ref) - IGNORED_MEMBER_KEYS
        if unknown:
            raise SystemExit(f"{self.service}: {owner} member reference has unsupported keys {sorted(unknown)}")

    def structure_expr(self, name, shape):
        if shape.get("exception"):
            raise SystemExit(f"{self.service}: exception shape {name} reached from an input or output")
        self.check_keys(name, shape, {"members", "required", "sensitive"})
        required = set(shape.get("required", []))
        members = []
        for mname, ref in shape.get("members", {}).items():
            unknown = set(ref) - IGNORED_MEMBER_KEYS - {"sensitive", "idempotencyToken"}
            if unknown:
                raise SystemExit(f"{self.service}: {name}.{mname} has unsupported keys {sorted(unknown)}")
            opts = []
            if mname in required:
                opts.append("required: true")
            if ref.get("sensitive"):
                opts.append("sensitive: true")
            if ref.get("idempotencyToken"):
                opts.append("idempotencyToken: true")
            args = [ts_string(mname), var(ref["shape"])] + (["{ " + ", ".join(opts) + " }"] if opts else [])
            members.append(f"  member({', '.join(args)}),")
        missing = required - set(shape.get("members", {}))
        if missing:
            raise SystemExit(f"{self.service}: {name} requires unknown members {sorted(missing)}")
        if not members:
            return f"structure({ts_string(name)}, [])"
        return f"structure({ts_string(name)}, [\n" + "\n".join(members) + "\n])"


def error_entry(service, name, shape):
    unknown = set(shape) - {"type", "members", "error", "exception", "fault", "documentation", "deprecated", "deprecatedMessage"}
    if unknown:
        raise SystemExit(f"{service}: exception shape {name} has unsupported keys {sorted(unknown)}")
    trait = shape.get("error", {})
    # botocore: the code is the shape name unless the error trait names one; status 400 unless given.
    code = trait.get("code", name)
    status = trait.get("httpStatusCode", 500 if shape.get("fault") else 400)
    fault = "Sender" if trait.get("senderFault") or (not shape.get("fault") and status < 500) else "Receiver"
    return f"  {name}: errorShape({ts_string(name)}, {ts_string(code)}, {ts_number(status)}, {ts_string(fault)}),"


def generate(service, api_version, operations, query=False):
    """`operations` None: every operation of the model. `query`: also outputs and the error table."""
    model, source = load_model(service, api_version)
    gen = Generator(service, model)
    ops = []
    if operations is None:
        operations = sorted(model["operations"])
    no_input = f"{service.capitalize()}NoInput"
    for op in operations:
        if op not in model["operations"]:
            raise SystemExit(f"{service}: unknown operation {op}")
        spec = model["operations"][op]
        if "input" in spec:
            input_name = spec["input"]["shape"]
        elif query:
            # Operations without input (GetAccountSummary) take no parameters besides Action/Version.
            if model["shapes"].setdefault(no_input, {"type": "structure", "members": {}}).get("members"):
                raise SystemExit(f"{service}: shape name {no_input} is taken")
            input_name = no_input
        else:
            raise SystemExit(f"{service}: operation {op} has no input shape")
        gen.visit(input_name)
        output_name = None
        wrapper = None
        if query and "output" in spec:
            output_name = spec["output"]["shape"]
            wrapper = spec["output"].get("resultWrapper")
            unknown = set(spec["output"]) - {"shape", "resultWrapper"}
            if unknown:
                raise SystemExit(f"{service}: {op} output has unsupported keys {sorted(unknown)}")
            gen.visit(output_name)
        errors = [e["shape"] for e in spec.get("errors", [])]
        ops.append((op, input_name, errors, output_name, wrapper))
    exceptions = sorted(n for n, sh in model["shapes"].items() if sh.get("exception")) if query else []

    used = {model["shapes"][name]["type"] for name in gen.order}
    if any(model["shapes"][n]["type"] == "structure" and model["shapes"][n].get("members") for n in gen.order):
        used.add("member")
    builders = sorted(used | {"operation"} | ({"errorShape"} if exceptions else set()))

    meta = model["metadata"]
    metadata = {
        "apiVersion": meta["apiVersion"],
        "endpointPrefix": meta["endpointPrefix"],
        "jsonVersion": meta.get("jsonVersion"),
        "protocol": meta["protocol"],
        "serviceId": meta["serviceId"],
        "signingName": meta.get("signingName", meta["endpointPrefix"]),
        "targetPrefix": meta.get("targetPrefix"),
        "xmlNamespace": meta.get("xmlNamespace") if query else None,
    }
    metadata = {k: v for k, v in metadata.items() if v is not None}

    lines = [
        f"// GENERATED by scripts/gen-model.py from botocore {botocore.__version__} ({source}).",
        "// Do not edit: change the generator and run `npm run gen-model`.",
        "// Shapes keep the model's constraints verbatim (patterns are Java regex text); src/model/shape.ts",
        "// compiles them once, at module load.",
        "",
        f"import {{ {', '.join(builders)} }} from \"../shape.js\";",
        "",
        f"export const {service}Metadata = {{",
    ]
    for k, v in metadata.items():
        lines.append(f"  {k}: {ts_string(v)},")
    lines.append("} as const;")
    lines.append("")
    for name in gen.order:
        note = "  // patched in gen-model.py: botocore lacks a constraint AWS enforces" if name in gen.patched else ""
        lines.append(f"const {var(name)} = {gen.shape_expr(name)};{note}")
    lines.append("")
    lines.append(f"export const {service}Operations = {{")
    for op, input_name, errors, output_name, wrapper in ops:
        errs = ", ".join(ts_string(e) for e in errors)
        tail = ""
        if output_name is not None:
            tail = f", {var(output_name)}" + (f", {ts_string(wrapper)}" if wrapper else "")
        lines.append(f"  {op}: operation({ts_string(op)}, {var(input_name)}, [{errs}]{tail}),")
    lines.append("} as const;")
    lines.append("")
    if exceptions:
        lines.append("/** Exception shapes: wire code, HTTP status and fault, as the model's error traits give them. */")
        lines.append(f"export const {service}Errors = {{")
        for name in exceptions:
            lines.append(error_entry(service, name, model["shapes"][name]))
        lines.append("} as const;")
        lines.append("")
    lines.append(f"export type {service.capitalize()}OperationName = keyof typeof {service}Operations;")
    lines.append("")

    os.makedirs(OUT_DIR, exist_ok=True)
    out = os.path.join(OUT_DIR, f"{service}.ts")
    with open(out, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))
    print(f"wrote {os.path.relpath(out, ROOT)}: {len(ops)} operations, {len(gen.order)} shapes", file=sys.stderr)


def main():
    generate("ssm", "2014-11-06", SSM_OPERATIONS)
    generate("kms", "2014-11-01", KMS_OPERATIONS)
    generate("iam", "2010-05-08", None, query=True)
    generate("sts", "2011-06-15", None, query=True)


if __name__ == "__main__":
    main()
