// Admission warnings (the ingress-nginx webhook's, the Ingress class annotation deprecation) as
// the apiserver sends them: one `Warning: 299 - "<text>"` response header each
// (apiserver filters/warning.go, apimachinery net.NewWarningHeader), on a success and on a
// denial alike. client-go prints each as `Warning: <text>` on stderr, as the lab terminal does.

import type { Context } from 'hono'

const pending = new WeakMap<Request, string[]>()

/** Sets the warnings of this request's write (a retried write replaces the earlier list). */
export function setWarnings(c: Context, warnings: string[] | undefined): void {
  pending.set(c.req.raw, warnings ?? [])
}

/** The header value: the text quoted with `\` and `"` escaped, control characters dropped. */
export function warningHeader(text: string): string {
  const clean = [...text].map((ch) => (ch < ' ' || ch === '\u007f' ? ' ' : ch)).join('')
  return `299 - "${clean.replace(/[\\"]/g, (ch) => `\\${ch}`)}"`
}

/** Adds the request's warnings to its response (called once the answer is built). */
export function sendWarnings(c: Context, res: Response): void {
  for (const w of pending.get(c.req.raw) ?? []) res.headers.append('Warning', warningHeader(w))
}
