import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import type { NormalizedEvent } from '../../shared/event'
import { certInsiderParser, openCert } from './cert-insider'
import { type ParseOutcome, isProfile } from './types'

const fixtures = resolve(fileURLToPath(import.meta.url), '..', 'fixtures', 'csv')

/** Every line through the parser (as `lines` framing would), then finish(); null outcomes dropped. */
function parseFile(file: string, timeZone = 'UTC'): ParseOutcome[] {
  const parser = openCert({ name: `r6.2/${file}`, year: null, fileTime: null, timeZone })
  const lines = readFileSync(resolve(fixtures, file), 'utf8').replace(/\n$/, '').split(/\r\n|\r|\n/)
  const outcomes = lines.map((line, index) => parser.parse(line, index + 1))
  outcomes.push(parser.finish())
  return outcomes.filter((outcome) => outcome !== null)
}

function events(file: string, timeZone = 'UTC'): NormalizedEvent[] {
  return parseFile(file, timeZone) as NormalizedEvent[]
}

describe('CERT logon and device tables', () => {
  it('maps Logon/Logoff with the date as wall clock in the zone', () => {
    const [logon, , logoff] = events('cert-r42-logon.csv', 'America/New_York')
    expect(logon).toEqual({
      ts: Date.UTC(2010, 0, 4, 12, 12, 31),
      user: 'ama0606',
      host: 'PC-1514',
      srcIp: null,
      dstIp: null,
      category: 'authentication',
      action: 'logon',
      outcome: 'success',
      object: null,
      bytes: null,
      amount: null,
      attrs: { certId: '{K3P7-B2WQ18RZ-4471HDLM}', rawUser: 'AMA0606' },
    })
    expect(logoff).toMatchObject({ action: 'logoff', ts: Date.UTC(2010, 0, 4, 22, 3, 55) })
    expect(events('cert-r42-logon.csv')).toHaveLength(4)
  })

  it('strips the DTAA/ domain of r1 users so releases and profiles meet', () => {
    const [logon] = events('cert-r1-logon.csv')
    expect(logon).toMatchObject({ user: 'kee0997', attrs: { rawUser: 'DTAA/KEE0997' } })
  })

  it('maps Connect/Disconnect, with r6 file trees', () => {
    expect(events('cert-r42-device.csv').map((event) => [event.category, event.action])).toEqual([
      ['device', 'device_connect'],
      ['device', 'device_disconnect'],
    ])
    const [connect, disconnect] = events('cert-r62-device.csv')
    expect(connect).toMatchObject({ action: 'device_connect', user: 'acm2278', attrs: { fileTree: 'R:\\;R:\\52G6677;R:\\782bxm8;R:\\ACM2278' } })
    expect(disconnect?.attrs).toEqual({ certId: '{E1J8-P0ZS94GF-3327YHKC}', rawUser: 'ACM2278' })
  })
})

describe('CERT file table', () => {
  it('maps the four r6 activities with removable-media flags and the file signature', () => {
    const rows = events('cert-r62-file.csv')
    expect(rows.map((event) => event.action)).toEqual(['file_open', 'file_copy', 'file_write', 'file_delete'])
    expect(rows[0]).toMatchObject({ category: 'file', object: 'R:\\52G6677\\B7RGYJZC.jpg', attrs: { toRemovableMedia: false, fromRemovableMedia: true, fileHeader: 'FF-D8', contentLength: 5 } })
    const content = '33-4E-42-56 The report, in full, was "confidential" and final.'
    expect(rows[1]).toMatchObject({ attrs: { toRemovableMedia: true, fromRemovableMedia: false, fileHeader: '33-4E-42-56', contentLength: content.length } })
  })

  it('reads pre-r5 rows as copies to removable media', () => {
    const [copy] = events('cert-r42-file.csv')
    expect(copy).toMatchObject({ action: 'file_copy', object: 'BM0GW7QH.doc', attrs: { toRemovableMedia: true, fileHeader: 'D0-CF-11-E0-A1-B1-1A-E1' } })
    expect(copy?.attrs).not.toHaveProperty('fromRemovableMedia')
  })
})

describe('CERT email table', () => {
  it('reads r6 sends and views, attachments and a quoted multi-line body', () => {
    const [first, second, third] = events('cert-r62-email.csv')
    // Unquoted commas in the last column: the extra fields belong to the content.
    expect(first).toMatchObject({
      category: 'email',
      action: 'email_send',
      object: 'Ashely_L_Green@boeing.com',
      bytes: 22529,
      attrs: { from: 'Chandler.Martin.Page@dtaa.com', attachments: 0, contentLength: 'Ability to create innovative textures: Diffuse Spec, Normal, AO and Displacement Mapping.'.length },
    })
    expect(first?.attrs).not.toHaveProperty('cc')
    expect(second).toMatchObject({
      action: 'email_send',
      object: 'Chandler.Martin.Page@dtaa.com;Lee.Ann.Hart@dtaa.com',
      bytes: 41022,
      attrs: { cc: 'Rina.Cole@dtaa.com', bcc: 'Job.Board@gmail.com', attachments: 2, contentLength: 'Dear hiring team,\nplease find my resume attached.\nRegards'.length, firstLineNo: 3 },
    })
    expect(third).toMatchObject({ action: 'email_view', attrs: { from: 'Lee.Ann.Hart@dtaa.com' } })
  })

  it('treats r4 rows as sends and rejects a last row cut off inside quotes', () => {
    const outcomes = parseFile('cert-r42-email.csv')
    expect(outcomes).toHaveLength(2)
    expect(outcomes[0]).toMatchObject({ action: 'email_send', bytes: 30512, attrs: { attachments: 2 } })
    expect(outcomes[1]).toEqual({ reject: 'unterminated quoted field at end of file (record from line 3)' })
  })
})

describe('CERT http table', () => {
  it('maps WWW Visit/Upload/Download to verbs, object = the host', () => {
    const rows = events('cert-r62-http.csv')
    expect(rows.map((event) => [event.action, event.object])).toEqual([
      ['web_upload', 'wikileaks.org'],
      ['http_request', 'www.dropbox.com'],
      ['web_download', 'www.dropbox.com'],
    ])
    expect(rows[1]?.attrs).toEqual({
      certId: '{U4J9-P1GQ86NE-9047LCSF}',
      url: 'http://www.Dropbox.com:8080/files/list?user=acm',
      contentLength: 'cloud storage, sync and share'.length,
      rawUser: 'ACM2278',
    })
  })

  it('reads r4 rows and header-less r1 rows', () => {
    expect(events('cert-r42-http.csv')[0]).toMatchObject({ action: 'http_request', object: 'msn.com' })
    const r1 = events('cert-r1-http.csv')
    expect(r1.map((event) => [event.user, event.object])).toEqual([
      ['ama0606', 'cnet.com'],
      ['dbm0698', 'force.open.com'],
      ['ama0606', 'news.google.com'],
    ])
    expect(r1[0]?.ts).toBe(Date.UTC(2010, 0, 4, 7, 8, 47))
    expect(r1[0]?.attrs).not.toHaveProperty('contentLength')
  })
})

describe('CERT profiles', () => {
  it('reads psychometric scores as numbers under the same user id as events', () => {
    expect(parseFile('cert-psychometric.csv')[0]).toEqual({
      profile: { user: 'ama0606', kind: 'psychometric', fields: { employeeName: 'Avram Mark Andrews', rawUser: 'AMA0606', O: 40, C: 39, E: 36, A: 19, N: 40 } },
    })
  })

  it('reads LDAP snapshots with the month from the file name', () => {
    const [first, second] = parseFile('cert-ldap-2010-05.csv')
    expect(first).toEqual({
      profile: {
        user: 'ama0606',
        kind: 'directory',
        fields: {
          rawUser: 'AMA0606',
          employeeName: 'Avram Mark Andrews',
          email: 'Avram.M.Andrews@dtaa.com',
          role: 'Salesman',
          businessUnit: '1',
          functionalUnit: '5 - SalesAndMarketing',
          department: '2 - Sales',
          team: '5 - RegionalSales',
          supervisor: 'Calvin Edan Love',
          snapshot: '2010-05',
        },
      },
    })
    expect(isProfile(second!) && second.profile.fields).not.toHaveProperty('team')
    const [r6] = parseFile('cert-ldap-r62-2011-02.csv')
    expect(isProfile(r6!) && r6.profile.fields).toMatchObject({ projects: 'Project 12', snapshot: '2011-02' })
  })
})

describe('CERT rejections', () => {
  it('rejects short rows, bad dates and unknown activities, and refuses foreign files', () => {
    const parser = openCert({ name: 'logon.csv', year: null, fileTime: null, timeZone: 'UTC' })
    parser.parse('id,date,user,pc,activity', 1)
    expect(parser.parse('{A},01/04/2010 07:12:31,AMA0606,PC-1514', 2)).toEqual({ reject: 'row has 4 fields, the activity table has 5' })
    expect(parser.parse('{A},13/04/2010 07:12:31,AMA0606,PC-1514,Logon', 3)).toEqual({ reject: "unreadable date '13/04/2010 07:12:31'" })
    expect(parser.parse('{A},01/04/2010 07:12:31,AMA0606,PC-1514,Reboot', 4)).toEqual({ reject: "unknown logon/device activity 'Reboot'" })
    expect(parser.parse('{A},01/04/2010 07:12:31,AMA0606,PC-1514,Logon,extra', 5)).toEqual({ reject: 'row has 6 fields, the activity table has 5' })
    const withMark = openCert({ name: 'logon.csv', year: null, fileTime: null, timeZone: 'UTC' })
    expect(withMark.parse('\ufeffid,date,user,pc,activity', 1)).toBeNull()
    expect(withMark.parse('{A},01/04/2010 07:12:31,AMA0606,PC-1514,Logon', 2)).toMatchObject({ action: 'logon' })
    expect(certInsiderParser.sniff({ name: 'r1/http.csv', head: new Uint8Array(), lines: ['\ufeff{X3Q8-V0MW75TK-1369RIYM},01/04/2010 07:08:47,DTAA/AMA0606,PC-1514,"http://cnet.com"'] })).toBe(0.9)
    const foreign = openCert({ name: 'x.csv', year: null, fileTime: null, timeZone: 'UTC' })
    expect(foreign.parse('a,b,c', 1)).toHaveProperty('fileError')
    expect(certInsiderParser.framing).toBe('lines')
  })
})
