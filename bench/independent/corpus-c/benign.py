"""Benign daily behaviour of staff and infrastructure noise."""
import datetime as dt
from util import local_midnight, pick_weighted, MAIL_DOMAIN, PARTNER_MAIL, PERSONAL_MAIL, JOB_SITES, CLOUD, hexid
from population import LINUX, WIN_SERVERS, INTERNET_FACING, ipof, is_workday, trip_for, make_beneficiary
from emit import (ssh_session, ssh_fail, cron, logon, logon_fail, logoff, special, win, file_access,
                  group_add, usermod_add, useradd)
from ecs2 import proc, fileev, usb_plug, web, mail, vpn, bank, doc_name, subject

GIT_REPOS = ["cbs-adapter", "payments-api", "mobile-backend", "infra-terraform", "etl-jobs", "fraud-rules",
             "ops-scripts", "web-portal"]
ADMIN_CMDS = ["/usr/bin/systemctl restart nginx", "/usr/bin/apt-get update", "/usr/bin/journalctl -u kmb-payments --since today",
              "/usr/bin/tail -n 200 /var/log/syslog", "/usr/bin/systemctl status postgresql", "/usr/bin/docker ps",
              "/usr/sbin/ss -tlnp", "/usr/bin/vim /etc/nginx/sites-available/default", "/usr/bin/df -h",
              "/usr/bin/apt-get -y upgrade", "/usr/bin/crontab -l -u www-data", "/usr/bin/lsof -i :5432"]
DEV_CMDS = ["/usr/bin/docker compose up -d", "/usr/bin/systemctl restart payments-api", "/usr/bin/apt install -y jq",
            "/usr/bin/docker logs --tail 100 api", "/usr/bin/tail -f /var/log/app/app.log"]
SCAN_USERS = ["root", "admin", "test", "oracle", "ubuntu", "user", "postgres", "git", "ftpuser", "pi", "support",
              "guest", "deploy", "jenkins", "hadoop", "ec2-user", "mysql", "administrator", "sftp", "backup"]
CRON_EXTRA = {"mon-01": (5, "nagios", 112), "mon-02": (5, "nagios", 112), "log-01": (10, "root", 0),
              "db-pg01": (15, "postgres", 114), "db-pg02": (15, "postgres", 114), "app-cbs01": (10, "www-data", 33),
              "app-cbs02": (10, "www-data", 33), "backup-01": (30, "root", 0)}


class Ctx:
    pass


def persmail(u):
    return "%s.%s%d@%s" % (u.first.lower(), u.last.lower().replace(" ", ""), u.uid % 97, PERSONAL_MAIL[u.uid % len(PERSONAL_MAIL)])


def day_mode(rng, u, d):
    t = trip_for(u, d)
    if t:
        return "remote", t[1], t[0]
    if rng.random() < u.wfh:
        return "remote", u.home_ip, "ZA"
    return "office", None, "ZA"


def vpn_in(S, rng, u, t, ext_ip, country, fails=0, tag=None):
    for k in range(fails):
        vpn(S, t - 200 + k * 30, u, ext_ip, country, "portal-auth", "failure", tag=tag,
            reason=rng.choice(["Authentication failed: Invalid username or password", "MFA challenge timed out"]))
    priv = "10.99.%d.%d" % (rng.randint(0, 7), rng.randint(2, 254))
    vpn(S, t - 60, u, ext_ip, country, "portal-auth", tag=tag)
    vpn(S, t - 45, u, ext_ip, country, "gateway-connected", private_ip=priv, tag=tag)
    return priv


def vpn_out(S, u, t, ext_ip, country, priv, t_in, tag=None):
    vpn(S, t, u, ext_ip, country, "gateway-logout", private_ip=priv, dur=t - t_in, tag=tag)


def web_burst(S, rng, u, ip, t0, t1, n, tag=None):
    for _ in range(n):
        dom = pick_weighted(rng, u.web)
        path = rng.choice(["/", "/search?q=%s" % hexid(rng, 6), "/api/v1/%s" % hexid(rng, 4), "/news/%d" % rng.randint(1000, 99999),
                           "/sites/%s/Shared%%20Documents" % u.share, "/static/app.js", "/questions/%d" % rng.randint(10 ** 6, 10 ** 7)])
        web(S, rng.uniform(t0, t1), u, ip, dom, path, tag=tag)


def user_day(S, rng, u, d, di, C):
    mid = local_midnight(d)
    work = is_workday(u, d, C.hol, di)
    if not work:
        if (u.join is None or d >= u.join) and not u.night and d not in u.holidays and rng.random() < u.weekend:
            t0 = mid + rng.uniform(9, 20) * 3600
            short_remote(S, rng, u, t0, rng.uniform(.4, 2.5) * 3600, u.home_ip, "ZA")
        return
    mode, ext_ip, country = day_mode(rng, u, d)
    t0 = mid + u.start_h * 3600 + rng.gauss(0, 1200)
    t1 = t0 + u.len_h * 3600 + rng.gauss(0, 1800)
    ip = u.dev_ip
    if mode == "remote":
        fails = rng.randint(1, 2) if rng.random() < .04 else 0
        if country != "ZA" and rng.random() < .25:
            fails = rng.randint(2, 6)
        ip = vpn_in(S, rng, u, t0, ext_ip, country, fails=fails)
    after_hol = (d - dt.timedelta(days=1)) in u.holidays and (d - dt.timedelta(days=3)) in u.holidays
    windows_start(S, rng, u, t0, t1, ip, mode, after_hol, C)
    if u.role in ("audit", "finance", "risk", "legal", "hr", "mgmt") and rng.random() < .015:
        shares = [u.share] + (["Finance", "Payments", "Risk", "Treasury", "Retail"] if u.role == "audit" else [])
        tb = rng.uniform(t0 + 1800, t1 - 7200)
        for _ in range(rng.randint(60, 350)):   # audit sampling / year-end review / share clean-up
            file_access(S, tb + rng.uniform(0, 6000), u.file_server, u, "D:\\Shares\\%s\\%s\\%s" % (rng.choice(shares), rng.choice(["2023", "2024", "Archive"]), doc_name(rng, u)))
    if u.admin and rng.random() < .12:
        desktop_support(S, rng, u, t0, t1, ip, C)
    if (u.name, d) in C.activesync:
        t = t0 - 3600
        for _ in range(rng.randint(20, 90)):
            t += rng.uniform(200, 900)
            logon_fail(S, t, "exch01", u.name, "8", "10.10.20.5", "EXCH01", auth="Negotiate")
    endpoint_day(S, rng, u, t0, t1)
    frac = (t1 - t0) / 32400.0
    web_burst(S, rng, u, ip, t0, t1, int(u.web_n * frac * rng.uniform(.6, 1.4)))
    extras_web(S, rng, u, ip, t0, t1)
    mail_day(S, rng, u, t0, t1, C)
    if u.bank:
        bank_day(S, rng, u, d, ip, t0, t1, C)
    if u.linux and rng.random() < u.linux_rate:
        linux_day(S, rng, u, t0, t1, ip, mode, ext_ip)
    if u.usb and rng.random() < u.usb:
        t = rng.uniform(t0, t1)
        usb_plug(S, t, u, u.device, rng.choice(["Kingston", "SanDisk", "Verbatim"]), rng.choice(["DataTraveler 3.0", "Cruzer Blade", "Store n Go"]), "%016X" % (u.uid * 7919))
        for k in range(rng.randint(1, 12 if not u.admin else 25) if rng.random() > .06 else rng.randint(40, 260)):
            fileev(S, t + 20 + k * rng.uniform(2, 20), u, u.device, "creation", "E:\\%s" % doc_name(rng, u, rng.choice(["pptx", "pdf", "docx", "msi", "iso"]) if u.admin else None), rng.randint(50000, 9000000))
    if mode == "remote":
        vpn_out(S, u, t1 + rng.uniform(30, 600), ext_ip, country, ip, t0)
    if rng.random() < u.evening and not u.night:
        short_remote(S, rng, u, mid + rng.uniform(19.5, 22.8) * 3600, rng.uniform(.3, 1.2) * 3600, u.home_ip, "ZA")


def short_remote(S, rng, u, t0, dur, ext_ip, country):
    ip = vpn_in(S, rng, u, t0, ext_ip, country)
    lid = logon(S, t0, u.device, u.name, u.sid, "11")
    proc(S, t0 + 40, u, u.device, "outlook")
    web_burst(S, rng, u, ip, t0, t0 + dur, rng.randint(3, 15))
    if rng.random() < .5:
        mail(S, t0 + dur * .5, u, [rng.choice(C_GLOBAL.emails)], subject(rng))
    if u.linux and rng.random() < .6:
        h = rng.choice(u.linux)
        ssh_session(S, t0 + 300, h, u.name, u.uid, ip, dur * .6,
                    sudo=[(60, rng.choice(ADMIN_CMDS), True)] if h in u.sudo else ())
    if rng.random() < .5:
        file_access(S, t0 + 200, u.file_server, u, "D:\\Shares\\%s\\%s" % (u.share, doc_name(rng, u)))
    logoff(S, t0 + dur, u.device, u.name, u.sid, lid, "11")
    vpn_out(S, u, t0 + dur + 30, ext_ip, country, ip, t0)


C_GLOBAL = Ctx()


def windows_start(S, rng, u, t0, t1, ip, mode, after_hol, C):
    dc = rng.choice(["dc01", "dc02"])
    if after_hol and rng.random() < .35:
        n = rng.randint(3, 6)
        for k in range(n):
            logon_fail(S, t0 - 300 + k * 25, u.device, u.name, "2", "127.0.0.1", u.device.upper(), auth="Negotiate")
            logon_fail(S, t0 - 299 + k * 25, dc, u.name, "3", ip, u.device.upper())
        if n >= 5:
            win(S, t0 - 150, dc, "4740", {"TargetUserName": u.name, "TargetDomainName": u.device.upper(), "TargetSid": u.sid,
                                          "SubjectUserSid": "S-1-5-18", "SubjectUserName": dc.upper() + "$", "SubjectDomainName": "CORP"}, u.name, u.sid)
            adm = rng.choice(C.admins)
            t0 += rng.uniform(600, 1800)
            win(S, t0 - 60, dc, "4767", {"TargetUserName": u.name, "TargetDomainName": "CORP", "TargetSid": u.sid,
                                         "SubjectUserSid": adm.sid, "SubjectUserName": adm.name, "SubjectDomainName": "CORP"}, adm.name, adm.sid)
    elif rng.random() < .05:
        logon_fail(S, t0 - 20, u.device, u.name, "2" if mode == "office" else "11", "127.0.0.1", u.device.upper(), auth="Negotiate")
    lt = "2" if mode == "office" else "11"
    win(S, t0 - 1, dc, "4768", {"TargetUserName": u.name, "TargetDomainName": "CORP", "TargetSid": u.sid,
                                "ServiceName": "krbtgt", "TicketOptions": "0x40810010", "Status": "0x0",
                                "TicketEncryptionType": "0x12", "PreAuthType": "2", "IpAddress": "::ffff:" + ip,
                                "IpPort": str(rng.randint(49152, 65535))}, u.name, u.sid, ip)
    lid = logon(S, t0, u.device, u.name, u.sid, lt, "127.0.0.1", u.device.upper(), elevated=u.admin)
    if u.admin:
        special(S, t0 + .1, u.device, u.name, u.sid, lid)
    fs = u.file_server
    flid = logon(S, t0 + rng.uniform(30, 400), fs, u.name, u.sid, "3", ip, "-")
    for k in range(rng.randint(0, 3)):
        t = rng.uniform(t0 + 3600, t1 - 600)
        logon(S, t, u.device, u.name, u.sid, "7", "127.0.0.1", u.device.upper())
    for k in range(int(u.files_n * rng.uniform(.5, 1.5))):
        sub = rng.choice(["2024", "Shared", "Reports", "Working", "Templates", "Archive"])
        file_access(S, rng.uniform(t0, t1), fs, u, "D:\\Shares\\%s\\%s\\%s" % (u.share, sub, doc_name(rng, u)),
                    "0x1" if rng.random() < .7 else "0x2")
    for srv in u.win_servers:
        if rng.random() < (.45 if u.admin else .2):
            t = rng.uniform(t0, t1 - 1800)
            rl = logon(S, t, srv, u.name, u.sid, "10", ip, u.device.upper(), elevated=u.admin)
            if u.admin:
                special(S, t + .1, srv, u.name, u.sid, rl)
            logoff(S, t + rng.uniform(300, 5400), srv, u.name, u.sid, rl, "10")
    logoff(S, t1 + rng.uniform(5, 60), fs, u.name, u.sid, flid, "3")
    logoff(S, t1 + rng.uniform(60, 120), u.device, u.name, u.sid, lid, lt)


def endpoint_day(S, rng, u, t0, t1):
    h = u.device
    proc(S, t0 + 5, u, h, "explorer")
    proc(S, t0 + rng.uniform(20, 120), u, h, "outlook")
    proc(S, t0 + rng.uniform(20, 200), u, h, "teams")
    proc(S, t0 + rng.uniform(30, 600), u, h, rng.choice(["chrome", "edge"]))
    for _ in range(rng.randint(1, 5)):
        proc(S, rng.uniform(t0, t1), u, h, rng.choice(["excel", "word", "acrobat", "excel"]))
    if u.role == "dev":
        proc(S, t0 + rng.uniform(60, 900), u, h, "code")
        for _ in range(rng.randint(0, 4)):
            proc(S, rng.uniform(t0, t1), u, h, "git", rng.choice(["main", "feature/%s" % hexid(rng, 4)]), parent="code")
    if u.admin:
        for _ in range(rng.randint(1, 6)):
            k = rng.choice(["mmc", "powershell", "putty", "mstsc"])
            proc(S, rng.uniform(t0, t1), u, h, k, rng.choice(WIN_SERVERS + LINUX) if k in ("putty", "mstsc") else "-NoProfile")
    for _ in range(int(u.files_n * rng.uniform(.3, 1.2))):
        fileev(S, rng.uniform(t0, t1), u, h, rng.choice(["creation", "modification", "modification"]),
               "C:\\Users\\%s\\Documents\\%s" % (u.name, doc_name(rng, u)), rng.randint(8000, 4000000),
               rng.choice(["excel", "word", "explorer"]))


def extras_web(S, rng, u, ip, t0, t1):
    if rng.random() < u.jobs:
        for _ in range(rng.randint(1, 6)):
            h, p = rng.choice(JOB_SITES)
            web(S, rng.uniform(t0, t1), u, ip, h, p + str(rng.randint(100000, 999999)))
    if u.cloud and rng.random() < u.cloud_rate:
        h, p = CLOUD[u.cloud]
        t = rng.uniform(t0, t1 - 3600)
        for k in range(rng.randint(1, 6)):
            web(S, t + k * rng.uniform(20, 400), u, ip, h, p, "POST", up=int(min(rng.lognormvariate(16.3, 1.3), 9e8)))
    if rng.random() < .012:   # someone sent them a WeTransfer / Dropbox link
        h = rng.choice(["wetransfer.com", "www.dropbox.com", "drive.google.com"])
        web(S, rng.uniform(t0, t1), u, ip, h, "/downloads/%s" % hexid(rng, 12), down=int(rng.lognormvariate(17, 1.2)))
    if not u.cloud and rng.random() < .004:   # one-off: sending a big file to a partner
        h, p = CLOUD[rng.choice(["wetransfer", "wetransfer", "dropbox", "gdrive"])]
        t = rng.uniform(t0, t1)
        for k in range(rng.randint(1, 4)):
            web(S, t + k * 60, u, ip, h, p, "POST", up=int(rng.lognormvariate(16.5, 1.0)))
    if rng.random() < .25:   # OneDrive for Business / SharePoint sync (corporate)
        web(S, rng.uniform(t0, t1), u, ip, "karoomutual-my.sharepoint.com", "/personal/%s/_api/web/GetFolderByServerRelativeUrl" % u.name,
            "POST", up=int(min(rng.lognormvariate(15.5, 1.6), 1.5e9)))
    if u.github:
        for _ in range(rng.randint(0, 5)):
            up = int(rng.lognormvariate(12.5, 2.0)) if rng.random() > .03 else rng.randint(60, 250) * 2 ** 20
            web(S, rng.uniform(t0, t1), u, ip, "github.com", "/karoomutual/%s.git/git-receive-pack" % rng.choice(GIT_REPOS),
                "POST", up=up, ua="git/2.44.0.windows.1")


def mail_day(S, rng, u, t0, t1, C):
    for _ in range(int(u.mail_n * rng.uniform(.5, 1.5))):
        r = rng.random()
        if r < .75:
            to = rng.sample(C.emails, rng.choice([1, 1, 1, 2, 3]))
        else:
            to = ["%s@%s" % (rng.choice(["info", "ops", "j.pillay", "m.smith", "accounts", "support", "t.botha"]), rng.choice(PARTNER_MAIL))]
        att = [(doc_name(rng, u), int(rng.lognormvariate(12, 1.2)))] if rng.random() < .3 else []
        mail(S, rng.uniform(t0, t1), u, to, subject(rng), att)
    for _ in range(rng.randint(0, 4)):
        mail(S, rng.uniform(t0, t1), u, [u.email], subject(rng), inbound_from="%s@%s" % (rng.choice(["noreply", "ops", "accounts", "news"]), rng.choice(PARTNER_MAIL)))
    if rng.random() < u.personal_mail:
        att = [(doc_name(rng, u, rng.choice(["pdf", "jpg", "docx"])), rng.randint(30000, 2500000))] if rng.random() < .4 else []
        mail(S, rng.uniform(t0, t1), u, [persmail(u)], rng.choice(["fyi", "docs", "Leave form", "Payslip", "photos", ""]), att)


def month_end(d):
    nxt = d + dt.timedelta(days=1)
    while nxt.weekday() >= 5:
        nxt += dt.timedelta(days=1)
    n2 = nxt + dt.timedelta(days=1)
    while n2.weekday() >= 5:
        n2 += dt.timedelta(days=1)
    prv = d - dt.timedelta(days=1)
    while prv.weekday() >= 5:
        prv -= dt.timedelta(days=1)
    return nxt.month != d.month or n2.month != d.month or prv.month != d.month


def bank_day(S, rng, u, d, ip, t0, t1, C):
    n = int(u.bank_rate * rng.uniform(.5, 1.5))
    for _ in range(n):
        t = rng.uniform(t0 + 600, t1 - 300)
        if u.bank == "teller":
            if rng.random() < .4:
                ben = make_beneficiary(rng, rng.random() < .3)
                bank(S, t - rng.uniform(30, 200), u, ip, "beneficiary-added", ben, first_seen=True)
                new = True
            else:
                ben, new = rng.choice(u.benef), False
            amt = rng.lognormvariate(7.6, 1.1)
            if rng.random() < .03:
                amt = rng.uniform(20000, 24990)
        else:
            ben, new = rng.choice(u.benef), False
            if rng.random() < .04:
                ben = make_beneficiary(rng, True)
                u.benef.append(ben)
                bank(S, t - rng.uniform(60, 600), u, ip, "beneficiary-added", ben, first_seen=True)
                new = True
            amt = rng.lognormvariate(10.5 if u.bank == "payments" else 9.8, 1.3)
        bank(S, t, u, ip, "payment-submitted", ben, amt, first_seen=new)
    if u.bank == "finance" and month_end(d):
        for b in range(rng.randint(1, 3)):
            t = rng.uniform(t0 + 1800, t1 - 3600)
            bid = "BATCH-%s-%s" % (d.strftime("%Y%m%d"), hexid(rng, 4).upper())
            for k in range(rng.randint(25, 110)):
                bank(S, t + k * rng.uniform(2, 12), u, ip, "payment-submitted", rng.choice(u.benef), rng.lognormvariate(10.2, 1.2), batch=bid)
    if u.bank == "payments" and d.day in (24, 25) and d.weekday() < 5 and rng.random() < .5:
        t = rng.uniform(t0 + 1800, t1 - 3600)
        bid = "PAYROLL-%s" % d.strftime("%Y%m")
        for k in range(rng.randint(40, 160)):
            bank(S, t + k * rng.uniform(1, 6), u, ip, "payment-submitted", rng.choice(u.benef), rng.uniform(9000, 60000), batch=bid)


def linux_day(S, rng, u, t0, t1, ip, mode, ext_ip):
    k = rng.randint(3, 8) if u.admin else rng.randint(1, 4)
    for _ in range(k):
        h = rng.choice(u.linux)
        t = rng.uniform(t0 + 300, t1 - 1200)
        src = ip
        if u.bastion and h not in ("bst-lnx01", "bst-lnx02"):
            b = "bst-lnx0%d" % (1 + u.uid % 2)
            ssh_session(S, t - 20, b, u.name, u.uid, ip, rng.uniform(1200, 7200))
            src = ipof(b)
        meth = "password" if (u.uid % 3 == 0 and not u.admin) else "publickey"
        if meth == "password" and rng.random() < .08:
            ssh_fail(S, t - 15, h, u.name, src, 1)
        elif rng.random() < .005:   # expired / changed password, caps lock ...
            tt = t - 400
            for _ in range(rng.randint(2, 4)):
                tt = ssh_fail(S, tt + rng.uniform(5, 60), h, u.name, src, rng.randint(2, 5))
        sudo = []
        if h not in u.sudo and rng.random() < .03:
            sudo.append((rng.uniform(30, 600), rng.choice(["/usr/bin/systemctl restart payments-api", "/usr/bin/apt update", "/bin/bash"]), "nosudoers"))
        if h in u.sudo:
            cmds = ADMIN_CMDS if (u.admin or u.night) else DEV_CMDS
            sudo = [(rng.uniform(20, 900), rng.choice(cmds), True) for _ in range(rng.randint(0, 6 if u.admin else 2))]
            if rng.random() < .03:
                sudo.append((30, "/usr/bin/systemctl restart nginx", "badpw"))
        ssh_session(S, t, h, u.name, u.uid, src, rng.uniform(120, 5400), meth, sorted(sudo))
    if mode == "remote" and u.ext_ssh and rng.random() < .3:
        ssh_session(S, t0 + 900, "bst-ext01", u.name, u.uid, ext_ip, rng.uniform(300, 3000))


def desktop_support(S, rng, u, t0, t1, ip, C):
    t = rng.uniform(t0 + 1800, t1 - 10800)
    for h in rng.sample(C.devices, rng.randint(4, 18)):
        t += rng.uniform(120, 900)
        lt = "3" if rng.random() < .7 else "10"
        lid = logon(S, t, h, u.name, u.sid, lt, ip, u.device.upper(), "NTLM" if lt == "3" and rng.random() < .3 else "Kerberos", elevated=True)
        special(S, t + .1, h, u.name, u.sid, lid)
        if lt == "3" and rng.random() < .5:
            win(S, t + 1, h, "5140", {"SubjectUserSid": u.sid, "SubjectUserName": u.name, "SubjectDomainName": "CORP",
                                      "ShareName": "\\\\*\\C$", "IpAddress": ip, "ObjectType": "File", "AccessMask": "0x1"}, u.name, u.sid, ip)
        logoff(S, t + rng.uniform(60, 1200), h, u.name, u.sid, lid, lt)
