// What a new password must be, said beside the field of every form that sets one (sign-up, the
// account's change, a reset). The server's rule is worker/auth/password.ts PASSWORD_MIN_LENGTH.

export const PASSWORD_MIN_LENGTH = 8

/** The hint beside a new password's field. */
export const NEW_PASSWORD_HINT = `At least ${PASSWORD_MIN_LENGTH} characters.`
