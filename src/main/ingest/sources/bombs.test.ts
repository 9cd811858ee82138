import { randomBytes } from 'node:crypto'
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { beforeAll, describe, expect, it } from 'vitest'
import { folderPerTest } from '../../store/test-workspace'
import { collect, gzipAround, tarBuffer, zerosDeflated, zipBuffer } from './test-archives'
import { walkSources } from './walk'

const folder = folderPerTest()
const MiB = 1024 * 1024

function setUp(): { input: string; tempDir: string } {
  const input = join(folder.path, 'input')
  const tempDir = join(folder.path, 'temp')
  mkdirSync(input)
  mkdirSync(tempDir)
  return { input, tempDir }
}

/** What each item came to: entry path and bytes read or the stream's error, or the problem. */
function outcomes(items: Awaited<ReturnType<typeof collect>>): string[] {
  return items.map((item) => (item.kind === 'entry' ? `${item.entry}: ${item.error ?? `${item.bytes} bytes`}` : `${item.entry} ${item.reason}`))
}

// 2 GiB of zeros, about 2 MiB deflated: a real bomb, made in milliseconds.
let bomb: { deflated: Buffer; crc: number; size: number }
beforeAll(() => {
  bomb = zerosDeflated(2048)
})

describe('decompression bombs are stopped while they stream', () => {
  it('stops a 2 GiB gzip bomb by its ratio once past 10 MiB, in the stream the consumer reads', async () => {
    const { input, tempDir } = setUp()
    const path = join(input, 'bomb.log.gz')
    writeFileSync(path, gzipAround(bomb.deflated, bomb.crc, bomb.size))
    const [item, ...rest] = await collect(walkSources([path], { tempDir }))
    expect(rest).toEqual([])
    expect(item).toMatchObject({ kind: 'entry', entry: 'bomb.log', error: expect.stringMatching(/^decompression bomb: ratio \d+:1 over limit 200:1$/) })
    // Stopped within a chunk or two of the 10 MiB floor, not after gigabytes.
    expect(item?.kind === 'entry' && item.bytes).toBeLessThan(11 * MiB)
  })

  it('stops a gzip bomb by maxEntryBytes when the ratio limit is set out of reach', async () => {
    const { input, tempDir } = setUp()
    const path = join(input, 'bomb.gz')
    writeFileSync(path, gzipAround(bomb.deflated, bomb.crc, bomb.size))
    const items = await collect(walkSources([path], { tempDir, limits: { maxEntryBytes: 32 * MiB, maxRatio: 1e9 } }))
    expect(outcomes(items)).toEqual(['bomb: decompression bomb: entry over 32 MiB'])
    expect(items[0]?.kind === 'entry' && items[0].bytes).toBeLessThanOrEqual(32 * MiB)
  })

  it('stops a zip bomb whose headers lie about its size, and reads the next member', async () => {
    const { input, tempDir } = setUp()
    const path = join(input, 'bomb.zip')
    writeFileSync(
      path,
      zipBuffer([
        { name: 'small.log', deflated: bomb.deflated, size: 1000, crc: bomb.crc },
        { name: 'after.log', data: Buffer.from('still here\n') },
      ]),
    )
    const items = await collect(walkSources([path], { tempDir }))
    // The first chunk already overflows the declared size: a problem before any byte is handed out.
    expect(outcomes(items)).toEqual(['small.log decompression bomb: entry inflates past its declared 1000 bytes', 'after.log: 11 bytes'])
  })

  it('stops a zip bomb that declares its true size by its ratio', async () => {
    const { input, tempDir } = setUp()
    const path = join(input, 'honest-bomb.zip')
    writeFileSync(path, zipBuffer([{ name: 'zeros.log', deflated: bomb.deflated, size: bomb.size, crc: bomb.crc }, { name: 'after.log', data: Buffer.from('x') }]))
    const items = await collect(walkSources([path], { tempDir }))
    expect(outcomes(items)).toEqual([expect.stringMatching(/^zeros\.log: decompression bomb: ratio \d+:1 over limit 200:1$/), 'after.log: 1 bytes'])
  })

  it('refuses a zip member declared over maxEntryBytes without inflating it', async () => {
    const { input, tempDir } = setUp()
    const path = join(input, 'big.zip')
    writeFileSync(path, zipBuffer([{ name: 'zeros.log', deflated: bomb.deflated, size: bomb.size, crc: bomb.crc }]))
    const items = await collect(walkSources([path], { tempDir, limits: { maxEntryBytes: 1024 * MiB } }))
    expect(outcomes(items)).toEqual(['zeros.log decompression bomb: entry over 1 GiB (declared)'])
  })

  it('abandons a tar.gz whose gzip layer is a bomb, saying the rest is unreadable', async () => {
    const { input, tempDir } = setUp()
    const zeros = Buffer.alloc(40 * MiB)
    const tar = tarBuffer([{ name: 'first.log', data: Buffer.from('first\n') }, { name: 'zeros.log', data: zeros }, { name: 'last.log', data: Buffer.from('last\n') }])
    const path = join(input, 'bomb.tgz')
    writeFileSync(path, gzipSync(tar))
    const items = await collect(walkSources([path], { tempDir }))
    expect(outcomes(items)).toEqual([
      'first.log: 6 bytes',
      expect.stringMatching(/^zeros\.log: decompression bomb: ratio \d+:1 over limit 200:1$/),
      expect.stringMatching(/^null decompression bomb: ratio \d+:1 over limit 200:1; the rest of the archive is unreadable$/),
    ])
  })

  it('goes on after a tar member over maxEntryBytes: a plain tar can skip it', async () => {
    const { input, tempDir } = setUp()
    const tar = tarBuffer([{ name: 'big.log', data: Buffer.alloc(3 * MiB, 0x61) }, { name: 'last.log', data: Buffer.from('last\n') }])
    const path = join(input, 'big.tar')
    writeFileSync(path, tar)
    const items = await collect(walkSources([path], { tempDir, limits: { maxEntryBytes: 2 * MiB } }))
    expect(outcomes(items)).toEqual(['big.log decompression bomb: entry over 2 MiB', 'last.log: 5 bytes'])
  })

  it('stops everything taken from archives past maxTotalBytes, nested zip copies included', async () => {
    const { input, tempDir } = setUp()
    const member = Buffer.alloc(3 * MiB, 0x61)
    // Incompressible, so the copy of nested.zip in tempDir weighs its 3 MiB.
    const inner = zipBuffer([{ name: 'inner.log', data: randomBytes(3 * MiB) }])
    writeFileSync(join(input, 'a.zip'), zipBuffer([{ name: 'one.log', data: member }, { name: 'nested.zip', data: inner }, { name: 'three.log', data: member }]))
    writeFileSync(join(input, 'b.tgz'), gzipSync(tarBuffer([{ name: 'four.log', data: member }])))
    writeFileSync(join(input, 'c.log'), 'plain\n')
    const items = await collect(walkSources([input], { tempDir, limits: { maxTotalBytes: 8 * MiB } }))
    expect(outcomes(items)).toEqual([
      'one.log: 3145728 bytes',
      // The copy of nested.zip in tempDir counts too, then its member crosses the line.
      'nested.zip!/inner.log: decompression bomb: archives expand to over 8 MiB in total',
      'null skipped: decompression bomb: archives expand to over 8 MiB in total',
      'null skipped: decompression bomb: archives expand to over 8 MiB in total',
      'null: 6 bytes',
    ])
    expect(readdirSync(tempDir)).toEqual([])
  })
})
