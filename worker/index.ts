// Workers entry: the app over D1, the web front end from static assets.
import { createApp } from './app'
import { d1Database } from './db/d1'

export interface Env {
  DB: D1Database
  ASSETS: Fetcher
  INSTRUCTOR_CODE?: string
}

let cached: { env: Env; app: ReturnType<typeof createApp> } | undefined

function appFor(env: Env) {
  if (cached?.env !== env) {
    cached = {
      env,
      app: createApp({
        openDb: (metrics) => d1Database(env.DB, metrics),
        instructorCode: env.INSTRUCTOR_CODE || undefined,
        serveAsset: (req) => env.ASSETS.fetch(req),
        clientAddress: (c) => c.req.header('cf-connecting-ip') ?? 'unknown',
        now: () => Date.now(),
      }),
    }
  }
  return cached.app
}

export default {
  fetch(request: Request, env: Env, ctx: ExecutionContext): Response | Promise<Response> {
    return appFor(env).fetch(request, env, ctx)
  },
} satisfies ExportedHandler<Env>
