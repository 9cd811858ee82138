#!/usr/bin/env python3
"""Synthetic, labelled enterprise security-log corpus for UEBA benchmarking.

Statistical ("benchmark style") generator, Python 3 standard library only.

Every human user gets per-feature rates (lognormal across users, Poisson
within a day), a personal working-hours window, a workstation, favourite
web sites, a document set, contacts, and (depending on department) Linux
access, admin rights, or ERP payment duties.  Each calendar day is sampled
from those rates; attacks are injected on chosen days as *extra* events.

Output (under --out):
  logs/linux/auth.log          RFC 3164 syslog (local wall clock, +01:00)
  logs/ecs/winlogbeat.ndjson   nested ECS  (Windows Security 4624/4625/...)
  logs/ecs/endpoint.ndjson     nested ECS  (file + USB device events)
  logs/ecs/proxy.ndjson        flat dotted ECS keys (web proxy)
  logs/ecs/mail.ndjson         flat dotted ECS keys (mail transport)
  logs/ecs/finance.ndjson      nested ECS + transaction.* (ERP payments)
  labels.json

Deterministic for a given --seed.
"""
import argparse
import datetime as dt
import hashlib
import json
import math
import os
import random
from operator import itemgetter

OFFSET = "+01:00"          # every timestamp is local wall-clock time at +01:00
AD_DOMAIN = "CORP"
FQDN = "corp.example.com"
MAILDOM = "example.com"
MON = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

SCENARIOS = ["off_hours_spree", "brute_force_takeover", "removable_media_exfiltration",
             "lateral_movement", "privilege_escalation", "cloud_upload",
             "departing_employee", "transaction_velocity"]

FIRST = ["James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David",
         "Elizabeth", "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas",
         "Sarah", "Charles", "Karen", "Daniel", "Nancy", "Matthew", "Lisa", "Anthony", "Betty",
         "Mark", "Margaret", "Paul", "Sandra", "Steven", "Ashley", "Andrew", "Kimberly", "Kevin",
         "Emily", "Brian", "Donna", "George", "Michelle", "Timothy", "Carol", "Ronald", "Amanda",
         "Jason", "Melissa", "Jeffrey", "Deborah", "Ryan", "Stephanie", "Jacob", "Rebecca",
         "Gary", "Laura", "Nicholas", "Sharon", "Eric", "Cynthia", "Jonathan", "Kathleen",
         "Lukas", "Anna", "Jonas", "Lea", "Felix", "Sophie", "Maximilian", "Marie", "Paul",
         "Hannah", "Pierre", "Camille", "Luca", "Giulia", "Mateo", "Lucia", "Hugo", "Ines",
         "Noah", "Emma", "Oliver", "Chloe", "Arjun", "Priya", "Wei", "Mei", "Hiroshi", "Yuki",
         "Omar", "Fatima", "Ivan", "Olga", "Piotr", "Agnieszka", "Lars", "Ingrid", "Sven", "Freya"]
LAST = ["Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez",
        "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor",
        "Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez",
        "Clark", "Ramirez", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright",
        "Scott", "Torres", "Nguyen", "Hill", "Flores", "Green", "Adams", "Nelson", "Baker",
        "Hall", "Rivera", "Campbell", "Mitchell", "Carter", "Roberts", "Mueller", "Schmidt",
        "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann",
        "Dubois", "Moreau", "Laurent", "Lefebvre", "Rossi", "Russo", "Ferrari", "Esposito",
        "Bianchi", "Romano", "Jansen", "Visser", "Bakker", "Nowak", "Kowalski", "Wisniewski",
        "Novak", "Horvat", "Petrov", "Ivanova", "Larsen", "Hansen", "Nielsen", "Johansson",
        "Lindberg", "Eriksson", "Virtanen", "Korhonen", "Silva", "Santos", "Pereira", "Costa",
        "Kumar", "Sharma", "Patel", "Singh", "Chen", "Wang", "Li", "Zhang", "Tanaka", "Sato",
        "Suzuki", "Kim", "Park", "Choi", "Ali", "Hassan", "Yilmaz", "Kaya", "Murphy", "Kelly",
        "Byrne", "Walsh", "Fraser", "Reid", "Morrison", "Stewart", "Duncan", "Grant", "Hughes"]

DEPTS = [("engineering", 0.26), ("it", 0.07), ("finance", 0.10), ("sales", 0.17),
         ("marketing", 0.09), ("hr", 0.06), ("legal", 0.05), ("operations", 0.20)]

SHARE = {"engineering": r"\\fs03\eng", "it": r"\\fs03\it", "finance": r"\\fs01\finance",
         "sales": r"\\fs01\sales", "marketing": r"\\fs01\marketing", "hr": r"\\fs02\hr",
         "legal": r"\\fs02\legal", "operations": r"\\fs01\ops"}
SUBF = {  # (folder, sensitive)
    "engineering": [("source", 1), ("design", 0), ("releases", 0), ("specs", 0), ("test-data", 0), ("customer-configs", 1)],
    "it": [("Infrastructure", 0), ("Runbooks", 0), ("Backups", 1), ("Licenses", 0), ("Network", 1)],
    "finance": [("Ledger", 1), ("Payroll", 1), ("Audit", 1), ("Budget", 0), ("Invoices", 0), ("Tax", 1)],
    "sales": [("Customers", 1), ("Pricing", 1), ("Proposals", 0), ("Pipeline", 0), ("Templates", 0)],
    "marketing": [("Campaigns", 0), ("Brand", 0), ("Events", 0), ("Market-Research", 1), ("Assets", 0)],
    "hr": [("Personnel", 1), ("Payroll", 1), ("Recruiting", 0), ("Policies", 0), ("Reviews", 1)],
    "legal": [("Contracts", 1), ("Litigation", 1), ("NDAs", 0), ("Compliance", 0), ("IP", 1)],
    "operations": [("Suppliers", 0), ("Logistics", 0), ("Inventory", 0), ("Quality", 0), ("Facilities", 0)],
}
EXTS = {
    "engineering": ["py", "java", "md", "json", "yaml", "docx", "pdf", "zip", "sql", "xlsx", "png"],
    "it": ["ps1", "txt", "xlsx", "docx", "pdf", "vsdx", "csv", "zip", "cfg"],
    "finance": ["xlsx", "xlsx", "xlsx", "csv", "pdf", "docx", "xml"],
    "sales": ["xlsx", "pptx", "docx", "pdf", "csv", "msg"],
    "marketing": ["pptx", "png", "jpg", "psd", "docx", "pdf", "mp4", "xlsx"],
    "hr": ["docx", "pdf", "xlsx", "msg", "csv"],
    "legal": ["docx", "pdf", "pdf", "msg", "xlsx"],
    "operations": ["xlsx", "pdf", "docx", "csv", "msg", "pptx"],
}
EXT_SIZE = {"docx": 60e3, "xlsx": 150e3, "pdf": 400e3, "pptx": 2.5e6, "csv": 600e3, "zip": 25e6,
            "py": 9e3, "java": 12e3, "md": 5e3, "json": 20e3, "yaml": 4e3, "sql": 30e3, "png": 350e3,
            "jpg": 900e3, "psd": 40e6, "mp4": 120e6, "msg": 90e3, "txt": 4e3, "ps1": 6e3,
            "vsdx": 500e3, "cfg": 3e3, "xml": 80e3, "7z": 200e6}
EXT_PROC = {"docx": "WINWORD.EXE", "xlsx": "EXCEL.EXE", "csv": "EXCEL.EXE", "pptx": "POWERPNT.EXE",
            "pdf": "Acrobat.exe", "msg": "OUTLOOK.EXE", "py": "Code.exe", "java": "idea64.exe",
            "md": "Code.exe", "json": "Code.exe", "yaml": "Code.exe", "sql": "ssms.exe",
            "ps1": "powershell_ise.exe", "txt": "notepad.exe", "cfg": "notepad++.exe",
            "png": "PhotosApp.exe", "jpg": "PhotosApp.exe", "psd": "Photoshop.exe", "mp4": "vlc.exe",
            "vsdx": "VISIO.EXE", "zip": "7zFM.exe", "xml": "notepad++.exe", "7z": "7zG.exe"}
WORDS = ["budget", "forecast", "roadmap", "minutes", "report", "plan", "summary", "invoice",
         "contract", "proposal", "design", "spec", "notes", "review", "analysis", "presentation",
         "timesheet", "policy", "checklist", "inventory", "pricing", "customer_list", "pipeline",
         "payroll", "audit", "strategy", "release", "backlog", "architecture", "migration",
         "onboarding", "headcount", "kpi", "dashboard", "vendor", "quote", "order", "shipment",
         "campaign", "brief", "benchmark", "survey", "training", "offer", "agreement", "nda"]
QUAL = ["q1", "q2", "q3", "q4", "2023", "2024", "emea", "apac", "team", "client", "internal",
        "board", "weekly", "monthly", "v2", "final", "draft", "old", "new", "alpha"]
CITIES = ["berlin", "munich", "paris", "london", "amsterdam", "zurich", "vienna", "madrid", "remote"]
COMPANIES = ["Initech", "Globex", "Hooli", "Vandelay", "Stark-Industries", "Wayne-Enterprises",
             "Umbrella", "Cyberdyne", "Soylent", "Tyrell", "Massive-Dynamic", "Aperture"]

WIN_SERVERS = {"dc01": "10.10.0.10", "dc02": "10.10.0.11", "fs01": "10.10.0.20", "fs02": "10.10.0.21",
               "fs03": "10.10.0.22", "exch01": "10.10.0.30", "print01": "10.10.0.40",
               "app01": "10.10.0.50", "app02": "10.10.0.51", "sql01": "10.10.0.60",
               "erp01": "10.10.0.70", "citrix01": "10.10.0.80", "citrix02": "10.10.0.81",
               "backup01": "10.10.0.90", "rdgw01": "10.10.0.100", "wsus01": "10.10.0.110"}
DEPT_SERVERS = {"engineering": ["fs03", "app01", "app02"], "it": ["fs03", "wsus01", "dc01", "backup01", "sql01"],
                "finance": ["fs01", "erp01", "sql01"], "sales": ["fs01", "citrix01", "app01"],
                "marketing": ["fs01", "app01"], "hr": ["fs02", "app02"], "legal": ["fs02", "citrix02"],
                "operations": ["fs01", "erp01", "citrix01"]}
LINUX_HOSTS = ["bastion01", "web01", "web02", "web03", "web04", "app-lnx01", "app-lnx02", "db01",
               "db02", "build01", "build02", "git01", "k8s-node01", "k8s-node02", "k8s-node03",
               "log01", "mon01"]
LINUX_IP = {h: "10.30.0.%d" % (10 + i) for i, h in enumerate(LINUX_HOSTS)}
ENG_LINUX = ["build01", "build02", "git01", "k8s-node01", "k8s-node02", "k8s-node03", "web01",
             "web02", "app-lnx01", "app-lnx02"]

GENERAL_WEB = ["www.google.com", "outlook.office365.com", "teams.microsoft.com", "login.microsoftonline.com",
               "www.bing.com", "en.wikipedia.org", "www.bbc.co.uk", "www.reuters.com", "www.youtube.com",
               "intranet.corp.example.com", "servicedesk.corp.example.com", "www.amazon.de", "weather.com",
               "www.spiegel.de", "www.nytimes.com", "maps.google.com", "translate.google.com",
               "www.reddit.com", "news.ycombinator.com", "corp.sharepoint.com", "www.theguardian.com",
               "www.linkedin.com", "www.lemonde.fr", "www.booking.com", "www.deepl.com", "zoom.us"]
HOBBY_WEB = ["www.espn.com", "www.kicker.de", "www.ebay.de", "www.zalando.de", "www.imdb.com",
             "www.netflix.com", "open.spotify.com", "www.chefkoch.de", "www.allrecipes.com",
             "www.strava.com", "www.tripadvisor.com", "www.twitch.tv", "www.instagram.com",
             "www.ikea.com", "www.heise.de", "arstechnica.com", "www.theverge.com", "www.etsy.com"]
DEPT_WEB = {
    "engineering": ["github.com", "stackoverflow.com", "pypi.org", "docs.python.org", "hub.docker.com",
                    "registry.npmjs.org", "jira.corp.example.com", "confluence.corp.example.com",
                    "gitlab.corp.example.com", "developer.mozilla.org", "kubernetes.io", "docs.aws.amazon.com"],
    "it": ["portal.azure.com", "admin.microsoft.com", "github.com", "stackoverflow.com",
           "jira.corp.example.com", "www.cisco.com", "learn.microsoft.com", "community.spiceworks.com",
           "nvd.nist.gov", "www.bleepingcomputer.com"],
    "finance": ["erp.corp.example.com", "www.bloomberg.com", "www.ft.com", "www.xe.com",
                "online.bank-example.com", "www.ecb.europa.eu", "sap.corp.example.com"],
    "sales": ["corp.my.salesforce.com", "www.linkedin.com", "www.crunchbase.com", "docs.google.com",
              "calendly.com", "www.gartner.com"],
    "marketing": ["www.canva.com", "analytics.google.com", "www.facebook.com", "twitter.com",
                  "www.instagram.com", "mailchimp.com", "www.hubspot.com", "www.figma.com"],
    "hr": ["workday.corp.example.com", "www.linkedin.com", "www.indeed.com", "www.glassdoor.com",
           "www.xing.com", "learning.corp.example.com"],
    "legal": ["eur-lex.europa.eu", "www.westlaw.com", "www.lexisnexis.com", "curia.europa.eu", "www.docusign.net"],
    "operations": ["erp.corp.example.com", "www.dhl.com", "www.ups.com", "www.fedex.com",
                   "tracking.corp.example.com", "maps.google.com"],
}
JOB_SITES = ["www.linkedin.com", "www.indeed.com", "www.glassdoor.com", "www.stepstone.de",
             "www.monster.com", "jobs.lever.co", "boards.greenhouse.io", "www.xing.com"]
BLOCKED_WEB = ["www.pokerstars.com", "thepiratebay.org", "www.bet365.com", "free-movies-hd.xyz"]
SHADY_WEB = ["pastebin.com", "transfer.sh", "api.ipify.org", "raw.githubusercontent.com", "ngrok.io", "temp.sh"]
BENIGN_CLOUD = ["gdrive", "dropbox", "box", "onedrive"]
EXFIL_CLOUD = ["mega", "wetransfer", "gofile", "s3", "dropbox", "gdrive", "box"]

UAS = ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36",
       "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 Edg/124.0.2478.80",
       "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0"]

PARTNERS = ["globex-logistics.com", "initech.io", "umbrella-pharma.net", "acme-supplies.de", "vandelay-imports.com",
            "hooli-cloud.com", "tyrell-systems.co.uk", "soylent-foods.fr", "cyberdyne-robotics.com",
            "wayne-capital.com", "stark-energy.de", "aperture-labs.nl", "massive-dyn.com", "wonka-brands.ch"]
NEWSLETTER = ["news@mailing.heise.de", "noreply@linkedin.com", "digest@medium.com", "newsletter@ft.com",
              "updates@github.com", "no-reply@zoom.us", "events@gartner.com", "info@bitkom.org"]

VENDOR_A = ["Alpine", "Baltic", "Cobalt", "Delta", "Evergreen", "Falcon", "Granite", "Harbor", "Iris",
            "Juniper", "Keystone", "Lumen", "Meridian", "Nova", "Orion", "Pioneer", "Quartz",
            "Riverside", "Summit", "Titan", "Union", "Vertex", "Westfield", "Zenith"]
VENDOR_B = ["Logistics GmbH", "Supplies Ltd", "Consulting AG", "Software BV", "Facilities SARL",
            "Print & Media GmbH", "Energy AG", "Catering Ltd", "Security Services GmbH", "IT Solutions SA"]
ODD_VENDORS = ["Sterling Holdings Ltd", "Brightwave Trading LLP", "Kestrel Advisory Ltd", "Marlow Commerce OU",
               "Halcyon Ventures SIA", "Northgate Capital Ltd", "Silverline Exports EOOD",
               "Corvid Procurement Ltd", "Pinecrest Services UAB", "Ashford Global LP"]

SUDO_CMDS = ["/usr/bin/systemctl restart nginx", "/usr/bin/systemctl status docker", "/usr/bin/apt-get update",
             "/usr/bin/apt-get install -y htop", "/usr/bin/journalctl -u ssh --since today",
             "/usr/bin/tail -n 200 /var/log/syslog", "/usr/bin/docker ps -a", "/usr/bin/docker restart app",
             "/usr/bin/vim /etc/nginx/nginx.conf", "/usr/bin/du -sh /var/lib/docker",
             "/usr/local/bin/kubectl get pods -A", "/usr/sbin/service postgresql reload",
             "/usr/bin/crontab -l", "/usr/bin/systemctl daemon-reload", "/usr/bin/less /var/log/auth.log"]
SCAN_USERS = ["admin", "test", "user", "oracle", "ubuntu", "postgres", "git", "ftpuser", "guest", "pi",
              "support", "deploy", "jenkins", "hadoop", "minecraft", "ansible", "www", "centos", "nagios"]
USB_MODELS = [("SanDisk", "Ultra USB 3.0", "Ven_SanDisk&Prod_Ultra", "VID_0781&PID_5581"),
              ("Kingston", "DataTraveler 3.0", "Ven_Kingston&Prod_DataTraveler_3.0", "VID_0951&PID_1666"),
              ("Samsung", "BAR Plus", "Ven_Samsung&Prod_Flash_Drive", "VID_090C&PID_1000"),
              ("Verbatim", "Store n Go", "Ven_Verbatim&Prod_STORE_N_GO", "VID_18A5&PID_0302"),
              ("Western Digital", "My Passport 25E2", "Ven_WD&Prod_My_Passport_25E2", "VID_1058&PID_25E2"),
              ("Seagate", "Expansion HDD", "Ven_Seagate&Prod_Expansion", "VID_0BC2&PID_2322"),
              ("Intenso", "Speed Line", "Ven_Intenso&Prod_Speed_Line", "VID_1F75&PID_0917")]

WIN_META = {4624: ("logged-in", ["authentication"], ["start"]),
            4625: ("logon-failed", ["authentication"], ["start"]),
            4634: ("logged-out", ["authentication"], ["end"]),
            4648: ("logged-in-explicit", ["authentication"], ["start"]),
            4672: ("logged-in-special", ["iam"], ["admin"]),
            4720: ("added-user-account", ["iam"], ["user", "creation"]),
            4728: ("added-member-to-group", ["iam"], ["group", "change"]),
            4732: ("added-member-to-group", ["iam"], ["group", "change"])}
LOGON_TYPES = {2: "Interactive", 3: "Network", 5: "Service", 7: "Unlock", 10: "RemoteInteractive",
               11: "CachedInteractive"}
FILE_TYPES = {"open": ["access"], "creation": ["creation"], "modification": ["change"],
              "deletion": ["deletion"], "rename": ["change"]}

# source -> (json style, fractional digits of @timestamp)
STYLE = {"winlogbeat": ("nested", 3), "endpoint": ("nested", 6), "proxy": ("flat", 0),
         "mail": ("flat", 3), "finance": ("nested", 0)}


# ----------------------------------------------------------------------------- helpers
def poisson(r, lam):
    if lam <= 0:
        return 0
    if lam < 30:
        L = math.exp(-lam)
        k, p = 0, 1.0
        while True:
            p *= r.random()
            if p <= L:
                return k
            k += 1
    return max(0, int(round(r.gauss(lam, math.sqrt(lam)))))


def clip(x, lo, hi):
    return lo if x < lo else hi if x > hi else x


def hx(r, n):
    return "%0*x" % (n, r.getrandbits(4 * n))


def public_ip(r):
    first = r.choice([5, 31, 37, 45, 46, 62, 77, 78, 80, 85, 89, 91, 94, 103, 109, 116, 141, 176,
                      178, 185, 188, 193, 194, 195, 212, 213, 217])
    return "%d.%d.%d.%d" % (first, r.randint(0, 255), r.randint(0, 255), r.randint(1, 254))


def domain_ip(domain):
    h = hashlib.md5(domain.encode()).digest()
    if domain.endswith(FQDN):
        return "10.10.1.%d" % (h[0] % 200 + 20)
    first = [13, 20, 23, 31, 34, 35, 52, 54, 104, 142, 151, 157, 162, 185, 199][h[0] % 15]
    return "%d.%d.%d.%d" % (first, h[1], h[2], h[3] % 250 + 1)


def vpn_ip(r):
    return "10.99.%d.%d" % (r.randint(0, 15), r.randint(2, 254))


def fmt_ts(ts, digits):
    s = ts.strftime("%Y-%m-%dT%H:%M:%S")
    if digits == 3:
        s += ".%03d" % (ts.microsecond // 1000)
    elif digits == 6:
        s += ".%06d" % ts.microsecond
    return s + OFFSET


def nest(flat):
    out = {}
    for k, v in flat.items():
        parts = k.split(".")
        cur = out
        for p in parts[:-1]:
            cur = cur.setdefault(p, {})
        cur[parts[-1]] = v
    return out


def make_device(r):
    man, model, ven, ident = r.choice(USB_MODELS)
    serial = hx(r, 16).upper()
    return {"device.id": "USBSTOR\\Disk&%s&Rev_1.00\\%s&0" % (ven, serial),
            "device.manufacturer": man, "device.model.name": model,
            "device.model.identifier": ident, "device.serial_number": serial}


class User:
    pass


# ----------------------------------------------------------------------------- output
class Out:
    def __init__(self, outdir):
        os.makedirs(os.path.join(outdir, "logs", "linux"), exist_ok=True)
        os.makedirs(os.path.join(outdir, "logs", "ecs"), exist_ok=True)
        self.fh = {"auth": open(os.path.join(outdir, "logs", "linux", "auth.log"), "w")}
        for s in STYLE:
            self.fh[s] = open(os.path.join(outdir, "logs", "ecs", s + ".ndjson"), "w")
        self.buf = {k: [] for k in self.fh}
        self.count = {k: 0 for k in self.fh}
        self.atk_days = {}

    def add(self, src, ts, obj, atk=None):
        self.buf[src].append((ts, obj))
        if atk is not None:
            self.atk_days.setdefault(atk, set()).add(ts.date())

    def flush(self):
        for src, items in self.buf.items():
            items.sort(key=itemgetter(0))
            fh = self.fh[src]
            lines = []
            if src == "auth":
                for ts, (host, prog, pid, msg) in items:
                    tag = "%s[%d]" % (prog, pid) if pid is not None else prog
                    lines.append("%s %2d %s %s %s: %s\n" % (MON[ts.month - 1], ts.day,
                                                          ts.strftime("%H:%M:%S"), host, tag, msg))
            else:
                style, digits = STYLE[src]
                for ts, d in items:
                    d["@timestamp"] = fmt_ts(ts, digits)
                    if style == "nested":
                        d = nest(d)
                    lines.append(json.dumps(d, separators=(",", ":")) + "\n")
            fh.writelines(lines)
            self.count[src] += len(lines)
            items.clear()

    def close(self):
        for fh in self.fh.values():
            fh.close()


# ----------------------------------------------------------------------------- generator
class Gen:
    def __init__(self, n_users, n_days, seed, outdir, start=None):
        self.seed, self.N, self.D, self.outdir = seed, n_users, n_days, outdir
        self.rng = random.Random("org/%d" % seed)
        if start is None:
            # inside one calendar year (RFC 3164 has no year), away from the Christmas break
            start = dt.date(2024, 1, 8) + dt.timedelta(days=self.rng.randint(0, 320 - n_days))
        self.start = start
        self.dates = [start + dt.timedelta(days=i) for i in range(n_days)]
        assert self.dates[-1].year == self.dates[0].year
        self.out = Out(outdir)
        self.rec = 1000000
        self.pid_ctr = 2000
        self.logind_sid = 100
        self.tx_ctr = 5000000
        self.build_shares()
        self.build_vendors()
        self.build_users()
        self.plan_attacks()

    # ---------------------------------------------------------------- world
    def build_shares(self):
        r = self.rng
        self.share_files = {}
        for dept, folders in SUBF.items():
            files = []
            for folder, sens in folders:
                for _ in range(r.randint(30, 80)):
                    w = r.choice(WORDS)
                    name = w + ("_" + r.choice(QUAL) if r.random() < 0.6 else "") + \
                        ("_%03d" % r.randint(1, 300) if r.random() < 0.3 else "")
                    ext = r.choice(EXTS[dept])
                    size = int(EXT_SIZE[ext] * r.lognormvariate(0, 0.9)) + 512
                    path = "%s\\%s\\%s.%s" % (SHARE[dept], folder, name, ext)
                    files.append((path, name + "." + ext, ext, size, sens))
            self.share_files[dept] = files
            self.share_sensitive = getattr(self, "share_sensitive", {})
            self.share_sensitive[dept] = [f for f in files if f[4]]

    def build_vendors(self):
        r = self.rng
        vs = []
        for a in VENDOR_A:
            for b in VENDOR_B:
                vs.append("%s %s" % (a, b))
        r.shuffle(vs)
        self.vendors = []
        for name in vs[:90]:
            cc = r.choice(["DE", "DE", "DE", "NL", "FR", "AT", "GB", "IT", "ES", "BE"])
            iban = cc + "%02d" % r.randint(10, 99) + "".join(str(r.randint(0, 9)) for _ in range(18))
            cur = "GBP" if cc == "GB" else ("USD" if r.random() < 0.08 else "EUR")
            self.vendors.append((name, iban, cur))
        self.odd_vendors = []
        for name in ODD_VENDORS:
            cc = r.choice(["LT", "CY", "MT", "LV", "BG", "EE", "GB"])
            iban = cc + "%02d" % r.randint(10, 99) + "".join(str(r.randint(0, 9)) for _ in range(16))
            self.odd_vendors.append((name, iban, "EUR"))

    def build_users(self):
        r = self.rng
        used, emails = set(), set()
        self.humans = []
        dnames = [d for d, _ in DEPTS]
        dweights = [w for _, w in DEPTS]
        for i in range(self.N):
            for _ in range(1000):
                f, l = r.choice(FIRST), r.choice(LAST)
                cands = [(f[0] + l).lower(), (f[:2] + l).lower(), (f[0] + l).lower() + str(r.randint(2, 9))]
                name = next((c for c in cands if c not in used), None)
                if name:
                    break
            used.add(name)
            email = "%s.%s@%s" % (f.lower(), l.lower(), MAILDOM)
            k = 2
            while email in emails:
                email = "%s.%s%d@%s" % (f.lower(), l.lower(), k, MAILDOM)
                k += 1
            emails.add(email)
            dept = r.choices(dnames, dweights)[0]
            self.humans.append(self.make_user(i, name, f, l, email, dept))
        # guarantee a few payment users
        if sum(u.tx for u in self.humans) < 6:
            for u in self.humans:
                if sum(x.tx for x in self.humans) >= 6:
                    break
                if u.dept in ("operations", "sales") and not u.tx:
                    u.dept = "finance"
                    self.setup_finance(u, force=True)
        by_dept = {}
        for u in self.humans:
            by_dept.setdefault(u.dept, []).append(u)
        for u in self.humans:
            ur = u.r
            same = [x for x in by_dept[u.dept] if x is not u]
            other = [x for x in self.humans if x.dept != u.dept]
            u.contacts = ur.sample(same, min(len(same), ur.randint(6, 18))) + ur.sample(other, min(len(other), ur.randint(2, 6)))
            u.partners = ur.sample(PARTNERS, ur.randint(1, 4))
            fin = [x for x in by_dept.get("finance", []) if x is not u]
            u.approver = ur.choice(fin) if fin else u
        self.by_dept = by_dept
        self.admins = [u for u in self.humans if u.win_admin]
        self.linux_admins = [u for u in self.humans if u.sudo and u.dept == "it"]
        self.service = ["svc_backup", "svc_sql", "svc_deploy", "svc_monitor"]
        self.all_names = [u.name for u in self.humans] + self.service

    def setup_finance(self, u, force=False):
        r = u.r
        u.tx = force or r.random() < 0.85
        u.r_tx = r.lognormvariate(math.log(7), 0.5)
        u.vendor_set = r.sample(self.vendors, r.randint(10, 25))

    def make_user(self, i, name, first, last, email, dept):
        u = User()
        r = u.r = random.Random("%d/user/%s" % (self.seed, name))
        u.ar = random.Random("%d/attack/%s" % (self.seed, name))
        u.i, u.name, u.first, u.last, u.email, u.dept = i, name, first, last, email, dept
        u.laptop = r.random() < 0.6
        u.host = ("lt-" if u.laptop else "ws-") + "%04d" % (1000 + (i * 7919) % 9000)
        u.ip = "10.20.%d.%d" % (i // 200, i % 200 + 20)
        sh = r.random()
        if sh < 0.03:
            u.start_h = r.uniform(12.5, 14.5)          # late shift
        elif sh < 0.10:
            u.start_h = r.uniform(6.0, 7.0)            # early bird
        else:
            u.start_h = clip(r.gauss(8.4, 0.7), 6.8, 10.5)
        u.len_h = clip(r.gauss(8.7, 0.7), 6.5, 10.5)
        u.weekend_p = 0.25 if r.random() < 0.08 else 0.02
        u.remote_p = r.uniform(0.1, 0.5) if u.laptop else 0.0
        u.late_p = 0.12 if r.random() < 0.1 else 0.03
        u.r_unlock = r.lognormvariate(math.log(3), 0.4)
        u.r_net = r.lognormvariate(math.log(4), 0.5)
        u.r_files = r.lognormvariate(math.log(22), 0.6)
        u.r_web = r.lognormvariate(math.log(60), 0.55)
        u.r_out = r.lognormvariate(math.log(6), 0.6)
        u.r_in = r.lognormvariate(math.log(10), 0.5)
        u.r_sp = r.lognormvariate(math.log(1.5), 0.7)  # OneDrive/SharePoint uploads per day
        u.linux = r.random() < {"engineering": 0.6, "it": 1.0}.get(dept, 0.015)
        u.sudo = u.linux and (dept == "it" or r.random() < 0.12)
        u.win_admin = dept == "it" and r.random() < 0.7
        u.r_ssh = r.lognormvariate(math.log(3.0 if dept == "it" else 1.8), 0.5)
        if u.linux:
            pool = LINUX_HOSTS if dept == "it" else ENG_LINUX
            u.linux_hosts = r.sample(pool, r.randint(1, 3) if dept != "it" else r.randint(3, 7))
        else:
            u.linux_hosts = []
        u.key_auth = r.random() < 0.65
        u.fp = "".join(r.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/") for _ in range(43))
        u.uid = 1001 + i
        u.tx = False
        if dept == "finance":
            self.setup_finance(u)
        sv = DEPT_SERVERS[dept] + ["exch01", "print01", "dc01"]
        u.servers = r.sample(sv, min(len(sv), r.randint(2, 5)))
        u.usb_user = r.random() < 0.06
        u.usb_dev = make_device(r)
        u.cloud = r.choice(BENIGN_CLOUD) if r.random() < 0.2 else None
        u.job_p = 0.25 if r.random() < 0.06 else 0.0
        doms = r.sample(GENERAL_WEB, r.randint(10, 18)) + DEPT_WEB[dept] + r.sample(HOBBY_WEB, r.randint(1, 5))
        doms = list(dict.fromkeys(doms))
        r.shuffle(doms)
        u.domains = doms
        u.dom_w = [1.0 / (k + 1) ** 1.1 for k in range(len(doms))]
        u.ua = r.choice(UAS)
        own = []
        for _ in range(r.randint(25, 70)):
            folder = r.choice(["Documents\\Projects", "Documents\\Reports", "Documents\\Notes",
                               "Documents", "Desktop", "Downloads", "Documents\\Archive"])
            w = r.choice(WORDS)
            nm = w + ("_" + r.choice(QUAL) if r.random() < 0.6 else "")
            ext = r.choice(EXTS[dept] + ["docx", "xlsx", "pdf"])
            size = int(EXT_SIZE[ext] * r.lognormvariate(0, 0.9)) + 512
            own.append(("C:\\Users\\%s\\%s\\%s.%s" % (name, folder, nm, ext), nm + "." + ext, ext, size, 0))
        u.own_files = own
        u.absent = set()
        u.drift = None
        u.today = None
        return u

    # ---------------------------------------------------------------- attack plan
    def plan_attacks(self):
        r = random.Random("%d/plan" % self.seed)
        D = self.D
        first = int(math.ceil(D / 3.0))
        weekdays = [i for i in range(first, D) if self.dates[i].weekday() < 5]
        alldays = list(range(first, D))
        # absences (vacation blocks + sick days)
        for u in self.humans:
            if u.r.random() < 0.12:
                s = u.r.randint(0, D - 1)
                for k in range(u.r.randint(3, 7)):
                    u.absent.add(s + k)
            for d in range(D):
                if u.r.random() < 0.015:
                    u.absent.add(d)
        n_att = max(2 * len(SCENARIOS), int(round(0.05 * len(self.humans))))
        counts = {s: 2 for s in SCENARIOS}
        for _ in range(n_att - 2 * len(SCENARIOS)):
            counts[r.choice(SCENARIOS)] += 1
        taken = set()
        self.attacks = []
        self.plan = {}

        def pick(pool, k):
            pool = [u for u in pool if u.name not in taken]
            k = min(k, len(pool))
            chosen = r.sample(pool, k)
            for u in chosen:
                taken.add(u.name)
            return chosen

        order = ["transaction_velocity", "privilege_escalation", "departing_employee", "lateral_movement",
                 "removable_media_exfiltration", "cloud_upload", "brute_force_takeover", "off_hours_spree"]
        for scen in order:
            k = counts[scen]
            if scen == "transaction_velocity":
                chosen = pick([u for u in self.humans if u.tx], k)
            elif scen == "privilege_escalation":
                lin = [u for u in self.humans if u.linux and not u.sudo and not u.win_admin]
                chosen = pick(lin, 1)
                chosen += pick([u for u in self.humans if not u.sudo and not u.win_admin], k - len(chosen))
            elif scen == "removable_media_exfiltration":
                chosen = pick([u for u in self.humans if not u.usb_user], k)
            else:
                chosen = pick(self.humans, k)
            for u in chosen:
                if scen == "departing_employee":
                    L = r.randint(7, min(14, D - first))
                    days = list(range(D - L, D))
                    u.drift = (D - L, L)
                    # USB copy days and personal-mail days late in the drift
                    late = [d for d in days[L // 2:] if self.dates[d].weekday() < 5] or days[L // 2:]
                    u.drift_usb = set(r.sample(late, min(len(late), r.randint(1, 3))))
                    u.drift_mail = set(r.sample(days, min(len(days), r.randint(2, 4))))
                elif scen in ("off_hours_spree",):
                    days = sorted(r.sample(alldays, r.randint(1, 2)))
                elif scen == "brute_force_takeover":
                    days = [r.choice(alldays)]
                elif scen == "removable_media_exfiltration":
                    days = sorted(r.sample(weekdays, r.randint(1, 3)))
                elif scen == "privilege_escalation":
                    d0 = r.choice(weekdays[:-1] or weekdays)
                    nxt = [d for d in weekdays if d > d0]
                    days = [d0] + ([nxt[0]] if nxt and r.random() < 0.6 else [])
                else:  # lateral, cloud, txn velocity
                    days = sorted(r.sample(weekdays, r.randint(1, 2)))
                for d in days:
                    u.absent.discard(d)
                    if scen != "departing_employee":
                        self.plan.setdefault(d, []).append((u, scen, days))
                u.attack = scen
                self.attacks.append((u, scen, days))

    # ---------------------------------------------------------------- time
    def T(self, sec):
        sec = clip(sec, 0.0, 86399.998)
        return self.day_dt + dt.timedelta(seconds=sec)

    def pid(self, r):
        self.pid_ctr += r.randint(1, 400)
        if self.pid_ctr > 4000000:
            self.pid_ctr = 2000
        return self.pid_ctr

    # ---------------------------------------------------------------- emitters
    def win(self, sec, code, user, host, src=None, ltype=None, outcome="success", atk=None, extra=None):
        action, cat, typ = WIN_META[code]
        self.rec += 1
        d = {"@timestamp": None, "event.kind": "event", "event.category": cat, "event.type": typ,
             "event.action": action, "event.outcome": outcome, "event.code": str(code),
             "event.provider": "Microsoft-Windows-Security-Auditing", "event.module": "security",
             "winlog.channel": "Security", "winlog.event_id": str(code),
             "winlog.computer_name": "%s.%s" % (host.upper(), FQDN), "winlog.record_id": self.rec,
             "host.name": host, "user.name": user, "user.domain": AD_DOMAIN,
             "agent.type": "winlogbeat", "ecs.version": "8.11.0"}
        if src:
            d["source.ip"] = src
        if ltype:
            d["winlog.logon.type"] = LOGON_TYPES[ltype]
            d["winlog.event_data.LogonType"] = str(ltype)
            d["winlog.event_data.TargetUserName"] = user
            d["winlog.event_data.TargetDomainName"] = AD_DOMAIN
        if outcome == "failure":
            d["winlog.event_data.Status"] = "0xc000006d"
            d["winlog.event_data.SubStatus"] = "0xc000006a"
            d["winlog.event_data.FailureReason"] = "%%2313"
        if extra:
            d.update(extra)
        self.out.add("winlogbeat", self.T(sec), d, atk)

    def group_add(self, sec, actor, member, group, host, local, atk=None):
        code = 4732 if local else 4728
        self.win(sec, code, actor, host, atk=atk, extra={
            "user.target.name": member, "user.target.domain": AD_DOMAIN,
            "group.name": group, "group.domain": "BUILTIN" if local else AD_DOMAIN,
            "winlog.event_data.MemberName": "CN=%s,OU=Users,DC=corp,DC=example,DC=com" % member,
            "winlog.event_data.TargetUserName": group, "winlog.event_data.SubjectUserName": actor})

    def fileev(self, sec, u, action, f, atk=None, host=None, proc=None, device=None, path=None):
        fpath, fname, ext, size, _ = f
        if path:
            fpath = path
        directory = fpath.rsplit("\\", 1)[0]
        d = {"@timestamp": None, "event.kind": "event", "event.category": ["file"],
             "event.type": FILE_TYPES[action], "event.action": action, "event.outcome": "success",
             "event.dataset": "endpoint.events.file", "event.module": "endpoint",
             "agent.type": "endpoint", "host.name": host or u.host, "host.os.family": "windows",
             "user.name": u.name, "user.domain": AD_DOMAIN,
             "process.name": proc or EXT_PROC.get(ext, "explorer.exe"), "process.pid": 1000 + (u.i * 37) % 9000 + len(ext),
             "file.path": fpath, "file.name": fname, "file.extension": ext, "file.directory": directory,
             "file.size": size}
        if len(fpath) > 2 and fpath[1] == ":":
            d["file.drive_letter"] = fpath[0]
        if device:
            d.update({k: v for k, v in device.items() if k in ("device.id", "device.serial_number")})
        self.out.add("endpoint", self.T(sec), d, atk)

    def usb(self, sec, u, action, device, atk=None):
        d = {"@timestamp": None, "event.kind": "event", "event.category": ["host"],
             "event.type": ["change"], "event.action": action, "event.outcome": "success",
             "event.dataset": "endpoint.events.device", "event.module": "endpoint",
             "agent.type": "endpoint", "host.name": u.host, "host.os.family": "windows",
             "user.name": u.name, "user.domain": AD_DOMAIN, "device.type": "usb_mass_storage",
             "file.drive_letter": "E"}
        d.update(device)
        self.out.add("endpoint", self.T(sec), d, atk)

    def web(self, sec, u, client, domain, path, method="GET", req=None, resp=None, status=200,
            atk=None, r=None, ua=None):
        r = r or u.r
        if req is None:
            req = int(r.lognormvariate(math.log(700), 0.4)) if method == "GET" else int(r.lognormvariate(math.log(3000), 1.0))
        if resp is None:
            resp = int(r.lognormvariate(math.log(18000), 1.3))
        blocked = status == 403
        d = {"@timestamp": None, "event.kind": "event", "event.category": ["network", "web"],
             "event.type": ["access", "connection"] if not blocked else ["access", "denied"],
             "event.action": "blocked" if blocked else "allowed",
             "event.outcome": "failure" if blocked else "success", "event.dataset": "proxy.access",
             "observer.name": "swg01", "observer.type": "proxy",
             "user.name": u.name, "user.domain": AD_DOMAIN, "host.name": u.host, "source.ip": client,
             "destination.ip": domain_ip(domain), "destination.port": 443, "url.scheme": "https",
             "url.domain": domain, "url.path": path.split("?")[0], "http.request.method": method,
             "http.request.bytes": req, "http.response.bytes": resp, "http.response.status_code": status,
             "user_agent.original": ua or u.ua}
        if "?" in path:
            d["url.query"] = path.split("?", 1)[1]
        self.out.add("proxy", self.T(sec), d, atk)

    def mail(self, sec, user, client, frm, to, subject, direction, attachments, atk=None, r=None):
        action = "delivered" if direction == "inbound" else "sent"
        d = {"@timestamp": None, "event.kind": "event", "event.category": ["email"], "event.type": ["info"],
             "event.action": action, "event.outcome": "success", "event.dataset": "exchange.messagetracking",
             "user.name": user, "user.domain": AD_DOMAIN, "host.name": "exch01",
             "email.from.address": [frm], "email.to.address": to, "email.subject": subject,
             "email.direction": direction,
             "email.message_id": "<%s@%s>" % (hx(r, 24), frm.split("@")[1])}
        if client:
            d["source.ip"] = client
        if attachments:
            d["email.attachments"] = [{"file": {"name": a[1], "extension": a[2], "size": a[3]}} for a in attachments]
        self.out.add("mail", self.T(sec), d, atk)

    def tx(self, sec, u, client, vendor, amount, action="payment-created", atk=None, txid=None,
           channel="erp-ui"):
        name, iban, cur = vendor
        if txid is None:
            self.tx_ctr += 1
            txid = "PAY-%d" % self.tx_ctr
        d = {"@timestamp": None, "event.kind": "event", "event.category": ["api"],
             "event.type": ["creation"] if action == "payment-created" else ["change"],
             "event.action": action, "event.outcome": "success", "event.dataset": "erp.payments",
             "user.name": u.name, "user.domain": AD_DOMAIN, "host.name": "erp01", "source.ip": client,
             "transaction.id": txid, "transaction.amount": amount, "transaction.currency": cur,
             "transaction.counterparty": name, "transaction.counterparty_account": iban,
             "transaction.type": "sepa_credit_transfer" if cur == "EUR" else "swift_wire",
             "transaction.channel": channel,
             "transaction.status": "submitted" if action == "payment-created" else "approved"}
        self.out.add("finance", self.T(sec), d, atk)
        return txid

    def auth(self, sec, host, prog, pid, msg, atk=None):
        self.out.add("auth", self.T(sec), (host, prog, pid, msg), atk)

    # ---------------------------------------------------------------- linux building blocks
    def ssh_session(self, r, name, uid, host, t, dur, src, key=True, fp="", sudo_cmds=(),
                    fails=0, atk=None, su=False, src_port=None):
        pid = self.pid(r)
        port = src_port or r.randint(32768, 60999)
        for _ in range(fails):
            self.auth(t, host, "sshd", pid, "pam_unix(sshd:auth): authentication failure; logname= uid=0 "
                      "euid=0 tty=ssh ruser= rhost=%s  user=%s" % (src, name), atk)
            self.auth(t + 0.01, host, "sshd", pid, "Failed password for %s from %s port %d ssh2" % (name, src, port), atk)
            t += r.uniform(2, 7)
        if key:
            self.auth(t, host, "sshd", pid, "Accepted publickey for %s from %s port %d ssh2: RSA SHA256:%s"
                      % (name, src, port, fp), atk)
        else:
            self.auth(t, host, "sshd", pid, "Accepted password for %s from %s port %d ssh2" % (name, src, port), atk)
        self.auth(t + 0.02, host, "sshd", pid, "pam_unix(sshd:session): session opened for user %s(uid=%d) by (uid=0)"
                  % (name, uid), atk)
        self.logind_sid += 1
        sid = self.logind_sid
        self.auth(t + 0.03, host, "systemd-logind", 812, "New session %d of user %s." % (sid, name), atk)
        tty = "pts/%d" % r.randint(0, 4)
        end = t + dur
        for cmd in sudo_cmds:
            tc = r.uniform(t + 5, max(t + 6, end - 2))
            self.sudo_ok(r, tc, host, name, uid, tty, cmd, atk)
        if su:
            tc = r.uniform(t + 5, max(t + 6, end - 2))
            spid = self.pid(r)
            self.auth(tc, host, "su", spid, "(to root) %s on %s" % (name, tty), atk)
            self.auth(tc + 0.01, host, "su", spid, "pam_unix(su-l:session): session opened for user root(uid=0) by %s(uid=%d)"
                      % (name, uid), atk)
            self.auth(min(end - 1, tc + r.uniform(30, 600)), host, "su", spid,
                      "pam_unix(su-l:session): session closed for user root", atk)
        self.auth(end, host, "sshd", pid, "Received disconnect from %s port %d:11: disconnected by user" % (src, port), atk)
        self.auth(end, host, "sshd", pid, "Disconnected from user %s %s port %d" % (name, src, port), atk)
        self.auth(end + 0.01, host, "sshd", pid, "pam_unix(sshd:session): session closed for user %s" % name, atk)
        self.auth(end + 0.02, host, "systemd-logind", 812, "Session %d logged out. Waiting for processes to exit." % sid, atk)
        self.auth(end + 0.03, host, "systemd-logind", 812, "Removed session %d." % sid, atk)
        return tty

    def sudo_ok(self, r, t, host, name, uid, tty, cmd, atk=None):
        self.auth(t, host, "sudo", None, "  %s : TTY=%s ; PWD=/home/%s ; USER=root ; COMMAND=%s" % (name, tty, name, cmd), atk)
        self.auth(t + 0.01, host, "sudo", None, "pam_unix(sudo:session): session opened for user root(uid=0) by %s(uid=%d)"
                  % (name, uid), atk)
        self.auth(t + r.uniform(0.2, 30), host, "sudo", None, "pam_unix(sudo:session): session closed for user root", atk)

    def sudo_fail(self, r, t, host, name, uid, tty, cmd, not_in_sudoers, atk=None):
        if not_in_sudoers:
            self.auth(t, host, "sudo", None, "  %s : user NOT in sudoers ; TTY=%s ; PWD=/home/%s ; USER=root ; COMMAND=%s"
                      % (name, tty, name, cmd), atk)
        else:
            self.auth(t, host, "sudo", None, "pam_unix(sudo:auth): authentication failure; logname=%s uid=%d euid=0 "
                      "tty=/dev/%s ruser=%s rhost=  user=%s" % (name, uid, tty, name, name), atk)
            self.auth(t + r.uniform(3, 9), host, "sudo", None, "  %s : 1 incorrect password attempt ; TTY=%s ; "
                      "PWD=/home/%s ; USER=root ; COMMAND=%s" % (name, tty, name, cmd), atk)

    # ---------------------------------------------------------------- content pickers
    def pick_file(self, u, r, p_own=0.45, p_other=0.05, sensitive_bias=0.0):
        x = r.random()
        if x < p_own:
            return r.choice(u.own_files)
        if x < p_own + p_other:
            dept = r.choice(list(SHARE))
        else:
            dept = u.dept
        if sensitive_bias and r.random() < sensitive_bias and self.share_sensitive[dept]:
            return r.choice(self.share_sensitive[dept])
        files = self.share_files[dept]
        # heavy-tailed popularity within the share: low indices of a per-dept folder are hot
        return files[min(len(files) - 1, int(r.paretovariate(1.2)) * 7 % len(files))] if r.random() < 0.5 else r.choice(files)

    def page_path(self, r, domain):
        c = r.random()
        if domain == "www.linkedin.com":
            return r.choice(["/feed/", "/in/%s-%s/" % (r.choice(FIRST).lower(), hx(r, 6)),
                             "/messaging/", "/notifications/", "/company/%s/" % r.choice(COMPANIES).lower()])
        if c < 0.25:
            return r.choice(["/", "/index.html", "/home", "/news", "/login", "/account", "/about", "/docs", "/help"])
        if c < 0.55:
            return "/%s/%s-%d" % (r.choice(WORDS), r.choice(WORDS), r.randint(1, 9999))
        if c < 0.75:
            return "/search?q=%s+%s" % (r.choice(WORDS), r.choice(QUAL))
        return "/%s/%s" % (r.choice(["article", "item", "p", "view", "page", "api/v2/feed"]), hx(r, 10))

    def job_path(self, r, domain):
        co = r.choice(COMPANIES)
        city = r.choice(CITIES)
        w = r.choice(["software-engineer", "financial-analyst", "sales-manager", "project-manager",
                      "data-scientist", "hr-business-partner", "legal-counsel", "devops-engineer",
                      "marketing-lead", "operations-manager", "accountant", "controller"])
        if domain == "www.linkedin.com":
            return r.choice(["/jobs/view/%d/" % r.randint(3500000000, 3999999999),
                             "/jobs/search/?keywords=%s&location=%s" % (w, city), "/jobs/collections/recommended/"])
        if domain == "www.indeed.com":
            return r.choice(["/viewjob?jk=%s" % hx(r, 16), "/jobs?q=%s&l=%s" % (w, city)])
        if domain == "www.glassdoor.com":
            return r.choice(["/Salaries/%s-%s-salary-SRCH_IL.0,6_IM%d.htm" % (city, w, r.randint(100, 999)),
                             "/Reviews/%s-Reviews-E%d.htm" % (co, r.randint(1000, 99999)),
                             "/job-listing/%s-%s-JV_%d.htm" % (w, co.lower(), r.randint(10 ** 8, 10 ** 9))])
        if domain == "www.stepstone.de":
            return "/stellenangebote--%s-%s-%s--%d-inline.html" % (w.title(), city.title(), co, r.randint(10 ** 6, 10 ** 7))
        if domain == "www.monster.com":
            return "/job-openings/%s-%s--%s-%s" % (w, city, hx(r, 8), hx(r, 4))
        if domain == "jobs.lever.co":
            return "/%s/%s-%s" % (co.lower(), hx(r, 8), hx(r, 12)) + ("/apply" if r.random() < 0.2 else "")
        if domain == "boards.greenhouse.io":
            return "/%s/jobs/%d" % (co.lower(), r.randint(4000000, 7999999))
        return "/jobs/%s-%s-%d" % (city, w, r.randint(10 ** 6, 10 ** 7))

    def page_view(self, sec, u, client, domain, r, atk=None, path=None):
        """One page load: html + a burst of sub-resources.  Returns number of requests."""
        if domain in BLOCKED_WEB:
            self.web(sec, u, client, domain, path or "/", status=403, resp=1200, atk=atk, r=r)
            return 1
        path = path or self.page_path(r, domain)
        method = "POST" if path.endswith("/apply") else ("POST" if r.random() < 0.06 else "GET")
        self.web(sec, u, client, domain, path, method=method, atk=atk, r=r,
                 status=r.choice([200] * 12 + [302, 304, 404]))
        n = r.randint(0, 7)
        for _ in range(n):
            sec += r.uniform(0.05, 1.5)
            sub = r.choice(["/static/js/", "/assets/", "/img/", "/css/", "/fonts/"]) + hx(r, 10) + \
                r.choice([".js", ".css", ".png", ".woff2", ".svg", ".jpg", ".webp"])
            self.web(sec, u, client, domain, sub, atk=atk, r=r, status=r.choice([200] * 6 + [304]),
                     resp=int(r.lognormvariate(math.log(25000), 1.2)))
        return n + 1

    def upload_target(self, r, svc):
        if svc == "gdrive":
            return "www.googleapis.com", "PUT", "/upload/drive/v3/files?uploadType=resumable&upload_id=%s" % hx(r, 32), "drive.google.com"
        if svc == "dropbox":
            return "content.dropboxapi.com", "POST", "/2/files/upload_session/append_v2", "www.dropbox.com"
        if svc == "box":
            return "upload.box.com", "POST", "/api/2.0/files/upload_sessions/%s" % hx(r, 32), "app.box.com"
        if svc == "onedrive":
            return "api.onedrive.com", "PUT", "/rup/%s" % hx(r, 16), "onedrive.live.com"
        if svc == "mega":
            return "gfs%dn%d.userstorage.mega.co.nz" % (r.randint(200, 299), r.randint(100, 199)), "POST", "/ul/%s/%d" % (hx(r, 20), r.randint(0, 10 ** 9)), "mega.nz"
        if svc == "wetransfer":
            return "wetransfer-eu-prod-outgoing.s3.eu-west-1.amazonaws.com", "PUT", "/%s/%s?partNumber=%d" % (hx(r, 32), hx(r, 16), r.randint(1, 500)), "wetransfer.com"
        if svc == "gofile":
            return "store%d.gofile.io" % r.randint(1, 12), "POST", "/contents/uploadfile", "gofile.io"
        return "%s-%s.s3.amazonaws.com" % (r.choice(["backup", "data", "tmp", "archive"]), hx(r, 6)), "PUT", "/%s?partNumber=%d&uploadId=%s" % (hx(r, 12), r.randint(1, 900), hx(r, 24)), "s3.amazonaws.com"

    def subject(self, r):
        w = "%s %s" % (r.choice(WORDS).replace("_", " "), r.choice(QUAL))
        return r.choice(["Re: ", "RE: ", "FW: ", "", "", "Meeting: ", "Update: "]) + w.capitalize()

    # ---------------------------------------------------------------- a normal user-day
    def user_day(self, u, di):
        r = u.r
        date = self.dates[di]
        weekend = date.weekday() >= 5
        drift_p = None
        if u.drift and di >= u.drift[0]:
            drift_p = (di - u.drift[0] + 1) / float(u.drift[1])
        atk_d = (u.name, "departing_employee") if drift_p is not None else None
        self.inbound_mail(u, r, weekend)
        present = di not in u.absent
        forced = any(x[0] is u for x in self.plan.get(di, []))
        if weekend:
            active = present and (drift_p is not None or r.random() < u.weekend_p)
        else:
            active = present or forced
        u.today = None
        if not active:
            return
        g = r.lognormvariate(0, 0.25)
        if weekend:
            s = r.uniform(9.5, 16.0) * 3600
            e = s + r.uniform(1.0, 3.5) * 3600
            scale = 0.3
        else:
            s = (u.start_h + r.gauss(0, 0.35)) * 3600
            e = s + (u.len_h + r.gauss(0, 0.5)) * 3600
            if r.random() < u.late_p:
                e += r.uniform(1.5, 3.5) * 3600        # benign late evening
            scale = 1.0
        if drift_p is not None and not weekend:
            e += drift_p * r.uniform(1.5, 3.5) * 3600  # progressively later logoffs
        e = min(e, 23.7 * 3600)
        remote = weekend or (u.laptop and r.random() < u.remote_p)
        client = vpn_ip(r) if remote else u.ip
        u.today = (s, e, client)
        fmult = 1.0
        if r.random() < 0.015:
            fmult = r.uniform(3, 6)                    # benign bulk re-organisation day
        if drift_p is not None:
            fmult *= 1 + 2.5 * drift_p

        # ---- Windows logon / unlock / network logons / logoff
        if r.random() < 0.04:
            for k in range(r.randint(1, 3)):
                self.win(s - (k + 1) * r.uniform(4, 15), 4625, u.name, u.host, "127.0.0.1", 2, "failure")
        ltype = 11 if remote else 2
        self.win(s, 4624, u.name, u.host, "127.0.0.1", ltype, atk=atk_d)
        if u.win_admin:
            self.win(s + 0.001, 4672, u.name, u.host, atk=atk_d)
        for _ in range(poisson(r, u.r_unlock * g * scale)):
            self.win(r.uniform(s + 1800, max(s + 1900, e - 600)), 4624, u.name, u.host, "127.0.0.1", 7)
        for _ in range(poisson(r, u.r_net * g * scale)):
            srv = r.choice(u.servers)
            t = r.uniform(s, e)
            self.win(t, 4624, u.name, srv, client, 3)
            if u.win_admin:
                self.win(t + 0.001, 4672, u.name, srv)
            self.win(t + r.uniform(1, 900), 4634, u.name, srv, client, 3)
        self.win(e, 4634, u.name, u.host, "127.0.0.1", ltype, atk=atk_d)
        if u.win_admin and not weekend and r.random() < 0.05:
            member = r.choice(self.humans).name
            grp, local = r.choice([("GRP-Finance-RO", False), ("GRP-Eng-Build", False), ("VPN-Users", False),
                                   ("Remote Desktop Users", True), ("GRP-Marketing-Share", False)])
            self.group_add(r.uniform(s, e), u.name, member, grp, "dc01" if not local else "citrix01", local)

        # ---- files
        nf = poisson(r, u.r_files * g * scale * fmult)
        for _ in range(nf):
            if drift_p is not None and r.random() < 0.25 * drift_p:
                f = self.pick_file(u, r, p_own=0.1, p_other=0.3, sensitive_bias=0.5)
                a = "open"
                at = atk_d
            else:
                f = self.pick_file(u, r)
                a = r.choices(["open", "modification", "creation", "rename", "deletion"], [60, 22, 10, 3, 5])[0]
                at = None
            self.fileev(r.uniform(s, e), u, a, f, atk=at)
        if u.usb_user and not weekend and r.random() < 0.15:
            t = r.uniform(s, e - 1800)
            self.usb(t, u, "device-connected", u.usb_dev)
            for _ in range(r.randint(1, 6)):
                t += r.uniform(5, 90)
                f = self.pick_file(u, r, p_own=0.8)
                self.fileev(t, u, "creation", f, proc="explorer.exe", device=u.usb_dev,
                            path="E:\\" + f[1])
            self.usb(t + r.uniform(30, 900), u, "device-disconnected", u.usb_dev)

        # ---- web
        nw = poisson(r, u.r_web * g * scale)
        done = 0
        while done < nw:
            dom = r.choices(u.domains, u.dom_w)[0]
            if r.random() < 0.003:
                dom = r.choice(BLOCKED_WEB)
            done += self.page_view(r.uniform(s, e), u, client, dom, r)
        if u.job_p and r.random() < u.job_p:
            for _ in range(r.randint(1, 4)):
                dom = r.choice(JOB_SITES)
                self.page_view(r.uniform(s, e), u, client, dom, r, path=self.job_path(r, dom))
        for _ in range(poisson(r, u.r_sp * scale)):
            self.web(r.uniform(s, e), u, client, "corp-my.sharepoint.com",
                     "/personal/%s_example_com/_api/web/GetFolderByServerRelativeUrl/files/add" % u.name,
                     method="PUT", req=int(r.lognormvariate(math.log(250e3), 1.6)), resp=900, r=r,
                     ua="Microsoft SkyDriveSync 24.076.0414.0004 ship; Windows NT 10.0 (19045)")
        if u.cloud and r.random() < 0.3:
            for _ in range(r.randint(1, 4)):
                dom, m, p, ui = self.upload_target(r, u.cloud)
                t = r.uniform(s, e)
                self.page_view(t, u, client, ui, r)
                self.web(t + r.uniform(3, 60), u, client, dom, p, method=m,
                         req=int(r.lognormvariate(math.log(3e6), 1.3)), resp=600, r=r)

        # ---- outbound mail
        for _ in range(poisson(r, u.r_out * g * scale)):
            t = r.uniform(s, e)
            if r.random() < 0.72:
                to = [c.email for c in r.sample(u.contacts, min(len(u.contacts), r.choice([1, 1, 1, 2, 3])))]
                direction = "internal"
            else:
                to = ["%s.%s@%s" % (r.choice(FIRST).lower(), r.choice(LAST).lower(), r.choice(u.partners))]
                direction = "outbound"
            att = [self.pick_file(u, r, p_own=0.7)] if r.random() < 0.22 else []
            self.mail(t, u.name, client, u.email, to, self.subject(r), direction, att, r=r)

        # ---- linux
        if u.linux:
            for _ in range(poisson(r, u.r_ssh * g * scale)):
                host = r.choice(u.linux_hosts)
                t = r.uniform(s, e - 600)
                dur = clip(r.lognormvariate(math.log(1500), 1.0), 20, 4 * 3600)
                dur = min(dur, 86000 - t)
                cmds = [r.choice(SUDO_CMDS) for _ in range(poisson(r, 1.8))] if u.sudo else []
                fails = 1 if (not u.key_auth and r.random() < 0.04) else 0
                tty = self.ssh_session(r, u.name, u.uid, host, t, dur, client, key=u.key_auth, fp=u.fp,
                                       sudo_cmds=cmds, fails=fails, su=u.sudo and r.random() < 0.08)
                if u.sudo and r.random() < 0.03:
                    self.sudo_fail(r, t + 20, host, u.name, u.uid, tty, r.choice(SUDO_CMDS), False)
                if not u.sudo and r.random() < 0.01:
                    self.sudo_fail(r, t + 30, host, u.name, u.uid, tty, "/usr/bin/apt-get update", True)
            if u.dept == "it" and not weekend and r.random() < 0.04:
                # benign account provisioning on a Linux host
                host = r.choice(u.linux_hosts)
                t = r.uniform(s, e - 300)
                newu = r.choice(self.humans)
                tty = self.ssh_session(r, u.name, u.uid, host, t, 240, client, key=u.key_auth, fp=u.fp,
                                       sudo_cmds=[])
                self.sudo_ok(r, t + 30, host, u.name, u.uid, tty, "/usr/sbin/useradd -m %s" % newu.name)
                p1 = self.pid(r)
                self.auth(t + 30.2, host, "useradd", p1, "new group: name=%s, GID=%d" % (newu.name, newu.uid))
                self.auth(t + 30.3, host, "useradd", p1, "new user: name=%s, UID=%d, GID=%d, home=/home/%s, shell=/bin/bash, from=/dev/%s"
                          % (newu.name, newu.uid, newu.uid, newu.name, tty))
                grp = r.choice(["developers", "docker", "adm"])
                self.sudo_ok(r, t + 60, host, u.name, u.uid, tty, "/usr/sbin/usermod -aG %s %s" % (grp, newu.name))
                p2 = self.pid(r)
                self.auth(t + 60.2, host, "usermod", p2, "add '%s' to group '%s'" % (newu.name, grp))
                self.auth(t + 60.3, host, "usermod", p2, "add '%s' to shadow group '%s'" % (newu.name, grp))

        # ---- finance
        if u.tx and not weekend:
            mult = 2.5 if self.month_end(di) else 1.0
            for _ in range(poisson(r, u.r_tx * g * mult)):
                t = r.uniform(s + 600, e - 600)
                v = r.choice(u.vendor_set)
                if r.random() < 0.2:
                    amt = float(r.choice([250, 500, 750, 1000, 1500, 2000, 2500, 5000, 12000, 15000, 25000]))
                else:
                    amt = round(clip(r.lognormvariate(math.log(1800), 1.1), 15, 480000), 2)
                txid = self.tx(t, u, client, v, amt)
                if amt >= 10000:
                    ap = u.approver
                    self.tx(min(t + r.uniform(300, 7200), 86000), ap, ap.ip, v, amt, action="payment-approved", txid=txid)

        # ---- departing-employee drift extras
        if drift_p is not None:
            n_job = poisson(r, (2 + 10 * drift_p ** 1.5) if weekend else (0.5 + 24 * drift_p ** 1.5))
            for _ in range(n_job):
                dom = r.choice(JOB_SITES)
                self.page_view(r.uniform(s, e), u, client, dom, r, atk=atk_d, path=self.job_path(r, dom))
            if di in u.drift_usb:
                dev = getattr(u, "drift_dev", None) or make_device(u.ar)
                u.drift_dev = dev
                t = clip(e - r.uniform(1800, 5400), s + 600, e - 900)
                self.usb(t, u, "device-connected", dev, atk=atk_d)
                for _ in range(r.randint(20, 120)):
                    f = self.pick_file(u, r, p_own=0.35, p_other=0.1, sensitive_bias=0.4)
                    t += r.uniform(1, 15)
                    self.fileev(t, u, "open", f, proc="explorer.exe", atk=atk_d)
                    self.fileev(t + 0.3, u, "creation", f, proc="explorer.exe", device=dev,
                                path="E:\\backup\\" + f[1], atk=atk_d)
                self.usb(min(t + r.uniform(20, 300), e), u, "device-disconnected", dev, atk=atk_d)
            if di in u.drift_mail:
                personal = "%s.%s%d@gmail.com" % (u.first.lower(), u.last.lower(), 70 + u.i % 30)
                for _ in range(r.randint(1, 3)):
                    att = [self.pick_file(u, r, p_own=0.5, sensitive_bias=0.3) for _ in range(r.randint(1, 3))]
                    self.mail(r.uniform(s, e), u.name, client, u.email, [personal], r.choice(["", "fwd", "docs", "for home"]),
                              "outbound", att, atk=atk_d, r=r)

    def month_end(self, di):
        d = self.dates[di]
        nxt = [self.dates[0] + dt.timedelta(days=k) for k in range(di + 1, di + 6)]
        bdays_left = sum(1 for x in nxt if x.month == d.month and x.weekday() < 5)
        return bdays_left < 2 or d.day <= 2

    def inbound_mail(self, u, r, weekend):
        lam = u.r_in * (0.2 if weekend else 1.0)
        for _ in range(poisson(r, lam)):
            t = clip(r.gauss(12.5, 3.5), 0.2, 23.8) * 3600
            if r.random() < 0.35:
                frm = r.choice(NEWSLETTER)
            else:
                frm = "%s.%s@%s" % (r.choice(FIRST).lower(), r.choice(LAST).lower(), r.choice(u.partners))
            att = []
            if r.random() < 0.18:
                ext = r.choice(["pdf", "docx", "xlsx", "zip"])
                nm = "%s_%s.%s" % (r.choice(WORDS), r.choice(QUAL), ext)
                att = [("", nm, ext, int(EXT_SIZE[ext] * r.lognormvariate(0, 0.8)), 0)]
            self.mail(t, u.name, None, frm, [u.email], self.subject(r), "inbound", att, r=r)

    # ---------------------------------------------------------------- background noise
    def background(self, di):
        r = random.Random("%d/bg/%d" % (self.seed, di))
        weekend = self.dates[di].weekday() >= 5
        # cron on every linux host
        for k, h in enumerate(LINUX_HOSTS):
            minute = (k * 7 + 17) % 60
            for hr in range(24):
                p = self.pid(r)
                t = hr * 3600 + minute * 60 + r.uniform(0, 1)
                self.auth(t, h, "CRON", p, "pam_unix(cron:session): session opened for user root(uid=0) by (uid=0)")
                self.auth(t + r.uniform(0.2, 3), h, "CRON", p, "pam_unix(cron:session): session closed for user root")
        # internet scanners against the exposed bastion
        for _ in range(r.randint(2, 8)):
            ip = public_ip(r)
            t = r.uniform(0, 86000)
            for _ in range(r.randint(5, 60)):
                p = self.pid(r)
                port = r.randint(1024, 65000)
                if r.random() < 0.3:
                    self.auth(t, "bastion01", "sshd", p, "pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=%s  user=root" % ip)
                    self.auth(t + 1.8, "bastion01", "sshd", p, "Failed password for root from %s port %d ssh2" % (ip, port))
                    self.auth(t + 2.1, "bastion01", "sshd", p, "Connection closed by authenticating user root %s port %d [preauth]" % (ip, port))
                else:
                    x = r.choice(SCAN_USERS)
                    self.auth(t, "bastion01", "sshd", p, "Invalid user %s from %s port %d" % (x, ip, port))
                    self.auth(t + 0.2, "bastion01", "sshd", p, "pam_unix(sshd:auth): check pass; user unknown")
                    self.auth(t + 0.2, "bastion01", "sshd", p, "pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=%s" % ip)
                    self.auth(t + 2.0, "bastion01", "sshd", p, "Failed password for invalid user %s from %s port %d ssh2" % (x, ip, port))
                    self.auth(t + 2.3, "bastion01", "sshd", p, "Connection closed by invalid user %s %s port %d [preauth]" % (x, ip, port))
                t += r.uniform(1, 20)
        # sporadic guessing against real user names (never succeeds) - hard negatives
        if r.random() < 0.2:
            victim = r.choice(self.humans)
            ip = public_ip(r)
            t = r.uniform(0, 80000)
            p = self.pid(r)
            for _ in range(r.randint(3, 12)):
                port = r.randint(1024, 65000)
                self.auth(t, "bastion01", "sshd", p, "Failed password for %s from %s port %d ssh2" % (victim.name, ip, port))
                t += r.uniform(2, 30)
            if r.random() < 0.5:
                for _ in range(r.randint(3, 10)):
                    self.win(t, 4625, victim.name, "rdgw01", ip, 10, "failure")
                    t += r.uniform(2, 40)
        # service accounts
        t = r.uniform(0.8, 1.5) * 3600
        for srv in ["fs01", "fs02", "fs03", "sql01"]:
            self.win(t, 4624, "svc_backup", srv, WIN_SERVERS["backup01"], 3)
            self.win(t + 0.001, 4672, "svc_backup", srv)
            self.win(t + r.uniform(1200, 5400), 4634, "svc_backup", srv, WIN_SERVERS["backup01"], 3)
            t += r.uniform(5, 120)
        self.win(r.uniform(5.9, 6.1) * 3600, 4624, "svc_sql", "sql01", None, 5)
        for _ in range(r.randint(1, 3) if weekend else r.randint(2, 6)):
            t = r.choice([r.uniform(1, 5), r.uniform(9, 18), r.uniform(20, 23)]) * 3600
            for h in r.sample(["web01", "web02", "web03", "web04", "k8s-node01", "k8s-node02", "k8s-node03"], r.randint(2, 4)):
                self.ssh_session(r, "svc_deploy", 990, h, t, r.uniform(15, 90), LINUX_IP["build01"], key=True,
                                 fp="q1W7hZ8tRk3vN0xPzY5cL2sD9fGaBjE6mUoIyT4uVw0",
                                 sudo_cmds=["/usr/bin/systemctl restart app.service"])
                t += r.uniform(20, 120)
        for hr in range(24):
            for h in ["db01", "db02"]:
                self.ssh_session(r, "svc_monitor", 991, h, hr * 3600 + 300 + r.uniform(0, 30), r.uniform(1, 4),
                                 LINUX_IP["mon01"], key=True, fp="mN3bV5cX7zL9kJ1hG3fD5sA7pO9iU1yT3rE5wQ7eR2t")

    # ---------------------------------------------------------------- attacks
    def window(self, u):
        if u.today:
            return u.today
        s = u.start_h * 3600
        return (s, s + u.len_h * 3600, u.ip)

    def atk_off_hours_spree(self, u, di, days):
        r, A = u.ar, (u.name, "off_hours_spree")
        t = r.uniform(0.5, 3.0) * 3600
        end = t + r.uniform(1.0, 2.5) * 3600
        client = vpn_ip(r)
        self.win(t, 4624, u.name, u.host, client, 10, atk=A)
        if u.win_admin:
            self.win(t + 0.001, 4672, u.name, u.host, atk=A)
        for srv in r.sample(["fs01", "fs02", "fs03", "sql01", "app02"], r.randint(2, 5)):
            tt = r.uniform(t, end)
            self.win(tt, 4624, u.name, srv, u.ip, 3, atk=A)
            self.win(min(end, tt + r.uniform(60, 1800)), 4634, u.name, srv, u.ip, 3, atk=A)
        for _ in range(r.randint(250, 700)):
            f = self.pick_file(u, r, p_own=0.1, p_other=0.4, sensitive_bias=0.6)
            self.fileev(r.uniform(t, end), u, "open", f, proc="explorer.exe", atk=A)
        for k in range(r.randint(1, 3)):
            sz = int(r.uniform(50e6, 600e6))
            nm = "archive_%d.7z" % (k + 1)
            self.fileev(end - r.uniform(60, 600), u, "creation",
                        ("", nm, "7z", sz, 0), proc="7zG.exe", atk=A,
                        path="C:\\Users\\%s\\AppData\\Local\\Temp\\%s" % (u.name, nm))
        for _ in range(r.randint(8, 25)):
            self.page_view(r.uniform(t, end), u, client, r.choices(u.domains, u.dom_w)[0], r, atk=A)
        self.win(end, 4634, u.name, u.host, client, 10, atk=A)

    def atk_brute_force_takeover(self, u, di, days):
        r, A = u.ar, (u.name, "brute_force_takeover")
        ext = public_ip(r)
        t = r.uniform(7.0, 19.0) * 3600
        for _ in range(r.randint(40, 160)):
            self.win(t, 4625, u.name, "rdgw01", ext, 10, "failure", atk=A)
            t += r.uniform(1.5, 12)
        t += r.uniform(5, 60)
        self.win(t, 4624, u.name, "rdgw01", ext, 10, atk=A)
        self.win(t + 3, 4624, u.name, u.host, WIN_SERVERS["rdgw01"], 10, atk=A)
        end = t + r.uniform(40, 120) * 60
        for srv in r.sample(["fs01", "fs02", "fs03", "sql01", "app01", "app02", "erp01"], r.randint(3, 6)):
            tt = r.uniform(t, end)
            self.win(tt, 4624, u.name, srv, u.ip, 3, atk=A)
            self.win(min(end, tt + r.uniform(30, 900)), 4634, u.name, srv, u.ip, 3, atk=A)
        for _ in range(r.randint(60, 200)):
            f = self.pick_file(u, r, p_own=0.3, p_other=0.3, sensitive_bias=0.5)
            self.fileev(r.uniform(t, end), u, "open", f, proc="explorer.exe", atk=A)
        for _ in range(r.randint(10, 30)):
            dom = r.choice(SHADY_WEB) if r.random() < 0.6 else r.choices(u.domains, u.dom_w)[0]
            self.page_view(r.uniform(t, end), u, u.ip, dom, r, atk=A)
        # internal phishing from the hijacked mailbox
        victims = r.sample(self.humans, r.randint(5, 15))
        for v in victims:
            self.mail(r.uniform(t, end), u.name, u.ip, u.email, [v.email],
                      r.choice(["Invoice overdue - action required", "Shared document: Q%d bonus plan" % r.randint(1, 4),
                                "Password expiry notice"]), "internal",
                      [("", "document_%s.html" % hx(r, 4), "html", r.randint(3000, 9000), 0)], atk=A, r=r)
        self.win(end, 4634, u.name, u.host, WIN_SERVERS["rdgw01"], 10, atk=A)
        self.win(end + 2, 4634, u.name, "rdgw01", ext, 10, atk=A)
        if u.linux:
            tl = r.uniform(t - 3 * 3600, t - 600)
            pid = self.pid(r)
            for k in range(r.randint(20, 80)):
                port = r.randint(1024, 65000)
                self.auth(tl, "bastion01", "sshd", pid, "pam_unix(sshd:auth): authentication failure; logname= uid=0 "
                          "euid=0 tty=ssh ruser= rhost=%s  user=%s" % (ext, u.name), A)
                self.auth(tl + 1.9, "bastion01", "sshd", pid, "Failed password for %s from %s port %d ssh2" % (u.name, ext, port), A)
                if k % 6 == 5:
                    self.auth(tl + 2.0, "bastion01", "sshd", pid, "error: maximum authentication attempts exceeded for %s from %s port %d ssh2 [preauth]" % (u.name, ext, port), A)
                    self.auth(tl + 2.0, "bastion01", "sshd", pid, "Disconnecting authenticating user %s %s port %d: Too many authentication failures [preauth]" % (u.name, ext, port), A)
                    pid = self.pid(r)
                tl += r.uniform(2, 9)
            tl += r.uniform(5, 60)
            self.ssh_session(r, u.name, u.uid, "bastion01", tl, r.uniform(600, 2400), ext, key=False, atk=A)
            for h in r.sample(LINUX_HOSTS[1:], r.randint(1, 3)):
                tl += r.uniform(60, 300)
                tty = self.ssh_session(r, u.name, u.uid, h, tl, r.uniform(120, 900), LINUX_IP["bastion01"], key=False, atk=A)
                if not u.sudo:
                    self.sudo_fail(r, tl + 40, h, u.name, u.uid, tty, "/bin/bash", True, A)

    def atk_removable_media_exfiltration(self, u, di, days):
        r, A = u.ar, (u.name, "removable_media_exfiltration")
        s, e, client = self.window(u)
        dev = getattr(u, "atk_dev", None) or make_device(r)
        u.atk_dev = dev
        t = r.uniform(s + 3600, max(s + 3700, e - 2 * 3600))
        self.usb(t, u, "device-connected", dev, atk=A)
        n = r.randint(80, 400)
        folder = r.choice(["export", "backup", "docs", "stuff", ""])
        for _ in range(n):
            f = self.pick_file(u, r, p_own=0.25, p_other=0.15, sensitive_bias=0.6)
            t += r.uniform(1, 10)
            self.fileev(t, u, "open", f, proc="explorer.exe", atk=A)
            dst = "E:\\" + (folder + "\\" if folder else "") + f[1]
            self.fileev(t + 0.2, u, "creation", f, proc="explorer.exe", device=dev, path=dst, atk=A)
        self.usb(t + r.uniform(20, 600), u, "device-disconnected", dev, atk=A)

    def atk_lateral_movement(self, u, di, days):
        r, A = u.ar, (u.name, "lateral_movement")
        s, e, client = self.window(u)
        t = r.uniform(18.0, 19.5) * 3600 if r.random() < 0.3 else r.uniform(s + 3600, max(s + 3700, e - 2.5 * 3600))
        others = [x.host for x in r.sample(self.humans, 30) if x is not u]
        servers = [h for h in ["sql01", "backup01", "dc02", "app02", "citrix01", "citrix02", "erp01", "fs03", "wsus01", "app01"]
                   if h not in u.servers]
        targets = r.sample(servers, min(len(servers), r.randint(3, 7))) + r.sample(others, r.randint(5, 18))
        r.shuffle(targets)
        for h in targets:
            self.win(t, 4648, u.name, u.host, "127.0.0.1", atk=A, extra={
                "winlog.event_data.TargetServerName": h, "winlog.event_data.TargetUserName": u.name,
                "winlog.event_data.ProcessName": "C:\\Windows\\System32\\wbem\\WMIC.exe" if r.random() < 0.5 else "C:\\Windows\\System32\\svchost.exe"})
            if r.random() < 0.2:
                self.win(t + 0.5, 4625, u.name, h, u.ip, 3, "failure", atk=A)
            else:
                self.win(t + 0.5, 4624, u.name, h, u.ip, 3, atk=A)
                if r.random() < 0.4:
                    self.win(t + 0.501, 4672, u.name, h, atk=A)
                self.win(t + r.uniform(10, 300), 4634, u.name, h, u.ip, 3, atk=A)
            t += r.uniform(60, 420)
        if u.linux:
            new = [h for h in LINUX_HOSTS if h not in u.linux_hosts]
            prev_ip = u.ip
            for h in r.sample(new, min(len(new), r.randint(4, 8))):
                self.ssh_session(r, u.name, u.uid, h, t, r.uniform(30, 400), prev_ip, key=u.key_auth, fp=u.fp, atk=A)
                if r.random() < 0.5:
                    prev_ip = LINUX_IP[h]    # hop onward from the compromised host
                t += r.uniform(60, 300)

    def atk_privilege_escalation(self, u, di, days):
        r, A = u.ar, (u.name, "privilege_escalation")
        s, e, client = self.window(u)
        final = di == days[-1]
        t = r.uniform(s + 1800, max(s + 1900, e - 2 * 3600))
        if u.linux:
            host = r.choice(u.linux_hosts)
            tty = self.ssh_session(r, u.name, u.uid, host, t, r.uniform(1800, 5400), client, key=u.key_auth,
                                   fp=u.fp, atk=A)
            tc = t + 60
            for _ in range(r.randint(2, 6)):
                self.sudo_fail(r, tc, host, u.name, u.uid, tty, r.choice(["/bin/bash", "/usr/bin/cat /etc/shadow", "/usr/bin/id"]),
                               r.random() < 0.6, A)
                tc += r.uniform(10, 120)
            if r.random() < 0.5:
                sp = self.pid(r)
                self.auth(tc, host, "su", sp, "pam_unix(su:auth): authentication failure; logname=%s uid=%d euid=0 tty=%s ruser=%s rhost=  user=root" % (u.name, u.uid, tty, u.name), A)
                self.auth(tc + 2.5, host, "su", sp, "FAILED SU (to root) %s on %s" % (u.name, tty), A)
                tc += 30
            if final:
                pk = self.pid(r)
                self.auth(tc + 60, host, "pkexec", pk, "%s: Executing command [USER=root] [TTY=/dev/%s] [CWD=/home/%s] [COMMAND=/bin/sh]"
                          % (u.name, tty, u.name), A)
                p1 = self.pid(r)
                self.auth(tc + 75, host, "usermod", p1, "add '%s' to group 'sudo'" % u.name, A)
                self.auth(tc + 75.1, host, "usermod", p1, "add '%s' to shadow group 'sudo'" % u.name, A)
                bd = r.choice(["sysupd", "backup2", "svc_maint", "dbadmin1", "nagios2"])
                bid = 1090 + r.randint(0, 9)
                p2 = self.pid(r)
                self.auth(tc + 90, host, "useradd", p2, "new group: name=%s, GID=%d" % (bd, bid), A)
                self.auth(tc + 90.1, host, "useradd", p2, "new user: name=%s, UID=%d, GID=%d, home=/home/%s, shell=/bin/bash, from=/dev/%s"
                          % (bd, bid, bid, bd, tty), A)
                p3 = self.pid(r)
                self.auth(tc + 100, host, "usermod", p3, "add '%s' to group 'sudo'" % bd, A)
                self.auth(tc + 100.1, host, "usermod", p3, "add '%s' to shadow group 'sudo'" % bd, A)
                tc += 120
                for cmd in ["/bin/bash", "/usr/bin/cat /etc/shadow", "/usr/bin/vi /etc/sudoers",
                            "/usr/bin/systemctl stop auditd"][: r.randint(2, 4)]:
                    self.sudo_ok(r, tc, host, u.name, u.uid, tty, cmd, A)
                    tc += r.uniform(20, 200)
                sp = self.pid(r)
                self.auth(tc, host, "su", sp, "(to root) %s on %s" % (u.name, tty), A)
                self.auth(tc + 0.01, host, "su", sp, "pam_unix(su:session): session opened for user root(uid=0) by %s(uid=%d)" % (u.name, u.uid), A)
            t = tc + 300
        if final or not u.linux:
            self.group_add(t, u.name, u.name, "Administrators", u.host, True, atk=A)
            if r.random() < 0.6:
                bd = r.choice(["helpdesk_tmp", "adm_support", "backup_svc2"])
                self.win(t + 20, 4720, u.name, u.host, atk=A, extra={"user.target.name": bd,
                                                                       "winlog.event_data.TargetUserName": bd})
                self.group_add(t + 25, u.name, bd, "Administrators", u.host, True, atk=A)
            if r.random() < 0.6:
                self.group_add(t + 60, u.name, u.name, r.choice(["Domain Admins", "Enterprise Admins", "GRP-Server-Admins"]),
                               "dc01", False, atk=A)
            tt = t + 120
            for srv in r.sample(["dc01", "sql01", "fs02", "backup01", "app02"], r.randint(2, 4)):
                self.win(tt, 4624, u.name, srv, u.ip, 3, atk=A)
                self.win(tt + 0.001, 4672, u.name, srv, atk=A)
                self.win(tt + r.uniform(30, 900), 4634, u.name, srv, u.ip, 3, atk=A)
                tt += r.uniform(60, 600)

    def atk_cloud_upload(self, u, di, days):
        r, A = u.ar, (u.name, "cloud_upload")
        s, e, client = self.window(u)
        if r.random() < 0.3:
            t = r.uniform(18.0, 20.5) * 3600
        else:
            t = r.uniform(s + 1800, max(s + 1900, e - 3 * 3600))
        svc = getattr(u, "atk_svc", None) or r.choice([x for x in EXFIL_CLOUD if x != u.cloud])
        u.atk_svc = svc
        for _ in range(r.randint(20, 120)):
            f = self.pick_file(u, r, p_own=0.3, p_other=0.15, sensitive_bias=0.5)
            self.fileev(t, u, "open", f, proc="explorer.exe", atk=A)
            t += r.uniform(0.5, 6)
        nm = "%s_%s.zip" % (r.choice(["export", "files", "data", "docs"]), hx(r, 4))
        total = 0
        n_chunks = r.randint(30, 200)
        chunk = r.uniform(8e6, 64e6)
        self.fileev(t + 30, u, "creation", ("", nm, "zip", int(n_chunks * chunk), 0), proc="7zG.exe", atk=A,
                    path="C:\\Users\\%s\\Downloads\\%s" % (u.name, nm))
        t += 60
        dom, m, p, ui = self.upload_target(r, svc)
        for _ in range(r.randint(2, 5)):
            self.page_view(t, u, client, ui, r, atk=A)
            t += r.uniform(2, 20)
        for _ in range(n_chunks):
            dom, m, p, ui = self.upload_target(r, svc) if svc in ("mega", "gofile") else (dom, m, p, ui)
            b = int(chunk * r.uniform(0.9, 1.0))
            total += b
            self.web(t, u, client, dom, p, method=m, req=b, resp=r.randint(200, 1500), atk=A, r=r)
            t += r.uniform(4, 40)

    def atk_transaction_velocity(self, u, di, days):
        r, A = u.ar, (u.name, "transaction_velocity")
        s, e, client = self.window(u)
        vend = getattr(u, "atk_vendors", None) or r.sample(self.odd_vendors, r.randint(1, 3))
        u.atk_vendors = vend
        for _ in range(r.randint(2, 4)):
            t = r.uniform(s + 1800, max(s + 1900, e - 3600))
            for _ in range(r.randint(8, 20)):
                amt = round(r.uniform(9000, 9990), 2) if r.random() < 0.8 else float(r.choice([9900, 9950, 9990, 9999]))
                v = r.choice(vend) if r.random() < 0.85 else r.choice(u.vendor_set)
                self.tx(t, u, client, v, amt, atk=A, channel=r.choice(["erp-ui", "erp-ui", "api"]))
                t += r.uniform(20, 180)

    # ---------------------------------------------------------------- main loop
    def run(self):
        for di, date in enumerate(self.dates):
            self.day_dt = dt.datetime(date.year, date.month, date.day)
            for u in self.humans:
                self.user_day(u, di)
            self.background(di)
            for u, scen, days in self.plan.get(di, []):
                getattr(self, "atk_" + scen)(u, di, days)
            self.out.flush()
        self.out.close()
        attacks = []
        for u, scen, days in self.attacks:
            got = self.out.atk_days.get((u.name, scen), set())
            if scen == "departing_employee":
                got = got | {self.dates[d] for d in days}
            attacks.append({"user": u.name, "scenario": scen, "days": sorted(d.isoformat() for d in got)})
            planned = {self.dates[d] for d in days}
            if scen != "departing_employee" and got != planned:
                print("note: %s/%s planned %s emitted %s" % (u.name, scen, sorted(map(str, planned)), sorted(map(str, got))))
        labels = {"seed": self.seed, "start": self.dates[0].isoformat(), "end": self.dates[-1].isoformat(),
                  "users": self.all_names, "attacks": attacks}
        with open(os.path.join(self.outdir, "labels.json"), "w") as fh:
            json.dump(labels, fh, indent=1)
        return labels


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--users", type=int, default=400)
    ap.add_argument("--days", type=int, default=28)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", required=True)
    ap.add_argument("--start", help="YYYY-MM-DD (default: derived from seed)")
    a = ap.parse_args()
    if a.days < 6 or a.days > 300:
        ap.error("--days must be between 6 and 300")
    start = dt.date.fromisoformat(a.start) if a.start else None
    g = Gen(a.users, a.days, a.seed, a.out, start)
    labels = g.run()
    total = sum(g.out.count.values())
    print("corpus: %s" % a.out)
    print("range : %s .. %s (%d days, timestamps at UTC%s)" % (labels["start"], labels["end"], a.days, OFFSET))
    print("users : %d humans + %d service accounts" % (len(g.humans), len(g.service)))
    print("lines :")
    for k, v in g.out.count.items():
        print("  %-11s %9d" % (k, v))
    print("  %-11s %9d" % ("total", total))
    n_att = len(labels["attacks"])
    print("attacks: %d users (%.1f%% of humans)" % (n_att, 100.0 * n_att / len(g.humans)))
    for at in labels["attacks"]:
        d = at["days"]
        span = d[0] if len(d) == 1 else "%s..%s (%d days)" % (d[0], d[-1], len(d))
        print("  %-30s %-14s %s" % (at["scenario"], at["user"], span))


if __name__ == "__main__":
    main()
