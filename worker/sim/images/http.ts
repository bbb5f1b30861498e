// How each simulated server answers an HTTP request and what it writes to its log.
// Header order and bodies follow the real servers (nginx, Apache httpd, Go net/http).

import type { HttpRequest, HttpResponse } from '../net/types'
import type { ImageInfo } from './catalog'
import {
  agnhostAnswer,
  corednsAnswer,
  echoserverAnswer,
  httpEchoAnswer,
  ingressNginxHealth,
} from './http-apps'
import { httpdAnswer, nginxStatic } from './http-static'
import { goLogTime, header, logTime, pad, type ServeContext } from './http-util'
import { utf8Length } from '../utf8'
import { NGINX_WELCOME, NGINX_WELCOME_OLD, magicalNginxPage } from './pages'

export { httpDate, logTime, goLogTime, type ServeContext } from './http-util'

export function serverAnswer(ctx: ServeContext, req: HttpRequest): HttpResponse | undefined {
  switch (ctx.image.server) {
    case 'nginx':
      return nginxStatic(ctx, req, minorOf(ctx.image) >= 21 ? NGINX_WELCOME : NGINX_WELCOME_OLD)
    case 'magicalnginx':
      return nginxStatic(ctx, req, magicalNginxPage(ctx.podName, ctx.podIP))
    case 'httpd':
      return httpdAnswer(ctx, req)
    case 'agnhost':
      return agnhostAnswer(ctx, req)
    case 'http-echo':
      return httpEchoAnswer(ctx, req)
    case 'echoserver':
      return echoserverAnswer(ctx, req)
    case 'coredns':
      return corednsAnswer(ctx, req)
    case 'ingress-nginx':
      return ingressNginxHealth(ctx, req)
    default:
      return undefined
  }
}

function minorOf(image: ImageInfo): number {
  return Number((image.serverVersion ?? '1.27.3').split('.')[1])
}

/** The line the server appends to its log for an answered request (nginx `main` format etc.). */
export function serverLogLine(
  ctx: ServeContext,
  req: HttpRequest,
  res: HttpResponse,
): string | undefined {
  const ua = header(req, 'User-Agent') ?? '-'
  const referer = header(req, 'Referer') ?? '-'
  const size = res.body === '' ? 0 : utf8Length(res.body)
  const requestLine = `${req.method} ${req.path} HTTP/1.1`
  switch (ctx.image.server) {
    case 'nginx':
    case 'magicalnginx':
      return `${ctx.clientIP} - - [${logTime(ctx.now)}] "${requestLine}" ${res.status} ${size} "${referer}" "${ua}" "-"`
    case 'echoserver':
      return `${ctx.clientIP} - - [${logTime(ctx.now)}] "${requestLine}" ${res.status} ${size} "${referer}" "${ua}"`
    case 'httpd':
      return `${ctx.clientIP} - - [${logTime(ctx.now)}] "${requestLine}" ${res.status} ${size}`
    case 'http-echo':
      return `${goLogTime(ctx.now)} ${header(req, 'Host') ?? req.host} ${ctx.clientIP}:${ctx.clientPort} "${requestLine}" ${res.status} ${size} "${ua}" 41.5µs`
    case 'agnhost': {
      const d = new Date(ctx.now)
      return `I${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}000       1 log.go:245] ${req.method} ${req.path.split('?')[0]}`
    }
    default:
      return undefined
  }
}
