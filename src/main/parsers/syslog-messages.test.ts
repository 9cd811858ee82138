import { describe, expect, it } from 'vitest'
import type { NormalizedEvent } from '../../shared/event'
import { actionVocabulary } from '../../shared/actions'
import { interpretSyslogMessage, maxRepeat } from './syslog-messages'

const ts = Date.UTC(2026, 10, 21, 9, 30, 0)

function events(app: string | null, message: string, pid: number | null = 4242): NormalizedEvent[] {
  const outcome = interpretSyslogMessage({ ts, host: 'bastion', app, pid, extra: null }, message)
  const list = Array.isArray(outcome) ? outcome : [outcome]
  for (const event of list) {
    // Every verb is in the shared vocabulary, with its category.
    expect(actionVocabulary[event.action]?.category).toBe(event.category)
    expect(event.ts).toBe(ts)
    expect(event.host).toBe('bastion')
    expect(event.attrs.app).toBe(app)
  }
  return list
}

function one(app: string | null, message: string): NormalizedEvent {
  const list = events(app, message)
  expect(list).toHaveLength(1)
  return list[0]!
}

describe('sshd', () => {
  it('Accepted password / publickey / keyboard-interactive', () => {
    expect(one('sshd', 'Accepted password for alice from 10.0.0.5 port 51234 ssh2')).toMatchObject({
      action: 'ssh_accept', outcome: 'success', category: 'authentication', user: 'alice', srcIp: '10.0.0.5',
      attrs: { method: 'password', port: 51234, pid: 4242 },
    })
    expect(one('sshd', 'Accepted publickey for bob from 2001:db8::7 port 40000 ssh2: ED25519 SHA256:AbC/xyz')).toMatchObject({
      action: 'ssh_accept', user: 'bob', srcIp: '2001:db8::7', attrs: { method: 'publickey', port: 40000, key: 'ED25519 SHA256:AbC/xyz' },
    })
    expect(one('sshd-session', 'Accepted keyboard-interactive/pam for Carol from 192.0.2.1 port 2222 ssh2')).toMatchObject({
      action: 'ssh_accept', user: 'carol', attrs: { method: 'keyboard-interactive/pam', rawUser: 'Carol' },
    })
  })

  it('Failed password / publickey, for valid and invalid users (names may hold spaces)', () => {
    expect(one('sshd', 'Failed password for root from 1.2.3.4 port 22 ssh2')).toMatchObject({
      action: 'ssh_failed', outcome: 'failure', user: 'root', srcIp: '1.2.3.4', attrs: { method: 'password', port: 22 },
    })
    const invalid = one('sshd', 'Failed password for invalid user admin test from 1.2.3.4 port 53 ssh2')
    expect(invalid).toMatchObject({ action: 'ssh_failed', user: 'admin test', attrs: { invalidUser: true, port: 53 } })
    expect(one('sshd', 'Failed publickey for alice from 10.0.0.5 port 4000 ssh2: RSA SHA256:k')).toMatchObject({
      action: 'ssh_failed', user: 'alice', attrs: { method: 'publickey' },
    })
  })

  it('Invalid user / Illegal user', () => {
    expect(one('sshd', 'Invalid user webmaster from 173.234.31.186')).toMatchObject({
      action: 'ssh_invalid_user', outcome: 'failure', user: 'webmaster', srcIp: '173.234.31.186', attrs: { invalidUser: true },
    })
    expect(one('sshd', 'Invalid user oracle from 198.51.100.2 port 4444')).toMatchObject({ user: 'oracle', srcIp: '198.51.100.2', attrs: { port: 4444 } })
    expect(one('sshd', 'Illegal user guest from 198.51.100.3')).toMatchObject({ action: 'ssh_invalid_user', user: 'guest' })
  })

  it('Disconnected / Received disconnect / Connection closed / Disconnecting', () => {
    expect(one('sshd', 'Disconnected from user alice 10.0.0.5 port 51234')).toMatchObject({
      action: 'ssh_disconnect', outcome: 'unknown', user: 'alice', srcIp: '10.0.0.5', attrs: { port: 51234 },
    })
    expect(one('sshd', 'Disconnected from invalid user test 1.2.3.4 port 5 [preauth]')).toMatchObject({
      user: 'test', attrs: { invalidUser: true, preauth: true },
    })
    expect(one('sshd', 'Disconnected from authenticating user root 1.2.3.4 port 5 [preauth]')).toMatchObject({ user: 'root', srcIp: '1.2.3.4' })
    expect(one('sshd', 'Received disconnect from 183.62.140.253: 11: Bye Bye [preauth]')).toMatchObject({
      action: 'ssh_disconnect', user: null, srcIp: '183.62.140.253', attrs: { code: 11, reason: 'Bye Bye', preauth: true },
    })
    expect(one('sshd', 'Received disconnect from 10.0.0.5 port 51234:11: disconnected by user')).toMatchObject({
      srcIp: '10.0.0.5', attrs: { port: 51234, code: 11, reason: 'disconnected by user' },
    })
    expect(one('sshd', 'error: Received disconnect from 1.2.3.4: 14: No more user authentication methods available. [preauth]')).toMatchObject({
      action: 'ssh_disconnect', attrs: { code: 14, reason: 'No more user authentication methods available.' },
    })
    expect(one('sshd', 'Connection closed by authenticating user root 1.2.3.4 port 5 [preauth]')).toMatchObject({ action: 'ssh_disconnect', user: 'root' })
    expect(one('sshd', 'Connection closed by invalid user x y 1.2.3.4 port 5 [preauth]')).toMatchObject({ user: 'x y', attrs: { invalidUser: true } })
    expect(one('sshd', 'Connection closed by 1.2.3.4 [preauth]')).toMatchObject({ user: null, srcIp: '1.2.3.4', attrs: { reason: 'connection closed' } })
    expect(one('sshd', 'Disconnecting: Too many authentication failures for root [preauth]')).toMatchObject({
      action: 'ssh_disconnect', user: 'root', attrs: { reason: 'Too many authentication failures' },
    })
    expect(one('sshd', 'Disconnecting invalid user admin 1.2.3.4 port 6: Too many authentication failures [preauth]')).toMatchObject({
      user: 'admin', srcIp: '1.2.3.4', attrs: { port: 6, reason: 'Too many authentication failures' },
    })
  })

  it('maximum authentication attempts exceeded: a disconnect (its failures have lines of their own)', () => {
    expect(one('sshd', 'error: maximum authentication attempts exceeded for root from 1.2.3.4 port 5 ssh2 [preauth]')).toMatchObject({
      action: 'ssh_disconnect', outcome: 'unknown', user: 'root', srcIp: '1.2.3.4', attrs: { port: 5, preauth: true, reason: 'maximum authentication attempts exceeded' },
    })
    expect(one('sshd', 'error: maximum authentication attempts exceeded for invalid user ad min from 1.2.3.4 port 6 ssh2 [preauth]')).toMatchObject({
      user: 'ad min', srcIp: '1.2.3.4', attrs: { invalidUser: true, port: 6 },
    })
  })

  it('User … not allowed because …: a refused account', () => {
    expect(one('sshd', 'User root from 203.0.113.9 not allowed because not listed in AllowUsers')).toMatchObject({
      category: 'authentication', action: 'ssh_refused', outcome: 'failure', user: 'root', srcIp: '203.0.113.9', attrs: { reason: 'not listed in AllowUsers' },
    })
    expect(one('sshd', "User bob from build.example.org not allowed because none of user's groups are listed in AllowGroups")).toMatchObject({
      user: 'bob', srcIp: null, attrs: { srcHost: 'build.example.org', reason: "none of user's groups are listed in AllowGroups" },
    })
  })

  it('pam_unix authentication failure: user, address or host name', () => {
    expect(one('sshd', 'pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=1.2.3.4  user=root')).toMatchObject({
      action: 'logon_failed', outcome: 'failure', user: 'root', srcIp: '1.2.3.4', attrs: { service: 'sshd', tty: 'ssh' },
    })
    const byName = one('sshd(pam_unix)', 'authentication failure; logname= uid=0 euid=0 tty=NODEVssh ruser= rhost=220-135-151-1.hinet-ip.hinet.net')
    expect(byName).toMatchObject({ action: 'logon_failed', user: null, srcIp: null, attrs: { service: 'sshd', srcHost: '220-135-151-1.hinet-ip.hinet.net' } })
  })

  it('pam_unix sessions', () => {
    expect(one('sshd', 'pam_unix(sshd:session): session opened for user alice by (uid=0)')).toMatchObject({
      action: 'session_open', outcome: 'success', user: 'alice', attrs: { service: 'sshd', byUid: 0 },
    })
    expect(one('sshd', 'pam_unix(sshd:session): session opened for user alice(uid=1000) by (uid=0)')).toMatchObject({ user: 'alice', attrs: { uid: 1000 } })
    expect(one('sshd', 'pam_unix(sshd:session): session closed for user alice')).toMatchObject({ action: 'session_close', user: 'alice' })
  })

  it('message repeated N times: N events of the inner message', () => {
    const list = events('sshd', 'message repeated 3 times: [ Failed password for root from 5.36.59.76 port 42393 ssh2]')
    expect(list).toHaveLength(3)
    for (const event of list) expect(event).toMatchObject({ action: 'ssh_failed', user: 'root', srcIp: '5.36.59.76', attrs: { repeat: 3 } })
    // Copies, not one object three times: a consumer that annotates one does not change the others.
    expect(list[0]).not.toBe(list[1])
    expect(list[0]!.attrs).not.toBe(list[1]!.attrs)
  })

  it('PAM N more authentication failures: N logon_failed events, marked as a summary', () => {
    const list = events('sshd', 'PAM 5 more authentication failures; logname= uid=0 euid=0 tty=ssh ruser= rhost=106.5.5.195  user=root')
    expect(list).toHaveLength(5)
    expect(list[4]).toMatchObject({ action: 'logon_failed', user: 'root', srcIp: '106.5.5.195', attrs: { repeat: 5, pamSummary: true } })
    expect(events('sshd', 'PAM 1 more authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=5.188.10.180 ')).toHaveLength(1)
    expect(events('sshd', 'pam_unix(sshd:auth): 2 more authentication failures; logname= uid=0 euid=0 tty=ssh ruser= rhost=5.188.10.180  user=root')).toHaveLength(2)
    // A summary inside a repeat multiplies.
    expect(events('sshd', 'message repeated 2 times: [ PAM 3 more authentication failures; logname= uid=0 euid=0 tty=ssh ruser= rhost=1.2.3.4]')).toHaveLength(6)
  })

  it('a forged repeat count is capped', () => {
    const list = events('sshd', 'message repeated 999999999 times: [ Failed password for root from 1.2.3.4 port 1 ssh2]')
    expect(list).toHaveLength(maxRepeat)
    expect(list[0]!.attrs).toMatchObject({ repeat: 999999999, repeatCapped: true })
  })

  it('other sshd lines are system messages, with the source address where there is one', () => {
    expect(one('sshd', 'Server listening on 0.0.0.0 port 22.')).toMatchObject({
      action: 'system_message', category: 'system', user: null, object: 'sshd', attrs: { message: 'Server listening on 0.0.0.0 port 22.' },
    })
    expect(one('sshd', 'Did not receive identification string from 185.165.29.69')).toMatchObject({ action: 'system_message', srcIp: '185.165.29.69' })
    expect(one('sshd', 'reverse mapping checking getaddrinfo for ns.example.com [173.234.31.186] failed - POSSIBLE BREAK-IN ATTEMPT!')).toMatchObject({
      action: 'system_message', srcIp: '173.234.31.186',
    })
    expect(one('sshd', 'pam_unix(sshd:auth): check pass; user unknown')).toMatchObject({ action: 'system_message', user: null })
  })
})

describe('sudo', () => {
  it('a command run as root', () => {
    expect(one('sudo', '   alice : TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/bin/ls -la /root')).toMatchObject({
      action: 'sudo', outcome: 'success', user: 'alice', object: '/bin/ls -la /root', attrs: { targetUser: 'root', tty: 'pts/0', pwd: '/home/alice' },
    })
  })

  it('refusals: wrong password, not in sudoers, PAM failure', () => {
    expect(one('sudo', 'alice : 3 incorrect password attempts ; TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/usr/bin/apt update')).toMatchObject({
      action: 'sudo_failed', outcome: 'failure', user: 'alice', object: '/usr/bin/apt update', attrs: { attempts: 3, reason: '3 incorrect password attempts', targetUser: 'root' },
    })
    expect(one('sudo', 'mallory : user NOT in sudoers ; TTY=pts/1 ; PWD=/tmp ; USER=root ; COMMAND=/bin/bash')).toMatchObject({
      action: 'sudo_failed', user: 'mallory', object: '/bin/bash', attrs: { reason: 'user NOT in sudoers' },
    })
    expect(one('sudo', 'pam_unix(sudo:auth): authentication failure; logname=alice uid=1000 euid=0 tty=/dev/pts/0 ruser=alice rhost=  user=alice')).toMatchObject({
      action: 'sudo_failed', user: 'alice', attrs: { service: 'sudo' },
    })
    expect(one('sudo', 'unable to resolve host bastion: Name or service not known')).toMatchObject({ action: 'system_message' })
  })
})

describe('pkexec', () => {
  it('a command run as root is a sudo; a refusal a sudo_failed', () => {
    expect(one('pkexec', 'igrant: Executing command [USER=root] [TTY=/dev/pts/0] [CWD=/home/igrant] [COMMAND=/bin/sh -c [ -x /tmp/a ] && /tmp/a]')).toMatchObject({
      category: 'authentication', action: 'sudo', outcome: 'success', user: 'igrant', object: '/bin/sh -c [ -x /tmp/a ] && /tmp/a',
      attrs: { app: 'pkexec', targetUser: 'root', tty: '/dev/pts/0', pwd: '/home/igrant' },
    })
    expect(one('pkexec', 'bob: Error executing command as another user: Not authorized [USER=root] [TTY=unknown] [CWD=/home/bob] [COMMAND=/usr/bin/bash]')).toMatchObject({
      action: 'sudo_failed', outcome: 'failure', user: 'bob', object: '/usr/bin/bash', attrs: { reason: 'Not authorized', targetUser: 'root' },
    })
    expect(one('pkexec', 'pam_unix(polkit-1:session): session opened for user root(uid=0) by igrant(uid=1000)')).toMatchObject({ action: 'session_open', user: 'root' })
  })
})

describe('su', () => {
  it('successes: user is who ran su, attrs.targetUser whom they became', () => {
    expect(one('su', 'Successful su for root by alice')).toMatchObject({ action: 'su', outcome: 'success', user: 'alice', attrs: { targetUser: 'root' } })
    expect(one('su', '+ pts/0 alice:root')).toMatchObject({ action: 'su', user: 'alice', attrs: { targetUser: 'root', tty: 'pts/0' } })
    expect(one('su', '(to root) alice on pts/0')).toMatchObject({ action: 'su', user: 'alice', attrs: { targetUser: 'root', tty: 'pts/0' } })
  })

  it('failures, including PAM in both of its forms', () => {
    expect(one('su', 'FAILED su for root by mallory')).toMatchObject({ action: 'su_failed', outcome: 'failure', user: 'mallory', attrs: { targetUser: 'root' } })
    expect(one('su', '- pts/1 mallory:root')).toMatchObject({ action: 'su_failed', user: 'mallory', attrs: { tty: 'pts/1' } })
    expect(one('su', 'FAILED SU (to root) mallory on pts/1')).toMatchObject({ action: 'su_failed', user: 'mallory', attrs: { targetUser: 'root', tty: 'pts/1' } })
    const pam = 'authentication failure; logname=mallory uid=1001 euid=0 tty=/dev/pts/1 ruser=mallory rhost=  user=root'
    expect(one('su', `pam_unix(su:auth): ${pam}`)).toMatchObject({ action: 'su_failed', user: 'mallory', attrs: { targetUser: 'root', service: 'su' } })
    expect(one('su(pam_unix)', pam)).toMatchObject({ action: 'su_failed', user: 'mallory', attrs: { targetUser: 'root' } })
  })

  it('a su session is a session of the target account, opened by the caller', () => {
    expect(one('su', 'pam_unix(su-l:session): session opened for user root(uid=0) by alice(uid=1000)')).toMatchObject({
      action: 'session_open', user: 'root', attrs: { service: 'su-l', uid: 0, byUser: 'alice', byUid: 1000 },
    })
  })
})

describe('account changes', () => {
  it('useradd, usermod, userdel, groupadd, gpasswd, passwd', () => {
    expect(one('useradd', 'new user: name=bob, UID=1001, GID=1001, home=/home/bob, shell=/bin/bash, from=/dev/pts/0')).toMatchObject({
      action: 'account_create', category: 'system', outcome: 'success', user: null, object: 'bob',
      attrs: { targetUser: 'bob', uid: 1001, gid: 1001, home: '/home/bob', shell: '/bin/bash' },
    })
    expect(one('useradd', 'new group: name=bob, GID=1001')).toMatchObject({ action: 'group_create', object: 'bob', attrs: { gid: 1001 } })
    expect(one('groupadd', 'new group: name=devs, GID=1002')).toMatchObject({ action: 'group_create', object: 'devs' })
    expect(one('groupadd', 'group added to /etc/group: name=devs, GID=1002')).toMatchObject({ action: 'system_message' })
    expect(one('usermod', "add 'bob' to group 'sudo'")).toMatchObject({ action: 'group_member_add', object: 'sudo', user: null, attrs: { targetUser: 'bob' } })
    expect(one('usermod', "add 'bob' to shadow group 'sudo'")).toMatchObject({ action: 'system_message' })
    expect(one('usermod', "delete 'bob' from group 'docker'")).toMatchObject({ action: 'group_member_remove', object: 'docker', attrs: { targetUser: 'bob' } })
    expect(one('usermod', "change user 'bob' shell from '/bin/sh' to '/bin/bash'")).toMatchObject({
      action: 'account_modify', object: 'bob', attrs: { change: "change user 'bob' shell from '/bin/sh' to '/bin/bash'" },
    })
    expect(one('usermod', "lock user 'bob' password")).toMatchObject({ action: 'account_modify', object: 'bob' })
    expect(one('userdel', "delete user 'bob'")).toMatchObject({ action: 'account_delete', object: 'bob', attrs: { targetUser: 'bob' } })
    expect(one('gpasswd', 'user bob added by root to group docker')).toMatchObject({ action: 'group_member_add', user: 'root', object: 'docker', attrs: { targetUser: 'bob' } })
    expect(one('passwd', 'pam_unix(passwd:chauthtok): password changed for bob')).toMatchObject({ action: 'password_change', category: 'system', user: 'bob', object: 'bob' })
    expect(one('passwd', "password for 'bob' changed by 'root'")).toMatchObject({ action: 'password_reset', user: 'root', object: 'bob' })
  })
})

describe('login and everything else', () => {
  it('console logins', () => {
    expect(one('-- root', 'ROOT LOGIN ON tty2')).toMatchObject({ action: 'logon', outcome: 'success', user: 'root', attrs: { tty: 'tty2', service: 'login' } })
    expect(one('login', 'FAILED LOGIN 1 FROM tty1 FOR alice, Authentication failure')).toMatchObject({
      action: 'logon_failed', user: 'alice', attrs: { tty: 'tty1', reason: 'Authentication failure' },
    })
    expect(one('login', "FAILED LOGIN (1) on '/dev/tty1' FOR 'alice', Authentication failure")).toMatchObject({
      action: 'logon_failed', outcome: 'failure', user: 'alice', attrs: { tty: '/dev/tty1', reason: 'Authentication failure' },
    })
  })

  it('systemd-logind: a new session is a session_open of its user', () => {
    expect(one('systemd-logind', 'New session 42 of user alice.')).toMatchObject({
      category: 'authentication', action: 'session_open', outcome: 'success', user: 'alice', attrs: { service: 'systemd-logind', session: '42' },
    })
    expect(one('systemd-logind', 'Removed session 42.')).toMatchObject({ action: 'system_message' })
  })

  it('removable storage: the kernel\'s and udisks\' lines are device events; udisks names the user in the mount point', () => {
    expect(one('kernel', '[ 8721.113401] usb-storage 2-1:1.0: USB Mass Storage device detected')).toMatchObject({
      category: 'device', action: 'device_connect', user: null, object: 'usb 2-1:1.0', attrs: { bus: 'usb', port: '2-1:1.0', removable: true },
    })
    expect(one('kernel', 'sd 6:0:0:0: [sdb] Attached SCSI removable disk')).toMatchObject({ action: 'device_connect', object: '/dev/sdb', attrs: { disk: 'sdb' } })
    expect(one('udisksd', 'Mounted /dev/sdb1 at /media/alice/KINGSTON on behalf of uid 1000')).toMatchObject({
      category: 'device', action: 'device_connect', user: 'alice', object: '/media/alice/KINGSTON', attrs: { device: '/dev/sdb1', mountPoint: '/media/alice/KINGSTON', uid: 1000 },
    })
    expect(one('udisksd', 'Mounted /dev/sdc1 at /run/media/bob/DATA.')).toMatchObject({ user: 'bob', object: '/run/media/bob/DATA' })
    expect(one('udisksd', 'Unmounted /dev/sdb1 on behalf of uid 1000')).toMatchObject({ action: 'device_unmount', object: '/dev/sdb1' })
    // Any USB device logs this, keyboards too: not a storage connect.
    expect(one('kernel', 'usb 1-1: new high-speed USB device number 5 using xhci_hcd')).toMatchObject({ action: 'system_message' })
  })

  it('any other line is a system_message: nothing is dropped, the message is cut at 500 characters', () => {
    expect(one('CRON', '(root) CMD (run-parts /etc/cron.hourly)')).toMatchObject({
      action: 'system_message', category: 'system', outcome: 'unknown', user: null, object: 'CRON', attrs: { message: '(root) CMD (run-parts /etc/cron.hourly)', pid: 4242 },
    })
    const long = one('kernel', 'x'.repeat(2000))
    expect(long.attrs.message).toBe('x'.repeat(500))
    expect(one(null, 'last words')).toMatchObject({ object: null, attrs: { app: null, message: 'last words' } })
  })
})
