import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { folderPerTest } from '../../store/test-workspace'
import { memberName } from './entry-path'
import { sniffContainer } from './sniff-container'
import { collect, tarBuffer, zipBuffer } from './test-archives'
import { walkSources } from './walk'

const folder = folderPerTest()

function setUp(): { input: string; tempDir: string } {
  const input = join(folder.path, 'a', 'b', 'input')
  const tempDir = join(folder.path, 'temp')
  mkdirSync(input, { recursive: true })
  mkdirSync(tempDir)
  return { input, tempDir }
}

/** Every file and folder under the test folder, relative: proof of what the walk wrote. */
function treeOf(root: string): string[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' }).sort()
}

describe('member names', () => {
  it('refuses absolute paths, drive letters and .. segments, with either slash', () => {
    for (const name of ['../../evil.txt', '/etc/x', 'a/../../b', '..\\..\\evil.txt', '\\\\server\\share\\x', 'C:\\Windows\\x', 'c:/x', 'ok/..']) {
      expect(memberName(name), name).toEqual({ refused: 'refused: path traversal' })
    }
    expect(memberName('./var//log/./auth.log')).toEqual({ name: 'var/log/auth.log' })
    expect(memberName('logs\\auth.log')).toEqual({ name: 'logs/auth.log' })
    expect(memberName('a..b/..c')).toEqual({ name: 'a..b/..c' })
    expect(memberName('./')).toEqual({ refused: 'refused: empty name' })
    expect(memberName('x\0y')).toEqual({ refused: 'refused: NUL byte in name' })
  })
})

describe('sniffing containers by content', () => {
  it('knows zip, empty zip, gzip and ustar tar by their bytes, and nothing else', () => {
    expect(sniffContainer(zipBuffer([{ name: 'a', data: Buffer.from('x') }]))).toBe('zip')
    expect(sniffContainer(zipBuffer([]))).toBe('zip')
    expect(sniffContainer(gzipSync('x'))).toBe('gzip')
    expect(sniffContainer(tarBuffer([{ name: 'a', data: Buffer.from('x') }]))).toBe('tar')
    const badChecksum = tarBuffer([{ name: 'a', data: Buffer.from('x') }])
    badChecksum[0] = 0x62
    expect(sniffContainer(badChecksum)).toBeNull()
    expect(sniffContainer(Buffer.from('PK is a fine way to start a log line\n'))).toBeNull()
    expect(sniffContainer(Buffer.from([0x1f, 0x8b]))).toBeNull()
    expect(sniffContainer(Buffer.alloc(0))).toBeNull()
  })
})

describe('archive members never touch the file system', () => {
  it('refuses zip slip members and delivers their siblings, writing nothing outside tempDir', async () => {
    const { input, tempDir } = setUp()
    const path = join(input, 'slip.zip')
    writeFileSync(
      path,
      zipBuffer([
        { name: '../../evil.txt', data: Buffer.from('evil') },
        { name: 'good.log', data: Buffer.from('good\n') },
        { name: '/etc/x', data: Buffer.from('evil') },
        { name: '..\\..\\evil2.txt', data: Buffer.from('evil') },
        { name: 'C:/evil3.txt', data: Buffer.from('evil') },
        { name: 'logs/also-good.log', data: Buffer.from('also\n') },
      ]),
    )
    const before = treeOf(folder.path)
    const items = await collect(walkSources([path], { tempDir }))
    expect(items.map((item) => (item.kind === 'entry' ? `${item.entry}: ${item.text}` : `${item.entry} ${item.reason}`))).toEqual([
      '../../evil.txt refused: path traversal',
      'good.log: good\n',
      '/etc/x refused: path traversal',
      '..\\..\\evil2.txt refused: path traversal',
      'C:/evil3.txt refused: path traversal',
      'logs/also-good.log: also\n',
    ])
    expect(treeOf(folder.path)).toEqual(before)
    expect(existsSync(join(folder.path, 'evil.txt'))).toBe(false)
    expect(existsSync(join(folder.path, 'a', 'evil.txt'))).toBe(false)
  })

  it('refuses the same in a tar.gz, and skips links and devices with a problem', async () => {
    const { input, tempDir } = setUp()
    const path = join(input, 'slip.tgz')
    const tar = tarBuffer([
      { name: '../../evil.txt', data: Buffer.from('evil') },
      { name: 'etc/', type: '5' },
      { name: 'etc/passwd', type: '2', linkName: '/etc/passwd' },
      { name: 'hard', type: '1', linkName: 'etc/passwd' },
      { name: 'dev/null', type: '3' },
      { name: '/etc/cron.d/x', data: Buffer.from('evil') },
      { name: 'fifo', type: '6' },
      { name: 'ok.log', data: Buffer.from('ok\n') },
    ])
    writeFileSync(path, gzipSync(tar))
    const before = treeOf(folder.path)
    const items = await collect(walkSources([path], { tempDir }))
    expect(items.map((item) => (item.kind === 'entry' ? `${item.entry}: ${item.text}` : `${item.entry} ${item.reason}`))).toEqual([
      '../../evil.txt refused: path traversal',
      'etc/passwd skipped: symbolic link',
      'hard skipped: hard link',
      'dev/null skipped: device file',
      '/etc/cron.d/x refused: path traversal',
      'fifo skipped: FIFO',
      'ok.log: ok\n',
    ])
    expect(treeOf(folder.path)).toEqual(before)
  })

  it('skips a zip member marked as a symbolic link, and an encrypted one', async () => {
    const { input, tempDir } = setUp()
    const path = join(input, 'links.zip')
    writeFileSync(
      path,
      zipBuffer([
        { name: 'passwd', data: Buffer.from('/etc/passwd'), mode: 0o120777 },
        { name: 'secret.log', data: Buffer.from('x'), flags: 0x1 },
        { name: 'bzip2.log', data: Buffer.from('x'), method: 12 },
        { name: 'ok.log', data: Buffer.from('ok') },
      ]),
    )
    const items = await collect(walkSources([path], { tempDir }))
    expect(items.map((item) => (item.kind === 'entry' ? `${item.entry}: ${item.text}` : `${item.entry} ${item.reason}`))).toEqual([
      'passwd skipped: symbolic link',
      'secret.log skipped: encrypted entry',
      'bzip2.log skipped: unsupported compression method 12',
      'ok.log: ok',
    ])
  })

  it('stops opening archives nested deeper than maxDepth', async () => {
    const { input, tempDir } = setUp()
    let archive = zipBuffer([{ name: 'deep.log', data: Buffer.from('deep\n') }])
    for (let level = 3; level >= 1; level -= 1) archive = zipBuffer([{ name: `level${level}.zip`, data: archive }])
    const path = join(input, 'nest.zip')
    writeFileSync(path, archive)
    const deepEnough = await collect(walkSources([path], { tempDir }))
    expect(deepEnough.map((item) => (item.kind === 'entry' ? `${item.entry}: ${item.text}` : item.reason))).toEqual(['level1.zip!/level2.zip!/level3.zip!/deep.log: deep\n'])
    const tooDeep = await collect(walkSources([path], { tempDir, limits: { maxDepth: 3 } }))
    expect(tooDeep).toEqual([{ kind: 'problem', path, entry: 'level1.zip!/level2.zip!/level3.zip', reason: 'skipped: archive nested deeper than 3 levels' }])
    expect(readdirSync(tempDir)).toEqual([])
  })

  it('stops after maxEntries archive members, across archives, and still delivers plain files', async () => {
    const { input, tempDir } = setUp()
    writeFileSync(join(input, 'a.zip'), zipBuffer(['1', '2', '3'].map((name) => ({ name: `${name}.log`, data: Buffer.from(name) }))))
    writeFileSync(join(input, 'b.tar'), tarBuffer([{ name: '4.log', data: Buffer.from('4') }]))
    writeFileSync(join(input, 'c.log'), 'plain')
    const items = await collect(walkSources([input], { tempDir, limits: { maxEntries: 2 } }))
    expect(items.map((item) => (item.kind === 'entry' ? `${item.entry}: ${item.text}` : `${item.path.slice(input.length + 1)} ${item.reason}`))).toEqual([
      '1.log: 1',
      '2.log: 2',
      'a.zip skipped: archives hold over 2 entries',
      'b.tar skipped: archives hold over 2 entries',
      'null: plain',
    ])
  })
})
