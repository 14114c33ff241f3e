import { describe, expect, it } from "vitest";
import { ssoSettings, ssoSettingsProblem } from "./sso-settings";

const base = { OIDC_CLIENT_ID: "tracker", OIDC_CLIENT_SECRET: "s3cret" };

describe("ssoSettings", () => {
  it("is off when nothing is set", () => {
    expect(ssoSettings({})).toBeNull();
  });

  it("takes an https issuer, and a name for the button", () => {
    expect(
      ssoSettings({ ...base, OIDC_ISSUER: "https://login.example.org/realms/news", OIDC_NAME: "Newsroom ID" }),
    ).toEqual({
      issuer: "https://login.example.org/realms/news",
      clientId: "tracker",
      clientSecret: "s3cret",
      name: "Newsroom ID",
    });
    expect(ssoSettings({ ...base, OIDC_ISSUER: "https://login.example.org" })?.name).toBe("single sign-on");
  });

  it("refuses plain http except for a provider on this machine", () => {
    expect(() => ssoSettings({ ...base, OIDC_ISSUER: "http://login.example.org" })).toThrow(
      "OIDC_ISSUER must be an https URL",
    );
    expect(() => ssoSettings({ ...base, OIDC_ISSUER: "http://10.0.0.5:8080" })).toThrow(
      "OIDC_ISSUER must be an https URL",
    );
    for (const issuer of ["http://127.0.0.1:4000", "http://localhost:4000/", "http://[::1]:4000"]) {
      expect(ssoSettings({ ...base, OIDC_ISSUER: issuer })?.issuer).toBe(issuer);
    }
  });

  it("says what is missing or malformed in one sentence", () => {
    expect(() => ssoSettings({ OIDC_ISSUER: "https://login.example.org" })).toThrow(
      "Single sign-on needs OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET together",
    );
    expect(() => ssoSettings({ ...base, OIDC_ISSUER: "login.example.org" })).toThrow(
      "OIDC_ISSUER must be the provider's issuer URL",
    );
    expect(() => ssoSettings({ ...base, OIDC_ISSUER: "ftp://login.example.org" })).toThrow(
      "OIDC_ISSUER must be an https URL",
    );
  });

  it("gives the start-up check the sentence, or null when the settings work", () => {
    expect(ssoSettingsProblem({})).toBeNull();
    expect(ssoSettingsProblem({ ...base, OIDC_ISSUER: "https://login.example.org" })).toBeNull();
    expect(ssoSettingsProblem({ ...base, OIDC_ISSUER: "http://login.example.org" })).toMatch(
      /^OIDC_ISSUER must be an https URL/,
    );
  });
});
