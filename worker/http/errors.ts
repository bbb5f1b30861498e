// Platform errors: one class with an HTTP status and a snake_case code, turned into
// `{error:{code,message}}` by the one error handler in app.ts.
import type { ContentfulStatusCode } from 'hono/utils/http-status'

export class AppError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly extra: { field?: string; headers?: Record<string, string> } = {},
  ) {
    super(message)
  }
}

export const notFound = (what = 'That') =>
  new AppError(404, 'not_found', `${what} does not exist, or is not yours.`)

export const unauthenticated = () =>
  new AppError(401, 'unauthenticated', 'You are not logged in, or your session has ended. Please log in.')

export const forbidden = (message = 'You are not allowed to do that.') =>
  new AppError(403, 'forbidden', message)

export const invalidInput = (message: string, field?: string) =>
  new AppError(400, 'invalid_input', message, { field })
