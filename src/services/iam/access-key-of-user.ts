import { noSuchAccessKey } from "../../errors/iam-errors.js";
import type { AccessKeyRecord } from "../../storage/iam-ports.js";
import type { ReadTx } from "../../storage/ports.js";
import { requireUser } from "./lookups.js";

/** A key of the named user; a key of another user is as unknown as a missing one (§6, unverified). */
export async function accessKeyOfUser(tx: ReadTx, userName: string, accessKeyId: string): Promise<AccessKeyRecord> {
  const user = await requireUser(tx, userName);
  const key = await tx.accessKey(accessKeyId);
  if (key === undefined || key.userId !== user.userId) throw noSuchAccessKey(accessKeyId);
  return key;
}
