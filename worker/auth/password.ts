// Passwords: PBKDF2-SHA256 through WebCrypto with a per-user random salt and 100,000 iterations,
// the most the Workers runtime allows.
import { constantTimeEqual, fromBase64Url, randomBytes, toBase64Url } from './crypto'

export const PASSWORD_ITERATIONS = 100_000
export const PASSWORD_MIN_LENGTH = 8

export interface PasswordHash {
  hash: string
  salt: string
  iterations: number
}

async function derive(password: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, [
    'deriveBits',
  ])
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    key,
    256,
  )
  return new Uint8Array(bits)
}

export async function hashPassword(password: string): Promise<PasswordHash> {
  const salt = randomBytes(16)
  const hash = await derive(password, salt, PASSWORD_ITERATIONS)
  return { hash: toBase64Url(hash), salt: toBase64Url(salt), iterations: PASSWORD_ITERATIONS }
}

export async function verifyPassword(password: string, stored: PasswordHash): Promise<boolean> {
  const hash = await derive(password, fromBase64Url(stored.salt), stored.iterations)
  return constantTimeEqual(hash, fromBase64Url(stored.hash))
}

/** A fixed hash to verify against when the account does not exist, so both paths cost the same. */
export const DUMMY_HASH: PasswordHash = {
  hash: 'q0pQ6O2rj2wS0nq4cTq4c8n4yH3dQ3lqZ0m3o1K0r3s',
  salt: 'c2VydmljZS1sYWItZHVtbXk',
  iterations: PASSWORD_ITERATIONS,
}
