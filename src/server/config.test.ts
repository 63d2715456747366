import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.js";

describe("PARAMSTORE_AUDIT_RETENTION_DAYS", () => {
  it("keeps audit records forever when unset or empty", () => {
    expect(loadConfig({}, {}).auditRetentionDays).toBeUndefined();
    expect(loadConfig({}, { PARAMSTORE_AUDIT_RETENTION_DAYS: "" }).auditRetentionDays).toBeUndefined();
  });

  it("takes a whole number of days", () => {
    expect(loadConfig({}, { PARAMSTORE_AUDIT_RETENTION_DAYS: "90" }).auditRetentionDays).toBe(90);
  });

  it("refuses anything else", () => {
    for (const bad of ["0", "-1", "1.5", "ninety", "1e3"]) {
      expect(() => loadConfig({}, { PARAMSTORE_AUDIT_RETENTION_DAYS: bad })).toThrow(ConfigError);
      expect(() => loadConfig({}, { PARAMSTORE_AUDIT_RETENTION_DAYS: bad })).toThrow(
        "PARAMSTORE_AUDIT_RETENTION_DAYS must be a whole number of days, at least 1",
      );
    }
  });
});
