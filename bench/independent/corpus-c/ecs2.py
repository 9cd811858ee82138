"""ECS builders for Elastic Defend, proxy, mail gateway, VPN and core-banking events."""
from util import iso, hexid, uuid, DOMAIN, MAIL_DOMAIN, CTR_THRESHOLD, JOB_SITES, CLOUD
from emit import ecs_base, win

OFF = "C:\\Program Files\\Microsoft Office\\root\\Office16\\"
PROCS = {
    "explorer": ("explorer.exe", "C:\\Windows\\explorer.exe", "C:\\Windows\\Explorer.EXE"),
    "outlook": ("OUTLOOK.EXE", OFF + "OUTLOOK.EXE", '"%sOUTLOOK.EXE" ' % OFF),
    "excel": ("EXCEL.EXE", OFF + "EXCEL.EXE", '"%sEXCEL.EXE" /dde' % OFF),
    "word": ("WINWORD.EXE", OFF + "WINWORD.EXE", '"%sWINWORD.EXE" /n' % OFF),
    "teams": ("ms-teams.exe", "C:\\Program Files\\WindowsApps\\MSTeams_24033.811.2738.2546_x64__8wekyb3d8bbwe\\ms-teams.exe", "ms-teams.exe"),
    "chrome": ("chrome.exe", "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe", '"C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe"'),
    "edge": ("msedge.exe", "C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe", '"C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe" --single-argument'),
    "acrobat": ("Acrobat.exe", "C:\\Program Files\\Adobe\\Acrobat DC\\Acrobat\\Acrobat.exe", '"C:\\Program Files\\Adobe\\Acrobat DC\\Acrobat\\Acrobat.exe"'),
    "code": ("Code.exe", "C:\\Users\\%(u)s\\AppData\\Local\\Programs\\Microsoft VS Code\\Code.exe", '"C:\\Users\\%(u)s\\AppData\\Local\\Programs\\Microsoft VS Code\\Code.exe"'),
    "git": ("git.exe", "C:\\Program Files\\Git\\cmd\\git.exe", "git push origin %(a)s"),
    "ssh": ("ssh.exe", "C:\\Windows\\System32\\OpenSSH\\ssh.exe", "ssh %(a)s"),
    "powershell": ("powershell.exe", "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe", "powershell.exe %(a)s"),
    "mstsc": ("mstsc.exe", "C:\\Windows\\System32\\mstsc.exe", "mstsc.exe /v:%(a)s"),
    "mmc": ("mmc.exe", "C:\\Windows\\System32\\mmc.exe", '"C:\\Windows\\system32\\mmc.exe" "C:\\Windows\\system32\\dsa.msc"'),
    "putty": ("putty.exe", "C:\\Program Files\\PuTTY\\putty.exe", '"C:\\Program Files\\PuTTY\\putty.exe" %(a)s'),
    "7z": ("7z.exe", "C:\\Program Files\\7-Zip\\7z.exe", '"C:\\Program Files\\7-Zip\\7z.exe" a %(a)s'),
    "robocopy": ("Robocopy.exe", "C:\\Windows\\System32\\Robocopy.exe", "robocopy %(a)s /E /R:1"),
    "cmd": ("cmd.exe", "C:\\Windows\\System32\\cmd.exe", "cmd.exe /c %(a)s"),
    "net": ("net.exe", "C:\\Windows\\System32\\net.exe", "net %(a)s"),
    "rclone": ("rclone.exe", "C:\\Users\\%(u)s\\Downloads\\rclone-v1.66.0-windows-amd64\\rclone.exe", "rclone.exe copy %(a)s"),
}
PARENT = {"explorer": ("userinit.exe", "C:\\Windows\\System32\\userinit.exe")}
EXT_MIME = {"xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "pdf": "application/pdf", "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            "csv": "text/csv", "zip": "application/zip", "7z": "application/x-7z-compressed", "msg": "application/vnd.ms-outlook",
            "jpg": "image/jpeg", "txt": "text/plain"}
SUBJECTS = ["RE: %s recon", "FW: %s figures", "%s - weekly update", "Meeting: %s", "RE: Query on %s",
            "%s approval", "Updated %s template", "RE: RE: %s", "%s sign-off", "Action required: %s"]
TOPICS = ["month-end", "Q2 budget", "FICA review", "branch volumes", "SARB return", "change CHG0041",
          "payroll", "vendor onboarding", "incident INC0032", "audit findings", "credit committee",
          "campaign", "release 4.8", "POPIA", "treasury limits", "card disputes", "KYC backlog"]


def ep_base(S, ts, u, host, dataset):
    d = ecs_base(S, ts, dataset, "endpoint", host)
    d["agent"] = {"type": "endpoint", "version": "8.13.4", "id": S.agent_id(host + "#ep")}
    d["host"]["os"] = {"type": "windows", "family": "windows", "platform": "windows", "name": "Windows",
                       "version": "22H2", "full": "Windows 10 Enterprise 22H2"}
    d["user"] = {"name": u.name, "domain": DOMAIN, "id": u.sid}
    return d


def proc(S, ts, u, host, key, arg="", parent="explorer", tag=None):
    name, exe, cmd = PROCS[key]
    p = {"u": u.name, "a": arg}
    d = ep_base(S, ts, u, host, "endpoint.events.process")
    d["event"].update({"action": "start", "category": ["process"], "type": ["start"], "id": hexid(S.rng, 24)})
    pn, pe = PARENT.get(key) or (PROCS[parent][0], PROCS[parent][1] % p)
    d["process"] = {"pid": S.rng.randint(1000, 30000), "entity_id": hexid(S.rng, 40), "name": name,
                    "executable": exe % p, "command_line": cmd % p,
                    "parent": {"pid": S.rng.randint(1000, 30000), "name": pn, "executable": pe},
                    "Ext": {"token": {"integrity_level_name": "medium"}}}
    S.doc("endpoint", ts, d, tag)


def fileev(S, ts, u, host, action, path, size, proc_key="explorer", tag=None):
    d = ep_base(S, ts, u, host, "endpoint.events.file")
    d["event"].update({"action": action, "category": ["file"],
                       "type": ["creation"] if action == "creation" else (["deletion"] if action == "deletion" else ["change"]),
                       "id": hexid(S.rng, 24)})
    name = path.rsplit("\\", 1)[-1]
    ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    f = {"path": path, "name": name, "extension": ext, "size": size, "directory": path.rsplit("\\", 1)[0]}
    if len(path) > 1 and path[1] == ":":
        f["drive_letter"] = path[0]
    d["file"] = f
    pn, pe, _ = PROCS[proc_key]
    d["process"] = {"pid": S.rng.randint(1000, 30000), "name": pn, "executable": pe % {"u": u.name}}
    S.doc("endpoint", ts, d, tag)


def usb_plug(S, ts, u, host, vendor, product, serial, tag=None):
    ed = {"SubjectUserSid": "S-1-5-18", "SubjectUserName": host.upper() + "$", "SubjectDomainName": DOMAIN,
          "SubjectLogonId": "0x3e7",
          "DeviceId": "USBSTOR\\Disk&Ven_%s&Prod_%s&Rev_1.00\\%s&0" % (vendor, product.replace(" ", "_"), serial),
          "DeviceDescription": "%s %s USB Device" % (vendor, product),
          "ClassId": "{4d36e967-e325-11ce-bfc1-08002be10318}", "ClassName": "DiskDrive",
          "VendorIds": "USBSTOR\\Disk%s_%s\tUSBSTOR\\Disk%s\tUSBSTOR\\%s\tGenDisk" % (vendor, product.replace(" ", "_"), vendor, vendor),
          "CompatibleIds": "USBSTOR\\Disk\tUSBSTOR\\RAW\tGenDisk", "LocationInformation": "Port_#0002.Hub_#0004"}
    win(S, ts, host, "6416", ed, host.upper() + "$", None, tag=tag)


URLCAT = {}
for _h, _p in JOB_SITES:
    URLCAT[_h] = "Job Search"
for _h, _p in CLOUD.values():
    URLCAT[_h] = "Personal Network Storage and Backup"
URLCAT.update({"github.com": "Information Technology", "www.facebook.com": "Social Networking",
               "www.instagram.com": "Social Networking", "www.youtube.com": "Streaming Media",
               "www.news24.com": "News and Media", "www.takealot.com": "Shopping"})
UA = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36"


def web(S, ts, u, src_ip, domain, path="/", method="GET", status=200, up=None, down=None, tag=None, ua=UA):
    d = ecs_base(S, ts, "forcepoint.web", "forcepoint")
    up = up if up is not None else S.rng.randint(300, 1800)
    down = down if down is not None else int(S.rng.lognormvariate(9.5, 1.4))
    d["event"].update({"category": ["network", "web"], "type": ["access", "allowed"], "action": "allowed",
                       "outcome": "success" if status < 400 else "failure"})
    d["observer"] = {"vendor": "Forcepoint", "product": "Web Security", "type": "proxy", "hostname": "wsg-proxy01"}
    d["source"] = {"ip": src_ip, "bytes": up}
    d["destination"] = {"domain": domain, "port": 443, "bytes": down}
    d["url"] = {"full": "https://%s%s" % (domain, path), "domain": domain, "path": path.split("?")[0], "scheme": "https"}
    d["http"] = {"request": {"method": method, "bytes": up}, "response": {"status_code": status, "bytes": down}}
    d["network"] = {"bytes": up + down, "protocol": "https"}
    d["user"] = {"name": u.name, "domain": DOMAIN}
    d["user_agent"] = {"original": ua}
    d["labels"] = {"url_category": URLCAT.get(domain, "Business and Economy" if "karoo" in domain or "microsoft" in domain else "General")}
    S.doc("proxy", ts, d, tag)


def mail(S, ts, u, to, subject, attachments=(), direction=None, tag=None, inbound_from=None):
    d = ecs_base(S, ts, "mimecast.siem_logs", "mimecast")
    out = inbound_from is None
    if direction is None:
        direction = "internal" if all(a.endswith("@" + MAIL_DOMAIN) for a in to) else ("outbound" if out else "inbound")
    atts = [{"file": {"name": n, "size": s, "extension": n.rsplit(".", 1)[-1],
                      "mime_type": EXT_MIME.get(n.rsplit(".", 1)[-1], "application/octet-stream")}} for n, s in attachments]
    size = 4000 + sum(s for _, s in attachments)
    d["event"].update({"category": ["email"], "type": ["info"], "action": "send" if out else "receive", "outcome": "success"})
    d["observer"] = {"vendor": "Mimecast", "product": "Email Security", "type": "mta"}
    d["email"] = {"from": {"address": [u.email if out else inbound_from]}, "to": {"address": list(to)},
                  "subject": subject, "direction": direction,
                  "message_id": "<%s@%s>" % (hexid(S.rng, 20), "EXCH01." + MAIL_DOMAIN if out else inbound_from.split("@")[1])}
    if atts:
        d["email"]["attachments"] = atts
    d["user"] = {"name": u.name, "email": u.email, "domain": DOMAIN}
    d["source"] = {"ip": "10.10.20.22" if out else "41.0.%d.%d" % (S.rng.randint(0, 255), S.rng.randint(1, 254))}
    d["network"] = {"bytes": size}
    S.doc("email", ts, d, tag)


def vpn(S, ts, u, src_ip, country, action, outcome="success", private_ip=None, tag=None, reason=None, dur=None, name=None):
    d = ecs_base(S, ts, "panw.panos", "panw")
    d["event"].update({"category": ["authentication", "network"] if action == "portal-auth" else ["network", "session"],
                       "type": ["start"] if action != "gateway-logout" else ["end"], "action": action,
                       "outcome": outcome, "code": "globalprotect"})
    d["observer"] = {"vendor": "Palo Alto Networks", "product": "PAN-OS", "type": "firewall", "hostname": "pa-fw-edge01"}
    d["source"] = {"ip": src_ip, "geo": {"country_iso_code": country}}
    if private_ip:
        d["source"]["nat"] = {"ip": private_ip}
    d["user"] = {"name": name or u.name, "domain": DOMAIN}
    d["panw"] = {"panos": {"globalprotect": {"portal": "vpn.karoomutual.co.za", "gateway": "GP-GW-JNB",
                                              "auth_method": "RADIUS+MFA", "client_os": "Windows"}}}
    if reason:
        d["error"] = {"message": reason}
    if dur is not None:
        d["event"]["duration"] = int(dur * 1e9)
    S.doc("vpn", ts, d, tag)


def bank(S, ts, u, src_ip, action, ben, amount=None, batch=None, tag=None, first_seen=False, app_host=None):
    d = ecs_base(S, ts, "corebank.payments", "corebank", app_host or "app-cbs0%d" % S.rng.randint(1, 4))
    d["event"].update({"category": ["web"], "type": ["creation"], "action": action, "outcome": "success"})
    d["service"] = {"name": "kmb-payments", "type": "corebank", "version": "4.8.2"}
    d["user"] = {"name": u.name, "domain": DOMAIN, "roles": [u.bank + "_operator"]}
    d["source"] = {"ip": src_ip}
    tr = {"beneficiary": {"id": ben["id"], "name": ben["name"], "account": ben["account"], "bank": ben["bank"],
                          "country": ben["country"], "first_seen": first_seen}}
    if amount is not None:
        tr.update({"id": "PAY" + hexid(S.rng, 12).upper(), "amount": round(amount, 2), "currency": "ZAR",
                   "type": "eft_credit" if ben["country"] == "ZA" else "swift_mt103",
                   "channel": "backoffice" if u.bank != "teller" else "branch",
                   "reportable": amount >= CTR_THRESHOLD, "status": "submitted",
                   "debtor": {"account": "KMB%010d" % S.rng.randint(10 ** 8, 10 ** 10 - 1)}})
        if batch:
            tr["batch_id"] = batch
    d["transaction"] = tr
    d["trace"] = {"id": hexid(S.rng, 32)}
    S.doc("corebank", ts, d, tag)


def doc_name(rng, u, ext=None):
    ext = ext or rng.choice(["xlsx", "xlsx", "docx", "pdf", "pptx", "csv", "msg"])
    stem = rng.choice(["Report", "Recon", "Budget", "Minutes", "Customer_List", "Forecast", "Proposal",
                       "Statement", "Schedule", "Policy", "Analysis", "Presentation", "Contract", "Pricing"])
    return "%s_%s_%02d.%s" % (stem, rng.choice(["2024", "Q1", "Q2", "Apr", "May", "final", "v2", "draft"]),
                              rng.randint(1, 40), ext)


def subject(rng):
    return rng.choice(SUBJECTS) % rng.choice(TOPICS)


_ = (iso, uuid)
