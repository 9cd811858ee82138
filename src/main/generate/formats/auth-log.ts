// /var/log/auth.log lines as a central rsyslog server writes them (RSYSLOG_FileFormat: ISO 8601
// with microseconds and offset), in the exact wording of OpenSSH, sudo, su, shadow-utils,
// pam_unix and cron on Debian/Ubuntu.

import { rsyslogStamp, minuteMs } from '../calendar'
import type { Stream } from '../output'
import type { Random } from '../random'

/** An open ssh connection: what its later lines repeat. */
export interface SshSession {
  server: string
  user: string
  uid: number
  from: string
  pid: number
  port: number
  session: number
  tty: number
}

function line(stream: Stream, ts: number, host: string, tag: string, message: string): void {
  stream.push(ts, `${rsyslogStamp(ts)} ${host} ${tag}: ${message}`)
}

/** `Accepted …`, the PAM session and logind's note; `typos` failed tries come first (same connection). */
export function sshLogin(
  stream: Stream,
  random: Random,
  at: { ts: number; server: string; user: string; uid: number; from: string; method: 'publickey' | 'password'; typos?: number },
): SshSession {
  const session: SshSession = {
    server: at.server, user: at.user, uid: at.uid, from: at.from, pid: random.int(1200, 64000), port: random.int(32768, 60999),
    session: random.int(100, 9999), tty: random.int(0, 6),
  }
  const sshd = `sshd[${session.pid}]`
  let ts = at.ts
  for (let typo = 0; typo < (at.typos ?? 0); typo++) {
    if (typo === 0) line(stream, ts, at.server, sshd, `pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=${at.from}  user=${at.user}`)
    line(stream, ts + 1800, at.server, sshd, `Failed password for ${at.user} from ${at.from} port ${session.port} ssh2`)
    ts += random.int(3000, 9000)
  }
  const key = at.method === 'publickey' ? `: ED25519 SHA256:${random.code(43, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/')}` : ''
  line(stream, ts, at.server, sshd, `Accepted ${at.method} for ${at.user} from ${at.from} port ${session.port} ssh2${key}`)
  line(stream, ts + 12, at.server, sshd, `pam_unix(sshd:session): session opened for user ${at.user}(uid=${at.uid}) by (uid=0)`)
  line(stream, ts + 30, at.server, `systemd-logind[${600 + (session.pid % 400)}]`, `New session ${session.session} of user ${at.user}.`)
  return session
}

export function sshLogout(stream: Stream, ts: number, session: SshSession): void {
  const sshd = `sshd[${session.pid}]`
  line(stream, ts, session.server, sshd, `Received disconnect from ${session.from} port ${session.port}:11: disconnected by user`)
  line(stream, ts + 2, session.server, sshd, `Disconnected from user ${session.user} ${session.from} port ${session.port}`)
  line(stream, ts + 9, session.server, sshd, `pam_unix(sshd:session): session closed for user ${session.user}`)
  line(stream, ts + 15, session.server, `systemd-logind[${600 + (session.pid % 400)}]`, `Session ${session.session} logged out. Waiting for processes to exit.`)
}

/** A sudo command run as `target` (root by default), with the PAM session around it. */
export function sudo(stream: Stream, ts: number, session: SshSession, command: string, target = 'root'): void {
  const host = session.server
  line(stream, ts, host, 'sudo', `${session.user} : TTY=pts/${session.tty} ; PWD=/home/${session.user} ; USER=${target} ; COMMAND=${command}`)
  line(stream, ts + 4, host, 'sudo', `pam_unix(sudo:session): session opened for user ${target}(uid=${target === 'root' ? 0 : 999}) by ${session.user}(uid=${session.uid})`)
  line(stream, ts + 900, host, 'sudo', `pam_unix(sudo:session): session closed for user ${target}`)
}

/** sudo refusing an account that is not in sudoers. */
export function sudoRefused(stream: Stream, ts: number, session: SshSession, command: string): void {
  line(stream, ts, session.server, 'sudo', `${session.user} : user NOT in sudoers ; TTY=pts/${session.tty} ; PWD=/home/${session.user} ; USER=root ; COMMAND=${command}`)
}

/** util-linux `su -` to root: the switch and its PAM session. */
export function suToRoot(stream: Stream, random: Random, ts: number, session: SshSession): void {
  const su = `su[${random.int(1200, 64000)}]`
  line(stream, ts, session.server, su, `(to root) ${session.user} on pts/${session.tty}`)
  line(stream, ts + 6, session.server, su, `pam_unix(su-l:session): session opened for user root(uid=0) by ${session.user}(uid=${session.uid})`)
}

/** `usermod -aG group user` as shadow-utils logs it (the gshadow twin line included). */
export function addToGroup(stream: Stream, random: Random, ts: number, server: string, member: string, group: string): void {
  const usermod = `usermod[${random.int(1200, 64000)}]`
  line(stream, ts, server, usermod, `add '${member}' to group '${group}'`)
  line(stream, ts + 1, server, usermod, `add '${member}' to shadow group '${group}'`)
}

/** `useradd` of a new local account. */
export function newAccount(stream: Stream, random: Random, ts: number, server: string, name: string, uid: number): void {
  const useradd = `useradd[${random.int(1200, 64000)}]`
  line(stream, ts, server, useradd, `new group: name=${name}, GID=${uid}`)
  line(stream, ts + 1, server, useradd, `new user: name=${name}, UID=${uid}, GID=${uid}, home=/home/${name}, shell=/bin/bash, from=/dev/pts/1`)
}

/**
 * One connection's worth of password guessing (OpenSSH's MaxAuthTries 6): PAM's first failure,
 * `Failed password` per try, the disconnect and PAM's summary of the rest. Returns when it ended.
 */
export function guessingConnection(stream: Stream, random: Random, ts: number, server: string, user: string, from: string, tries: number): number {
  const sshd = `sshd[${random.int(1200, 64000)}]`
  const port = random.int(32768, 60999)
  let at = ts
  line(stream, at, server, sshd, `pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=${from}  user=${user}`)
  for (let attempt = 0; attempt < tries; attempt++) {
    at += random.int(1500, 4000)
    line(stream, at, server, sshd, `Failed password for ${user} from ${from} port ${port} ssh2`)
  }
  if (tries >= 6) {
    line(stream, at + 5, server, sshd, `error: maximum authentication attempts exceeded for ${user} from ${from} port ${port} ssh2 [preauth]`)
    line(stream, at + 6, server, sshd, `Disconnecting authenticating user ${user} ${from} port ${port}: Too many authentication failures [preauth]`)
  } else {
    line(stream, at + 400, server, sshd, `Connection closed by authenticating user ${user} ${from} port ${port} [preauth]`)
  }
  if (tries > 1) line(stream, at + 8, server, sshd, `PAM ${tries - 1} more authentication failures; logname= uid=0 euid=0 tty=ssh ruser= rhost=${from}  user=${user}`)
  return at + 10
}

/** Internet background noise on an exposed ssh port: guesses at accounts that do not exist. */
export function invalidUserProbe(stream: Stream, random: Random, ts: number, server: string, name: string, from: string): void {
  const sshd = `sshd[${random.int(1200, 64000)}]`
  const port = random.int(32768, 60999)
  line(stream, ts, server, sshd, `Invalid user ${name} from ${from} port ${port}`)
  line(stream, ts + 300, server, sshd, 'pam_unix(sshd:auth): check pass; user unknown')
  line(stream, ts + 302, server, sshd, `pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=${from}`)
  line(stream, ts + 2100, server, sshd, `Failed password for invalid user ${name} from ${from} port ${port} ssh2`)
  line(stream, ts + 2600, server, sshd, `Connection closed by invalid user ${name} ${from} port ${port} [preauth]`)
}

/** An hourly cron job's PAM session for root. */
export function cronJob(stream: Stream, random: Random, ts: number, server: string): void {
  const cron = `CRON[${random.int(1200, 64000)}]`
  line(stream, ts, server, cron, 'pam_unix(cron:session): session opened for user root(uid=0) by (uid=0)')
  line(stream, ts + 5, server, cron, '(root) CMD (   cd / && run-parts --report /etc/cron.hourly)')
  line(stream, ts + minuteMs / 60, server, cron, 'pam_unix(cron:session): session closed for user root')
}
