import { chmodSync, mkdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { create as createTar } from 'tar'
import { describe, expect, it } from 'vitest'
import { folderPerTest } from '../../store/test-workspace'
import { collect, tarBuffer, zipBuffer } from './test-archives'
import { measureSources, walkSources } from './walk'

const folder = folderPerTest()
const authLine = 'Mar 15 12:30:01 web1 sshd[811]: Accepted password for alice from 10.0.0.5 port 52144 ssh2\n'

function setUp(): { input: string; tempDir: string } {
  const input = join(folder.path, 'input')
  const tempDir = join(folder.path, 'temp')
  mkdirSync(input)
  mkdirSync(tempDir)
  return { input, tempDir }
}

describe('walkSources: plain files and folders', () => {
  it('delivers a plain file as one entry with its size and modification time', async () => {
    const { input, tempDir } = setUp()
    const path = join(input, 'auth.log')
    writeFileSync(path, authLine.repeat(3))
    const items = await collect(walkSources([path], { tempDir }))
    expect(items).toEqual([
      { kind: 'entry', path, entry: null, size: authLine.length * 3, mtime: Math.floor(statSync(path).mtimeMs), bytes: authLine.length * 3, text: authLine.repeat(3), error: null },
    ])
  })

  it('walks a folder tree in name order, skipping symbolic links and unreadable files with a problem', async () => {
    const { input, tempDir } = setUp()
    mkdirSync(join(input, 'b', 'deeper'), { recursive: true })
    mkdirSync(join(input, 'a'))
    writeFileSync(join(input, 'z.log'), 'z\n')
    writeFileSync(join(input, 'b', 'deeper', 'two.log'), 'two\n')
    writeFileSync(join(input, 'b', 'one.log'), 'one\n')
    writeFileSync(join(input, 'a', 'first.log'), 'first\n')
    writeFileSync(join(folder.path, 'outside.log'), 'outside\n')
    symlinkSync(join(folder.path, 'outside.log'), join(input, 'link.log'))
    const locked = join(input, 'locked.log')
    writeFileSync(locked, 'secret\n')
    chmodSync(locked, 0)
    // root reads anything: the permission check only means something for other users.
    const rootUser = process.getuid?.() === 0

    const items = await collect(walkSources([input], { tempDir }))
    const summary = items.map((item) => (item.kind === 'entry' ? `${item.path.slice(input.length + 1)}: ${item.text.trim()}` : `${item.path.slice(input.length + 1)} ${item.reason}`))
    expect(summary).toEqual([
      'a/first.log: first',
      'b/deeper/two.log: two',
      'b/one.log: one',
      'link.log skipped: symbolic link',
      rootUser ? 'locked.log: secret' : 'locked.log unreadable: permission denied',
      'z.log: z',
    ])
  })

  it('reports a path that does not exist and goes on with the next one', async () => {
    const { input, tempDir } = setUp()
    writeFileSync(join(input, 'there.log'), 'x\n')
    const items = await collect(walkSources([join(input, 'missing.log'), join(input, 'there.log')], { tempDir }))
    expect(items.map((item) => item.kind)).toEqual(['problem', 'entry'])
    expect(items[0]).toEqual({ kind: 'problem', path: join(input, 'missing.log'), entry: null, reason: 'not found' })
  })

  it('delivers binary junk and an empty file as entries: deciding what is a log is the parser’s job', async () => {
    const { input, tempDir } = setUp()
    const junk = Buffer.from(Array.from({ length: 4096 }, (_, index) => (index * 7919) % 251))
    writeFileSync(join(input, 'junk.bin'), junk)
    writeFileSync(join(input, 'empty.log'), '')
    const items = await collect(walkSources([input], { tempDir }))
    expect(items.map((item) => (item.kind === 'entry' ? [item.entry, item.size, item.bytes, item.error] : item.reason))).toEqual([
      [null, 0, 0, null],
      [null, 4096, 4096, null],
    ])
  })
})

describe('walkSources: archives, found by content', () => {
  it('reads a zip member by member, with entry paths, declared sizes and times', async () => {
    const { input, tempDir } = setUp()
    const path = join(input, 'logs.zip')
    writeFileSync(path, zipBuffer([{ name: 'var/log/' }, { name: 'var/log/auth.log', data: Buffer.from(authLine) }, { name: 'notes.txt', data: Buffer.from('hello'), method: 0 }]))
    const items = await collect(walkSources([path], { tempDir }))
    expect(items).toEqual([
      { kind: 'entry', path, entry: 'var/log/auth.log', size: authLine.length, mtime: new Date(2024, 2, 15, 12, 30).getTime(), bytes: authLine.length, text: authLine, error: null },
      { kind: 'entry', path, entry: 'notes.txt', size: 5, mtime: new Date(2024, 2, 15, 12, 30).getTime(), bytes: 5, text: 'hello', error: null },
    ])
  })

  it('reads a tar and a tar.gz made by node-tar, whatever their names say', async () => {
    const { input, tempDir } = setUp()
    const tree = join(folder.path, 'tree')
    mkdirSync(join(tree, 'var', 'log'), { recursive: true })
    writeFileSync(join(tree, 'var', 'log', 'auth.log'), authLine)
    writeFileSync(join(tree, 'var', 'log', 'syslog'), 'second\n')
    await createTar({ file: join(input, 'plain.tar'), cwd: tree, portable: true }, ['var'])
    await createTar({ file: join(input, 'renamed.dat'), cwd: tree, gzip: true, portable: true }, ['var'])
    const items = await collect(walkSources([input], { tempDir }))
    expect(items.map((item) => (item.kind === 'entry' ? `${item.path.slice(input.length + 1)} ${item.entry} ${item.size} ${item.text}` : item.reason))).toEqual([
      `plain.tar var/log/auth.log ${authLine.length} ${authLine}`,
      'plain.tar var/log/syslog 7 second\n',
      `renamed.dat var/log/auth.log ${authLine.length} ${authLine}`,
      'renamed.dat var/log/syslog 7 second\n',
    ])
  })

  it('gunzips a .gz of a log into one entry named without .gz, dated by the gzip header', async () => {
    const { input, tempDir } = setUp()
    const path = join(input, 'auth.log.2.gz')
    const gz = gzipSync(authLine.repeat(1000))
    gz.writeUInt32LE(1_710_505_800, 4) // MTIME 2024-03-15T12:30:00Z
    writeFileSync(path, gz)
    const items = await collect(walkSources([path], { tempDir }))
    expect(items).toEqual([{ kind: 'entry', path, entry: 'auth.log.2', size: null, mtime: 1_710_505_800_000, bytes: authLine.length * 1000, text: authLine.repeat(1000), error: null }])
  })

  it('opens a zip holding a tar.gz holding a log, and joins the entry paths with !/', async () => {
    const { input, tempDir } = setUp()
    const tgz = gzipSync(tarBuffer([{ name: 'var/log/auth.log', data: Buffer.from(authLine) }, { name: 'var/log/empty.log' }]))
    const path = join(input, 'case.zip')
    writeFileSync(path, zipBuffer([{ name: 'readme.txt', data: Buffer.from('case 17') }, { name: 'evidence/inner.tar.gz', data: tgz, method: 0 }, { name: 'auth.log.1.gz', data: gzipSync('old\n') }]))
    const items = await collect(walkSources([path], { tempDir }))
    expect(items.map((item) => (item.kind === 'entry' ? [item.entry, item.text, item.error] : item.reason))).toEqual([
      ['readme.txt', 'case 17', null],
      ['evidence/inner.tar.gz!/var/log/auth.log', authLine, null],
      ['evidence/inner.tar.gz!/var/log/empty.log', '', null],
      ['auth.log.1.gz!/auth.log.1', 'old\n', null],
    ])
  })

  it('streams gzip and tar members found inside a tar, without temp files', async () => {
    const { input, tempDir } = setUp()
    const inner = tarBuffer([{ name: 'x.log', data: Buffer.from('x\n') }])
    const path = join(input, 'outer.tar')
    writeFileSync(path, tarBuffer([{ name: 'logs/a.log.gz', data: gzipSync(authLine) }, { name: 'inner.tar', data: inner }, { name: 'b.log', data: Buffer.from('b\n') }]))
    const items = await collect(walkSources([path], { tempDir }))
    expect(items.map((item) => (item.kind === 'entry' ? [item.entry, item.size, item.text] : item.reason))).toEqual([
      ['logs/a.log.gz!/a.log', null, authLine],
      ['inner.tar!/x.log', 2, 'x\n'],
      ['b.log', 2, 'b\n'],
    ])
  })

  it('moves on when the consumer skips streams without reading them', async () => {
    const { input, tempDir } = setUp()
    writeFileSync(join(input, 'a.log'), authLine.repeat(10_000))
    writeFileSync(join(input, 'b.tgz'), gzipSync(tarBuffer(['1', '2', '3'].map((name) => ({ name: `${name}.log`, data: Buffer.from(authLine.repeat(5000)) })))))
    writeFileSync(join(input, 'c.zip'), zipBuffer(['4', '5'].map((name) => ({ name: `${name}.log`, data: Buffer.from(authLine.repeat(5000)) }))))
    const seen: (string | null)[] = []
    for await (const item of walkSources([input], { tempDir })) {
      // Not a byte read: the walk destroys each stream when asked for the next item.
      if (item.kind === 'entry') seen.push(item.entry)
    }
    expect(seen).toEqual([null, '1.log', '2.log', '3.log', '4.log', '5.log'])
  })

  it('reads a zip inside a zip from a copy in tempDir, then removes the copy', async () => {
    const { input, tempDir } = setUp()
    const inner = zipBuffer([{ name: 'deep.log', data: Buffer.from(authLine) }])
    const path = join(input, 'outer.zip')
    writeFileSync(path, zipBuffer([{ name: 'inner.zip', data: inner }]))
    const walk = walkSources([path], { tempDir })
    const first = await walk.next()
    expect(first.value).toMatchObject({ kind: 'entry', entry: 'inner.zip!/deep.log' })
    const { readdirSync } = await import('node:fs')
    expect(readdirSync(tempDir)).toEqual([expect.stringMatching(/^nested-[0-9a-f]{16}\.zip$/)])
    const rest = await collect(walk)
    expect(rest).toEqual([])
    expect(readdirSync(tempDir)).toEqual([])
  })

  it('reports a running total of bytes consumed that ends exactly at the sum of the input sizes', async () => {
    const { input, tempDir } = setUp()
    const tree = join(folder.path, 'tree')
    mkdirSync(tree)
    writeFileSync(join(tree, 'a.log'), authLine.repeat(5000))
    writeFileSync(join(input, 'plain.log'), authLine.repeat(2000))
    writeFileSync(join(input, 'logs.zip'), zipBuffer([{ name: 'x.log', data: Buffer.from(authLine.repeat(3000)) }, { name: 'y.log', data: Buffer.from('y\n') }]))
    await createTar({ file: join(input, 'logs.tgz'), cwd: tree, gzip: true }, ['a.log'])
    const sizes = ['plain.log', 'logs.zip', 'logs.tgz'].map((name) => statSync(join(input, name)).size)
    const total = sizes.reduce((sum, size) => sum + size, 0)
    const reports: number[] = []
    let consumed = 0
    const items = await collect(
      walkSources([input], {
        tempDir,
        onCompressedBytes: (bytes) => {
          consumed = bytes
          reports.push(bytes)
        },
      }),
    )
    expect(items.filter((item) => item.kind === 'entry')).toHaveLength(4)
    expect(consumed).toBe(total)
    expect(await measureSources([input])).toBe(total)
    expect(reports.length).toBeGreaterThan(3)
    expect(reports.every((value, index) => index === 0 || value > (reports[index - 1] ?? 0))).toBe(true)
  })
})
