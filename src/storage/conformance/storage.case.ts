import { afterEach, beforeEach, describe } from "vitest";
import type { Storage } from "../ports.js";
import { iamCases } from "./iam.case.js";
import { kmsCases } from "./kms.case.js";
import { kmsRotationTagCases } from "./kms-rotation-tags.case.js";
import { kmsPolicyRootKeyCases } from "./kms-policy-root-key.case.js";
import { parameterVersionCases } from "./parameter-versions.case.js";
import { scanCases } from "./scan.case.js";
import { sealedCredentialCases } from "./sealed-credentials.case.js";
import { tagSettingPolicyCases } from "./tags-settings-policies.case.js";
import { transactionCases } from "./transactions.case.js";

export interface OpenedStorage {
  readonly storage: Storage;
  /** Closes the storage and removes whatever `open` created. */
  cleanup(): Promise<void>;
}

/**
 * The behaviour every storage adapter must show, whatever its engine. Each case gets a fresh,
 * empty store from `open`.
 */
export function describeStorage(name: string, open: () => Promise<OpenedStorage>): void {
  describe(`storage conformance: ${name}`, () => {
    let current: OpenedStorage | undefined;
    beforeEach(async () => {
      current = await open();
    });
    afterEach(async () => {
      await current?.cleanup();
      current = undefined;
    });
    const storage = (): Storage => {
      if (current === undefined) throw new Error("storage used outside a test");
      return current.storage;
    };

    parameterVersionCases(storage);
    scanCases(storage);
    transactionCases(storage);
    tagSettingPolicyCases(storage);
    kmsCases(storage);
    kmsRotationTagCases(storage);
    kmsPolicyRootKeyCases(storage);
    iamCases(storage);
    sealedCredentialCases(storage);
  });
}
