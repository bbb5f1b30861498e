// The origin the browser sees this app at: the runtime's word for it (Deps.publicOrigin: the Node
// entry behind a TLS-ending proxy it trusts), else the request's own URL.
import type { AppContext } from './env'

/** The browser's view of the request's URL (only its protocol and host differ from c.req.url). */
export function publicOrigin(c: AppContext): URL {
  return c.get('deps').publicOrigin?.(c) ?? new URL(c.req.url)
}
