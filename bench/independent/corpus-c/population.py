"""Organisation model: hosts, people, service accounts, schedules."""
import datetime as dt
from util import (FIRST, LAST, MAIL_DOMAIN, DOMAIN_SID, WEB_COMMON, WEB_ROLE, za_ip, rand_public_ip,
                  COUNTRY_PREFIX, ip_from_prefix, hexid)

LINUX = (["app-cbs0%d" % i for i in range(1, 7)] + ["db-pg0%d" % i for i in range(1, 5)] +
         ["mq-01", "mq-02", "mon-01", "mon-02", "log-01", "log-02", "ci-01", "ci-02"] +
         ["dev-0%d" % i for i in range(1, 7)] + ["k8s-node0%d" % i for i in range(1, 7)] +
         ["backup-01", "ans-01", "dns-01", "dns-02", "git-01", "ntp-01", "bst-lnx01", "bst-lnx02",
          "bst-ext01", "sftp-dmz01"])
INTERNET_FACING = ["bst-ext01", "sftp-dmz01"]
WIN_SERVERS = ["dc01", "dc02", "fs01", "fs02", "sql01", "sql02", "appwin01", "appwin02", "appwin03",
               "appwin04", "rds01", "rds02", "exch01", "wsus01", "print01", "sccm01", "hrapp01"]
ROLES = [("retail", .17), ("service", .13), ("payments", .08), ("finance", .08), ("risk", .08),
         ("dev", .13), ("itadmin", .05), ("nightops", .04), ("hr", .04), ("mgmt", .05),
         ("marketing", .04), ("legal", .03), ("procurement", .03), ("audit", .05)]
SHARES = {"retail": "Retail", "service": "ContactCentre", "payments": "Payments", "finance": "Finance",
          "risk": "Risk", "dev": "Engineering", "itadmin": "IT", "nightops": "IT", "hr": "HR",
          "mgmt": "Exco", "marketing": "Marketing", "legal": "Legal", "procurement": "Procurement",
          "audit": "InternalAudit"}
BANKS = [("FNB", "250655"), ("ABSA", "632005"), ("Standard Bank", "051001"), ("Nedbank", "198765"),
         ("Capitec", "470010"), ("Investec", "580105"), ("TymeBank", "678910")]
CO1 = ["Acacia", "Baobab", "Protea", "Kudu", "Highveld", "Cape", "Umhlanga", "Table Bay", "Karoo",
       "Drakensberg", "Limpopo", "Vaal", "Marula", "Springbok", "Lowveld", "Mzansi", "Fynbos", "Jacaranda"]
CO2 = ["Logistics", "Holdings", "Trading", "Engineering", "Consulting", "Foods", "Motors", "Property",
       "IT Solutions", "Security", "Printing", "Cleaning Services", "Medical", "Agri", "Textiles"]


def ipof(host):
    if host in LINUX:
        i = LINUX.index(host)
        if host in INTERNET_FACING:
            return "172.16.5.%d" % (10 + 10 * INTERNET_FACING.index(host))
        return "10.10.%d.%d" % (1 + i // 10, 11 + i)
    if host in WIN_SERVERS:
        return "10.10.20.%d" % (10 + WIN_SERVERS.index(host))
    return None


def make_beneficiary(rng, company=True, country="ZA"):
    if company:
        name = "%s %s %s" % (rng.choice(CO1), rng.choice(CO2), rng.choice(["(Pty) Ltd", "CC", "Ltd"]))
    else:
        name = "%s %s" % (rng.choice(FIRST), rng.choice(LAST))
    if country == "ZA":
        bank, code = rng.choice(BANKS)
        acct = "%d" % rng.randint(1000000000, 9999999999)
        return {"id": "BEN-" + hexid(rng, 8).upper(), "name": name, "account": acct, "bank": bank,
                "branch_code": code, "country": "ZA"}
    acct = "%s%02d%s" % (country, rng.randint(10, 99), "".join(str(rng.randint(0, 9)) for _ in range(18)))
    return {"id": "BEN-" + hexid(rng, 8).upper(), "name": name, "account": acct,
            "bank": rng.choice(["HSBC", "Barclays", "Emirates NBD", "MCB", "Standard Chartered", "Revolut"]),
            "branch_code": None, "country": country}


class User:
    pass


def login_for(first, last, taken):
    base = (first[0] + last.replace(" ", "").replace("'", "")).lower()[:18]
    name, k = base, 1
    while name in taken:
        k += 1
        name = "%s%d" % (base, k)
    taken.add(name)
    return name


def build(rng, n, start, days):
    users, taken, emails = [], set(), set()
    roles = []
    for r, f in ROLES:
        roles += [r] * max(1, int(round(f * n)))
    while len(roles) < n:
        roles.append(rng.choice(["retail", "service", "risk", "audit"]))
    roles = roles[:n]
    rng.shuffle(roles)
    dev_no = rng.sample(range(1000, 9999), n)
    for i in range(n):
        u = User()
        u.idx, u.role = i, roles[i]
        u.first, u.last = rng.choice(FIRST), rng.choice(LAST)
        u.name = login_for(u.first, u.last, taken)
        em = "%s.%s" % (u.first.lower(), u.last.lower().replace(" ", ""))
        while em in emails:
            em += str(rng.randint(1, 9))
        emails.add(em)
        u.email = em + "@" + MAIL_DOMAIN
        u.sid = "%s-%d" % (DOMAIN_SID, 1150 + i * 3)
        u.uid = 1001 + i
        laptop = u.role in ("dev", "itadmin", "mgmt", "risk", "audit", "legal", "marketing") or rng.random() < .4
        u.device = ("lt-%d" if laptop else "wks-%d") % dev_no[i]
        u.dev_ip = "10.20.%d.%d" % (1 + i // 200, 10 + i % 200)
        u.admin = u.role == "itadmin"
        u.night = u.role == "nightops"
        u.night_off = rng.randrange(8)
        # working pattern
        base = {"retail": 7.6, "service": 7.0, "dev": 8.8, "itadmin": 7.5, "finance": 7.5,
                "mgmt": 7.2, "payments": 7.4}.get(u.role, 7.8)
        u.start_h = 21.9 if u.night else base + rng.uniform(-.5, .9)
        if u.role == "service":
            u.start_h = rng.choice([7.0, 8.0, 9.0, 10.0, 12.0])
        u.len_h = 8.2 if u.night else rng.uniform(8.3, 9.6)
        u.workdays = [0, 1, 2, 3, 4]
        u.part_time = (not u.night) and rng.random() < .08
        if u.part_time:
            u.workdays = sorted(rng.sample(range(5), rng.choice([3, 4])))
            u.len_h = rng.uniform(4.5, 6.5)
        u.holidays = set()
        if rng.random() < .28 and days > 12:
            s = start + dt.timedelta(days=rng.randrange(days - 5))
            for k in range(rng.randint(4, 12)):
                u.holidays.add(s + dt.timedelta(days=k))
        u.sick = set(start + dt.timedelta(days=rng.randrange(days)) for _ in range(rng.choice([0, 0, 0, 1, 2])))
        u.join = None
        if rng.random() < .015 and days > 20 and not u.admin:
            u.join = start + dt.timedelta(days=rng.randint(5, 12))
        u.wfh = 0.0 if u.night or u.role in ("retail", "service") else rng.choice([0, .05, .1, .2, .3, .4])
        if u.role in ("retail", "service") and rng.random() < .1:
            u.wfh = .1
        u.home_ip = za_ip(rng)
        u.trips = []
        if (u.role in ("mgmt", "risk", "audit", "itadmin", "payments") and rng.random() < .3) or rng.random() < .03:
            for _ in range(rng.choice([1, 1, 2])):
                c = rng.choice(sorted(COUNTRY_PREFIX))
                s = start + dt.timedelta(days=rng.randrange(days))
                ip = ip_from_prefix(rng, rng.choice(COUNTRY_PREFIX[c]))
                u.trips.append((s, s + dt.timedelta(days=rng.randint(2, 5)), c, ip))
        u.evening = rng.choice([0, 0, .02, .05, .12]) if u.role in ("dev", "itadmin", "mgmt", "finance") else \
            rng.choice([0, 0, 0, .02])
        u.weekend = rng.choice([0, 0, .03, .08]) if u.role in ("dev", "itadmin", "mgmt", "finance") else 0.01
        u.usb = rng.choice([.1, .15, .25]) if rng.random() < .1 or u.admin else .008
        u.cloud = None
        if u.role == "marketing" or (u.role in ("mgmt", "audit", "legal") and rng.random() < .25) or rng.random() < .03:
            u.cloud = rng.choice(["dropbox", "wetransfer", "box", "gdrive", "dropbox"])
        u.cloud_rate = rng.uniform(.15, .6)
        u.github = u.role == "dev"
        u.personal_mail = rng.choice([.01, .02, .04, .1, .25])
        u.jobs = .3 if rng.random() < .04 else rng.choice([0, .005, .02])
        u.web_n = {"dev": 34, "itadmin": 30, "service": 12, "retail": 14}.get(u.role, 22) * rng.uniform(.5, 1.5)
        u.web = WEB_COMMON + WEB_ROLE.get(u.role, [])
        u.mail_n = {"mgmt": 12, "service": 3, "retail": 3, "dev": 4}.get(u.role, 7) * rng.uniform(.5, 1.5)
        u.files_n = rng.uniform(2, 10) * (2 if u.role in ("finance", "risk", "audit", "legal", "hr") else 1)
        u.share = SHARES[u.role]
        u.file_server = "fs01" if u.role in ("finance", "payments", "risk", "audit", "mgmt", "hr", "legal") else "fs02"
        # linux footprint
        u.linux, u.sudo = [], []
        if u.role == "dev":
            u.linux = rng.sample([h for h in LINUX if h.startswith(("dev-", "ci-", "k8s", "git"))], rng.randint(2, 5))
            if rng.random() < .4:
                u.linux.append(rng.choice(["app-cbs01", "app-cbs02", "mq-01", "db-pg03"]))
            u.sudo = [h for h in u.linux if h.startswith("dev-") and rng.random() < .5]
            u.linux_rate = rng.uniform(.4, 1.0)
        elif u.admin:
            u.linux = rng.sample([h for h in LINUX if h not in ("sftp-dmz01",)], rng.randint(12, 26))
            u.sudo = list(u.linux)
            u.linux_rate = 1.0
        elif u.night:
            u.linux = ["mon-01", "mon-02", "log-01"] + rng.sample([h for h in LINUX if h.startswith(("app-", "mq-", "db-"))], 3)
            u.sudo = ["mon-01", "mon-02"]
            u.linux_rate = 1.0
        elif u.role == "risk" and rng.random() < .15:
            u.linux = ["db-pg04"]
            u.linux_rate = .3
        u.bastion = rng.random() < .5
        u.ext_ssh = (u.admin or u.role == "dev") and rng.random() < .3   # uses bst-ext01 from home
        u.win_servers = []
        if u.admin:
            u.win_servers = rng.sample(WIN_SERVERS, rng.randint(5, 11))
        elif u.role in ("dev", "finance", "risk", "audit") and rng.random() < .3:
            u.win_servers = [rng.choice(["rds01", "rds02", "appwin02", "sql02"])]
        # core banking
        u.bank = {"retail": "teller", "payments": "payments", "finance": "finance"}.get(u.role)
        u.bank_rate = {"teller": 8, "payments": 22, "finance": 9}.get(u.bank, 0) * rng.uniform(.5, 1.5)
        u.benef = []
        if u.bank in ("payments", "finance"):
            for _ in range(rng.randint(30, 130)):
                u.benef.append(make_beneficiary(rng, True, "ZA" if rng.random() < .9 else rng.choice(["GB", "DE", "MU", "AE"])))
        elif u.bank == "teller":
            u.benef = [make_beneficiary(rng, rng.random() < .3) for _ in range(rng.randint(10, 30))]
        users.append(u)
    return users


SERVICE_ACCOUNTS = ["svc_monitor", "svc_backup", "ansible", "svc_scanner", "svc_sql", "svc_reporting",
                    "svc_deploy", "svc_etl", "nagios", "postgres", "www-data"]


def is_workday(u, d, hol, day_index):
    if u.join and d < u.join:
        return False
    if u.night:
        return (day_index + u.night_off) % 8 < 4
    if d in hol or d in u.holidays or d in u.sick:
        return False
    return d.weekday() in u.workdays


def public_holidays(years):
    out = set()
    for y in years:
        for m, dd in [(1, 1), (3, 21), (4, 27), (5, 1), (6, 16), (8, 9), (9, 24), (12, 16), (12, 25), (12, 26)]:
            d = dt.date(y, m, dd)
            out.add(d + dt.timedelta(days=1) if d.weekday() == 6 else d)
    return out


def trip_for(u, d):
    for s, e, c, ip in u.trips:
        if s <= d <= e:
            return c, ip
    return None


_ = rand_public_ip
