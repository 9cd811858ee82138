"""Attack planning and planting. Every attack event carries tag=attack index."""
import datetime as dt
from util import local_midnight, BAD_PREFIX, ip_from_prefix, CLOUD, JOB_SITES, CTR_THRESHOLD, hexid
from population import LINUX, WIN_SERVERS, INTERNET_FACING, ipof, is_workday, make_beneficiary
from emit import ssh_session, ssh_fail, logon, logon_fail, logoff, special, win, file_access, group_add, usermod_add, su_root, useradd
from ecs2 import proc, fileev, usb_plug, web, mail, vpn, bank, doc_name, subject
from benign import vpn_in, vpn_out, persmail, web_burst

SCEN = ["off_hours_spree", "brute_force_takeover", "removable_media_exfiltration", "lateral_movement",
        "privilege_escalation", "cloud_upload", "departing_employee", "transaction_velocity"]
OTHER_SHARES = ["Finance", "Exco", "HR", "Risk", "Payments", "Legal", "Treasury", "Board"]


class Attack:
    pass


def eligible(k, u):
    if u.join or u.admin:
        return False
    if k == "transaction_velocity":
        return u.bank is not None
    if k == "off_hours_spree":
        return not u.night and u.evening <= .02 and u.start_h < 10
    if k == "removable_media_exfiltration":
        return u.usb < .05
    if k == "cloud_upload":
        return u.role != "marketing"
    if k == "departing_employee":
        return not u.night
    return True


def plan(rng, users, start, ndays, hol):
    n = max(16, int(round(.05 * len(users))))
    kinds = SCEN * 2 + [rng.choice(SCEN) for _ in range(n - 16)]
    kinds.sort(key=lambda k: (k != "transaction_velocity", k != "departing_employee"))
    used, out = set(), []
    first = min(9, ndays // 3)
    seen = {}
    for k in kinds:
        nth = seen[k] = seen.get(k, 0) + 1
        cands = [u for u in users if u.name not in used and eligible(k, u)]
        if k in ("privilege_escalation", "lateral_movement", "brute_force_takeover") and nth <= 2:
            cands = [u for u in cands if bool(u.linux) == (nth == 1)] or cands
        u = rng.choice(cands)
        used.add(u.name)
        A = Attack()
        A.idx, A.user, A.scenario = len(out), u, k
        A.I = rng.uniform(.25, 1.0)
        wdays = [start + dt.timedelta(days=i) for i in range(first, ndays - 1)
                 if is_workday(u, start + dt.timedelta(days=i), hol, i)]
        if not wdays:
            wdays = [start + dt.timedelta(days=ndays - 2)]
        if k == "departing_employee":
            L = rng.randint(7, 14)
            last = rng.choice([d for d in wdays if (d - start).days >= first + L - 1] or wdays[-1:])
            A.days = [d for d in wdays if 0 <= (last - d).days < L]
            A.variant = rng.choice(["usb", "cloud", "mail"])
        elif k == "off_hours_spree":
            d0 = rng.choice(wdays)
            A.days = [d0] + ([d0 + dt.timedelta(days=1)] if rng.random() < .35 else [])
            A.variant = "vpn" if rng.random() < .75 else "office"
        elif k == "transaction_velocity":
            A.variant = rng.choice(["velocity", "structuring", "mixed"])
            d0 = rng.choice(wdays[:-3] or wdays)
            A.days = [d0] if A.variant != "structuring" else [d for d in wdays if 0 <= (d - d0).days < 5][:rng.randint(2, 3)]
        else:
            d0 = rng.choice(wdays)
            A.days = [d0]
            nxt = [d for d in wdays if 0 < (d - d0).days <= 3]
            if nxt and rng.random() < (.5 if k == "privilege_escalation" else .25):
                A.days.append(nxt[0])
            if k == "brute_force_takeover":
                A.variant = "ssh" if nth == 1 and u.linux else (rng.choice(["vpn", "windows"]) if nth == 2 else
                                                                rng.choice(["ssh", "vpn", "windows"] if u.linux else ["vpn", "windows"]))
            elif k == "lateral_movement":
                A.variant = "ssh" if u.linux and (nth == 1 or rng.random() < .5) else "windows"
            elif k == "privilege_escalation":
                A.variant = rng.choice(["linux", "su"] if nth == 1 else ["linux", "su", "windows"]) if u.linux else "windows"
            else:
                A.variant = "-"
        out.append(A)
    return out


def run(S, rng, A, d, C):
    i = A.days.index(d)
    G[A.scenario](S, rng, A, d, i, C)


def _attacker_ip(rng):
    c = rng.choice(sorted(BAD_PREFIX))
    return ip_from_prefix(rng, rng.choice(BAD_PREFIX[c])), c


def off_hours(S, rng, A, d, i, C):
    u, T, I = A.user, A.idx, A.I
    mid = local_midnight(d)
    t0 = mid + rng.uniform(.5, 3.6) * 3600 if rng.random() < .8 else mid + rng.uniform(22.6, 23.4) * 3600
    dur = (0.8 + 2.7 * I * rng.random()) * 3600
    if A.variant == "vpn":
        ip = vpn_in(S, rng, u, t0, u.home_ip, "ZA", tag=T)
        lt = "11"
    else:
        ip, lt = u.dev_ip, "2"
    lid = logon(S, t0, u.device, u.name, u.sid, lt, "127.0.0.1", u.device.upper(), tag=T)
    flid = logon(S, t0 + 120, u.file_server, u.name, u.sid, "3", ip, "-", tag=T)
    proc(S, t0 + 30, u, u.device, "explorer", tag=T)
    for k in ["excel", "chrome", "outlook"]:
        proc(S, t0 + rng.uniform(60, 600), u, u.device, k, tag=T)
    shares = [u.share] + rng.sample(OTHER_SHARES, rng.randint(0, 3))
    for _ in range(int((20 + 260 * I) * rng.uniform(.4, 1.1))):
        file_access(S, t0 + rng.uniform(150, dur), u.file_server, u,
                    "D:\\Shares\\%s\\%s\\%s" % (rng.choice(shares), rng.choice(["2024", "Archive", "Board", "Clients"]), doc_name(rng, u)), tag=T)
    for _ in range(int(4 + 25 * I * rng.random())):
        fileev(S, t0 + rng.uniform(150, dur), u, u.device, "creation", "C:\\Users\\%s\\Documents\\%s" % (u.name, doc_name(rng, u)),
               rng.randint(20000, 6000000), "excel", tag=T)
    web_burst(S, rng, u, ip, t0, t0 + dur, int(15 + 90 * I * rng.random()), tag=T)
    for _ in range(rng.randint(1, 5)):
        mail(S, t0 + rng.uniform(300, dur), u, [rng.choice(C.emails)], subject(rng), tag=T)
    if u.bank:
        for _ in range(rng.randint(2, 8)):
            bank(S, t0 + rng.uniform(600, dur), u, ip, "payment-submitted", rng.choice(u.benef), rng.lognormvariate(9, 1), tag=T)
    for h in (rng.sample(u.linux, min(len(u.linux), rng.randint(1, 4))) if u.linux else []):
        t = t0 + rng.uniform(300, dur * .8)
        ssh_session(S, t, h, u.name, u.uid, ip, rng.uniform(300, 2400), tag=T,
                    sudo=[(60, "/usr/bin/tar czf /tmp/x.tgz /var/lib/app", True)] if h in u.sudo else ())
    logoff(S, t0 + dur, u.file_server, u.name, u.sid, flid, "3", tag=T)
    logoff(S, t0 + dur + 30, u.device, u.name, u.sid, lid, lt, tag=T)
    if A.variant == "vpn":
        vpn_out(S, u, t0 + dur + 90, u.home_ip, "ZA", ip, t0, tag=T)


def brute(S, rng, A, d, i, C):
    u, T, I = A.user, A.idx, A.I
    mid = local_midnight(d)
    t = mid + (rng.uniform(.3, 5.5) if rng.random() < .6 else rng.uniform(10, 21)) * 3600
    n = int((20 + 300 * I) * rng.uniform(.4, 1.0))
    ips = [_attacker_ip(rng) for _ in range(rng.randint(1, 3))]
    if i > 0:   # follow-up day: attacker comes back with the stolen credential
        t = mid + rng.uniform(1, 4) * 3600
        n = 0
    if A.variant == "ssh":
        h = "bst-ext01"
        left = n
        while left > 0:
            ip, _ = rng.choice(ips)
            k = min(left, rng.randint(3, 6))
            if rng.random() < .2:
                t = ssh_fail(S, t + rng.uniform(1, 20), h, rng.choice(["admin", "test", u.name + "1"]), ip, 2, invalid=True, tag=T)
            t = ssh_fail(S, t + rng.uniform(1, 30), h, u.name, ip, k, tag=T) + rng.uniform(2, 60)
            left -= k
        ip, _ = ips[-1]
        t = ssh_session(S, t + 5, h, u.name, u.uid, ip, rng.uniform(1800, 5400), "password", tag=T,
                        sudo=[(40, "/bin/bash", "nosudoers"), (400, "/usr/bin/cat /etc/shadow", "badpw")])
        src = ipof(h)
        for h2 in rng.sample([x for x in LINUX if x not in INTERNET_FACING], rng.randint(2, 2 + int(5 * I))):
            tt = t - rng.uniform(300, 1500)
            if h2 in u.linux:
                ssh_session(S, tt, h2, u.name, u.uid, src, rng.uniform(60, 900), "password", tag=T,
                            sudo=[(30, "/usr/bin/id", True)] if h2 in u.sudo else [(30, "/bin/bash", "nosudoers")])
            else:
                ssh_fail(S, tt, h2, u.name, src, rng.randint(1, 3), tag=T)
        return
    if A.variant == "vpn":
        for k in range(n):
            ip, c = rng.choice(ips)
            t += rng.uniform(3, 45)
            vpn(S, t, u, ip, c, "portal-auth", "failure", tag=T, reason="Authentication failed: Invalid username or password")
            if rng.random() < .5:
                logon_fail(S, t + .3, "dc01", u.name, "3", "10.10.0.5", "PA-FW-EDGE01", tag=T)
        ip, c = ips[-1]
        priv = "10.99.%d.%d" % (rng.randint(0, 7), rng.randint(2, 254))
        vpn(S, t + 30, u, ip, c, "portal-auth", tag=T)
        vpn(S, t + 42, u, ip, c, "gateway-connected", private_ip=priv, tag=T)
        ws = "DESKTOP-%s" % hexid(rng, 7).upper()
    else:
        other = rng.choice(C.users)
        priv, ws = other.dev_ip, other.device.upper()
        for k in range(n):
            t += rng.uniform(2, 25)
            logon_fail(S, t, rng.choice(["dc01", "dc02"]), u.name, "3", priv, ws, tag=T)
    t += 60
    dur = (0.5 + 2 * I) * 3600
    lid = logon(S, t, "fs01", u.name, u.sid, "3", priv, ws, "NTLM", tag=T)
    for _ in range(int(30 + 250 * I * rng.random())):
        file_access(S, t + rng.uniform(10, dur), "fs01", u, "D:\\Shares\\%s\\%s" % (rng.choice(OTHER_SHARES + [u.share]), doc_name(rng, u)), tag=T)
    for srv in rng.sample(WIN_SERVERS, rng.randint(1, 2 + int(4 * I))):
        tt = t + rng.uniform(60, dur)
        if rng.random() < .4:
            logon_fail(S, tt, srv, u.name, "3", priv, ws, tag=T)
        else:
            logoff(S, tt + 200, srv, u.name, u.sid, logon(S, tt, srv, u.name, u.sid, "3", priv, ws, "NTLM", tag=T), "3", tag=T)
    if A.variant == "vpn":
        h, p = CLOUD[rng.choice(["mega", "gofile", "pcloud"])]
        for _ in range(rng.randint(2, 12)):
            web(S, t + rng.uniform(300, dur), u, priv, h, p, "POST", up=int(rng.lognormvariate(17, 1)), tag=T, ua="rclone/v1.66.0")
        if rng.random() < .5:
            for _ in range(rng.randint(10, 60)):
                mail(S, t + rng.uniform(600, dur), u, [rng.choice(C.emails)], "Urgent: outstanding invoice %d" % rng.randint(1000, 9999),
                     [("Invoice_%d.html" % rng.randint(100, 999), 4200)], tag=T)
        vpn(S, t + dur, u, ip, c, "gateway-logout", private_ip=priv, dur=dur, tag=T)
    logoff(S, t + dur, "fs01", u.name, u.sid, lid, "3", tag=T)


def usb_exfil(S, rng, A, d, i, C, n=None, t=None, tag=None):
    u, T, I = A.user, A.idx if tag is None else tag, A.I
    t = t or local_midnight(d) + rng.uniform(11, 17.5) * 3600
    vendor, prod = rng.choice([("SanDisk", "Ultra"), ("WD", "My Passport 25E2"), ("Samsung", "Flash Drive FIT"), ("Seagate", "Expansion")])
    usb_plug(S, t, u, u.device, vendor, prod, hexid(rng, 16).upper(), tag=T)
    n = n or int((40 + 700 * I) * rng.uniform(.4, 1.0))
    tool = rng.choice(["explorer", "robocopy", "explorer"])
    if tool == "robocopy":
        proc(S, t + 40, u, u.device, "robocopy", "\\\\%s\\%s E:\\backup" % (u.file_server, u.share), "cmd", tag=T)
    drv = rng.choice(["E", "F"])
    for k in range(n):
        t += rng.uniform(.3, 4)
        name = doc_name(rng, u)
        sh = rng.choice([u.share] * 3 + OTHER_SHARES)
        if rng.random() < .5:
            file_access(S, t - .2, u.file_server, u, "D:\\Shares\\%s\\%s" % (sh, name), tag=T)
        fileev(S, t, u, u.device, "creation", "%s:\\%s\\%s" % (drv, sh, name), int(rng.lognormvariate(12.5, 1.5)), tool, tag=T)


def lateral(S, rng, A, d, i, C):
    u, T, I = A.user, A.idx, A.I
    t = local_midnight(d) + (rng.uniform(12, 17) if rng.random() < .7 else rng.uniform(18.5, 22)) * 3600
    m = int((6 + 35 * I) * rng.uniform(.5, 1.0))
    if A.variant == "ssh":
        src = ipof(rng.choice(u.linux))
        targets = [h for h in LINUX if h not in u.linux and h not in INTERNET_FACING]
        for h in rng.sample(targets, min(len(targets), m)):
            t += rng.uniform(20, 400)
            if rng.random() < .3:
                t = ssh_fail(S, t, h, u.name, src, rng.randint(1, 3), tag=T)
                if rng.random() < .5:
                    continue
            ssh_session(S, t + 3, h, u.name, u.uid, src, rng.uniform(20, 600), rng.choice(["password", "publickey"]), tag=T,
                        sudo=[(15, "/usr/bin/sudo -l", "nosudoers")] if rng.random() < .3 else ())
        return
    proc(S, t - 60, u, u.device, "powershell", "-nop -c \"Get-ADComputer -Filter * | select Name\"", "cmd", tag=T)
    win(S, t - 30, u.device, "4648", {"SubjectUserSid": u.sid, "SubjectUserName": u.name, "SubjectDomainName": "CORP",
                                      "SubjectLogonId": "0x%x" % rng.randint(10 ** 5, 10 ** 7), "TargetUserName": u.name,
                                      "TargetDomainName": "CORP", "TargetServerName": "localhost", "IpAddress": "-",
                                      "ProcessName": "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe"}, u.name, u.sid, tag=T)
    pool = [h for h in WIN_SERVERS if h not in u.win_servers] + rng.sample(C.devices, 60)
    for h in rng.sample(pool, min(len(pool), m)):
        if h == u.device:
            continue
        t += rng.uniform(15, 300)
        if rng.random() < .15:
            logon_fail(S, t, h, u.name, "3", u.dev_ip, u.device.upper(), tag=T)
            continue
        lt = "10" if h in WIN_SERVERS and rng.random() < .3 else "3"
        lid = logon(S, t, h, u.name, u.sid, lt, u.dev_ip, u.device.upper(), "NTLM" if lt == "3" else "Negotiate", tag=T)
        if lt == "3" and rng.random() < .6:
            win(S, t + 1, h, "5140", {"SubjectUserSid": u.sid, "SubjectUserName": u.name, "SubjectDomainName": "CORP",
                                      "ShareName": rng.choice(["\\\\*\\ADMIN$", "\\\\*\\C$", "\\\\*\\IPC$"]), "IpAddress": u.dev_ip,
                                      "ObjectType": "File", "AccessMask": "0x1"}, u.name, u.sid, u.dev_ip, tag=T)
            proc(S, t - 1, u, u.device, "net", "use \\\\%s\\C$" % h.upper(), "cmd", tag=T)
        logoff(S, t + rng.uniform(5, 600), h, u.name, u.sid, lid, lt, tag=T)


def privesc(S, rng, A, d, i, C):
    u, T, I = A.user, A.idx, A.I
    t = local_midnight(d) + rng.uniform(10, 19) * 3600
    last = i == len(A.days) - 1
    if A.variant in ("linux", "su"):
        cand = [h for h in u.linux if h not in u.sudo] or u.linux
        h = cand[A.idx % len(cand)]
        src = u.dev_ip
        if not last:   # reconnaissance day
            ssh_session(S, t, h, u.name, u.uid, src, rng.uniform(600, 2400), tag=T,
                        sudo=[(rng.uniform(30, 500), c, "nosudoers") for c in ["/usr/bin/sudo -l", "/bin/bash", "/usr/bin/vi /etc/sudoers"][:rng.randint(1, 3)]])
            return
        if A.variant == "su":
            for k in range(rng.randint(0, 3)):
                su_root(S, t + 60 + k * 20, h, u.name, u.uid, False, tag=T)
            su_root(S, t + 150, h, u.name, u.uid, True, tag=T)
            ssh_session(S, t, h, u.name, u.uid, src, 1800, tag=T)
        else:
            ssh_session(S, t, h, u.name, u.uid, src, 1800, tag=T, sudo=[(40, "/bin/bash", "nosudoers")])
            S.line(t + 400, h, "pkexec[%d]" % S.pid(h), "%s: The value for the SHELL variable was not found the /etc/shells file [USER=root] [TTY=/dev/pts/1] [CWD=/home/%s] [COMMAND=GCONV_PATH=./pwnkit.so:. PATH=GCONV_PATH=. CHARSET=PWNKIT SHELL=pwnkit]" % (u.name, u.name), tag=T)
        usermod_add(S, t + 600, h, u.name, rng.choice(["sudo", "sudo", "adm"]) if A.variant == "linux" else "sudo", tag=T)
        if I > .6:
            useradd(S, t + 700, h, rng.choice(["sysupdate", "backup2", "svc_cache"]), rng.randint(1100, 1190), tag=T)
        t2 = t + 2400 + rng.uniform(0, 3600)
        ssh_session(S, t2, h, u.name, u.uid, src, 2400, tag=T,
                    sudo=[(30, "/usr/bin/su -", True), (200, "/usr/bin/cat /etc/shadow", True), (500, "/bin/bash", True)])
        if u.sudo is not None and h not in u.sudo:
            u.sudo.append(h)
        for h2 in rng.sample([x for x in u.linux if x != h], min(len(u.linux) - 1, int(3 * I))):
            ssh_session(S, t2 + rng.uniform(600, 3000), h2, u.name, u.uid, src, 600, tag=T, sudo=[(20, "/bin/bash", "nosudoers")])
        return
    # windows: added to a privileged group, then first-time privileged logons
    if not last:
        proc(S, t, u, u.device, "net", "group \"Domain Admins\" /domain", "cmd", tag=T)
        proc(S, t + 40, u, u.device, "powershell", "-nop -c \"Get-ADGroup -Filter * | Get-Acl\"", "cmd", tag=T)
        return
    grp, local = rng.choice([("Domain Admins", False), ("Administrators", True), ("Server-Admins", False)])
    host = "dc01" if not local else rng.choice(["appwin01", "sql01", "fs02"])
    if rng.random() < .5:
        subj, ssid = u.name, u.sid
        proc(S, t - 20, u, u.device, "net", "%s \"%s\" %s /add%s" % ("group" if not local else "localgroup", grp, u.name, " /domain" if not local else ""), "cmd", tag=T)
    else:
        a = rng.choice(C.admins)
        subj, ssid = a.name, a.sid
        t = local_midnight(d) + rng.uniform(19.5, 23.5) * 3600
    group_add(S, t, host, subj, ssid, u.name, u.sid, grp, local, tag=T)
    t += rng.uniform(300, 1800)
    for srv in ([host] + rng.sample(WIN_SERVERS, rng.randint(1, 2 + int(4 * I)))):
        lid = logon(S, t, srv, u.name, u.sid, "10" if srv == host else "3", u.dev_ip, u.device.upper(), elevated=True, tag=T)
        special(S, t + .1, srv, u.name, u.sid, lid, tag=T)
        logoff(S, t + rng.uniform(300, 1800), srv, u.name, u.sid, lid, "10" if srv == host else "3", tag=T)
        t += rng.uniform(60, 900)


def cloud(S, rng, A, d, i, C, total=None, t=None, tag=None, site=None):
    u, T, I = A.user, A.idx if tag is None else tag, A.I
    site = site or rng.choice([s for s in ["mega", "wetransfer", "gdrive", "pcloud", "gofile", "dropbox", "box", "onedrive_personal"] if s != u.cloud])
    h, p = CLOUD[site]
    t = t or local_midnight(d) + (rng.uniform(9, 17) if rng.random() < .7 else rng.uniform(18, 22)) * 3600
    ip = u.dev_ip
    total = total or (2e8 + 5e9 * I * rng.random())
    if total > 1.5e9 and rng.random() < .6:
        proc(S, t - 300, u, u.device, "7z", "-mx1 C:\\Users\\%s\\AppData\\Local\\Temp\\arch.7z \\\\%s\\%s" % (u.name, u.file_server, u.share), tag=T)
        fileev(S, t - 30, u, u.device, "creation", "C:\\Users\\%s\\AppData\\Local\\Temp\\arch.7z" % u.name, int(total), "7z", tag=T)
    web(S, t - 60, u, ip, h.split(".", 1)[-1] if site == "mega" else h, "/login", tag=T)
    sent = 0
    while sent < total:
        chunk = min(total - sent, rng.lognormvariate(18.2, .8))
        web(S, t, u, ip, h, p, "POST", up=int(chunk) + 1, tag=T)
        sent += chunk
        t += rng.uniform(10, 180)


def departing(S, rng, A, d, i, C):
    u, T, I = A.user, A.idx, A.I
    L = len(A.days)
    f = i / max(1, L - 1)
    mid = local_midnight(d)
    t0, t1 = mid + (u.start_h + .5) * 3600, mid + (u.start_h + u.len_h - .5) * 3600
    ip = u.dev_ip
    for _ in range(max(1, int((2 + 14 * f) * I * rng.uniform(.6, 1.4)))):
        h, p = rng.choice(JOB_SITES)
        web(S, rng.uniform(t0, t1), u, ip, h, p + str(rng.randint(100000, 999999)), tag=T)
    if rng.random() < .3 + .6 * f:
        for _ in range(rng.randint(1, 1 + int(3 * f))):
            att = [(doc_name(rng, u), int(rng.lognormvariate(13 + 2 * f, 1)))] if rng.random() < .4 + .5 * f else []
            mail(S, rng.uniform(t0, t1), u, [persmail(u)], rng.choice(["", "fwd", "for later", "CV", "docs"]), att, tag=T)
    for _ in range(int((8 + 70 * f) * I * rng.uniform(.6, 1.4))):
        file_access(S, rng.uniform(t0, t1), u.file_server, u, "D:\\Shares\\%s\\%s\\%s" % (
            rng.choice([u.share, u.share, rng.choice(OTHER_SHARES)]), rng.choice(["Clients", "Archive", "Pricing", "2024"]), doc_name(rng, u)), tag=T)
    if f > .4 and rng.random() < .4:
        te = mid + rng.uniform(20, 23.2) * 3600
        priv = vpn_in(S, rng, u, te, u.home_ip, "ZA", tag=T)
        lid = logon(S, te, u.device, u.name, u.sid, "11", tag=T)
        for _ in range(rng.randint(5, 40)):
            file_access(S, te + rng.uniform(60, 2400), u.file_server, u, "D:\\Shares\\%s\\Clients\\%s" % (u.share, doc_name(rng, u)), tag=T)
        logoff(S, te + 2500, u.device, u.name, u.sid, lid, "11", tag=T)
        vpn_out(S, u, te + 2600, u.home_ip, "ZA", priv, te, tag=T)
    if i == L - 1:
        t = rng.uniform(t0 + 3600, t1 - 3600)
        if A.variant == "usb":
            usb_exfil(S, rng, A, d, i, C, n=int((40 + 300 * I) * rng.uniform(.6, 1)), t=t)
        elif A.variant == "cloud":
            cloud(S, rng, A, d, i, C, total=1.5e8 + 1.5e9 * I * rng.random(), t=t, site=rng.choice(["gdrive", "dropbox", "mega"]))
        else:
            for _ in range(rng.randint(3, 4 + int(10 * I))):
                mail(S, t, u, [persmail(u)], "", [("%s.zip" % hexid(rng, 6), rng.randint(8, 24) * 2 ** 20)], tag=T)
                t += rng.uniform(30, 400)


def velocity(S, rng, A, d, i, C):
    u, T, I = A.user, A.idx, A.I
    mid = local_midnight(d)
    t = mid + (u.start_h + rng.uniform(1, u.len_h - 2.5)) * 3600
    ip = u.dev_ip
    nb = rng.randint(2, 3 + int(9 * I))
    bens = [make_beneficiary(rng, rng.random() < .5, rng.choice(["ZA", "ZA", "ZA", "AE", "MU", "HK", "NG", "GB"])) for _ in range(nb)]
    for b in bens:
        bank(S, t, u, ip, "beneficiary-added", b, first_seen=True, tag=T)
        t += rng.uniform(20, 180)
    if A.variant == "structuring":
        n = rng.randint(3, 4 + int(8 * I))
        for _ in range(n):
            bank(S, t, u, ip, "payment-submitted", rng.choice(bens), CTR_THRESHOLD - rng.uniform(10, 2600), first_seen=True, tag=T)
            t += rng.uniform(300, 5400)
        return
    n = int((12 + 70 * I) * rng.uniform(.6, 1.0))
    for _ in range(n):
        amt = CTR_THRESHOLD - rng.uniform(10, 3000) if A.variant == "mixed" and rng.random() < .8 else rng.lognormvariate(9.8, .9)
        bank(S, t, u, ip, "payment-submitted", rng.choice(bens), amt, first_seen=True, tag=T)
        t += rng.uniform(15, 150)


G = {"off_hours_spree": off_hours, "brute_force_takeover": brute, "removable_media_exfiltration": usb_exfil,
     "lateral_movement": lateral, "privilege_escalation": privesc, "cloud_upload": cloud,
     "departing_employee": departing, "transaction_velocity": velocity}
_ = (special, vpn_out)
