// Run once as the server process starts (instrumentation.ts), before it answers a request.
import { installClientAddressHeader } from "./client-address-hook";
import { signInSettingsProblem } from "./session-config";
import { ssoSettingsProblem } from "./sso-settings";

export function prepareSignIn() {
  // A bad SESSION_MAX_AGE_HOURS, TRUSTED_PROXY_HOPS or OIDC_* setting would weaken or break sign-in: stop instead,
  // with the one sentence that says what to fix (as plain text, like `npm start`'s own).
  const problem = signInSettingsProblem() ?? ssoSettingsProblem();
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
  installClientAddressHeader();
}
