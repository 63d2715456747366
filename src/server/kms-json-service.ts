import { kmsMetadata, kmsOperations } from "../model/generated/kms.js";
import type { OperationModel } from "../model/shape.js";
import { validateInput } from "../model/validate.js";
import type { KmsKeyStore } from "../services/kms/key-store.js";
import { kmsAwsError } from "../services/kms/kms-errors.js";
import { kmsOperationTable } from "../services/kms/operations/index.js";
import type { AnyOperation } from "../services/operation.js";
import { KmsFailure } from "../services/ports.js";
import type { JsonService, OperationEntry } from "../wire/json-service.js";

/**
 * KMS (TrentService) on the JSON 1.1 wire: each handler behind the model check of its input, bound to
 * the key store it shares with the SSM keyring, its KmsFailures rendered as KMS renders them.
 */
export function kmsJsonService(keys: KmsKeyStore): JsonService {
  const models: Readonly<Record<string, OperationModel>> = kmsOperations;
  const operations = new Map<string, OperationEntry>();
  for (const [name, kmsOperation] of kmsOperationTable) {
    const model = models[name];
    if (model === undefined) throw new Error(`no model for KMS operation ${name}`);
    const operation: AnyOperation = {
      name,
      action: kmsOperation.action,
      access: (input, cx) => asKmsError(() => kmsOperation.access(input, cx, keys)),
      run: (input, cx) => asKmsError(() => kmsOperation.run(input, cx, keys)),
    };
    operations.set(name, { operation, validate: (body) => validateInput(model, body) });
  }
  return { targetPrefix: kmsMetadata.targetPrefix, signingName: kmsMetadata.signingName, operations };
}

async function asKmsError<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof KmsFailure) throw kmsAwsError(e);
    throw e;
  }
}
