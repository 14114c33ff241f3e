// A real OpenID Connect provider for the single sign-on spec (oidc-provider, the certified
// implementation), on a free port of 127.0.0.1. Its accounts are given by the test: the login
// typed in the provider's own sign-in form is the account's subject. Consent is granted
// automatically, as for a first-party client, so a sign-in is: type a login, submit.
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { createServer, type RequestListener } from "node:http";
import type { AddressInfo } from "node:net";
import Provider, { type Configuration } from "oidc-provider";

export interface ProviderAccount {
  email: string;
  email_verified?: boolean;
}

export interface OidcServer {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Accepts sign-ins for this client, which comes back to `redirectUri`. */
  register(redirectUri: string): void;
  stop(): Promise<void>;
}

export async function startOidcServer(accounts: Record<string, ProviderAccount>): Promise<OidcServer> {
  // The app's port, and so its redirect URI, is known only once the app runs, and the app needs
  // the issuer (this port) to start: listen first, make the provider when the app is known.
  let handler: RequestListener | undefined;
  const server = createServer((req, res) => {
    if (handler) return handler(req, res);
    res.writeHead(503).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = "tracker-e2e";
  const clientSecret = randomBytes(24).toString("base64url");
  const signingKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "jwk" });

  return {
    issuer,
    clientId,
    clientSecret,
    register(redirectUri) {
      const configuration: Configuration = {
        clients: [
          {
            client_id: clientId,
            client_secret: clientSecret,
            redirect_uris: [redirectUri],
            response_types: ["code"],
            grant_types: ["authorization_code"],
          },
        ],
        jwks: { keys: [{ ...signingKey, use: "sig", alg: "RS256", kid: "e2e" }] as never },
        cookies: { keys: [randomBytes(32).toString("hex")] },
        claims: { openid: ["sub"], email: ["email", "email_verified"] },
        // Put the email claims in the ID token, as most providers do (Auth.js reads the ID token).
        conformIdTokenClaims: false,
        pkce: { required: () => true },
        ttl: { Interaction: 600, Session: 600, Grant: 600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
        async findAccount(_ctx, sub) {
          const account = accounts[sub];
          return account && { accountId: sub, claims: () => ({ sub, ...account }) };
        },
        async loadExistingGrant(ctx) {
          const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session!.grantIdFor(ctx.oidc.client!.clientId);
          if (grantId) return ctx.oidc.provider.Grant.find(grantId);
          const grant = new ctx.oidc.provider.Grant({
            clientId: ctx.oidc.client!.clientId,
            accountId: ctx.oidc.session!.accountId,
          });
          grant.addOIDCScope("openid email profile");
          await grant.save();
          return grant;
        },
      };
      handler = new Provider(issuer, configuration).callback() as RequestListener;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
