import { describe, expect, it } from "vitest";
import { findDevOutboxExposure } from "./dev-outbox";

describe("refusing a reachable production server without a mail server", () => {
  it("refuses HOST=0.0.0.0, a LAN address or a host name in production without SMTP_URL, saying what to set", () => {
    for (const HOST of ["0.0.0.0", "::", "192.168.1.20", "afterview.example.com"]) {
      const problem = findDevOutboxExposure({ isProduction: true, env: { HOST } });
      expect(problem, HOST).toContain(`HOST=${HOST}`);
      expect(problem).toMatch(/SMTP_URL.*HOST=127\.0\.0\.1.*ALLOW_DEV_OUTBOX=1/);
    }
  });

  it("refuses a loopback HOST behind a trusted proxy, which forwards other machines' requests", () => {
    expect(findDevOutboxExposure({ isProduction: true, env: { HOST: "127.0.0.1", TRUSTED_PROXIES: "1" } })).toContain("TRUSTED_PROXIES=1");
  });

  it("starts on loopback (the default), with SMTP_URL, with ALLOW_DEV_OUTBOX=1, or in development", () => {
    for (const HOST of [undefined, "", "127.0.0.1", "::1", "[::1]", "localhost"]) {
      expect(findDevOutboxExposure({ isProduction: true, env: { HOST } }), String(HOST)).toBeNull();
    }
    expect(findDevOutboxExposure({ isProduction: true, env: { HOST: "0.0.0.0", SMTP_URL: "smtp://127.0.0.1:2525" } })).toBeNull();
    expect(findDevOutboxExposure({ isProduction: true, env: { HOST: "0.0.0.0", ALLOW_DEV_OUTBOX: "1" } })).toBeNull();
    expect(findDevOutboxExposure({ isProduction: false, env: { HOST: "0.0.0.0" } })).toBeNull();
  });

  it("does not take an unreadable ALLOW_DEV_OUTBOX or TRUSTED_PROXIES as consent", () => {
    expect(findDevOutboxExposure({ isProduction: true, env: { HOST: "0.0.0.0", ALLOW_DEV_OUTBOX: "sure" } })).toMatch(/ALLOW_DEV_OUTBOX/);
    expect(findDevOutboxExposure({ isProduction: true, env: { TRUSTED_PROXIES: "one" } })).toMatch(/TRUSTED_PROXIES/);
  });
});
