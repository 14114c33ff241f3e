import { describe, expect, it } from "vitest";
import { deviceCookieAfterSignIn, recognisedDevice } from "./sign-in-device";

const SECRET = "a test secret for device cookies";

describe("device cookies", () => {
  it("recognise the account they were issued for, whatever the email's case, and no other", () => {
    const cookie = deviceCookieAfterSignIn(undefined, "ed@example.org", SECRET);
    const id = recognisedDevice(cookie, " ED@example.org", SECRET);
    expect(id).toMatch(/^[\w-]{16}$/);
    expect(recognisedDevice(cookie, "other@example.org", SECRET)).toBeNull();
    expect(recognisedDevice(cookie, "ed@example.org", "another secret")).toBeNull();
    expect(cookie).not.toContain("ed@example.org");
  });

  it("cannot be forged or altered", () => {
    const cookie = deviceCookieAfterSignIn(undefined, "ed@example.org", SECRET);
    const [nonce, mac] = cookie.split(".");
    expect(recognisedDevice(`${nonce}.${"A".repeat(22)}`, "ed@example.org", SECRET)).toBeNull();
    expect(recognisedDevice(`${"B".repeat(16)}.${mac}`, "ed@example.org", SECRET)).toBeNull();
    expect(recognisedDevice("garbage~%00~", "ed@example.org", SECRET)).toBeNull();
    expect(recognisedDevice(cookie, "ed@example.org", undefined)).toBeNull();
  });

  it("keep one id per account across sign-ins and hold up to five accounts, the latest first", () => {
    let cookie = deviceCookieAfterSignIn(undefined, "a@example.org", SECRET);
    const first = recognisedDevice(cookie, "a@example.org", SECRET);
    cookie = deviceCookieAfterSignIn(cookie, "a@example.org", SECRET);
    expect(recognisedDevice(cookie, "a@example.org", SECRET)).toBe(first);
    for (const name of ["b", "c", "d", "e", "f"])
      cookie = deviceCookieAfterSignIn(cookie, `${name}@example.org`, SECRET);
    expect(cookie.split("~")).toHaveLength(5);
    expect(recognisedDevice(cookie, "f@example.org", SECRET)).not.toBeNull();
    expect(recognisedDevice(cookie, "b@example.org", SECRET)).not.toBeNull();
    expect(recognisedDevice(cookie, "a@example.org", SECRET)).toBeNull();
  });
});
