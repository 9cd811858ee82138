import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import type { NormalizedEvent } from '../../shared/event'
import { parseAccessTime, readAccessLine, webAccessParser } from './web-access'

const fixtures = resolve(fileURLToPath(import.meta.url), '..', 'fixtures', 'web')

function lines(file: string): string[] {
  return readFileSync(resolve(fixtures, file), 'utf8').replace(/\n$/, '').split('\n')
}

function events(file: string): NormalizedEvent[] {
  const parser = webAccessParser.open({ name: file, year: null, fileTime: null, timeZone: 'UTC' })
  return lines(file).map((line, index) => parser.parse(line, index + 1)) as NormalizedEvent[]
}

describe('webAccessParser', () => {
  it('reads the combined format', () => {
    const rows = events('access-combined.log')
    expect(rows[0]).toEqual({
      ts: Date.UTC(2000, 9, 10, 20, 55, 36),
      user: 'frank',
      host: null,
      srcIp: '127.0.0.1',
      dstIp: null,
      category: 'web',
      action: 'http_request',
      outcome: 'success',
      object: '/apache_pb.gif',
      bytes: 2326,
      amount: null,
      attrs: { status: 200, method: 'GET', protocol: 'HTTP/1.0', referer: 'http://www.example.com/start.html', userAgent: 'Mozilla/4.08 [en] (Win98; I ;Nav)' },
    })
    expect(rows[1]).toMatchObject({ outcome: 'failure', user: null, object: '/wp-login.php', attrs: { method: 'POST', status: 401, userAgent: 'python-requests/2.28.1' } })
    expect(rows[1]?.attrs).not.toHaveProperty('referer')
    expect(rows[2]).toMatchObject({ ts: Date.UTC(2023, 2, 14, 7, 17, 2), srcIp: '2001:db8::7', user: 'alice', object: '/reports/q1.pdf', bytes: 1048576, attrs: { query: 'download=1&token=abc', protocol: 'HTTP/2.0' } })
  })

  it('survives escaped quotes, junk requests, "-" sizes and extra nginx fields', () => {
    const rows = events('access-combined.log')
    expect(rows[3]).toMatchObject({ object: '/search', outcome: 'failure', attrs: { query: 'q=\\"quoted\\"', status: 404, userAgent: 'curl/8.0.1' } })
    expect(rows[4]).toMatchObject({ object: null, bytes: 226, attrs: { request: '\\x16\\x03\\x01\\x02\\x00\\x01\\x00\\x01\\xfc\\x03\\x03', status: 400 } })
    expect(rows[4]?.attrs).not.toHaveProperty('method')
    // A PUT stays http_request: the format logs the response size, not the request body.
    expect(rows[5]).toMatchObject({ action: 'http_request', bytes: 0, attrs: { method: 'PUT', status: 201, userAgent: 'backup-agent/1.2' } })
  })

  it('reads the common format, keeping looked-up host names out of srcIp', () => {
    const rows = events('access-common.log')
    expect(rows[0]).toMatchObject({ ts: Date.UTC(2012, 0, 3, 5, 0, 1), srcIp: null, object: '/docs/index.html', bytes: 1839, attrs: { clientHost: 'gw1.example.net' } })
    expect(rows[0]?.attrs).not.toHaveProperty('referer')
    expect(rows[2]).toMatchObject({ srcIp: '192.0.2.55', object: '/history/' })
  })

  it('reads vhost_combined: the virtual host is the host', () => {
    const [first, second] = events('access-vhost.log')
    expect(first).toMatchObject({ host: 'www.example.com', srcIp: '192.0.2.10', attrs: { vhost: 'www.example.com:443' } })
    expect(second).toMatchObject({ host: 'api.example.com', user: 'svc', outcome: 'failure', object: '/v1/users/42', attrs: { method: 'DELETE', status: 403 } })
  })

  it('rejects what is not an access-log line and skips blank ones', () => {
    expect(readAccessLine('')).toBeNull()
    expect(readAccessLine('hello world')).toEqual({ reject: 'no [time]' })
    expect(readAccessLine('1.2.3.4 - - [10/Oct/2000:13:55:36 -0700] GET / 200 1')).toEqual({ reject: 'no quoted request' })
    expect(readAccessLine('1.2.3.4 - - [10/Oct/2000:13:55:36] "GET / HTTP/1.0" 200 1')).toEqual({ reject: 'unreadable [time]' })
    expect(readAccessLine('1.2.3.4 - - [10/Oct/2000:13:55:36 -0700] "GET / HTTP/1.0" 2')).toEqual({ reject: 'no status' })
    expect(readAccessLine('1.2.3.4 - - [10/Oct/2000:13:55:36 -0700] "GET / HTTP/1.0" 200 x')).toEqual({ reject: 'unreadable size' })
    expect(parseAccessTime('31/Feb/2000:13:55:36 -0700')).toBeNull()
    expect(parseAccessTime('10/Foo/2000:13:55:36 -0700')).toBeNull()
  })
})
