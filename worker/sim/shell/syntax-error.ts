// A syntax error found while parsing a line.

/** The message is bash's wording; `kind` and `token` let other shells word it their way. */
export class ShellSyntaxError extends Error {
  constructor(
    message: string,
    readonly kind: 'token' | 'eof' | 'quote' | 'other' = 'other',
    readonly token = '',
  ) {
    super(message)
  }
}
