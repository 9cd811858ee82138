"""Event sink plus auth.log and ECS record builders."""
import base64
import hashlib
from util import (iso, syslog_ts, local_date, utc_date, hexid, guid, logon_id, DOMAIN, DNS_DOMAIN)
from population import LINUX, ipof

NEW_STYLE = set(h for i, h in enumerate(LINUX) if i % 3 != 0)   # ubuntu 22.04 vs 20.04 pam wording
LOGON_TXT = {"2": "Interactive", "3": "Network", "5": "Service", "7": "Unlock", "10": "RemoteInteractive",
             "11": "CachedInteractive", "4": "Batch", "8": "NetworkCleartext"}
WIN = {  # code: (action, category, type, task)
    "4624": ("logged-in", ["authentication"], ["start"], "Logon"),
    "4625": ("logon-failed", ["authentication"], ["start"], "Logon"),
    "4634": ("logged-out", ["authentication"], ["end"], "Logoff"),
    "4648": ("logged-in-explicit", ["authentication"], ["start"], "Logon"),
    "4672": ("logged-in-special", ["iam"], ["admin"], "Special Logon"),
    "4720": ("added-user-account", ["iam"], ["user", "creation"], "User Account Management"),
    "4722": ("enabled-user-account", ["iam"], ["user", "change"], "User Account Management"),
    "4724": ("reset-password", ["iam"], ["user", "change"], "User Account Management"),
    "4728": ("added-member-to-group", ["iam"], ["group", "change"], "Security Group Management"),
    "4732": ("added-member-to-group", ["iam"], ["group", "change"], "Security Group Management"),
    "4740": ("locked-out-account", ["iam"], ["user", "change"], "User Account Management"),
    "4767": ("unlocked-user-account", ["iam"], ["user", "change"], "User Account Management"),
    "4768": ("kerberos-authentication-ticket-requested", ["authentication"], ["start"], "Kerberos Authentication Service"),
    "4776": ("credential-validated", ["authentication"], ["start"], "Credential Validation"),
    "4663": ("File System", ["file"], ["access"], "File System"),
    "5140": ("File Share", ["network", "file"], ["access"], "File Share"),
    "6416": ("Plug and Play Events", ["host"], ["info"], "Plug and Play Events"),
}


class Sink:
    def __init__(self, rng):
        self.rng = rng
        self.auth = {}
        self.ecs = {}
        self.tags = {}
        self.pids = {}
        self.sessions = {}
        self.rec = {}
        self.agent = {}

    def mark(self, ts, tag):
        if tag is not None:
            self.tags.setdefault(tag, set()).add(local_date(ts))

    # ---------------- auth.log -----------------
    def pid(self, host):
        p = self.pids.get(host) or 1000 + self.rng.randrange(30000)
        p += self.rng.randint(1, 60)
        if p > 4190000:
            p = 1200
        self.pids[host] = p
        return p

    def line(self, ts, host, prog, msg, tag=None):
        self.auth.setdefault(host, []).append((ts, "%s %s %s: %s" % (syslog_ts(ts), host, prog, msg)))
        if tag is not None:
            self.mark(ts, tag)

    def logind(self, host):
        s = self.sessions.get(host, 100 + self.rng.randrange(5000)) + 1
        self.sessions[host] = s
        return s

    # ---------------- ECS -----------------
    def doc(self, stream, ts, d, tag=None):
        self.ecs.setdefault(stream, {}).setdefault(utc_date(ts), []).append((ts, d))
        if tag is not None:
            self.mark(ts, tag)

    def agent_id(self, host):
        a = self.agent.get(host)
        if not a:
            a = self.agent[host] = hexid(self.rng, 8) + "-" + hexid(self.rng, 4) + "-4" + hexid(self.rng, 3) + \
                "-a" + hexid(self.rng, 3) + "-" + hexid(self.rng, 12)
        return a

    def recid(self, host):
        r = self.rec.get(host, 1000000 + self.rng.randrange(8000000)) + self.rng.randint(1, 25)
        self.rec[host] = r
        return r


def fp(name):
    return base64.b64encode(hashlib.sha256(name.encode()).digest()).decode().rstrip("=")


def sess_open_msg(host, user, uid, by="(uid=0)"):
    if host in NEW_STYLE:
        return "session opened for user %s(uid=%d) by %s" % (user, uid, by)
    return "session opened for user %s by %s" % (user, by)


def ssh_fail(S, ts, host, user, ip, n, tag=None, invalid=False, gap=2.5):
    """one sshd connection with n failed password attempts; returns end time"""
    rng = S.rng
    pid, port = S.pid(host), rng.randint(32768, 60999)
    sd = "sshd[%d]" % pid
    if invalid:
        S.line(ts, host, sd, "Invalid user %s from %s port %d" % (user, ip, port), tag)
        S.line(ts + .01, host, sd, "pam_unix(sshd:auth): check pass; user unknown", tag)
        S.line(ts + .01, host, sd, "pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=%s" % ip, tag)
    else:
        S.line(ts, host, sd, "pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=%s  user=%s" % (ip, user), tag)
    for k in range(n):
        ts += rng.uniform(gap * .4, gap * 1.6)
        S.line(ts, host, sd, "Failed password for %s%s from %s port %d ssh2" % ("invalid user " if invalid else "", user, ip, port), tag)
    ts += rng.uniform(.1, 1)
    if n >= 6:
        S.line(ts, host, sd, "error: maximum authentication attempts exceeded for %s%s from %s port %d ssh2 [preauth]" % ("invalid user " if invalid else "", user, ip, port), tag)
        S.line(ts, host, sd, "Disconnecting %s %s %s port %d: Too many authentication failures [preauth]" % ("invalid user" if invalid else "authenticating user", user, ip, port), tag)
    else:
        S.line(ts, host, sd, "Connection closed by %s %s %s port %d [preauth]" % ("invalid user" if invalid else "authenticating user", user, ip, port), tag)
    if n > 1:
        S.line(ts, host, sd, "PAM %d more authentication failures; logname= uid=0 euid=0 tty=ssh ruser= rhost=%s%s" % (n - 1, ip, "" if invalid else "  user=" + user), tag)
    return ts


def ssh_session(S, ts, host, user, uid, ip, dur, method="publickey", sudo=(), tag=None, su=False, home=None):
    """successful ssh login, optional sudo commands [(offset, cmd, ok)], logout. returns end ts"""
    rng = S.rng
    pid, port = S.pid(host), rng.randint(32768, 60999)
    sd = "sshd[%d]" % pid
    if method == "publickey":
        S.line(ts, host, sd, "Accepted publickey for %s from %s port %d ssh2: ED25519 SHA256:%s" % (user, ip, port, fp(user)), tag)
    else:
        S.line(ts, host, sd, "Accepted password for %s from %s port %d ssh2" % (user, ip, port), tag)
    S.line(ts + .02, host, sd, "pam_unix(sshd:session): " + sess_open_msg(host, user, uid), tag)
    sid = S.logind(host)
    lpid = 600 + LINUX.index(host) * 7 if host in LINUX else 711
    S.line(ts + .05, host, "systemd-logind[%d]" % lpid, "New session %d of user %s." % (sid, user), tag)
    tty = "pts/%d" % rng.randint(0, 4)
    home = home or ("/root" if user == "root" else "/home/" + user)
    for off, cmd, ok in sudo:
        t = ts + off
        if ok == "nosudoers":
            S.line(t, host, "sudo", "%8s : user NOT in sudoers ; TTY=%s ; PWD=%s ; USER=root ; COMMAND=%s" % (user, tty, home, cmd), tag)
            continue
        if ok == "badpw":
            S.line(t, host, "sudo", "pam_unix(sudo:auth): authentication failure; logname=%s uid=%d euid=0 tty=/dev/%s ruser=%s rhost=  user=%s" % (user, uid, tty, user, user), tag)
            S.line(t + 9, host, "sudo", "%8s : 3 incorrect password attempts ; TTY=%s ; PWD=%s ; USER=root ; COMMAND=%s" % (user, tty, home, cmd), tag)
            continue
        S.line(t, host, "sudo", "%8s : TTY=%s ; PWD=%s ; USER=root ; COMMAND=%s" % (user, tty, home, cmd), tag)
        S.line(t + .01, host, "sudo", "pam_unix(sudo:session): " + sess_open_msg(host, "root", 0, "%s(uid=%d)" % (user, uid)), tag)
        S.line(t + rng.uniform(.2, 40), host, "sudo", "pam_unix(sudo:session): session closed for user root", tag)
    end = ts + dur
    S.line(end, host, sd, "Received disconnect from %s port %d:11: disconnected by user" % (ip, port), tag)
    S.line(end, host, sd, "Disconnected from user %s %s port %d" % (user, ip, port), tag)
    S.line(end + .01, host, sd, "pam_unix(sshd:session): session closed for user %s" % user, tag)
    S.line(end + .02, host, "systemd-logind[%d]" % lpid, "Session %d logged out. Waiting for processes to exit." % sid, tag)
    S.line(end + .03, host, "systemd-logind[%d]" % lpid, "Removed session %d." % sid, tag)
    return end


def su_root(S, ts, host, user, uid, ok=True, tag=None):
    pid = S.pid(host)
    tty = "pts/%d" % S.rng.randint(0, 4)
    if ok:
        S.line(ts, host, "su[%d]" % pid, "(to root) %s on %s" % (user, tty), tag)
        S.line(ts + .01, host, "su[%d]" % pid, "pam_unix(su-l:session): " + sess_open_msg(host, "root", 0, "%s(uid=%d)" % (user, uid)), tag)
    else:
        S.line(ts, host, "su[%d]" % pid, "pam_unix(su-l:auth): authentication failure; logname=%s uid=%d euid=0 tty=%s ruser=%s rhost=  user=root" % (user, uid, tty, user), tag)
        S.line(ts + 2.5, host, "su[%d]" % pid, "FAILED SU (to root) %s on %s" % (user, tty), tag)


def usermod_add(S, ts, host, user, group, tag=None):
    pid = S.pid(host)
    S.line(ts, host, "usermod[%d]" % pid, "add '%s' to group '%s'" % (user, group), tag)
    S.line(ts, host, "usermod[%d]" % pid, "add '%s' to shadow group '%s'" % (user, group), tag)


def useradd(S, ts, host, user, uid, tag=None):
    pid = S.pid(host)
    S.line(ts, host, "groupadd[%d]" % pid, "group added to /etc/group: name=%s, GID=%d" % (user, uid), tag)
    S.line(ts, host, "groupadd[%d]" % pid, "group added to /etc/gshadow: name=%s" % user, tag)
    S.line(ts, host, "groupadd[%d]" % pid, "new group: name=%s, GID=%d" % (user, uid), tag)
    S.line(ts + .02, host, "useradd[%d]" % pid, "new user: name=%s, UID=%d, GID=%d, home=/home/%s, shell=/bin/bash, from=/dev/pts/%d" % (user, uid, uid, user, S.rng.randint(0, 3)), tag)
    S.line(ts + 6, host, "passwd[%d]" % S.pid(host), "pam_unix(passwd:chauthtok): password changed for %s" % user, tag)


def cron(S, ts, host, user="root", uid=0, dur=1.0):
    pid = S.pid(host)
    S.line(ts, host, "CRON[%d]" % pid, "pam_unix(cron:session): " + sess_open_msg(host, user, uid), None)
    S.line(ts + dur, host, "CRON[%d]" % pid, "pam_unix(cron:session): session closed for user %s" % user, None)


# ---------------- Windows via Winlogbeat -----------------
def fqdn(host):
    return host.upper() + "." + DNS_DOMAIN


def win(S, ts, host, code, ed, user=None, sid=None, src_ip=None, outcome="success", tag=None, extra=None):
    action, cat, typ, task = WIN[code]
    d = {"@timestamp": iso(ts),
         "agent": {"type": "winlogbeat", "version": "8.13.4", "name": host.upper(), "id": S.agent_id(host),
                   "ephemeral_id": S.agent_id(host + "#eph")},
         "ecs": {"version": "8.0.0"},
         "event": {"code": code, "kind": "event", "provider": "Microsoft-Windows-Security-Auditing",
                   "action": action, "category": cat, "type": typ, "outcome": outcome, "module": "security",
                   "created": iso(ts + S.rng.uniform(1, 9))},
         "host": {"name": host, "hostname": host.upper(), "os": {"family": "windows", "type": "windows",
                  "name": "Windows Server 2019 Datacenter" if not host.startswith(("wks", "lt")) else "Windows 10 Enterprise",
                  "kernel": "10.0.17763.5458 (WinBuild.160101.0800)" if not host.startswith(("wks", "lt")) else "10.0.19045.4291"}},
         "log": {"level": "information"},
         "winlog": {"channel": "Security", "event_id": code, "provider_name": "Microsoft-Windows-Security-Auditing",
                    "provider_guid": "{54849625-5478-4994-a5ba-3e3b0328c30d}", "computer_name": fqdn(host),
                    "record_id": S.recid(host), "api": "wineventlog", "task": task, "opcode": "Info",
                    "keywords": ["Audit Failure" if outcome == "failure" else "Audit Success"],
                    "process": {"pid": 780 if host.startswith("dc") else 672, "thread": {"id": S.rng.randint(800, 9000)}},
                    "event_data": ed}}
    if "LogonType" in ed:
        d["winlog"]["logon"] = {"type": LOGON_TXT.get(ed["LogonType"], ed["LogonType"]),
                                "id": ed.get("TargetLogonId", ed.get("SubjectLogonId"))}
    if user:
        d["user"] = {"name": user, "domain": DOMAIN}
        if sid:
            d["user"]["id"] = sid
    rel = [user] if user else []
    if src_ip and src_ip not in ("-", "::1", "127.0.0.1"):
        d["source"] = {"ip": src_ip, "port": int(ed.get("IpPort", "0") or 0)}
        if ed.get("WorkstationName") and ed["WorkstationName"] != "-":
            d["source"]["domain"] = ed["WorkstationName"]
        d["related"] = {"ip": [src_ip]}
    if rel:
        d.setdefault("related", {})["user"] = rel
    if extra:
        for k, v in extra.items():
            d[k] = v
    S.doc("winlogbeat", ts, d, tag)
    return d


def logon(S, ts, host, u_name, u_sid, ltype, src_ip="-", ws="-", auth="Kerberos", tag=None, elevated=False):
    lid = logon_id(S.rng)
    ed = {"SubjectUserSid": "S-1-5-18" if ltype in ("2", "7", "11", "10") else "S-1-0-0",
          "SubjectUserName": (host.upper() + "$") if ltype in ("2", "7", "11", "10") else "-",
          "SubjectDomainName": DOMAIN if ltype in ("2", "7", "11", "10") else "-",
          "SubjectLogonId": "0x3e7" if ltype in ("2", "7", "11", "10") else "0x0",
          "TargetUserSid": u_sid, "TargetUserName": u_name, "TargetDomainName": DOMAIN, "TargetLogonId": lid,
          "LogonType": ltype, "LogonProcessName": "User32 " if ltype in ("2", "7", "11", "10") else ("NtLmSsp " if auth == "NTLM" else "Kerberos"),
          "AuthenticationPackageName": "Negotiate" if ltype in ("2", "7", "11", "10") else auth,
          "WorkstationName": ws, "LogonGuid": guid(S.rng) if auth == "Kerberos" else "{00000000-0000-0000-0000-000000000000}",
          "TransmittedServices": "-", "LmPackageName": "NTLM V2" if auth == "NTLM" else "-", "KeyLength": "128" if auth == "NTLM" else "0",
          "ProcessId": "0x%x" % (S.rng.randint(600, 900) if ltype != "3" else 0),
          "ProcessName": "C:\\Windows\\System32\\svchost.exe" if ltype in ("2", "7", "11", "10") else "-",
          "IpAddress": src_ip, "IpPort": str(S.rng.randint(49152, 65535)) if src_ip not in ("-", "127.0.0.1") else "0",
          "ImpersonationLevel": "%%1833", "RestrictedAdminMode": "-", "VirtualAccount": "%%1843",
          "ElevatedToken": "%%1842" if elevated or ltype == "3" else "%%1843"}
    win(S, ts, host, "4624", ed, u_name, u_sid, src_ip, tag=tag)
    return lid


def logon_fail(S, ts, host, u_name, ltype, src_ip, ws="-", sub="0xc000006a", auth="NTLM", tag=None):
    ed = {"SubjectUserSid": "S-1-0-0", "SubjectUserName": "-", "SubjectDomainName": "-", "SubjectLogonId": "0x0",
          "TargetUserSid": "S-1-0-0", "TargetUserName": u_name, "TargetDomainName": DOMAIN,
          "Status": "0xc000006d" if sub != "0xc0000234" else sub, "FailureReason": "%%2313", "SubStatus": sub,
          "LogonType": ltype, "LogonProcessName": "NtLmSsp " if auth == "NTLM" else "User32 ",
          "AuthenticationPackageName": auth, "WorkstationName": ws, "TransmittedServices": "-",
          "LmPackageName": "-", "KeyLength": "0", "ProcessId": "0x0", "ProcessName": "-",
          "IpAddress": src_ip, "IpPort": str(S.rng.randint(49152, 65535)) if src_ip != "-" else "0"}
    win(S, ts, host, "4625", ed, u_name, None, src_ip, outcome="failure", tag=tag)


def logoff(S, ts, host, u_name, u_sid, lid, ltype, tag=None):
    win(S, ts, host, "4634", {"TargetUserSid": u_sid, "TargetUserName": u_name, "TargetDomainName": DOMAIN,
                              "TargetLogonId": lid, "LogonType": ltype}, u_name, u_sid, tag=tag)


def special(S, ts, host, u_name, u_sid, lid, tag=None):
    win(S, ts, host, "4672", {"SubjectUserSid": u_sid, "SubjectUserName": u_name, "SubjectDomainName": DOMAIN,
                              "SubjectLogonId": lid, "PrivilegeList": "SeSecurityPrivilege\n\t\t\tSeBackupPrivilege\n\t\t\tSeRestorePrivilege\n\t\t\tSeTakeOwnershipPrivilege\n\t\t\tSeDebugPrivilege\n\t\t\tSeSystemEnvironmentPrivilege\n\t\t\tSeLoadDriverPrivilege\n\t\t\tSeImpersonatePrivilege\n\t\t\tSeDelegateSessionUserImpersonatePrivilege"},
        u_name, u_sid, tag=tag)


def group_add(S, ts, dc, admin, admin_sid, member, member_sid, group, local=False, tag=None):
    code = "4732" if local else "4728"
    gsid = {"Administrators": "S-1-5-32-544", "Remote Desktop Users": "S-1-5-32-555"}.get(group, "%s-%d" % (member_sid.rsplit("-", 1)[0], 512 if group == "Domain Admins" else 3000 + len(group)))
    ed = {"MemberName": "CN=%s,OU=Staff,DC=corp,DC=karoomutual,DC=local" % member, "MemberSid": member_sid,
          "TargetUserName": group, "TargetDomainName": "Builtin" if local else DOMAIN, "TargetSid": gsid,
          "SubjectUserSid": admin_sid, "SubjectUserName": admin, "SubjectDomainName": DOMAIN,
          "SubjectLogonId": logon_id(S.rng), "PrivilegeList": "-"}
    win(S, ts, dc, code, ed, admin, admin_sid, tag=tag,
        extra={"group": {"name": group, "domain": ed["TargetDomainName"], "id": gsid},
               "related": {"user": [admin, member]},
               "user": {"name": admin, "domain": DOMAIN, "id": admin_sid,
                        "target": {"name": member, "domain": DOMAIN, "id": member_sid}}})


def file_access(S, ts, fs, u, path, mask="0x1", tag=None):
    ed = {"SubjectUserSid": u.sid, "SubjectUserName": u.name, "SubjectDomainName": DOMAIN,
          "SubjectLogonId": logon_id(S.rng), "ObjectServer": "Security", "ObjectType": "File",
          "ObjectName": path, "HandleId": "0x%x" % S.rng.randint(0x100, 0x4000),
          "AccessList": "%%4416\n\t\t\t\t" if mask == "0x1" else "%%4417\n\t\t\t\t", "AccessMask": mask,
          "ProcessId": "0x4", "ProcessName": "", "ResourceAttributes": "S:AI"}
    win(S, ts, fs, "4663", ed, u.name, u.sid, tag=tag, extra={"file": {"path": path, "name": path.rsplit("\\", 1)[-1]}})


def ecs_base(S, ts, dataset, module, host=None):
    d = {"@timestamp": iso(ts), "ecs": {"version": "8.11.0"},
         "event": {"kind": "event", "dataset": dataset, "module": module, "ingested": iso(ts + S.rng.uniform(2, 40))},
         "data_stream": {"type": "logs", "dataset": dataset, "namespace": "bank"}}
    if host:
        d["host"] = {"name": host, "hostname": host}
    return d


_ = ipof
