import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

export const tokenCookie = 'argus_token'

/** A fresh secret per run: 32 random bytes, URL-safe. */
export function createToken(): string {
  return randomBytes(32).toString('base64url')
}

export function tokensMatch(expected: string, given: string | null | undefined): boolean {
  if (!given) return false
  const a = Buffer.from(expected)
  const b = Buffer.from(given)
  return a.length === b.length && timingSafeEqual(a, b)
}

/**
 * DNS-rebinding defence: a page on evil.example that resolves to 127.0.0.1 still sends
 * `Host: evil.example`. Only loopback names (and the bound host) on our own port pass.
 */
export function hostAllowed(hostHeader: string | undefined, boundHost: string, port: number): boolean {
  if (!hostHeader) return false
  const allowed = new Set(['127.0.0.1', 'localhost', '[::1]', boundHost.includes(':') ? `[${boundHost}]` : boundHost])
  return [...allowed].some((name) => hostHeader.toLowerCase() === `${name}:${port}`)
}

/** The token an API call carries in its Authorization header. */
export function bearerToken(request: IncomingMessage): string | null {
  const header = request.headers.authorization
  return header?.startsWith('Bearer ') ? header.slice('Bearer '.length) : null
}

export function cookieToken(request: IncomingMessage): string | null {
  const header = request.headers.cookie ?? ''
  for (const part of header.split(';')) {
    const [name, ...rest] = part.trim().split('=')
    if (name === tokenCookie) return rest.join('=')
  }
  return null
}

/** Same policy as the Electron window: nothing but our own origin, no inline script. */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')
