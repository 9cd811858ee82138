"""Shared helpers: time formatting, IPs, ids, name lists (corpus-c generator)."""
import datetime as dt
import time

OFFSET = 2 * 3600                      # office clock = UTC+2 (Africa/Johannesburg, no DST)
DOMAIN = "CORP"
DNS_DOMAIN = "corp.karoomutual.local"
MAIL_DOMAIN = "karoomutual.co.za"
DOMAIN_SID = "S-1-5-21-3120593846-2884177401-1953342817"
CTR_THRESHOLD = 25000.0                # ZAR reporting threshold of the core-banking app
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
_gm = time.gmtime


def local_midnight(d):
    """epoch seconds of 00:00 office time on date d"""
    return dt.datetime(d.year, d.month, d.day, tzinfo=dt.timezone.utc).timestamp() - OFFSET


def local_date(ts):
    t = _gm(ts + OFFSET)
    return "%04d-%02d-%02d" % (t.tm_year, t.tm_mon, t.tm_mday)


def utc_date(ts):
    t = _gm(ts)
    return "%04d.%02d.%02d" % (t.tm_year, t.tm_mon, t.tm_mday)


def iso(ts):
    t = _gm(ts)
    return "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ" % (
        t.tm_year, t.tm_mon, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec, int((ts % 1) * 1000))


def syslog_ts(ts):
    t = _gm(ts + OFFSET)
    return "%s %2d %02d:%02d:%02d" % (MONTHS[t.tm_mon - 1], t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec)


PUBLIC_FIRST = [5, 23, 31, 37, 41, 45, 46, 62, 77, 78, 80, 81, 82, 85, 88, 89, 91, 92, 93, 94, 95,
                102, 103, 104, 105, 109, 113, 116, 122, 138, 141, 151, 154, 160, 176, 178, 185,
                188, 193, 194, 195, 196, 197, 200, 201, 212, 213, 217]
ZA_PREFIXES = ["41.13", "41.160", "102.132", "105.224", "105.245", "196.210", "197.229", "154.117",
               "165.255", "160.119", "102.65", "41.56"]
COUNTRY_PREFIX = {"GB": ["81.2", "86.12", "2.99"], "US": ["73.15", "98.210", "24.5"],
                  "DE": ["91.64", "84.170"], "NL": ["77.162", "145.53"], "AE": ["94.200", "5.195"],
                  "KE": ["41.90", "197.248"], "NG": ["105.112", "197.210"], "MU": ["102.114"],
                  "NA": ["41.182"], "BW": ["168.167"], "PT": ["85.241"], "SG": ["116.14"]}
BAD_PREFIX = {"RU": ["45.146", "91.240", "185.220"], "NG": ["102.89", "41.184"],
              "VN": ["113.161", "14.226"], "BR": ["177.54", "186.225"], "CN": ["61.177", "222.186"],
              "US": ["45.61", "23.94", "192.42"], "NL": ["89.248", "193.142"], "RO": ["5.2"]}


def rand_public_ip(rng):
    return "%d.%d.%d.%d" % (rng.choice(PUBLIC_FIRST), rng.randint(0, 255), rng.randint(0, 255),
                            rng.randint(1, 254))


def ip_from_prefix(rng, prefix):
    parts = prefix.split(".")
    while len(parts) < 4:
        parts.append(str(rng.randint(1, 254)))
    return ".".join(parts)


def za_ip(rng):
    return ip_from_prefix(rng, rng.choice(ZA_PREFIXES))


def hexid(rng, n=32):
    return "%0*x" % (n, rng.getrandbits(4 * n))


def guid(rng):
    h = hexid(rng, 32)
    return "{%s-%s-%s-%s-%s}" % (h[:8], h[8:12], h[12:16], h[16:20], h[20:]) 


def uuid(rng):
    h = hexid(rng, 32)
    return "%s-%s-%s-%s-%s" % (h[:8], h[8:12], h[12:16], h[16:20], h[20:])


def logon_id(rng):
    return "0x%x" % rng.randint(0x100000, 0x9fffffff)


def pick_weighted(rng, items):
    """items: list of (value, weight)"""
    tot = sum(w for _, w in items)
    r = rng.random() * tot
    for v, w in items:
        r -= w
        if r <= 0:
            return v
    return items[-1][0]


FIRST = ["Thabo", "Sipho", "Lerato", "Naledi", "Johan", "Pieter", "Annelie", "Marietjie", "Ayanda",
         "Zanele", "Bongani", "Nomvula", "Priya", "Rajesh", "Kavitha", "Ashwin", "Fatima", "Yusuf",
         "Michael", "Sarah", "David", "Jessica", "Craig", "Nicole", "Kagiso", "Refilwe", "Tshepo",
         "Palesa", "Sizwe", "Nandi", "Hendrik", "Elsa", "Werner", "Liezl", "Mandla", "Thandeka",
         "Lwazi", "Busisiwe", "Kevin", "Megan", "Ruan", "Carla", "Dineo", "Karabo", "Mpho", "Lindiwe",
         "Gareth", "Tamryn", "Vusi", "Ntombi", "Anil", "Reshma", "Jacques", "Chantel", "Themba",
         "Ofentse", "Simone", "Brendan", "Keabetswe", "Xolani", "Nadia", "Imran", "Zinhle", "Francois",
         "Lungile", "Tebogo", "Cheryl", "Dumisani", "Ilse", "Wandile"]
LAST = ["Nkosi", "Dlamini", "Mokoena", "Naidoo", "van der Merwe", "Botha", "Pillay", "Khumalo",
        "Ndlovu", "Smith", "Mahlangu", "du Plessis", "Zulu", "Mthembu", "Govender", "Jacobs",
        "Venter", "Molefe", "Williams", "Sithole", "Nel", "Coetzee", "Pretorius", "Ngcobo", "Maseko",
        "Moodley", "Steyn", "Mabaso", "Kruger", "Shabalala", "Chetty", "Fourie", "Mkhize", "Adams",
        "Meyer", "Radebe", "Hendricks", "Buthelezi", "Le Roux", "Tshabalala", "Reddy", "Mokwena",
        "Engelbrecht", "Ntuli", "Peters", "Swart", "Baloyi", "Essop", "Cele", "Oosthuizen", "Modise",
        "Petersen", "Louw", "Hadebe", "Patel", "Visser", "Mathebula", "Jansen", "Zwane", "Mostert"]

PERSONAL_MAIL = ["gmail.com", "outlook.com", "yahoo.com", "icloud.com", "webmail.co.za",
                 "mweb.co.za", "telkomsa.net", "proton.me"]
PARTNER_MAIL = ["deloitte.co.za", "pwc.com", "bankserv.co.za", "sarb.co.za", "swift.com", "kpmg.co.za",
                "visa.com", "mastercard.com", "sage.com", "santam.co.za", "ey.com", "bdo.co.za"]
JOB_SITES = [("www.careers24.com", "/jobs/"), ("www.pnet.co.za", "/jobs/"), ("za.indeed.com", "/viewjob"),
             ("www.linkedin.com", "/jobs/view/"), ("www.glassdoor.com", "/Job/"),
             ("www.careerjunction.co.za", "/jobs/"), ("www.offerzen.com", "/jobs/")]
CLOUD = {
    "dropbox": ("content.dropboxapi.com", "/2/files/upload"),
    "gdrive": ("www.googleapis.com", "/upload/drive/v3/files"),
    "onedrive_personal": ("api.onedrive.com", "/v1.0/drive/items/root:/upload"),
    "wetransfer": ("storm-eu-west-1.wetransfer.net", "/api/v4/upload"),
    "mega": ("gfs270n121.userstorage.mega.co.nz", "/ul/"),
    "box": ("upload.box.com", "/api/2.0/files/content"),
    "pcloud": ("api.pcloud.com", "/uploadfile"),
    "gofile": ("store1.gofile.io", "/uploadFile"),
}
WEB_COMMON = [("www.google.com", 20), ("www.bing.com", 3), ("login.microsoftonline.com", 8),
              ("karoomutual.sharepoint.com", 12), ("teams.microsoft.com", 10),
              ("outlook.office365.com", 8), ("www.news24.com", 5), ("www.iol.co.za", 2),
              ("www.bbc.com", 2), ("www.youtube.com", 3), ("en.wikipedia.org", 2),
              ("karoomutual.service-now.com", 4), ("www.resbank.co.za", 1), ("www.takealot.com", 1),
              ("www.moneyweb.co.za", 2), ("weather.com", 1), ("www.linkedin.com", 2),
              ("update.googleapis.com", 2), ("ocsp.digicert.com", 3)]
WEB_ROLE = {
    "dev": [("github.com", 10), ("stackoverflow.com", 8), ("pypi.org", 3), ("registry.npmjs.org", 3),
            ("hub.docker.com", 2), ("docs.python.org", 2), ("karoomutual.atlassian.net", 8)],
    "itadmin": [("learn.microsoft.com", 6), ("access.redhat.com", 2), ("ubuntu.com", 2),
                ("karoomutual.atlassian.net", 4), ("portal.azure.com", 3), ("github.com", 2)],
    "finance": [("www.sars.gov.za", 3), ("www.bloomberg.com", 2), ("www.jse.co.za", 2)],
    "payments": [("www.bankservafrica.com", 3), ("www.swift.com", 2), ("www.xe.com", 2)],
    "risk": [("www.fic.gov.za", 3), ("www.resbank.co.za", 3), ("www.worldcheck.com", 2)],
    "marketing": [("www.facebook.com", 5), ("www.canva.com", 4), ("www.instagram.com", 3)],
    "nightops": [("status.aws.amazon.com", 2), ("grafana.corp.karoomutual.local", 6)],
}
