import type { ServerResponse } from 'node:http';

/**
 * The policy of the pages (the network view, the playground): their own scripts and styles only (inline styles
 * are needed by Cytoscape and uPlot), images from themselves or exports (data:, blob:), requests to their own
 * origin, and no framing by any other page.
 */
export const PAGE_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

/** The policy of the API's JSON answers: nothing to load, nothing to frame. */
export const API_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** Headers every answer carries: no content sniffing, no referrer, no framing, and a content policy. */
export function setSecurityHeaders(res: ServerResponse, policy: string): void {
  res.setHeader('Content-Security-Policy', policy);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'no-referrer');
}
