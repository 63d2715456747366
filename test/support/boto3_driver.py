"""Runs a batch of SSM calls with boto3 and prints one JSON result per call.

stdin: {"endpoint": url, "region": r, "calls": [{"op": "put_parameter", "params": {...}}, ...]}
stdout: [{"ok": response} | {"error": {"code", "message", "status"}}, ...]
Timestamps become epoch seconds so the test side can compare them; blobs (bytes) become base64
strings, and a parameter written {"$base64": "..."} is sent as those bytes.
"""
import base64
import datetime
import json
import os
import sys

import boto3
import botocore.config
import botocore.exceptions


def plain(value):
    if isinstance(value, (bytes, bytearray)):
        return base64.b64encode(value).decode("ascii")
    if isinstance(value, datetime.datetime):
        return value.timestamp()
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items() if k != "ResponseMetadata"}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def decoded(value):
    if isinstance(value, dict):
        if set(value) == {"$base64"}:
            return base64.b64decode(value["$base64"])
        return {k: decoded(v) for k, v in value.items()}
    if isinstance(value, list):
        return [decoded(v) for v in value]
    return value


def main():
    job = json.load(sys.stdin)
    client = boto3.client(
        job.get("service", "ssm"),
        endpoint_url=job["endpoint"],
        region_name=job.get("region", "us-east-1"),
        aws_access_key_id=job.get("accessKeyId", os.environ.get("AWS_ACCESS_KEY_ID")),
        aws_secret_access_key=job.get("secretAccessKey", os.environ.get("AWS_SECRET_ACCESS_KEY")),
        aws_session_token=job.get("sessionToken"),
        config=botocore.config.Config(retries={"max_attempts": 1, "mode": "standard"}),
    )
    results = []
    for call in job["calls"]:
        try:
            response = getattr(client, call["op"])(**decoded(call.get("params", {})))
            results.append({"ok": plain(response), "requestId": response["ResponseMetadata"].get("RequestId")})
        except botocore.exceptions.ClientError as e:
            err = e.response.get("Error", {})
            results.append({
                "error": {
                    "code": err.get("Code"),
                    "message": err.get("Message"),
                    "status": e.response.get("ResponseMetadata", {}).get("HTTPStatusCode"),
                }
            })
        except botocore.exceptions.ParamValidationError as e:
            results.append({"clientValidation": str(e)})
    json.dump(results, sys.stdout)


main()
