// Servers, programs and file shares of the synthetic organisation.

/** A server: name, address, and whether people ssh into it (Linux) or RDP / SMB to it (Windows). */
export interface Server {
  name: string
  ip: string
  linux: boolean
}

function server(name: string, last: number, linux: boolean): Server {
  return { name, ip: `10.20.0.${last}`, linux }
}

export const servers: readonly Server[] = [
  server('jump01', 10, true), server('git01', 11, true), server('ci01', 12, true), server('build01', 13, true),
  server('dev01', 14, true), server('dev02', 15, true), server('dev03', 16, true), server('app01', 21, true),
  server('app02', 22, true), server('app03', 23, true), server('app04', 24, true), server('db01', 31, true),
  server('db02', 32, true), server('web01', 41, true), server('web02', 42, true), server('mon01', 51, true),
  server('backup01', 52, true), server('fs01', 60, false), server('dc01', 61, false), server('dc02', 62, false),
  server('mail01', 63, false), server('erp01', 64, false), server('crm01', 65, false), server('hr01', 66, false),
  server('print01', 67, false), server('vpn01', 70, false), server('proxy01', 71, false),
]

export function serverNamed(name: string): Server {
  const found = servers.find((candidate) => candidate.name === name)
  if (!found) throw new Error(`no server named ${name}`)
  return found
}

/** Which servers each kind of account uses over ssh (Linux) or RDP/SMB (Windows). */
export const serverPools: Readonly<Record<string, readonly string[]>> = {
  developer: ['jump01', 'dev01', 'dev02', 'dev03', 'git01', 'ci01', 'build01'],
  operations: ['jump01', 'app01', 'app02', 'app03', 'app04', 'db01', 'db02', 'web01', 'web02', 'mon01', 'backup01', 'ci01', 'git01'],
  administrator: ['jump01', 'app01', 'db01', 'web01', 'mon01', 'backup01', 'fs01', 'dc01', 'dc02', 'mail01', 'erp01', 'print01'],
  business: ['fs01', 'mail01'],
  finance: ['fs01', 'mail01', 'erp01'],
  sales: ['fs01', 'mail01', 'crm01'],
  people: ['fs01', 'mail01', 'hr01'],
}

/** Windows programs: the executable and a typical command line. */
export interface Program {
  path: string
  args: string
}

function program(path: string, args = ''): Program {
  return { path, args }
}

const office = 'C:\\Program Files\\Microsoft Office\\root\\Office16\\'
export const programSets: Readonly<Record<string, readonly Program[]>> = {
  common: [
    program('C:\\Windows\\explorer.exe'), program('C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe', '--type=renderer'),
    program(`${office}OUTLOOK.EXE`), program('C:\\Program Files\\Microsoft\\Teams\\ms-teams.exe'), program(`${office}WINWORD.EXE`, '/n'),
    program(`${office}EXCEL.EXE`), program('C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe'),
    program(`${office}POWERPNT.EXE`), program('C:\\Program Files\\Adobe\\Acrobat DC\\Acrobat\\Acrobat.exe'),
    program('C:\\Windows\\System32\\notepad.exe'), program('C:\\Program Files\\Microsoft OneDrive\\OneDrive.exe', '/background'),
  ],
  developer: [
    program('C:\\Users\\%USER%\\AppData\\Local\\Programs\\Microsoft VS Code\\Code.exe'), program('C:\\Program Files\\Git\\cmd\\git.exe', 'pull --rebase'),
    program('C:\\Program Files\\nodejs\\node.exe', 'node_modules\\vitest\\vitest.mjs run'), program('C:\\Program Files\\Docker\\Docker\\resources\\bin\\docker.exe', 'compose up -d'),
    program('C:\\Windows\\System32\\OpenSSH\\ssh.exe'), program('C:\\Program Files\\WindowsApps\\Microsoft.WindowsTerminal\\WindowsTerminal.exe'),
    program('C:\\Python312\\python.exe', '-m pytest'), program('C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe'),
  ],
  administrator: [
    program('C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe', '-NoProfile'), program('C:\\Windows\\System32\\mmc.exe', 'dsa.msc'),
    program('C:\\Windows\\System32\\mstsc.exe'), program('C:\\Program Files\\PuTTY\\putty.exe'), program('C:\\Windows\\System32\\cmd.exe'),
    program('C:\\Windows\\System32\\ipconfig.exe', '/all'), program('C:\\Windows\\System32\\PING.EXE'), program('C:\\Windows\\System32\\nslookup.exe'),
    program('C:\\Windows\\System32\\gpupdate.exe', '/force'), program('C:\\Windows\\System32\\mmc.exe', 'compmgmt.msc'),
  ],
  business: [program('C:\\Program Files\\Zoom\\bin\\Zoom.exe'), program('C:\\Program Files (x86)\\SAP\\FrontEnd\\SAPgui\\saplogon.exe')],
}

/** Department shares on the file server, and the extensions each department mostly works with. */
export const departmentShares: Readonly<Record<string, { share: string; extensions: readonly string[] }>> = {
  Engineering: { share: '\\\\fs01\\engineering', extensions: ['md', 'docx', 'pdf', 'zip', 'json', 'txt'] },
  IT: { share: '\\\\fs01\\it', extensions: ['ps1', 'txt', 'xlsx', 'docx', 'zip'] },
  Finance: { share: '\\\\fs01\\finance', extensions: ['xlsx', 'xlsx', 'pdf', 'docx', 'csv'] },
  Sales: { share: '\\\\fs01\\sales', extensions: ['pptx', 'xlsx', 'docx', 'pdf'] },
  HR: { share: '\\\\fs01\\hr', extensions: ['docx', 'pdf', 'xlsx'] },
  Legal: { share: '\\\\fs01\\legal', extensions: ['docx', 'pdf', 'pdf'] },
  Marketing: { share: '\\\\fs01\\marketing', extensions: ['pptx', 'jpg', 'png', 'pdf', 'docx'] },
  Executive: { share: '\\\\fs01\\board', extensions: ['pptx', 'pdf', 'docx', 'xlsx'] },
}

/** Files worth stealing: what insiders copy out. */
export const sensitiveFiles: readonly string[] = [
  '\\\\fs01\\finance\\payroll\\payroll-register', '\\\\fs01\\sales\\accounts\\customer-master-list', '\\\\fs01\\hr\\personnel\\salary-review',
  '\\\\fs01\\engineering\\source\\platform-core', '\\\\fs01\\legal\\contracts\\merger-term-sheet', '\\\\fs01\\board\\strategy\\five-year-plan',
  '\\\\fs01\\sales\\pricing\\price-book', '\\\\fs01\\engineering\\design\\product-roadmap', '\\\\fs01\\finance\\forecast\\budget-model',
]

/** CERT's file.csv puts the file's magic bytes before the words. */
export const magicBytes: Readonly<Record<string, string>> = {
  docx: '50-4B-03-04', xlsx: '50-4B-03-04', pptx: '50-4B-03-04', zip: '50-4B-03-04', pdf: '25-50-44-46', jpg: 'FF-D8',
  png: '89-50-4E-47', doc: 'D0-CF-11-E0-A1-B1-1A-E1',
}
