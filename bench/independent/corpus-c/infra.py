"""Infrastructure noise: cron, service accounts, scanners, admin account management, change windows."""
from util import local_midnight, rand_public_ip, hexid, DOMAIN_SID
from population import LINUX, WIN_SERVERS, INTERNET_FACING, ipof
from emit import (ssh_session, ssh_fail, cron, logon, logon_fail, logoff, special, win, group_add,
                  usermod_add, useradd, su_root)
from benign import CRON_EXTRA, SCAN_USERS, ADMIN_CMDS, vpn_in, vpn_out
from ecs2 import proc

SVC = {"svc_monitor": 990, "ansible": 991, "svc_backup": 992, "svc_deploy": 993, "sftp_bankserv": 2001,
       "sftp_sars": 2002, "sftp_visa": 2003}
SVC_SID = {n: "%s-%d" % (DOMAIN_SID, 9000 + i) for i, n in enumerate(["svc_sql", "svc_backup", "svc_scanner", "svc_reporting", "svc_etl"])}
PARTNER_IP = {"sftp_bankserv": "196.36.40.11", "sftp_sars": "196.11.5.200", "sftp_visa": "198.241.171.13"}


def infra_day(S, rng, d, di, C):
    mid = local_midnight(d)
    wd = d.weekday()
    for h in LINUX:
        for hr in range(24):
            cron(S, mid + hr * 3600 + 17 * 60 + rng.uniform(0, 1.5), h, dur=rng.uniform(.2, 3))
        if h in CRON_EXTRA:
            every, user, uid = CRON_EXTRA[h]
            for m in range(0, 1440, every):
                cron(S, mid + m * 60 + rng.uniform(0, 1.2), h, user, uid, rng.uniform(.1, 20))
    mon_targets = C.mon_targets
    for hr in range(24):
        for h in mon_targets:
            ssh_session(S, mid + hr * 3600 + 120 + rng.uniform(0, 20), h, "svc_monitor", 990, ipof("mon-01"), rng.uniform(1, 4))
    for run_h in ([2.0, 14.0] if wd < 5 else [2.0]):
        t = mid + run_h * 3600
        for i, h in enumerate(LINUX):
            tt = t + i * rng.uniform(3, 9)
            ssh_session(S, tt, h, "ansible", 991, ipof("ans-01"), rng.uniform(20, 90),
                        sudo=[(2 + k * 7, "/bin/sh -c echo BECOME-SUCCESS-%s ; /usr/bin/python3 /home/ansible/.ansible/tmp/ansible-tmp-%d/AnsiballZ_setup.py" % (hexid(rng, 32)[:32], int(tt)), True) for k in range(rng.randint(1, 4))])
    for h in ["db-pg01", "db-pg02", "db-pg03", "db-pg04"]:
        ssh_session(S, mid + 1.5 * 3600 + rng.uniform(0, 600), h, "svc_backup", 992, ipof("backup-01"), rng.uniform(300, 2400),
                    sudo=[(5, "/usr/bin/pg_dumpall -U postgres", True)])
    if wd < 5:
        for _ in range(rng.randint(1, 4)):
            t = mid + rng.uniform(9, 17) * 3600
            for h in ["app-cbs0%d" % i for i in range(1, 7)]:
                ssh_session(S, t, h, "svc_deploy", 993, ipof("ci-01"), rng.uniform(20, 120),
                            sudo=[(5, "/usr/bin/systemctl restart kmb-payments", True)])
                t += rng.uniform(30, 90)
    for p, ip in PARTNER_IP.items():
        for _ in range(rng.randint(1, 4) if wd < 5 else rng.randint(0, 1)):
            ssh_session(S, mid + rng.uniform(5, 20) * 3600, "sftp-dmz01", p, SVC[p], ip, rng.uniform(3, 40), "password")
    scanners(S, rng, mid)
    win_infra(S, rng, d, di, mid, C)
    admin_work(S, rng, d, di, mid, C)
    if wd == 5 and di % 14 in (5, 6, 12, 13):
        change_window(S, rng, d, mid, C)


def scanners(S, rng, mid):
    for h in INTERNET_FACING:
        for _ in range(rng.randint(4, 35)):
            ip = rand_public_ip(rng)
            t = mid + rng.uniform(0, 86400)
            kind = rng.random()
            if kind < .15:
                pid = S.pid(h)
                S.line(t, h, "sshd[%d]" % pid, "error: kex_exchange_identification: Connection closed by remote host")
                S.line(t, h, "sshd[%d]" % pid, "Connection closed by %s port %d" % (ip, rng.randint(30000, 65000)))
                continue
            if kind < .22:
                S.line(t, h, "sshd[%d]" % S.pid(h), "Unable to negotiate with %s port %d: no matching key exchange method found. Their offer: diffie-hellman-group14-sha1,diffie-hellman-group1-sha1 [preauth]" % (ip, rng.randint(30000, 65000)))
                continue
            if rng.random() < .1:
                S.line(t, h, "sshd[%d]" % S.pid(h), "message repeated %d times: [ Failed password for root from %s port %d ssh2]" % (rng.randint(2, 5), ip, rng.randint(30000, 65000)))
            for c in range(rng.choice([1, 1, 2, 3, 8, 20])):
                user = rng.choice(SCAN_USERS)
                if user == "root":
                    t = ssh_fail(S, t + rng.uniform(1, 30), h, "root", ip, rng.randint(1, 6))
                else:
                    t = ssh_fail(S, t + rng.uniform(1, 30), h, user, ip, rng.randint(1, 3), invalid=True)


def win_infra(S, rng, d, di, mid, C):
    for srv in ("sql01", "sql02"):
        if rng.random() < .1:
            logon(S, mid + rng.uniform(0, 86400), srv, "svc_sql", SVC_SID["svc_sql"], "5", "-", "-", "Negotiate")
    for fs in ("fs01", "fs02"):
        t = mid + 1.0 * 3600 + rng.uniform(0, 300)
        lid = logon(S, t, fs, "svc_backup", SVC_SID["svc_backup"], "3", ipof("backup-01"), "-")
        special(S, t + .1, fs, "svc_backup", SVC_SID["svc_backup"], lid)
        logoff(S, t + rng.uniform(3600, 10800), fs, "svc_backup", SVC_SID["svc_backup"], lid, "3")
    if d.weekday() == 2:   # weekly authenticated vulnerability scan
        t = mid + 3 * 3600
        targets = WIN_SERVERS + rng.sample(C.devices, min(80, len(C.devices)))
        for h in targets:
            t += rng.uniform(5, 40)
            if rng.random() < .1:
                logon_fail(S, t, h, "svc_scanner", "3", "10.10.9.50", "NESSUS01")
                continue
            lid = logon(S, t, h, "svc_scanner", SVC_SID["svc_scanner"], "3", "10.10.9.50", "NESSUS01", "NTLM")
            special(S, t + .1, h, "svc_scanner", SVC_SID["svc_scanner"], lid)
            logoff(S, t + rng.uniform(60, 400), h, "svc_scanner", SVC_SID["svc_scanner"], lid, "3")
    if di in C.stale_days:   # svc_reporting with an expired password hammering the DC
        t = mid + rng.uniform(0, 6) * 3600
        end = t + rng.uniform(6, 20) * 3600
        while t < end:
            logon_fail(S, t, "dc01", "svc_reporting", "3", ipof("appwin02"), "APPWIN02")
            t += rng.uniform(240, 330)


def admin_work(S, rng, d, di, mid, C):
    if d.weekday() >= 5 or not C.admins:
        return
    adm = C.admins[di % len(C.admins)]
    t = mid + rng.uniform(9, 16) * 3600
    dc = "dc01"
    for j in C.joiners:
        if j.join and 0 < (j.join - d).days <= 3 and j.name not in C.created:
            C.created.add(j.name)
            win(S, t, dc, "4720", {"TargetUserName": j.name, "TargetDomainName": "CORP", "TargetSid": j.sid,
                                   "SubjectUserSid": adm.sid, "SubjectUserName": adm.name, "SubjectDomainName": "CORP",
                                   "SamAccountName": j.name, "DisplayName": "%s %s" % (j.first, j.last),
                                   "UserPrincipalName": j.email, "UserAccountControl": "%%2080 %%2082 %%2084"},
                adm.name, adm.sid, extra={"user": {"name": adm.name, "domain": "CORP", "id": adm.sid, "target": {"name": j.name, "domain": "CORP"}}})
            win(S, t + 40, dc, "4722", {"TargetUserName": j.name, "TargetDomainName": "CORP", "TargetSid": j.sid,
                                        "SubjectUserSid": adm.sid, "SubjectUserName": adm.name, "SubjectDomainName": "CORP"}, adm.name, adm.sid)
            for g in ["Staff-" + j.share, "VPN-Users"]:
                t += rng.uniform(20, 90)
                group_add(S, t, dc, adm.name, adm.sid, j.name, j.sid, g)
            for h in j.linux[:2]:
                t += 120
                ssh_session(S, t, h, adm.name, adm.uid, adm.dev_ip, 300,
                            sudo=[(10, "/usr/sbin/useradd -m -s /bin/bash %s" % j.name, True)])
                useradd(S, t + 11, h, j.name, j.uid)
    r = rng.random()
    if r < .35 and C.group_targets:   # routine group membership changes
        who = rng.choice(C.group_targets)
        g = rng.choice(["Remote Desktop Users", "Finance-Share-RW", "Jira-Users", "VPN-Users", "Payments-Approvers-L1"])
        local = g == "Remote Desktop Users"
        group_add(S, t + 600, "rds01" if local else dc, adm.name, adm.sid, who.name, who.sid, g, local=local)
        if local and "rds01" not in who.win_servers:
            who.win_servers = who.win_servers + ["rds01"]
    elif r < .5 and C.devs:   # dev granted docker / sudo on a dev box by an admin (benign privilege change)
        dv = rng.choice(C.devs)
        h = rng.choice([x for x in dv.linux if x.startswith("dev-")] or ["dev-01"])
        g = rng.choice(["docker", "sudo", "docker"])
        if (dv.name, h, g) in C.created:
            return
        C.created.add((dv.name, h, g))
        ssh_session(S, t + 900, h, adm.name, adm.uid, adm.dev_ip, 240,
                    sudo=[(15, "/usr/sbin/usermod -aG %s %s" % (g, dv.name), True)])
        usermod_add(S, t + 916, h, dv.name, g)
        if g == "sudo" and h not in dv.sudo:
            dv.sudo.append(h)
            if h not in dv.linux:
                dv.linux.append(h)
    elif r < .6:
        h = rng.choice(LINUX)
        ssh_session(S, t + 300, h, adm.name, adm.uid, adm.dev_ip, 600, sudo=[(30, "/usr/sbin/useradd -r -s /usr/sbin/nologin app_%s" % hexid(rng, 3), True)])
        S.line(t + 331, h, "useradd[%d]" % S.pid(h), "new user: name=app_%s, UID=%d, GID=%d, home=/home/app, shell=/usr/sbin/nologin, from=/dev/pts/0" % (hexid(rng, 3), 990 - rng.randint(1, 50), 65534))
    if rng.random() < .2:   # admin su to root on a server
        a2 = rng.choice(C.admins)
        h = rng.choice(a2.linux)
        ssh_session(S, t + 1500, h, a2.name, a2.uid, a2.dev_ip, 900, sudo=[(20, "/usr/bin/su -", True)])


def change_window(S, rng, d, mid, C):
    team = rng.sample(C.admins, min(len(C.admins), rng.randint(2, 4)))
    for a in team:
        t0 = mid + rng.uniform(21.5, 22.5) * 3600
        ip = vpn_in(S, rng, a, t0, a.home_ip, "ZA")
        lid = logon(S, t0, a.device, a.name, a.sid, "11")
        proc(S, t0 + 30, a, a.device, "putty")
        t = t0 + 300
        for h in rng.sample(a.linux, min(len(a.linux), rng.randint(4, 18))):
            t = ssh_session(S, t, h, a.name, a.uid, ip, rng.uniform(300, 1500),
                            sudo=[(30, "/usr/bin/apt-get -y upgrade", True), (600, "/usr/sbin/reboot", True)]) + rng.uniform(20, 200)
        for srv in rng.sample(a.win_servers, min(len(a.win_servers), 4)):
            rl = logon(S, t, srv, a.name, a.sid, "10", ip, a.device.upper(), elevated=True)
            special(S, t + .1, srv, a.name, a.sid, rl)
            logoff(S, t + 900, srv, a.name, a.sid, rl, "10")
            t += 1000
        logoff(S, t + 60, a.device, a.name, a.sid, lid, "11")
        vpn_out(S, a, t + 120, a.home_ip, "ZA", ip, t0)


_ = (su_root, ADMIN_CMDS)
