import { existsSync, mkdirSync, readdirSync, readlinkSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { deflateRawSync, gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { folderPerTest } from '../../store/test-workspace'
import { collect, tarBuffer, zipBuffer } from './test-archives'
import { walkSources } from './walk'

const folder = folderPerTest()
const line = 'Mar 15 12:30:01 web1 sshd[811]: Failed password for root from 203.0.113.9 port 40022 ssh2\n'

function setUp(): { input: string; tempDir: string } {
  const input = join(folder.path, 'input')
  const tempDir = join(folder.path, 'temp')
  mkdirSync(input)
  mkdirSync(tempDir)
  return { input, tempDir }
}

function outcomes(items: Awaited<ReturnType<typeof collect>>): string[] {
  return items.map((item) => (item.kind === 'entry' ? `${item.entry}: ${item.error ?? `${item.bytes} bytes`}` : `${item.entry} ${item.reason}`))
}

/** Descriptors this process holds on files under `root` (Linux: /proc/self/fd). */
function openFilesUnder(root: string): string[] {
  return readdirSync('/proc/self/fd').flatMap((fd) => {
    try {
      const target = readlinkSync(`/proc/self/fd/${fd}`)
      return target.startsWith(root) ? [target] : []
    } catch {
      return []
    }
  })
}

describe('damaged archives: a clear reason, and what came before the damage', () => {
  it('delivers the readable start of a truncated gzip, then errors the stream', async () => {
    const { input, tempDir } = setUp()
    const whole = gzipSync(line.repeat(20_000))
    const path = join(input, 'auth.log.gz')
    writeFileSync(path, whole.subarray(0, Math.floor(whole.length / 2)))
    const [item, ...rest] = await collect(walkSources([path], { tempDir }))
    expect(rest).toEqual([])
    expect(item).toMatchObject({ kind: 'entry', entry: 'auth.log', error: 'truncated gzip: unexpected end of file' })
    expect(item?.kind === 'entry' && item.bytes).toBeGreaterThan(100 * line.length)
    expect(item?.kind === 'entry' && item.text.startsWith(line.repeat(100))).toBe(true)
  })

  it('reads a truncated zip from its entry headers: whole members, then the cut one as an error', async () => {
    const { input, tempDir } = setUp()
    const big = Buffer.from(line.repeat(5000))
    const whole = zipBuffer([
      { name: 'a.log', data: Buffer.from(line) },
      { name: 'b.log', data: big, method: 0 },
      { name: 'c.log', data: Buffer.from(line) },
    ])
    const path = join(input, 'cut.zip')
    const bStart = 30 + 5 + deflateRawSync(line).length + 30 + 5
    writeFileSync(path, whole.subarray(0, bStart + 1000))
    const items = await collect(walkSources([path], { tempDir }))
    expect(outcomes(items)).toEqual([
      'null damaged zip: End of central directory record signature not found. Either not a zip file, or file is truncated; reading what its entry headers still describe',
      'a.log: 90 bytes',
      `b.log: damaged zip: entry ends after 1000 of ${big.length} bytes`,
      expect.stringMatching(/^null damaged zip: file ends [\d.]+ KiB short, inside 'b\.log'$/),
    ])
  })

  it('reports a zip member whose bytes fail their CRC, and reads on', async () => {
    const { input, tempDir } = setUp()
    const zip = zipBuffer([{ name: 'a.log', data: Buffer.from(line.repeat(2000)), method: 0 }, { name: 'b.log', data: Buffer.from(line) }])
    zip.writeUInt8(zip.readUInt8(30 + 5 + 10) ^ 0xff, 30 + 5 + 10)
    const path = join(input, 'crc.zip')
    writeFileSync(path, zip)
    expect(outcomes(await collect(walkSources([path], { tempDir })))).toEqual(['a.log: damaged zip: CRC-32 mismatch', 'b.log: 90 bytes'])
  })

  it('reads a zip with bytes after its end record as unzip does (one OTRF recording ends with a newline)', async () => {
    const { input, tempDir } = setUp()
    const path = join(input, 'trailing.zip')
    writeFileSync(path, Buffer.concat([zipBuffer([{ name: 'a.log', data: Buffer.from(line) }]), Buffer.from('\n')]))
    expect(outcomes(await collect(walkSources([path], { tempDir })))).toEqual(['a.log: 90 bytes'])
  })

  it('turns junk that starts like a zip into problems, not a crash', async () => {
    const { input, tempDir } = setUp()
    const path = join(input, 'fake.zip')
    writeFileSync(path, Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(20, 0xff)]))
    const items = await collect(walkSources([path], { tempDir }))
    expect(items.every((item) => item.kind === 'problem')).toBe(true)
    expect(outcomes(items)[0]).toMatch(/^null damaged zip: /)
  })

  it('errors a member of a truncated tar, keeping the members before it', async () => {
    const { input, tempDir } = setUp()
    const tar = tarBuffer([{ name: 'a.log', data: Buffer.from(line) }, { name: 'b.log', data: Buffer.from(line.repeat(100)) }])
    const path = join(input, 'cut.tar')
    writeFileSync(path, tar.subarray(0, 512 + 512 + 512 + 2000))
    const items = await collect(walkSources([path], { tempDir }))
    expect(outcomes(items)).toEqual(['a.log: 90 bytes', 'b.log: truncated tar: member ends after 2000 of 9000 bytes', expect.stringMatching(/^null damaged tar: Truncated input/)])
  })

  it('errors the member a truncated tar.gz breaks off in, then says the rest is unreadable', async () => {
    const { input, tempDir } = setUp()
    const tar = tarBuffer([{ name: 'a.log', data: Buffer.from(line) }, { name: 'b.log', data: Buffer.from(line.repeat(20_000)) }, { name: 'c.log', data: Buffer.from(line) }])
    const whole = gzipSync(tar)
    const path = join(input, 'cut.tar.gz')
    writeFileSync(path, whole.subarray(0, Math.floor(whole.length / 2)))
    const items = await collect(walkSources([path], { tempDir }))
    expect(outcomes(items)).toEqual([
      'a.log: 90 bytes',
      'b.log: truncated gzip: unexpected end of file',
      'null truncated gzip: unexpected end of file; the rest of the archive is unreadable',
    ])
  })
})

describe('aborting a walk', () => {
  it.skipIf(!existsSync('/proc/self/fd'))('errors the stream being read, throws the reason, and leaves no open file or temp copy', async () => {
    const { input, tempDir } = setUp()
    const inner = zipBuffer([{ name: 'deep.log', data: Buffer.from(line.repeat(200_000)) }])
    writeFileSync(join(input, 'outer.zip'), zipBuffer([{ name: 'inner.zip', data: inner, method: 0 }]))
    writeFileSync(join(input, 'z.log'), line)
    const controller = new AbortController()
    const walk = walkSources([input], { tempDir, signal: controller.signal })
    const first = await walk.next()
    if (first.done || first.value.kind !== 'entry') throw new Error('expected an entry')
    expect(first.value.entry).toBe('inner.zip!/deep.log')
    expect(readdirSync(tempDir)).toHaveLength(1)
    const iterator = first.value.stream[Symbol.asyncIterator]()
    await iterator.next()
    expect(openFilesUnder(folder.path).length).toBeGreaterThan(0)
    controller.abort()
    await expect(iterator.next()).rejects.toThrow(/aborted/)
    await expect(walk.next()).rejects.toThrow(/aborted/)
    expect(await walk.next()).toEqual({ done: true, value: undefined })
    expect(readdirSync(tempDir)).toEqual([])
    expect(openFilesUnder(folder.path)).toEqual([])
    rmSync(folder.path, { recursive: true })
    expect(existsSync(folder.path)).toBe(false)
  })

  it.skipIf(!existsSync('/proc/self/fd'))('closes everything when the consumer breaks out of the loop mid-member', async () => {
    const { input, tempDir } = setUp()
    const inner = zipBuffer([{ name: 'deep.log', data: Buffer.from(line.repeat(200_000)) }])
    writeFileSync(join(input, 'outer.zip'), zipBuffer([{ name: 'inner.zip', data: inner }]))
    writeFileSync(join(input, 'b.tgz'), gzipSync(tarBuffer([{ name: 'x.log', data: Buffer.from(line.repeat(200_000)) }])))
    for (const stopAt of ['inner.zip!/deep.log', 'x.log']) {
      for await (const item of walkSources([input], { tempDir })) {
        if (item.kind !== 'entry' || item.entry !== stopAt) continue
        for await (const _chunk of item.stream) break
        break
      }
      expect(readdirSync(tempDir)).toEqual([])
      expect(openFilesUnder(folder.path)).toEqual([])
    }
  })

  it('stops a walk waiting between items, and one aborted before it starts', async () => {
    const { input, tempDir } = setUp()
    writeFileSync(join(input, 'a.log'), line)
    writeFileSync(join(input, 'b.tgz'), gzipSync(tarBuffer([{ name: 'x.log', data: Buffer.from(line) }])))
    const controller = new AbortController()
    const walk = walkSources([input], { tempDir, signal: controller.signal })
    const first = await walk.next()
    expect(first.value).toMatchObject({ kind: 'entry', path: join(input, 'a.log') })
    controller.abort(new Error('user cancelled'))
    await expect(walk.next()).rejects.toThrow('user cancelled')

    const early = walkSources([input], { tempDir, signal: AbortSignal.abort() })
    await expect(early.next()).rejects.toThrow(/aborted/)
    expect(openFilesUnder(folder.path)).toEqual([])
  })
})
