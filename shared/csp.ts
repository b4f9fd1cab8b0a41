/**
 * The renderer's Content-Security-Policy, sent as a response header by the app:// handler and by web
 * mode. No inline script, no eval, nothing from outside the app's own origin.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The spelling worker runs hunspell's WebAssembly, which Chromium compiles only under
 * 'wasm-unsafe-eval'. A dedicated worker's policy is the one its own script arrives with, so only that
 * script gets it: the page itself still compiles no wasm and evaluates nothing.
 */
export const WASM_WORKER_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'wasm-unsafe-eval'");

/** Vite's name for the built spelling worker (renderer/spelling/spell.worker.ts). */
const WASM_WORKER_SCRIPT = /^\/assets\/spell\.worker-[\w-]+\.js$/;

/** The policy to send with the file at `urlPath`. */
export function contentSecurityPolicyFor(urlPath: string): string {
  return WASM_WORKER_SCRIPT.test(urlPath) ? WASM_WORKER_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY;
}
