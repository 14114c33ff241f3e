// Types for headers.js (JavaScript so that next.config.js can import it on Node 20).
export type HeaderPair = [name: string, value: string];

export function isFramable(pathname: string): boolean;
export function isCapturedCopy(pathname: string): boolean;
export const CAPTURED_COPY_POLICY: string;
export function createNonce(): string;
export function formActionOrigins(oidcIssuer: string | undefined): string[];
/** CSP source expressions ('sha256-…') of the inline scripts and styles a cached page may run. */
export interface InlineHashes {
  scripts: string[];
  styles: string[];
}
export function contentSecurityPolicy(options: {
  nonce?: string;
  hashes?: InlineHashes;
  framable?: boolean;
  dev?: boolean;
  formOrigins?: string[];
}): string;
export function staticSecurityHeaders(options: { framable: boolean; production: boolean }): HeaderPair[];
export function securityHeaders(options: {
  pathname: string;
  nonce?: string;
  hashes?: InlineHashes;
  production: boolean;
  dev?: boolean;
  formOrigins?: string[];
}): HeaderPair[];
export function nextConfigHeaders(options: { production: boolean; dev?: boolean; formOrigins?: string[] }): {
  source: string;
  headers: { key: string; value: string }[];
}[];
