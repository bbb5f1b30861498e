// Guards every route shares: security headers, same-origin for unsafe requests, JSON-only bodies.
import type { MiddlewareHandler } from 'hono'
import { AppError } from './errors'
import { publicOrigin } from './origin'
import type { AppEnv } from './env'

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // CodeMirror writes its theme into constructed style sheets and element.style; no inline <style>.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ')

export function securityHeaders(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next()
    const h = c.res.headers
    // responses from the assets binding are immutable: copy them once
    if (!trySet(h)) {
      c.res = new Response(c.res.body, c.res)
      trySet(c.res.headers)
    }
  }
}

function trySet(h: Headers): boolean {
  try {
    h.set('Content-Security-Policy', CSP)
    h.set('X-Content-Type-Options', 'nosniff')
    h.set('Referrer-Policy', 'strict-origin-when-cross-origin')
    h.set('X-Frame-Options', 'DENY')
    h.set('Cross-Origin-Opener-Policy', 'same-origin')
    h.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()')
    return true
  } catch {
    return false
  }
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS'])

/** Unsafe requests from another site are refused (403); bodies must be JSON (CSRF-proof by preflight). */
export function sameOriginOnly(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (SAFE.has(c.req.method)) return next()
    const origin = c.req.header('origin')
    const self = publicOrigin(c)
    if (origin !== undefined && origin !== `${self.protocol}//${self.host}`) {
      throw new AppError(403, 'forbidden_origin', 'Requests that change data must come from this site.')
    }
    if (origin === undefined && c.req.header('sec-fetch-site') === 'cross-site') {
      throw new AppError(403, 'forbidden_origin', 'Requests that change data must come from this site.')
    }
    const type = c.req.header('content-type')
    if (type !== undefined && !/^application\/json\b/i.test(type)) {
      throw new AppError(415, 'unsupported_media_type', 'Send the request body as JSON (Content-Type: application/json).')
    }
    return next()
  }
}
