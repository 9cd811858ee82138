#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""
corpus-d.py -- independent, labelled UEBA benchmark corpus generator.

Flavour: a research institute ("Kestrel Research Institute", kestrel-ri.org) of several
hundred people, in the spirit of the CERT insider-threat and LANL authentication data,
rendered as Linux auth.log (syslog) plus ECS JSON (NDJSON, one event per line).

Usage:
  python3 corpus-d.py --users 300 --days 35 --seed 1 --out DIR [--start YYYY-MM-DD]

CLOCK OF THE LABEL DATES
  Every date in labels.json ("start", "end" and each attack's "days") is a calendar date
  in the organisation's LOCAL time, which is a fixed offset of UTC-05:00 (no daylight
  saving time). ECS "@timestamp" values and ISO-8601 auth.log lines carry that offset
  explicitly ("-05:00"); classic RFC 3164 auth.log lines have no zone or year and are
  written in the same local time (year = year of the date in question).
  An attack's "days" are exactly the local dates on which at least one event that
  belongs to the attack was written; for departing_employee, every event of that user
  during the drift window belongs to the attack (so every day of the drift on which the
  user did anything is listed).

Output layout
  DIR/logs/auth/<server>.log        one auth.log per server (ISO-8601 or RFC 3164 stamps)
  DIR/logs/auth/cluster.log         aggregated auth.log of the compute cluster (ISO-8601)
  DIR/logs/auth/workstations.log    aggregated auth.log of all desktops (RFC 3164)
  DIR/logs/ecs/{logon,device,file,process,http,email,finance}.ndjson
  DIR/labels.json

Standard library only; deterministic for a given seed (no set/hash-order dependence).
"""
import argparse
import base64
import bisect
import datetime
import json
import math
import os
import random
import sys
import time

TZ = "-05:00"
ORG = "kestrel-ri.org"
ECSV = {"version": "8.11.0"}
SCENARIOS = ["off_hours_spree", "brute_force_takeover", "removable_media_exfiltration",
             "lateral_movement", "privilege_escalation", "cloud_upload",
             "departing_employee", "transaction_velocity"]
MON = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
THRESH = 10000.0          # payments >= this need a second approver and get reported

FIRST = ("james mary john patricia robert jennifer michael linda william elizabeth david "
         "barbara richard susan joseph jessica thomas sarah charles karen christopher lisa "
         "daniel nancy matthew betty anthony margaret mark sandra donald ashley steven "
         "kimberly paul emily andrew donna joshua michelle kenneth carol kevin amanda brian "
         "melissa george deborah timothy stephanie ronald rebecca edward sharon jason laura "
         "jeffrey cynthia ryan kathleen jacob amy gary angela nicholas shirley eric anna "
         "jonathan brenda stephen pamela larry emma justin nicole scott helen brandon "
         "samantha benjamin katherine samuel christine gregory debra alexander rachel frank "
         "carolyn patrick janet raymond catherine jack maria dennis heather jerry diane "
         "tyler ruth aaron julie jose olivia adam joyce nathan virginia henry victoria "
         "douglas kelly zachary lauren peter christina kyle joan ethan evelyn walter judith "
         "noah megan jeremy andrea christian cheryl keith hannah roger jacqueline terry "
         "martha gerald gloria harold teresa sean ann austin sara carl madison arthur "
         "frances lawrence kathryn dylan janice jesse jean jordan abigail bryan alice billy "
         "julia joe judy bruce sophia gabriel grace logan denise albert amber wei li ming "
         "yuki hiroshi priya raj anil sunita fatima omar ahmed ingrid lars sven olga dmitri "
         "ivan chen xin mei ana carlos luis sofia diego kofi amara nia tariq leila mateo "
         "lucia hana jun seo-yeon").split()
LAST = ("smith johnson williams brown jones garcia miller davis rodriguez martinez "
        "hernandez lopez gonzalez wilson anderson thomas taylor moore jackson martin lee "
        "perez thompson white harris sanchez clark ramirez lewis robinson walker young "
        "allen king wright scott torres nguyen hill flores green adams nelson baker hall "
        "rivera campbell mitchell carter roberts gomez phillips evans turner diaz parker "
        "cruz edwards collins reyes stewart morris morales murphy cook rogers gutierrez "
        "ortiz morgan cooper peterson bailey reed kelly howard ramos kim cox ward richardson "
        "watson brooks chavez wood james bennett gray mendoza ruiz hughes price alvarez "
        "castillo sanders patel myers long ross foster jimenez powell jenkins perry russell "
        "sullivan bell coleman butler henderson barnes gonzales fisher vasquez simmons "
        "romero jordan patterson alexander hamilton graham reynolds griffin wallace moreno "
        "west cole hayes bryant herrera gibson ellis tran medina aguilar stevens murray "
        "ford castro marshall owens harrison fernandez mcdonald woods washington kennedy "
        "wells vargas henry chen freeman webb tucker guzman burns crawford olson simpson "
        "porter hunter gordon mendez silva shaw snyder mason dixon munoz hunt hicks holmes "
        "palmer wagner black robertson boyd rose stone salazar fox warren mills meyer rice "
        "schmidt garza daniels ferguson nichols stephens soto weaver ryan gardner payne "
        "grant dunn kelley spencer hawkins arnold pierce vazquez hansen peters santos hart "
        "bradley knight elliott cunningham duncan armstrong hudson carroll lane riley "
        "andrews alvarado ray delgado berry perkins hoffman johnston matthews pena richards "
        "willis carpenter lawrence sandoval kowalski nakamura tanaka yamamoto wang zhang liu "
        "huang zhao wu zhou xu sun ma zhu hu guo lin singh kumar sharma gupta iyer rao "
        "okafor mensah adeyemi haddad nasser larsen johansson nilsson novak horvat petrov "
        "ivanova kovacs muller schneider fischer weber becker rossi russo ferrari bianchi "
        "dubois moreau laurent lefebvre oconnor obrien byrne walsh").split()

RGROUPS = {
    "genomics": ["tumor-seq", "crispr-screen", "rna-atlas", "single-cell"],
    "climate": ["cmip-downscale", "ice-sheets", "aerosols"],
    "ml": ["vision-bench", "llm-eval", "graph-learning"],
    "physics": ["detector-sim", "lattice-qcd", "plasma"],
    "neuro": ["fmri-pipeline", "ephys", "connectome"],
    "materials": ["dft-screen", "battery-cathodes", "polymers"],
}
DEPTS = {
    "engineering": ["platform", "lims", "portal", "warehouse", "etl"],
    "grants": ["nsf-2024", "nih-r01", "eu-horizon"],
    "communications": ["website", "newsletter", "events"],
    "facilities": ["building-b", "safety", "procurement"],
    "management": ["board", "strategy", "budget"],
    "finance": ["ap", "ar", "payroll", "audit"],
    "hr": ["recruiting", "personnel", "benefits"],
    "it": ["runbooks", "inventory", "changes"],
}
DEPTS.update(RGROUPS)
SENSITIVE = ["/srv/shares/management/board", "/srv/shares/finance/audit",
             "/srv/shares/hr/personnel", "/srv/shares/legal/contracts",
             "/srv/shares/legal/ip-disclosures", "/srv/shares/management/strategy",
             "/srv/shares/grants/nih-r01", "/srv/shares/engineering/warehouse"]
SUBDIRS = ["data", "docs", "analysis", "reports", "archive", "figures", "code", "meetings",
           "raw", "results", "drafts"]
FW1 = ("report draft budget analysis results summary notes protocol dataset figure slides "
       "minutes proposal review contract invoice plan design spec model config sample run "
       "experiment survey schedule roster paper thesis chapter grant poster memo pipeline "
       "benchmark calibration export inventory forecast").split()
FW2 = ("v1 v2 v3 final old new q1 q2 q3 q4 jan feb mar apr may jun jul aug sep oct nov dec "
       "internal external revised clean raw merged tmp backup 2023 2024 a b c").split()
EXTS = [("pdf", 12.5, 1.2), ("docx", 11.5, 1.0), ("xlsx", 11.8, 1.3), ("pptx", 13.8, 1.0),
        ("csv", 12.0, 2.0), ("txt", 8.5, 1.5), ("py", 8.8, 1.0), ("ipynb", 11.5, 1.2),
        ("tar.gz", 17.0, 1.8), ("h5", 18.0, 1.6), ("fastq.gz", 20.0, 1.0), ("png", 12.0, 1.0),
        ("zip", 15.5, 1.8), ("json", 9.5, 1.5), ("md", 8.0, 1.0), ("R", 8.5, 1.0),
        ("nc", 18.5, 1.3), ("parquet", 17.0, 1.5)]

WEB_GENERAL = ["www.google.com", "www.bing.com", "en.wikipedia.org", "www.youtube.com",
               "news.ycombinator.com", "www.bbc.co.uk", "www.nytimes.com", "www.reddit.com",
               "weather.com", "www.amazon.com", "outlook.office.com", "teams.microsoft.com",
               "zoom.us", "slack.com", "www.linkedin.com", "calendar.google.com",
               "www.espn.com", "www.theguardian.com", "www.cnn.com", "maps.google.com",
               "translate.google.com", "www.wsj.com", "www.npr.org", "www.apple.com"]
WEB_ROLE = {
    "dev": ["github.com", "stackoverflow.com", "pypi.org", "docs.python.org", "hub.docker.com",
            "developer.mozilla.org", "registry.npmjs.org", "go.dev", "gitlab.com",
            "kubernetes.io", "docs.aws.amazon.com", "readthedocs.io"],
    "researcher": ["scholar.google.com", "arxiv.org", "www.nature.com", "pubmed.ncbi.nlm.nih.gov",
                   "www.biorxiv.org", "www.sciencedirect.com", "ieeexplore.ieee.org",
                   "github.com", "stackoverflow.com", "pypi.org", "www.ncbi.nlm.nih.gov",
                   "overleaf.com", "www.ebi.ac.uk", "journals.aps.org"],
    "student": ["scholar.google.com", "arxiv.org", "github.com", "stackoverflow.com",
                "overleaf.com", "www.coursera.org", "chat.openai.com", "pypi.org"],
    "staff": ["www.grants.gov", "docs.google.com", "www.canva.com", "mailchimp.com",
              "www.eventbrite.com", "office.com", "www.adobe.com"],
    "hr": ["www.shrm.org", "www.adp.com", "www.linkedin.com", "www.indeed.com", "office.com",
           "www.glassdoor.com"],
    "finance": ["www.chase.com", "www.irs.gov", "www.xe.com", "office.com", "www.concur.com",
                "www.bloomberg.com"],
    "ops": ["status.aws.amazon.com", "www.githubstatus.com", "downdetector.com",
            "grafana.com", "docs.nagios.com"],
    "admin": ["github.com", "serverfault.com", "access.redhat.com", "ubuntu.com",
              "askubuntu.com", "wiki.archlinux.org", "docs.ansible.com", "slurm.schedmd.com"],
}
JOB_SITES = [("www.linkedin.com", "/jobs/view/{n}/"), ("www.indeed.com", "/viewjob?jk={h}"),
             ("www.glassdoor.com", "/job-listing/senior-scientist-JV_{n}.htm"),
             ("www.ziprecruiter.com", "/jobs/{h}"), ("boards.greenhouse.io", "/novagen/jobs/{n}"),
             ("jobs.lever.co", "/helix-bio/{h}"), ("careers.amgen.com", "/job/{n}"),
             ("www.monster.com", "/job-openings/{h}")]
CLOUD = {  # name: (browse domain, upload domain, upload path, method)
    "dropbox": ("www.dropbox.com", "content.dropboxapi.com", "/2/files/upload_session/append_v2", "POST"),
    "gdrive": ("drive.google.com", "www.googleapis.com", "/upload/drive/v3/files?uploadType=resumable&upload_id={h}", "PUT"),
    "onedrive": ("onedrive.live.com", "api.onedrive.com", "/rup/{h}", "PUT"),
    "box": ("app.box.com", "upload.box.com", "/api/2.0/files/upload_sessions/{h}", "PUT"),
    "mega": ("mega.nz", "gfs{n3}n{n2}.userstorage.mega.co.nz", "/ul/{h}/{off}", "POST"),
    "wetransfer": ("wetransfer.com", "wetransfer.com", "/api/v4/transfers/{h}/files/{h2}/part", "PUT"),
    "gofile": ("gofile.io", "store{n1}.gofile.io", "/contents/uploadfile", "POST"),
    "pcloud": ("my.pcloud.com", "api.pcloud.com", "/upload_write?uploadid={n}", "PUT"),
    "sendspace": ("www.sendspace.com", "fs{n2}u.sendspace.com", "/upload?SPEED_LIMIT=0&MAX_FILE_SIZE=314572800", "POST"),
}
HABIT_CLOUD = ["dropbox", "dropbox", "gdrive", "gdrive", "gdrive", "onedrive", "box"]
ATTACK_CLOUD = ["mega", "wetransfer", "gofile", "pcloud", "sendspace", "dropbox", "gdrive", "box", "onedrive", "mega"]
REPOS = {  # benign research data repositories (big first-time uploads happen legitimately)
    "zenodo": ("zenodo.org", "zenodo.org", "/api/files/{h}/{f}", "PUT"),
    "figshare": ("figshare.com", "fup-eu-west-1.figshare.com", "/upload/{h}/{n}", "PUT"),
    "osf": ("osf.io", "files.osf.io", "/v1/resources/{h}/providers/osfstorage/", "PUT"),
    "s3": ("console.aws.amazon.com", "kestrel-open-data.s3.amazonaws.com", "/{f}?partNumber={n}&uploadId={h}", "PUT"),
}
PARTNERS = ["mit.edu", "stanford.edu", "ox.ac.uk", "ethz.ch", "cern.ch", "nih.gov", "illumina.com",
            "thermofisher.com", "uchicago.edu", "utoronto.ca", "ucl.ac.uk", "mpg.de", "epfl.ch",
            "broadinstitute.org", "noaa.gov", "dell.com", "novagen-bio.com"]
PERSONAL = ["gmail.com", "gmail.com", "gmail.com", "yahoo.com", "outlook.com", "hotmail.com",
            "proton.me", "icloud.com", "aol.com"]
SUBJECTS = ["Re: meeting notes", "draft", "Quick question", "Updated figures", "Fwd: invoice",
            "Weekly report", "Slides for Thursday", "Re: data access", "Lunch?", "Minutes",
            "Re: grant budget", "Schedule", "Re: Re: analysis results", "FYI", "Agenda",
            "Re: paper revision", "Travel plans", "Reminder", "Re: question about the pipeline",
            "Fwd: seminar announcement", "Status update", "Re: purchase order", "Comments",
            "Re: reviewer responses", "Hiring committee", "Re: server access", ""]
USB_MODELS = [("Kingston", "DataTraveler 3.0", "KINGSTON"), ("SanDisk", "Ultra USB 3.0", "SANDISK"),
              ("SanDisk", "Cruzer Blade", "CRUZER"), ("Samsung", "Portable SSD T7", "T7"),
              ("Western Digital", "My Passport 25E2", "My Passport"), ("Seagate", "Expansion HDD", "Expansion"),
              ("Lexar", "JumpDrive S47", "LEXAR"), ("Transcend", "JetFlash 790", "TRANSCEND"),
              ("PNY", "Turbo Attache 4", "PNY"), ("Verbatim", "Store n Go", "VERBATIM")]
PHONES = [("Google", "Pixel 7"), ("Apple", "iPhone"), ("Samsung", "Galaxy S23"), ("OnePlus", "11")]
INSTR = [("Thermo Fisher", "Orbitrap DataStick", "ORBITRAP"), ("Leica", "SP8 Export Drive", "LEICA_SP8"),
         ("Olympus", "FV3000 Data", "FV3000"), ("Illumina", "MiSeq Export", "MISEQ")]
VEND_A = ["Apex", "Summit", "Blue River", "Northline", "Granite", "Cedar", "Harbor", "Pioneer",
          "Silverline", "Keystone", "Lakeside", "Redwood", "Atlas", "Beacon", "Crescent",
          "Evergreen", "Frontier", "Horizon", "Ironwood", "Juniper", "Liberty", "Meridian",
          "Oakridge", "Pinnacle", "Quantum", "Riverside", "Sterling", "Trident", "Unity",
          "Vantage", "Westfield", "Copperleaf", "Bayview", "Clearwater", "Highland", "Maple"]
VEND_B = ["Scientific", "Lab Supply", "Consulting", "Facilities", "IT Services", "Office Products",
          "Analytics", "Instruments", "Logistics", "Catering", "Security", "Software",
          "Biosystems", "Engineering", "Reagents", "Cleaning Services", "Networks", "Media"]
VEND_C = ["LLC", "Inc", "Corp", "Ltd", "Co", "Group", "Partners"]
BANKS_US = ["JPMorgan Chase", "Bank of America", "Wells Fargo", "Citibank", "PNC Bank", "U.S. Bank",
            "TD Bank", "Truist", "Capital One", "Fifth Third", "Citizens Bank", "KeyBank"]
BANKS_INTL = [("HSBC UK", "GB"), ("Deutsche Bank", "DE"), ("Barclays", "GB"), ("BNP Paribas", "FR"),
              ("Revolut Bank UAB", "LT"), ("DBS Bank", "SG"), ("Emirates NBD", "AE"),
              ("HSBC Hong Kong", "HK"), ("Wise Europe SA", "BE"), ("Bank of Cyprus", "CY")]
ISP_OCTETS = [24, 47, 50, 64, 65, 67, 68, 69, 71, 72, 73, 74, 75, 76, 96, 97, 98, 99, 107, 108,
              142, 162, 173, 174, 184]
HOSTILE_OCTETS = [2, 5, 31, 37, 41, 43, 45, 46, 61, 77, 78, 80, 81, 82, 85, 87, 89, 91, 92, 93, 94,
                  95, 101, 103, 106, 109, 110, 111, 112, 113, 114, 115, 116, 117, 118, 119, 120, 121,
                  122, 123, 124, 125, 141, 146, 154, 156, 159, 161, 164, 167, 170, 175, 176, 178,
                  179, 180, 181, 182, 183, 185, 186, 187, 188, 189, 190, 191, 193, 194, 195, 196,
                  197, 200, 201, 202, 203, 210, 211, 212, 213, 217, 218, 219, 220, 221, 222, 223]
FOREIGN_OCTETS = [2, 5, 31, 37, 46, 62, 77, 78, 80, 81, 82, 83, 84, 85, 86, 87, 88, 90, 91, 92,
                  93, 94, 95, 109, 126, 133, 150, 153, 210, 211, 218]
SCAN_USERS = ("root root root root admin admin test user ubuntu oracle postgres git ftpuser guest "
              "pi support ubnt mysql deploy jenkins hadoop minecraft steam nagios www-data "
              "administrator dev devops user1 test1 backup tomcat elastic kafka centos ec2-user "
              "sysadmin teamspeak ts3 odoo vagrant ansible debian apache zabbix tester student "
              "demo web info sales office").split()

SERVERS = [  # name, ip, syslog timestamp format, os, kind
    ("gw01", "10.0.0.5", "iso", "ubuntu", "bastion"),
    ("git01", "10.0.1.10", "rfc", "ubuntu", "dev"),
    ("build01", "10.0.1.21", "rfc", "ubuntu", "dev"),
    ("build02", "10.0.1.22", "rfc", "ubuntu", "dev"),
    ("web01", "10.0.3.11", "rfc", "ubuntu", "web"),
    ("web02", "10.0.3.12", "rfc", "ubuntu", "web"),
    ("db01", "10.0.2.11", "iso", "rhel", "db"),
    ("db02", "10.0.2.12", "iso", "rhel", "db"),
    ("files01", "10.0.4.10", "iso", "ubuntu", "files"),
    ("mail01", "10.0.5.10", "iso", "rhel", "mail"),
    ("pay01", "10.0.6.10", "iso", "rhel", "fin"),
    ("hr01", "10.0.6.20", "iso", "rhel", "hr"),
    ("backup01", "10.0.7.10", "rfc", "ubuntu", "ops"),
    ("mon01", "10.0.8.10", "rfc", "ubuntu", "ops"),
    ("ops01", "10.0.8.21", "rfc", "ubuntu", "ops"),
    ("ops02", "10.0.8.22", "rfc", "ubuntu", "ops"),
    ("idm01", "10.0.9.10", "iso", "rhel", "idm"),
    ("login01", "10.20.0.11", "iso", "rhel", "login"),
    ("login02", "10.20.0.12", "iso", "rhel", "login"),
    ("jupyter01", "10.20.0.21", "iso", "ubuntu", "login"),
]
ADMIN_CMDS_U = ["/usr/bin/systemctl restart nginx.service", "/usr/bin/systemctl status ssh",
                "/usr/bin/apt-get update", "/usr/bin/apt-get -y upgrade", "/usr/bin/vim /etc/fstab",
                "/usr/bin/tail -n 200 /var/log/syslog", "/usr/bin/docker ps -a",
                "/usr/bin/du -sh /var/lib/docker", "/usr/sbin/exportfs -ra", "/bin/bash",
                "/usr/bin/less /var/log/auth.log", "/usr/bin/journalctl -u nginx --since today",
                "/usr/sbin/lvextend -r -L +20G /dev/vg0/data", "/usr/bin/systemctl daemon-reload",
                "/usr/bin/ufw status verbose", "/usr/bin/rsync -a /etc/ /srv/etc-backup/",
                "/usr/sbin/smartctl -a /dev/sda", "/usr/bin/netstat -tlnp", "/usr/bin/apt autoremove -y",
                "/usr/bin/certbot renew", "/usr/bin/vim /etc/nginx/sites-available/default"]
ADMIN_CMDS_R = ["/usr/bin/dnf -y update", "/usr/bin/systemctl restart slurmd",
                "/usr/bin/journalctl -u slurmd --since today", "/usr/bin/less /var/log/secure",
                "/usr/bin/scontrol update nodename={node} state=resume", "/bin/bash",
                "/usr/bin/systemctl status postgresql-15", "/usr/bin/vim /etc/slurm/slurm.conf",
                "/usr/sbin/xfs_growfs /data", "/usr/bin/firewall-cmd --list-all",
                "/usr/bin/tail -f /var/log/messages", "/usr/bin/rpm -qa --last",
                "/usr/bin/systemctl restart sssd", "/usr/sbin/sss_cache -E", "/usr/bin/df -h"]
OPS_OK = ["/usr/bin/systemctl restart bacula-fd.service", "/usr/bin/systemctl status nagios4",
          "/usr/bin/systemctl restart apache2.service", "/usr/bin/systemctl status bacula-dir.service",
          "/usr/bin/journalctl -xe", "/usr/bin/systemctl restart postfix.service",
          "/usr/sbin/bconsole", "/usr/bin/systemctl status rsyslog.service"]
OPS_NO = ["/bin/bash", "/usr/bin/vim /etc/sudoers", "/usr/bin/apt-get -y upgrade",
          "/usr/sbin/useradd tmpuser", "/usr/bin/su -"]
DEV_WS_CMDS = ["/usr/bin/apt install -y build-essential", "/usr/bin/apt update",
               "/usr/bin/docker compose up -d", "/usr/bin/snap refresh",
               "/usr/bin/systemctl restart docker", "/usr/bin/apt install -y libssl-dev",
               "/usr/bin/pip3 install --upgrade pip", "/usr/bin/dpkg -i ./code_1.86.0-1706698139_amd64.deb",
               "/usr/bin/mount -t nfs files01:/export/scratch /mnt/scratch"]
PROC_ROLE = {
    "dev": [("git", "/usr/bin/git", ["git", "pull", "--rebase"]), ("make", "/usr/bin/make", ["make", "-j8"]),
            ("docker", "/usr/bin/docker", ["docker", "build", "-t", "lims:dev", "."]),
            ("python3", "/usr/bin/python3", ["python3", "-m", "pytest", "-q"]),
            ("code", "/usr/share/code/code", ["code", "."]), ("ssh", "/usr/bin/ssh", ["ssh", "build01"]),
            ("curl", "/usr/bin/curl", ["curl", "-s", "https://api.github.com/repos/kestrel-ri/lims"])],
    "researcher": [("python3", "/usr/bin/python3", ["python3", "analysis.py"]),
                   ("Rscript", "/usr/bin/Rscript", ["Rscript", "plots.R"]),
                   ("scp", "/usr/bin/scp", ["scp", "results.tar.gz", "login01:~/"]),
                   ("rsync", "/usr/bin/rsync", ["rsync", "-av", "data/", "login01:/scratch/"]),
                   ("ssh", "/usr/bin/ssh", ["ssh", "login01"]), ("jupyter", "/usr/local/bin/jupyter", ["jupyter", "lab"]),
                   ("tar", "/usr/bin/tar", ["tar", "xzf", "download.tar.gz"])],
    "student": [("python3", "/usr/bin/python3", ["python3", "train.py", "--epochs", "20"]),
                ("ssh", "/usr/bin/ssh", ["ssh", "login01"]), ("git", "/usr/bin/git", ["git", "push"]),
                ("pdflatex", "/usr/bin/pdflatex", ["pdflatex", "thesis.tex"])],
    "staff": [("soffice.bin", "/usr/lib/libreoffice/program/soffice.bin", ["soffice", "--writer"]),
              ("evince", "/usr/bin/evince", ["evince", "agenda.pdf"]),
              ("firefox", "/usr/lib/firefox/firefox", ["firefox"])],
    "admin": [("ansible-playbook", "/usr/bin/ansible-playbook", ["ansible-playbook", "-i", "hosts", "site.yml"]),
              ("ssh", "/usr/bin/ssh", ["ssh", "-A", "gw01"]), ("vim", "/usr/bin/vim", ["vim", "inventory/hosts"]),
              ("nmap", "/usr/bin/nmap", ["nmap", "-sn", "10.20.1.0/24"])],
}
PROC_ROLE["hr"] = PROC_ROLE["staff"]
PROC_ROLE["finance"] = PROC_ROLE["staff"]
PROC_ROLE["ops"] = [("ssh", "/usr/bin/ssh", ["ssh", "ops01"]), ("firefox", "/usr/lib/firefox/firefox", ["firefox"])]


def clamp(x, lo, hi):
    return lo if x < lo else hi if x > hi else x


def poisson(R, lam):
    if lam <= 0:
        return 0
    if lam > 30:
        return max(0, int(R.gauss(lam, math.sqrt(lam)) + 0.5))
    L = math.exp(-lam)
    k = 0
    p = 1.0
    while True:
        p *= R.random()
        if p <= L:
            return k
        k += 1


class Proc(object):
    __slots__ = ("pid", "sid")

    def __init__(self):
        self.pid = None
        self.sid = None


REBOOT = "REBOOT"


class Sink(object):
    def __init__(self, path, kind):
        self.path = path
        self.kind = kind
        self.buf = []
        self.n = 0
        self.fh = open(path, "w", encoding="utf-8", newline="\n")


class Host(object):
    def __init__(self, name, ip, fmt, os_, kind, sink):
        self.name = name
        self.ip = ip
        self.fmt = fmt
        self.os = os_
        self.kind = kind
        self.sink = sink
        self.pid = 1000
        self.sid = 0
        self.logind = 700
        self.group = "sudo" if os_ == "ubuntu" else "wheel"
        self.always_on = True


class User(object):
    pass


class Atk(object):
    def __init__(self, user, scen, d, k):
        self.user = user
        self.scen = scen
        self.d = d
        self.d0 = d
        self.d1 = d
        self.k = k
        self.days = set()
        self.variant = None


class Corpus(object):
    # ------------------------------------------------------------------ setup
    def __init__(self, a):
        self.seed = a.seed
        self.n = a.users
        self.ndays = a.days
        self.out = a.out
        self.start = datetime.date.fromisoformat(a.start)
        self.R = random.Random(a.seed * 7919 + 17)
        self.RF = random.Random(a.seed * 104729 + 3)
        self.T_END = self.ndays * 86400.0
        self.epoch0 = (datetime.datetime(self.start.year, self.start.month, self.start.day,
                                         tzinfo=datetime.timezone(datetime.timedelta(hours=-5)))).timestamp()
        self.seq = 0
        self.atk = None
        self.dates = [self.start + datetime.timedelta(days=i) for i in range(self.ndays + 3)]
        self.iso_d = [x.isoformat() for x in self.dates]
        self.rfc_d = ["%s %2d" % (MON[x.month - 1], x.day) for x in self.dates]
        self.wday = [x.weekday() for x in self.dates]
        self.used_ips = set()
        self.txn = 0
        self.msgid = 0
        self.sinks = []
        os.makedirs(os.path.join(self.out, "logs", "auth"), exist_ok=True)
        os.makedirs(os.path.join(self.out, "logs", "ecs"), exist_ok=True)
        self.S_logon = self.sink("ecs/logon.ndjson", "ecs")
        self.S_device = self.sink("ecs/device.ndjson", "ecs")
        self.S_file = self.sink("ecs/file.ndjson", "ecs")
        self.S_proc = self.sink("ecs/process.ndjson", "ecs")
        self.S_http = self.sink("ecs/http.ndjson", "ecs")
        self.S_mail = self.sink("ecs/email.ndjson", "ecs")
        self.S_fin = self.sink("ecs/finance.ndjson", "ecs")
        self.mk_hosts()
        self.mk_users()
        self.mk_finance()
        self.plan_specials()
        self.plan_attacks()

    def sink(self, rel, kind):
        s = Sink(os.path.join(self.out, "logs", rel), kind)
        self.sinks.append(s)
        return s

    def init_host(self, h, long_uptime=True):
        R = self.R
        h.pid = R.randint(2000, 400000) if long_uptime else R.randint(600, 3000)
        h.sid = R.randint(20, 9000) if long_uptime else R.randint(1, 5)
        h.logind = R.randint(480, 1400)

    def mk_hosts(self):
        self.hosts = {}
        self.servers = []
        for name, ip, fmt, os_, kind in SERVERS:
            h = Host(name, ip, fmt, os_, kind, self.sink("auth/%s.log" % name, "auth"))
            self.init_host(h)
            self.hosts[name] = h
            self.servers.append(h)
        cl = self.sink("auth/cluster.log", "auth")
        ncn = 48 if self.n <= 300 else 64
        self.cnodes = []
        for i in range(1, ncn + 1):
            h = Host("cn%03d" % i, "10.20.1.%d" % (i + 10), "iso", "rhel", "compute", cl)
            self.init_host(h)
            self.cnodes.append(h)
            self.hosts[h.name] = h
        for i in range(1, 9):
            h = Host("gpu%02d" % i, "10.20.2.%d" % (i + 10), "iso", "rhel", "compute", cl)
            self.init_host(h)
            self.cnodes.append(h)
            self.hosts[h.name] = h
        self.ws_sink = self.sink("auth/workstations.log", "auth")
        self.gw = self.hosts["gw01"]

    def pub_ip(self, octets):
        R = self.R
        while True:
            ip = "%d.%d.%d.%d" % (R.choice(octets), R.randint(0, 255), R.randint(0, 255), R.randint(1, 254))
            if ip not in self.used_ips:
                self.used_ips.add(ip)
                return ip

    def fp(self, kind=None):
        R = self.R
        kind = kind or R.choice(["ED25519", "ED25519", "ED25519", "RSA", "RSA", "ECDSA"])
        b = bytes(R.getrandbits(8) for _ in range(32))
        return "%s SHA256:%s" % (kind, base64.b64encode(b).decode().rstrip("="))

    def mk_users(self):
        R = self.R
        n = self.n
        cnt = [("admin", max(4, round(n * 0.02))), ("ops", max(8, round(n * 0.035))),
               ("finance", max(8, round(n * 0.03))), ("hr", max(4, round(n * 0.025))),
               ("staff", round(n * 0.12)), ("student", round(n * 0.14)), ("dev", round(n * 0.24))]
        cnt.append(("researcher", n - sum(c for _, c in cnt)))
        roles = []
        for r, c in cnt:
            roles += [r] * c
        R.shuffle(roles)
        logins = set()
        wsnums = R.sample(range(10, 2400), n)
        self.users = []
        self.by_login = {}
        uid = 10001
        for i, role in enumerate(roles):
            f = R.choice(FIRST)
            l = R.choice(LAST)
            base = (f[0] + l).replace("-", "")[:12]
            login = base
            k = 2
            while login in logins:
                login = "%s%d" % (base, k)
                k += 1
            logins.add(login)
            u = User()
            u.login = login
            u.first = f.capitalize()
            u.last = l.capitalize()
            u.uid = uid
            uid += R.randint(1, 3)
            u.role = role
            u.email = "%s@%s" % (login, ORG)
            num = wsnums[i]
            ws = Host("ws%04d" % num, "10.10.%d.%d" % (num // 250, num % 250 + 2), "rfc", "ubuntu", "ws", self.ws_sink)
            self.init_host(ws)
            ws.always_on = role in ("ops", "admin", "dev") or R.random() < 0.45
            self.hosts[ws.name] = ws
            u.ws = ws
            u.ws_open = False
            u.ws_proc = None
            u.key = self.fp()
            u.ckey = self.fp("RSA")
            u.home_ips = [self.pub_ip(ISP_OCTETS)]
            if R.random() < 0.3:
                u.home_ips.append(self.pub_ip(ISP_OCTETS))
            u.personal = None
            if R.random() < 0.7:
                sep = R.choice([".", "", "_"])
                u.personal = "%s%s%s%s@%s" % (f.replace("-", ""), sep, l, R.choice(["", "", str(R.randint(1, 99))]), R.choice(PERSONAL))
            u.ua = R.choice([
                "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:122.0) Gecko/20100101 Firefox/122.0",
                "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/121.0.0.0 Safari/537.36",
                "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:115.0) Gecko/20100101 Firefox/115.0",
                "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36"])
            u.arrive = 0
            u.newcomer = False
            u.depart = None
            u.leave = set()
            u.trip = {}
            u.seen = set()
            u.departing = None
            u.onsite = set()
            u.special_up = {}    # day -> (kind, params) benign big uploads
            u.attacks = []
            self.profile(u)
            self.users.append(u)
            self.by_login[login] = u
        self.by_role = {}
        for u in self.users:
            self.by_role.setdefault(u.role, []).append(u)
        self.by_dept = {}
        for u in self.users:
            self.by_dept.setdefault(u.dept, []).append(u)
        self.ops_teams()

    def profile(self, u):
        R = self.R
        r = u.role
        if r in ("researcher", "student"):
            u.dept = R.choice(sorted(RGROUPS))
        elif r == "dev":
            u.dept = "engineering"
        elif r == "staff":
            u.dept = R.choice(["grants", "communications", "facilities", "management"])
        elif r in ("admin", "ops"):
            u.dept = "it"
        else:
            u.dept = r if r in ("finance", "hr") else "management"
        projs = DEPTS[u.dept]
        u.projects = R.sample(projs, min(len(projs), R.choice([1, 1, 2])))
        u.shares = ["/srv/shares/%s/%s" % (u.dept, p) for p in u.projects]
        u.home = "/srv/home/%s" % u.login
        u.start_h = clamp(R.gauss({"dev": 9.4, "student": 10.3, "researcher": 9.0}.get(r, 8.5), 0.7), 6.8, 11.5)
        u.day_len = clamp(R.gauss(8.6 if r != "student" else 8.0, 0.6), 6.5, 10.5)
        u.late_p = {"staff": 0.015, "hr": 0.01, "finance": 0.01, "dev": 0.05, "researcher": 0.06,
                    "student": 0.18, "admin": 0.08, "ops": 0.0}[r] * R.uniform(0.3, 2.0)
        if r == "researcher":
            u.weekend_p = clamp(R.paretovariate(2.2) * 0.06 - 0.03, 0.0, 0.55)
        elif r == "student":
            u.weekend_p = R.uniform(0.1, 0.45)
        elif r in ("dev", "admin"):
            u.weekend_p = R.uniform(0.0, 0.08)
        else:
            u.weekend_p = R.uniform(0.0, 0.025)
        u.remote_p = clamp(R.choice([0.0, 0.05, 0.1, 0.2, 0.2, 0.3, 0.4]) * (0.3 if r in ("finance", "ops") else 1), 0, 0.5)
        u.evening_p = {"researcher": 0.08, "dev": 0.05, "admin": 0.1, "student": 0.06}.get(r, 0.0) * R.uniform(0, 2)
        u.gw_password = R.random() < 0.25
        srv = self.hosts
        u.servers = []
        u.ssh_mu = 0.0
        if r == "dev":
            u.servers = [(srv["git01"], 5), (srv["build01"], 4), (srv["build02"], 3)]
            if R.random() < 0.5:
                u.servers += [(srv["web01"], 1), (srv["web02"], 1)]
            if R.random() < 0.3:
                u.servers.append((srv["db01"], 1))
            u.ssh_mu = R.uniform(2, 9)
        elif r in ("researcher", "student"):
            u.servers = [(srv["login01"], 5), (srv["login02"], 3), (srv["jupyter01"], 2)]
            u.ssh_mu = R.uniform(0.5, 3)
        elif r == "ops":
            u.servers = [(srv["ops01"], 4), (srv["ops02"], 3), (srv["mon01"], 4), (srv["backup01"], 2)]
            u.ssh_mu = R.uniform(3, 9)
        elif r == "staff" and R.random() < 0.15:
            u.servers = [(srv["web01"], 1)]
            u.ssh_mu = 0.3
        u.cluster = r in ("researcher", "student") and R.random() < 0.92
        u.nodes_mu = clamp(R.lognormvariate(math.log(4), 0.9), 0.5, 30) if u.cluster else 0
        u.sudo_hosts = set()
        u.restricted = False
        u.ws_sudo = (r == "dev" and R.random() < 0.4) or (r == "researcher" and R.random() < 0.1)
        if u.ws_sudo:
            u.sudo_hosts.add(u.ws.name)
        if r == "admin":
            u.sudo_hosts = None      # everywhere
        if r == "ops":
            u.restricted = True
            u.sudo_hosts = set(["ops01", "ops02", "mon01", "backup01"])
        sites = R.sample(WEB_GENERAL, R.randint(6, 14)) + R.sample(WEB_ROLE[r], min(len(WEB_ROLE[r]), R.randint(3, 7)))
        u.sites = sites
        u.site_w = [1.0 / (i + 1) ** 0.8 for i in range(len(sites))]
        R.shuffle(u.site_w)
        u.http_mu = clamp(R.lognormvariate(math.log(14), 0.55), 3, 70)
        u.mail_mu = {"staff": 6, "hr": 6, "finance": 4, "dev": 2, "researcher": 3, "student": 1.2,
                     "ops": 1.5, "admin": 3}[r] * R.uniform(0.4, 1.8)
        u.read_mu = clamp(R.lognormvariate(math.log(8), 0.8), 1, 90)
        u.usb = 0
        x = R.random()
        if x < 0.07 and r in ("researcher", "student", "staff"):
            u.usb = 2
        elif x < 0.25:
            u.usb = 1
        u.cloud = R.choice(HABIT_CLOUD) if R.random() < 0.3 else None
        u.cloud_p = R.uniform(0.05, 0.3)
        u.personal_p = R.uniform(0.02, 0.12) if (u.personal and R.random() < 0.22) else 0.0
        u.job_p = R.uniform(0.05, 0.25) if R.random() < 0.12 else 0.0
        u.cron = u.cluster and R.random() < 0.2
        u.cron_min = R.randint(0, 59)
        u.apps = ["mail.%s" % ORG] + (["wiki.%s" % ORG] if R.random() < 0.5 else [])
        if r == "finance":
            u.apps.append("pay.%s" % ORG)
        if r == "hr":
            u.apps.append("hr.%s" % ORG)
        u.fin_role = None

    def ops_teams(self):
        R = self.R
        for i, u in enumerate(self.by_role.get("ops", [])):
            u.team = i % 3
            u.op_off = R.randint(0, 6)
            u.start_h = 7.0
            u.weekend_p = 0.0

    def mk_finance(self):
        R = self.R
        fin = self.by_role["finance"]
        fin[0].fin_role = "payroll"
        fin[1].fin_role = "approver"
        fin[2].fin_role = "approver"
        for u in fin[3:]:
            u.fin_role = "clerk"
        self.approvers = [u for u in fin if u.fin_role == "approver"]
        self.payroll_user = fin[0]
        self.clerks = [u for u in fin if u.fin_role == "clerk"]
        self.bene_n = 0
        self.vendors = [self.new_bene() for _ in range(40 + 8 * len(self.clerks))]
        self.fixed_amt = {}
        for b in self.vendors[:4]:
            self.fixed_amt[b["id"]] = round(R.uniform(9150, 9950), 2)
        for u in fin:
            u.benes = R.sample(self.vendors[4:], R.randint(15, 35))
            if u.fin_role == "clerk" and R.random() < 0.6:
                u.benes = R.sample(self.vendors[:4], R.randint(1, 4)) + u.benes
            u.tx_mu = R.uniform(2, 10) if u.fin_role == "clerk" else R.uniform(0.2, 1.5)
            u.fin_mult = R.uniform(0.7, 1.6)
        for u in self.users:
            b = self.new_bene(person=u)
            u.emp_bene = b
        # semi-monthly payroll days and month-end vendor runs
        self.payroll_days = set()
        self.monthend_days = set()
        for d in range(self.ndays):
            dt = self.dates[d]
            if self.wday[d] >= 5:
                continue
            nxt = [self.dates[d] + datetime.timedelta(days=j) for j in range(1, 4)]
            # 15th, or the Friday before when the 15th is at the weekend
            if dt.day == 15 or (dt.weekday() == 4 and any(x.day == 15 for x in nxt[:2])):
                self.payroll_days.add(d)
            nbd = [x for x in nxt if x.weekday() < 5]
            if nbd and nbd[0].month != dt.month:
                self.payroll_days.add(d)
                self.monthend_days.add(d)
                if d > 0:
                    self.monthend_days.add(d - 1)

    def new_bene(self, person=None, fraud=False):
        R = self.R
        self.bene_n += 1
        if person is not None:
            name = "%s %s" % (person.first, person.last)
            bid = "EMP-%05d" % person.uid
        elif fraud and R.random() < 0.45:
            name = "%s %s. %s" % (R.choice(FIRST).capitalize(), chr(65 + R.randint(0, 25)), R.choice(LAST).capitalize())
            bid = "BEN-%05d" % (10000 + self.bene_n)
        else:
            name = "%s %s %s" % (R.choice(VEND_A), R.choice(VEND_B), R.choice(VEND_C))
            bid = "BEN-%05d" % (10000 + self.bene_n)
        intl_p = 0.5 if fraud else 0.08
        if person is None and R.random() < intl_p:
            bank, cc = R.choice(BANKS_INTL)
        else:
            bank, cc = R.choice(BANKS_US), "US"
        b = {"id": bid, "name": name, "account": "****%04d" % R.randint(0, 9999), "bank": bank, "country": cc}
        return b

    # ---------------------------------------------------------- benign specials
    def present(self, u, d):
        return d >= u.arrive and (u.depart is None or d <= u.depart) and d not in u.leave

    def weekday_in(self, lo, hi):
        R = self.R
        hi = min(self.ndays - 1, hi)
        lo = min(max(0, lo), hi)
        for _ in range(50):
            d = R.randint(lo, hi)
            if self.wday[d] < 5:
                return d
        return lo

    def plan_specials(self):
        R = self.R
        nd = self.ndays
        self.arrivals = {}
        students = self.by_role.get("student", [])
        for u in students:
            if R.random() < 0.5:
                u.arrive = self.weekday_in(3, nd - 8)
                u.newcomer = True
        devs = self.by_role["dev"]
        for u in R.sample(devs, 2):
            u.arrive = self.weekday_in(5, nd - 6)
            u.newcomer = True
        adm = self.by_role["admin"]
        self.new_admin = adm[-1]
        adm[-1].arrive = self.weekday_in(int(nd * 0.3), int(nd * 0.45))
        adm[-1].newcomer = True
        nxt = max(u.uid for u in self.users) + R.randint(3, 9)
        for u in sorted([x for x in self.users if x.newcomer], key=lambda x: (x.arrive, x.login)):
            u.uid = nxt
            u.emp_bene["id"] = "EMP-%05d" % nxt
            nxt += R.randint(1, 2)
            self.arrivals.setdefault(u.arrive, []).append(u)
        pool = [u for u in self.users if not u.newcomer and u.role != "admin" and u.fin_role not in ("payroll", "approver")]
        self.leave_users = R.sample(pool, max(3, int(self.n * 0.06)))
        for u in self.leave_users:
            s = R.randint(0, nd - 5)
            ln = R.randint(5, 14)
            u.leave = set(range(s, min(nd, s + ln)))
        pool = [u for u in pool if not u.leave]
        self.leavers = R.sample(pool, max(2, int(self.n * 0.02)))
        self.lock_days = {}
        for u in self.leavers:
            u.depart = self.weekday_in(int(nd * 0.35), nd - 4)
            ld = u.depart + 1
            while ld < nd and self.wday[ld] >= 5:
                ld += 1
            self.lock_days.setdefault(ld, []).append(u)
        pool = [u for u in pool if u.depart is None and u.role not in ("ops", "finance")]
        self.travellers = R.sample(pool, max(2, int(self.n * 0.02)))
        for u in self.travellers:
            s = R.randint(3, nd - 7)
            off = R.choice([6, 6, 7, 8, 9, 13])
            ip = self.pub_ip(FOREIGN_OCTETS)
            for d in range(s, s + R.randint(3, 6)):
                u.trip[d] = (off, ip)
        # failing cron job with an expired password (brute-force look-alike, internal)
        pool2 = [u for u in self.by_role["researcher"] if u.cluster and not u.leave and u.depart is None and not u.trip]
        self.script_fail = []
        for u in R.sample(pool2, min(2, len(pool2))):
            a = R.randint(2, nd - 10)
            b = a + R.randint(2, 7)
            self.script_fail.append((u, a, b))
        # benign group changes
        self.docker_adds = {}
        for u in R.sample([x for x in devs if not x.newcomer], 3):
            self.docker_adds.setdefault(self.weekday_in(2, nd - 2), []).append(u)
        # benign first-time big uploads to research repositories / wetransfer one-offs
        self.repo_uploaders = []
        for u in self.by_role["researcher"] + students:
            if R.random() < 0.12:
                d = R.randint(max(u.arrive, 4), nd - 1)
                u.special_up[d] = ("repo", R.choice(sorted(REPOS)))
                self.repo_uploaders.append(u)
        for u in self.users:
            if u.role in ("staff", "researcher", "dev", "hr") and R.random() < 0.04:
                d = R.randint(3, nd - 1)
                u.special_up.setdefault(d, ("wetransfer", "wetransfer"))
        # maintenance window: a Saturday near the middle
        sats = [d for d in range(nd) if self.wday[d] == 5]
        self.maint_day = sats[len(sats) // 2] if sats else None
        # targeted (failed) brute force against real accounts, SSO password spraying
        self.failed_bf = {}
        for _ in range(R.randint(2, 4)):
            self.failed_bf.setdefault(R.randint(0, nd - 1), []).append(R.choice(self.users))
        self.spray_days = set(R.sample(range(nd), min(nd, R.randint(1, 3))))
        # routine nightly sync jobs that read shares under a person's own account
        pool3 = [u for u in self.users if u.role in ("researcher", "dev") and not u.newcomer]
        self.night_sync = R.sample(pool3, max(2, int(self.n * 0.03)))
        for u in self.night_sync:
            u.sync_h = R.uniform(1.0, 4.0)
            u.sync_n = R.lognormvariate(math.log(60), 0.8)

    # ------------------------------------------------------------ attack plans
    def plan_attacks(self):
        R = self.R
        nd = self.ndays
        target = max(16, int(round(self.n * 0.055)))
        kinds = ["transaction_velocity", "transaction_velocity"]
        others = [s for s in SCENARIOS if s != "transaction_velocity"]
        kinds += others * 2
        while len(kinds) < target:
            kinds.append(R.choice(others))
        used = set()
        bad = set(id(u) for u in self.leave_users + self.leavers + self.travellers + self.repo_uploaders)
        bad |= set(id(u) for u, a, b in self.script_fail)
        self.attacks = []
        for kind in kinds:
            def ok(u):
                return (id(u) not in used and id(u) not in bad and not u.newcomer and u.role != "admin")
            if kind == "transaction_velocity":
                cand = [u for u in self.clerks if ok(u)]
            elif kind == "off_hours_spree":
                cand = [u for u in self.users if ok(u) and u.role in ("dev", "researcher", "staff", "hr", "finance")
                        and u.weekend_p < 0.15 and u.late_p < 0.1 and u.fin_role is None]
            elif kind == "removable_media_exfiltration":
                cand = [u for u in self.users if ok(u) and u.usb < 2 and u.role not in ("ops",)]
            elif kind == "lateral_movement":
                cand = [u for u in self.users if ok(u) and u.role in ("dev", "researcher", "staff", "student")]
            elif kind == "privilege_escalation":
                cand = [u for u in self.users if ok(u) and u.role in ("dev", "researcher", "student") and not u.ws_sudo]
            elif kind == "cloud_upload":
                cand = [u for u in self.users if ok(u) and u.role not in ("ops",)]
            elif kind == "departing_employee":
                cand = [u for u in self.users if ok(u) and u.role in ("dev", "researcher", "staff", "hr")]
            else:
                cand = [u for u in self.users if ok(u) and u.role not in ("ops",)]
            if not cand:
                continue
            u = R.choice(cand)
            used.add(id(u))
            k = round(R.uniform(0.15, 1.0), 2)
            lo = max(7, int(nd * 0.3))
            if kind == "departing_employee":
                L = R.randint(7, 14)
                d1 = self.weekday_in(max(lo + L, int(nd * 0.55)), nd - 1)
                d0 = max(lo, d1 - L + 1)
                a = Atk(u, kind, d0, k)
                a.d0, a.d1 = d0, d1
                a.variant = R.choice(["usb", "cloud", "email", "usb", "cloud"])
                if not u.personal:
                    u.personal = "%s.%s%d@%s" % (u.first.lower(), u.last.lower(), R.randint(1, 99), R.choice(PERSONAL))
                u.departing = a
                if d1 < nd - 3 and R.random() < 0.6:
                    u.depart = d1
                    ld = d1 + 1
                    while ld < nd and self.wday[ld] >= 5:
                        ld += 1
                    self.lock_days.setdefault(ld, []).append(u)
                for dd in range(d0, d1 + 1):
                    u.onsite.add(dd)
            elif kind == "off_hours_spree":
                a = Atk(u, kind, 0, k)
                a.variant = R.choice(["night", "night", "weekend", "early"])
                if a.variant == "weekend":
                    sat = [d for d in range(lo, nd - 1) if self.wday[d] in (5, 6)]
                    a.d = R.choice(sat) if sat else self.weekday_in(lo, nd - 2)
                else:
                    a.d = self.weekday_in(lo, nd - 2)
            else:
                a = Atk(u, kind, self.weekday_in(lo, nd - 3), k)
            if kind in ("removable_media_exfiltration", "privilege_escalation", "lateral_movement"):
                u.onsite.add(a.d)
                u.onsite.add(a.d + 1)
            u.attacks.append(a)
            self.attacks.append(a)
        self.atk_by_day = {}
        for a in self.attacks:
            if a.scen != "departing_employee":
                self.atk_by_day.setdefault(a.d, []).append(a)

    # ---------------------------------------------------------------- emission
    def A(self, h, t, text, p=None):
        if t < 0 or t >= self.T_END:
            return
        if self.atk is not None:
            self.atk.days.add(int(t // 86400))
        self.seq += 1
        h.sink.buf.append((t, self.seq, h, text, p))

    def E(self, sink, t, doc):
        if t < 0 or t >= self.T_END:
            return
        if self.atk is not None:
            self.atk.days.add(int(t // 86400))
        self.seq += 1
        sink.buf.append((t, self.seq, None, doc, None))

    def ecs(self, sink, t, category, etype, action, outcome, dataset, user=None, **kw):
        ev = {"kind": "event", "category": category, "type": etype, "action": action}
        if outcome is not None:
            ev["outcome"] = outcome
        ev["dataset"] = dataset
        doc = {"@timestamp": None, "ecs": ECSV, "event": ev}
        if user is not None:
            doc["user"] = {"name": user}
        for k, v in kw.items():
            if v is not None:
                doc[k] = v
        self.E(sink, t, doc)
        return doc

    def flush(self, cutoff):
        RF = self.RF
        for s in self.sinks:
            buf = s.buf
            if not buf:
                continue
            buf.sort(key=lambda e: (e[0], e[1]))
            i = bisect.bisect_left([e[0] for e in buf], cutoff)
            out = buf[:i]
            s.buf = buf[i:]
            lines = []
            ap = lines.append
            if s.kind == "auth":
                iso_d, rfc_d = self.iso_d, self.rfc_d
                for t, _, h, text, p in out:
                    if p is REBOOT:
                        h.pid = RF.randint(550, 900)
                        h.logind = h.pid
                        h.pid += RF.randint(5, 60)
                        h.sid = 1 if h.kind == "ws" else 0
                        continue
                    if p is not None:
                        if p.pid is None:
                            h.pid += RF.randint(1, 45)
                            if h.pid > 4190000:
                                h.pid = 1200
                            p.pid = h.pid
                        text = text.replace("\x01", str(p.pid))
                        if "\x02" in text:
                            if p.sid is None:
                                h.sid += 1
                                p.sid = h.sid
                            text = text.replace("\x02", str(p.sid))
                    if "\x04" in text:
                        text = text.replace("\x04", str(h.logind))
                    d = int(t // 86400)
                    sec = t - d * 86400
                    si = int(sec)
                    hh, mm, ss = si // 3600, (si // 60) % 60, si % 60
                    if h.fmt == "iso":
                        line = "%sT%02d:%02d:%02d.%06d%s %s %s\n" % (iso_d[d], hh, mm, ss, int((sec - si) * 1e6), TZ, h.name, text)
                    else:
                        line = "%s %02d:%02d:%02d %s %s\n" % (rfc_d[d], hh, mm, ss, h.name, text)
                    r = RF.random()
                    if r < 3e-5:
                        ap(line)
                    elif r < 4.2e-5:
                        line = line[:RF.randint(20, max(21, len(line) - 8))] + "\n"
                    ap(line)
            else:
                iso_d = self.iso_d
                dumps = json.dumps
                for t, _, _h, doc, _p in out:
                    pay = doc.get("payment")
                    if pay is not None and type(pay.get("id")) is list:
                        hold = pay["id"]
                        if hold[0] is None:
                            self.txn += 1
                            hold[0] = "TRX-%d-%07d" % (self.start.year, self.txn)
                        pay["id"] = hold[0]
                    d = int(t // 86400)
                    sec = t - d * 86400
                    si = int(sec)
                    doc["@timestamp"] = "%sT%02d:%02d:%02d.%03d%s" % (iso_d[d], si // 3600, (si // 60) % 60, si % 60, int((sec - si) * 1000), TZ)
                    line = dumps(doc, separators=(",", ":")) + "\n"
                    r = RF.random()
                    if r < 3e-5:
                        ap(line)
                    elif r < 4.2e-5:
                        line = line[:RF.randint(10, max(11, len(line) - 8))] + "\n"
                    ap(line)
            s.fh.write("".join(lines))
            s.n += len(lines)

    # ------------------------------------------------------------ auth.log bits
    def ssh_session(self, h, name, uid, t, dur, src, method="publickey", key=None, pre_fail=0):
        R = self.R
        A = self.A
        p = Proc()
        port = R.randint(32768, 60999)
        if pre_fail:
            A(h, t, "sshd[\x01]: pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=%s  user=%s" % (src, name), p)
            for i in range(pre_fail):
                t += R.uniform(1.8, 7)
                A(h, t, "sshd[\x01]: Failed password for %s from %s port %d ssh2" % (name, src, port), p)
            t += R.uniform(2, 9)
        if method == "publickey":
            A(h, t, "sshd[\x01]: Accepted publickey for %s from %s port %d ssh2: %s" % (name, src, port, key), p)
        else:
            A(h, t, "sshd[\x01]: Accepted password for %s from %s port %d ssh2" % (name, src, port), p)
        if h.os == "ubuntu":
            A(h, t + 0.004, "sshd[\x01]: pam_unix(sshd:session): session opened for user %s(uid=%d) by (uid=0)" % (name, uid), p)
        else:
            A(h, t + 0.004, "sshd[\x01]: pam_unix(sshd:session): session opened for user %s by (uid=0)" % name, p)
        A(h, t + 0.021, "systemd-logind[\x04]: New session \x02 of user %s." % name, p)
        te = t + dur
        A(h, te, "sshd[\x01]: Received disconnect from %s port %d:11: disconnected by user" % (src, port), p)
        A(h, te + 0.0006, "sshd[\x01]: Disconnected from user %s %s port %d" % (name, src, port), p)
        A(h, te + 0.0012, "sshd[\x01]: pam_unix(sshd:session): session closed for user %s" % name, p)
        A(h, te + 0.004, "systemd-logind[\x04]: Session \x02 logged out. Waiting for processes to exit.", p)
        A(h, te + 0.006, "systemd-logind[\x04]: Removed session \x02.", p)
        return t, te

    def ssh_fail_conn(self, h, name, t, src, n, invalid=False, gap=(1.5, 5.0)):
        """One TCP connection with n failed password attempts. Returns end time."""
        R = self.R
        A = self.A
        p = Proc()
        port = R.randint(1024, 65000)
        if invalid:
            A(h, t, "sshd[\x01]: Invalid user %s from %s port %d" % (name, src, port), p)
            t += R.uniform(0.05, 0.4)
            A(h, t, "sshd[\x01]: pam_unix(sshd:auth): check pass; user unknown", p)
            A(h, t + 0.001, "sshd[\x01]: pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=%s" % src, p)
        else:
            t += R.uniform(0.05, 0.4)
            A(h, t, "sshd[\x01]: pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=%s  user=%s" % (src, name), p)
        who = ("invalid user " + name) if invalid else name
        for i in range(n):
            t += R.uniform(gap[0], gap[1]) if i else R.uniform(1.5, 2.6)
            A(h, t, "sshd[\x01]: Failed password for %s from %s port %d ssh2" % (who, src, port), p)
        t += R.uniform(0.05, 1.5)
        uq = "" if invalid else "  user=%s" % name
        if n >= 6:
            A(h, t, "sshd[\x01]: error: maximum authentication attempts exceeded for %s from %s port %d ssh2 [preauth]" % (who, src, port), p)
            A(h, t + 0.0005, "sshd[\x01]: Disconnecting %s %s port %d: Too many authentication failures [preauth]" % (("invalid user " + name) if invalid else ("authenticating user " + name), src, port), p)
        elif R.random() < 0.6:
            A(h, t, "sshd[\x01]: Received disconnect from %s port %d:11: Bye Bye [preauth]" % (src, port), p)
            A(h, t + 0.0004, "sshd[\x01]: Disconnected from %s %s port %d [preauth]" % (("invalid user " + name) if invalid else ("authenticating user " + name), src, port), p)
        else:
            A(h, t, "sshd[\x01]: Connection closed by %s %s port %d [preauth]" % (("invalid user " + name) if invalid else ("authenticating user " + name), src, port), p)
        if n > 1:
            A(h, t + 0.001, "sshd[\x01]: PAM %d more authentication failures; logname= uid=0 euid=0 tty=ssh ruser= rhost=%s%s" % (n - 1, src, uq), p)
        return t

    def pubkey_reject(self, h, name, t, src):
        p = Proc()
        port = self.R.randint(32768, 60999)
        self.A(h, t, "sshd[\x01]: Connection closed by authenticating user %s %s port %d [preauth]" % (name, src, port), p)

    def sudo(self, h, name, uid, t, cmd, tty="pts/0", pwd=None, dur=None):
        A = self.A
        pwd = pwd or ("/home/%s" % name)
        A(h, t, "sudo: %8s : TTY=%s ; PWD=%s ; USER=root ; COMMAND=%s" % (name, tty, pwd, cmd))
        if h.os == "ubuntu":
            A(h, t + 0.003, "sudo: pam_unix(sudo:session): session opened for user root(uid=0) by %s(uid=%d)" % (name, uid))
        else:
            A(h, t + 0.003, "sudo: pam_unix(sudo:session): session opened for user root by %s(uid=%d)" % (name, uid))
        A(h, t + (dur if dur is not None else self.R.uniform(0.05, 20)), "sudo: pam_unix(sudo:session): session closed for user root")

    def sudo_denied(self, h, name, uid, t, cmd, tty="pts/0", why="user NOT in sudoers", badpw=False):
        A = self.A
        if badpw:
            A(h, t - 3.1, "sudo: pam_unix(sudo:auth): authentication failure; logname=%s uid=%d euid=0 tty=/dev/%s ruser=%s rhost=  user=%s" % (name, uid, tty, name, name))
            why = "3 incorrect password attempts"
        A(h, t, "sudo: %8s : %s ; TTY=%s ; PWD=/home/%s ; USER=root ; COMMAND=%s" % (name, why, tty, name, cmd))

    def su_root(self, h, name, uid, t, dur, fails=0, tty="pts/0"):
        R = self.R
        A = self.A
        for i in range(fails):
            p = Proc()
            A(h, t, "su[\x01]: pam_unix(su-l:auth): authentication failure; logname=%s uid=%d euid=0 tty=/dev/%s ruser=%s rhost=  user=root" % (name, uid, tty, name), p)
            A(h, t + R.uniform(2, 3), "su[\x01]: FAILED SU (to root) %s on %s" % (name, tty), p)
            t += R.uniform(5, 40)
        p = Proc()
        A(h, t, "su[\x01]: (to root) %s on %s" % (name, tty), p)
        if h.os == "ubuntu":
            A(h, t + 0.002, "su[\x01]: pam_unix(su-l:session): session opened for user root(uid=0) by %s(uid=%d)" % (name, uid), p)
        else:
            A(h, t + 0.002, "su[\x01]: pam_unix(su-l:session): session opened for user root by %s(uid=%d)" % (name, uid), p)
        A(h, t + dur, "su[\x01]: pam_unix(su-l:session): session closed for user root", p)
        return t

    def usermod_add(self, h, t, name, group):
        p = Proc()
        self.A(h, t, "usermod[\x01]: add '%s' to group '%s'" % (name, group), p)
        self.A(h, t + 0.001, "usermod[\x01]: add '%s' to shadow group '%s'" % (name, group), p)

    def gpasswd_add(self, h, t, name, group, by="root"):
        self.A(h, t, "gpasswd[\x01]: user %s added by %s to group %s" % (name, by, group), Proc())

    def useradd(self, h, t, u, groups):
        p = Proc()
        A = self.A
        A(h, t, "useradd[\x01]: new group: name=%s, GID=%d" % (u.login, u.uid), p)
        A(h, t + 0.002, "useradd[\x01]: new user: name=%s, UID=%d, GID=%d, home=/home/%s, shell=/bin/bash, from=/dev/pts/0" % (u.login, u.uid, u.uid, u.login), p)
        for g in groups:
            A(h, t + 0.003, "useradd[\x01]: add '%s' to group '%s'" % (u.login, g), p)
            A(h, t + 0.004, "useradd[\x01]: add '%s' to shadow group '%s'" % (u.login, g), p)

    def passwd_changed(self, h, t, name):
        self.A(h, t, "passwd[\x01]: pam_unix(passwd:chauthtok): password changed for %s" % name, Proc())

    def cron(self, h, t, name="root", uid=0, dur=None):
        p = Proc()
        if h.os == "ubuntu":
            self.A(h, t, "CRON[\x01]: pam_unix(cron:session): session opened for user %s(uid=%d) by (uid=0)" % (name, uid), p)
            self.A(h, t + (dur or 0.03), "CRON[\x01]: pam_unix(cron:session): session closed for user %s" % name, p)
        else:
            self.A(h, t, "crond[\x01]: pam_unix(crond:session): session opened for user %s by (uid=0)" % name, p)
            self.A(h, t + (dur or 0.05), "crond[\x01]: pam_unix(crond:session): session closed for user %s" % name, p)

    def boot(self, h, t):
        A = self.A
        A(h, t, None, REBOOT)
        A(h, t + 0.4, "systemd-logind[\x04]: New seat seat0.")
        A(h, t + 0.41, "systemd-logind[\x04]: Watching system buttons on /dev/input/event2 (Power Button)")
        p = Proc()
        A(h, t + 1.3, "sshd[\x01]: Server listening on 0.0.0.0 port 22.", p)
        A(h, t + 1.31, "sshd[\x01]: Server listening on :: port 22.", p)
        if h.kind == "ws":
            g = Proc()
            A(h, t + 3.2, "gdm-launch-environment]: pam_unix(gdm-launch-environment:session): session opened for user gdm(uid=128) by (uid=0)", g)
            A(h, t + 3.25, "systemd-logind[\x04]: New session c1 of user gdm.")

    def shutdown(self, h, t):
        self.A(h, t, "systemd-logind[\x04]: System is powering down.")

    def reboot_host(self, h, t):
        self.A(h, t, "systemd-logind[\x04]: System is rebooting.")
        self.boot(h, t + self.R.uniform(40, 150))

    # --------------------------------------------------------------- ECS bits
    def http(self, t, u, src, hn, dom, path, method="GET", req=None, resp=None, status=200, ua=None):
        R = self.R
        if req is None:
            req = R.randint(280, 1900)
        if resp is None:
            resp = int(R.lognormvariate(9.8, 1.3))
        self.ecs(self.S_http, t, "web", "access", "http-request", "success" if status < 400 else "failure",
                 "proxy.access", u.login, host={"name": hn} if hn else None, source={"ip": src},
                 destination={"domain": dom, "port": 443},
                 url={"scheme": "https", "domain": dom, "path": path.split("?")[0], "full": "https://" + dom + path},
                 http={"request": {"method": method, "bytes": req}, "response": {"status_code": status, "bytes": resp}},
                 user_agent={"original": ua or u.ua}, observer={"name": "proxy01", "type": "proxy"})

    def sso(self, t, u, src, app, outcome="success", action="sso-login", login=None):
        self.ecs(self.S_logon, t, ["authentication"], ["start"], action, outcome, "sso.auth",
                 login or u.login, source={"ip": src}, destination={"domain": app},
                 service={"name": "keycloak"},
                 **({"error": {"message": "invalid_user_credentials"}} if outcome == "failure" else {}))

    def vpn(self, u, t0, t1, ip, fails=0, login=None):
        R = self.R
        name = login or u.login
        for i in range(fails):
            self.ecs(self.S_logon, t0 - 25 * (fails - i) - R.uniform(0, 10), ["authentication"], ["start"],
                     "vpn-login", "failure", "vpn.auth", name, source={"ip": ip},
                     destination={"ip": "198.18.40.2", "domain": "vpn.%s" % ORG},
                     error={"message": "authentication failed"})
        vip = "10.8.%d.%d" % (R.randint(0, 15), R.randint(2, 254))
        self.ecs(self.S_logon, t0, ["authentication", "session"], ["start"], "vpn-login", "success", "vpn.auth",
                 name, source={"ip": ip}, destination={"ip": "198.18.40.2", "domain": "vpn.%s" % ORG},
                 labels={"assigned_ip": vip})
        self.ecs(self.S_logon, t1, ["session"], ["end"], "vpn-logout", "success", "vpn.auth", name,
                 source={"ip": ip}, destination={"ip": "198.18.40.2", "domain": "vpn.%s" % ORG},
                 labels={"assigned_ip": vip}, **{"network": {"bytes": int(R.lognormvariate(18, 1.2))}})
        return vip

    def fev(self, t, user, src, host, action, path, size, labels=None, process=None, mode=None):
        typ = {"file-read": "access", "file-write": "change", "file-create": "creation", "file-copy": "creation",
               "file-delete": "deletion", "file-rename": "change", "chmod": "change"}[action]
        i = path.rfind("/")
        name = path[i + 1:]
        f = {"path": path, "directory": path[:i] or "/", "name": name}
        j = name.rfind(".")
        if j > 0:
            f["extension"] = name[j + 1:]
        if size is not None:
            f["size"] = int(size)
        if mode:
            f["mode"] = mode
        self.ecs(self.S_file, t, ["file"], [typ], action, "success", "fileaudit", user,
                 host={"name": host}, source={"ip": src} if src else None, file=f, labels=labels,
                 process=process)

    def pev(self, t, user, host, name, exe, args, parent="bash", euser=None, cwd=None):
        R = self.R
        doc = self.ecs(self.S_proc, t, ["process"], ["start"], "exec", "success", "auditd.exec", user,
                       host={"name": host},
                       process={"pid": R.randint(2000, 990000), "name": name, "executable": exe, "args": args,
                                "command_line": " ".join(args), "working_directory": cwd or "/home/%s" % user,
                                "parent": {"name": parent}})
        if euser:
            doc["user"]["effective"] = {"name": euser, "id": "0" if euser == "root" else ""}

    def rand_file(self, base):
        R = self.R
        ext, mu, sg = R.choice(EXTS)
        return "%s/%s/%s_%s_%d.%s" % (base, R.choice(SUBDIRS), R.choice(FW1), R.choice(FW2), R.randint(1, 120), ext), int(R.lognormvariate(mu, sg))

    def email(self, t, u, src, to, subject, atts, direction):
        R = self.R
        self.msgid += 1
        em = {"from": {"address": [u.email]}, "to": {"address": to}, "subject": subject,
              "direction": direction, "message_id": "<%012x.%06x@mail01.%s>" % (R.getrandbits(48), R.getrandbits(24), ORG)}
        if atts:
            em["attachments"] = [{"file": {"name": n, "size": s, "extension": n.rsplit(".", 1)[-1]}} for n, s in atts]
        self.ecs(self.S_mail, t, "email", "info", "email-sent", "success", "mail.outbound", u.login,
                 host={"name": "mail01"}, source={"ip": src}, email=em)

    def att(self, big=False):
        R = self.R
        ext, mu, sg = R.choice(EXTS[:5] + EXTS[11:13])
        n = "%s_%s.%s" % (R.choice(FW1), R.choice(FW2), ext)
        return n, int(min(24e6, R.lognormvariate(mu + (1.5 if big else 0), sg)))

    # ------------------------------------------------------------ workstation
    def ws_login(self, u, t0, t1, cron=True):
        R = self.R
        A = self.A
        ws = u.ws
        if not ws.always_on:
            self.boot(ws, t0 - R.uniform(50, 400))
            u.ws_open = False
        if u.ws_open:
            if R.random() < 0.03:
                A(ws, t0 - 9, "gdm-password]: pam_unix(gdm-password:auth): authentication failure; logname= uid=0 euid=0 tty=/dev/tty2 ruser= rhost=  user=%s" % u.login)
            A(ws, t0, "gdm-password]: gkr-pam: unlocked login keyring")
        else:
            if R.random() < 0.03:
                A(ws, t0 - 11, "gdm-password]: pam_unix(gdm-password:auth): authentication failure; logname= uid=0 euid=0 tty=/dev/tty1 ruser= rhost=  user=%s" % u.login)
            p = Proc()
            A(ws, t0, "gdm-password]: pam_unix(gdm-password:session): session opened for user %s(uid=%d) by (uid=0)" % (u.login, u.uid))
            A(ws, t0 + 0.05, "systemd-logind[\x04]: New session \x02 of user %s." % u.login, p)
            A(ws, t0 + 0.2, "(systemd)[\x01]: pam_unix(systemd-user:session): session opened for user %s(uid=%d) by (uid=0)" % (u.login, u.uid), Proc())
            A(ws, t0 + 1.4, "gdm-password]: gkr-pam: unlocked login keyring")
            u.ws_proc = p
            u.ws_open = True
        for _ in range(poisson(R, 1.6)):
            A(ws, R.uniform(t0 + 1800, max(t0 + 1900, t1 - 60)), "gdm-password]: gkr-pam: unlocked login keyring")
        if cron and not ws.always_on:
            h0 = int(t0 // 3600) + 1
            while h0 * 3600 + 1020 < t1:
                self.cron(ws, h0 * 3600 + 1020 + R.uniform(0, 0.9))
                h0 += 1
        if not ws.always_on or R.random() < 0.5:
            p = u.ws_proc
            A(ws, t1, "gdm-password]: pam_unix(gdm-password:session): session closed for user %s" % u.login)
            A(ws, t1 + 0.3, "systemd-logind[\x04]: Session \x02 logged out. Waiting for processes to exit.", p)
            A(ws, t1 + 1.2, "systemd-logind[\x04]: Removed session \x02.", p)
            u.ws_open = False
            if not ws.always_on:
                self.shutdown(ws, t1 + R.uniform(5, 90))

    # -------------------------------------------------------------- user days
    def user_ssh(self, u, h, t, dur, src, typo=True, method=None):
        R = self.R
        if method is None:
            method = "password" if (h is self.gw and u.gw_password) else "publickey"
        pre = R.randint(1, 3) if (method == "password" and typo and R.random() < 0.05) else 0
        u.seen.add(h.name)
        return self.ssh_session(h, u.login, u.uid, t, dur, src, method, u.key, pre)

    def pick(self, pairs):
        R = self.R
        tot = sum(w for _, w in pairs)
        x = R.uniform(0, tot)
        for h, w in pairs:
            x -= w
            if x <= 0:
                return h
        return pairs[-1][0]

    def user_day(self, u, d):
        if not self.present(u, d):
            return
        dep = u.departing
        ctx = dep is not None and dep.d0 <= d <= dep.d1
        if ctx:
            self.atk = dep
        try:
            if u.role == "ops":
                info = self.ops_day(u, d)
            elif d in u.trip:
                info = self.trip_day(u, d)
            else:
                info = self.normal_day(u, d)
            if ctx:
                self.departing_extra(u, d, dep, info)
        finally:
            self.atk = None

    def normal_day(self, u, d):
        R = self.R
        base = d * 86400.0
        wd = self.wday[d]
        force = d in u.onsite
        first = u.newcomer and d == u.arrive
        if wd < 5:
            if not force and not first and R.random() < 0.035:
                return None
            weekend = False
        else:
            if R.random() >= u.weekend_p and not (force and u.departing and R.random() < 0.35):
                self.evening_check(u, d)
                return None
            weekend = True
        if weekend:
            remote = R.random() < 0.8 and not force
            st = R.uniform(9.5, 16.5)
            ln = R.uniform(0.7, 5.0)
        else:
            remote = R.random() < u.remote_p and not first and not force
            st = clamp(R.gauss(u.start_h, 0.55), 5.8, 13.0)
            ln = clamp(R.gauss(u.day_len, 0.8), 3.0, 12.0)
            if first:
                st = R.uniform(10.2, 11.5)
                ln = R.uniform(5, 7)
        t0 = base + st * 3600
        t1 = t0 + ln * 3600
        scale = 0.45 if weekend else 1.0
        if not weekend and R.random() < u.late_p:
            t1 = max(t1, base + R.uniform(19.5, 23.8) * 3600)
            if R.random() < 0.12:      # deadline all-nighter, benign
                t1 = base + R.uniform(24.6, 28.0) * 3600
                scale = 1.7
        if remote:
            src = self.vpn(u, t0 - R.uniform(30, 300), t1 + R.uniform(10, 600), R.choice(u.home_ips),
                           fails=1 if R.random() < 0.02 else 0)
            hn = None
        else:
            self.ws_login(u, t0, t1)
            src = u.ws.ip
            hn = u.ws.name
        if u.newcomer and d - u.arrive < 5:
            scale *= 1.3
        self.activity(u, d, t0, t1, src, hn, remote, scale)
        if not weekend:
            self.evening_check(u, d)
        return (src, hn, t0, t1, remote)

    def evening_check(self, u, d):
        R = self.R
        if u.evening_p <= 0 or R.random() >= u.evening_p:
            return
        base = d * 86400.0
        t = base + R.uniform(19.0, 23.6) * 3600
        ip = R.choice(u.home_ips)
        dur = R.uniform(240, 3000)
        ts, te = self.user_ssh(u, self.gw, t, dur, ip)
        targets = [h for h, w in u.servers] or [self.hosts["login01"]]
        for _ in range(R.randint(1, 2)):
            h = R.choice(targets)
            a = R.uniform(ts + 20, ts + dur * 0.5)
            self.user_ssh(u, h, a, R.uniform(60, te - a), self.gw.ip)

    def activity(self, u, d, t0, t1, src, hn, remote, scale):
        R = self.R
        span = max(600.0, t1 - t0)
        for app in u.apps:
            if R.random() < 0.85:
                self.sso(t0 + R.uniform(30, 1800), u, src, app)
        if u.role == "admin":
            self.admin_work(u, d, t0, t1, src, scale)
        else:
            for _ in range(poisson(R, u.ssh_mu * scale)):
                h = self.pick(u.servers)
                ts = t0 + R.uniform(60, span - 120)
                dur = clamp(R.lognormvariate(math.log(900), 1.1), 20, max(60, t1 + 1800 - ts))
                self.user_ssh(u, h, ts, dur, src)
                if u.restricted and h.name in u.sudo_hosts and R.random() < 0.45:
                    for _ in range(R.randint(1, 3)):
                        tt = ts + R.uniform(5, dur)
                        if R.random() < 0.06:
                            self.sudo_denied(h, u.login, u.uid, tt, R.choice(OPS_NO), "pts/%d" % R.randint(0, 4), why="command not allowed")
                        else:
                            self.sudo(h, u.login, u.uid, tt, R.choice(OPS_OK), "pts/%d" % R.randint(0, 4))
                elif R.random() < 0.004:
                    self.sudo_denied(h, u.login, u.uid, ts + R.uniform(5, dur), R.choice(["/usr/bin/apt update", "/usr/bin/systemctl restart nginx", "/bin/bash", "/usr/bin/docker ps"]), "pts/%d" % R.randint(0, 4))
            if u.ws_sudo and not remote and R.random() < 0.18:
                self.sudo(u.ws, u.login, u.uid, t0 + R.uniform(60, span), R.choice(DEV_WS_CMDS), "pts/%d" % R.randint(0, 3))
            elif not remote and u.role in ("dev", "researcher", "student") and R.random() < 0.01:
                self.sudo_denied(u.ws, u.login, u.uid, t0 + R.uniform(60, span), R.choice(["/usr/bin/apt install htop", "/usr/bin/apt update", "/usr/bin/snap install code --classic"]), "pts/%d" % R.randint(0, 3), badpw=R.random() < 0.3)
            if u.cluster:
                self.cluster_use(u, d, t0, t1, src, scale)
        self.web(u, d, t0, t1, src, hn, scale)
        self.mail(u, d, t0, t1, src, scale)
        self.files(u, d, t0, t1, src, scale)
        if hn:
            self.procs(u, t0, t1, hn, scale)
            self.usb_habit(u, d, t0, t1, hn)
        if u.role == "finance":
            self.fin_day(u, d, t0, t1, src)
        if R.random() < 0.004 and hn:
            self.passwd_changed(u.ws, t0 + R.uniform(60, span), u.login)

    def cluster_use(self, u, d, t0, t1, src, scale):
        R = self.R
        ln = self.hosts["login01"] if R.random() < 0.7 else self.hosts["login02"]
        ts = t0 + R.uniform(60, 1800)
        dur = max(300.0, (t1 - ts) * R.uniform(0.3, 0.97))
        self.user_ssh(u, ln, ts, dur, src)
        boost = 2.2 if (u.newcomer and d - u.arrive < 6) else 1.0
        k = poisson(R, u.nodes_mu * scale * boost)
        k = min(k, 24 + R.randint(0, 14), len(self.cnodes))
        if k:
            for node in R.sample(self.cnodes, k):
                a = ts + R.uniform(30, dur - 60)
                u.seen.add(node.name)
                self.ssh_session(node, u.login, u.uid, a, clamp(R.lognormvariate(math.log(150), 1.0), 5, 5400), ln.ip, "publickey", u.ckey)

    def ops_day(self, u, d):
        R = self.R
        if (d + u.op_off) % 7 >= 5:
            return None
        shift = (u.team + d // 7) % 3
        st = [6.9, 14.9, 22.9][shift] + R.gauss(0, 0.08)
        t0 = d * 86400.0 + st * 3600
        t1 = t0 + R.uniform(7.9, 8.4) * 3600
        self.ws_login(u, t0, t1)
        src, hn = u.ws.ip, u.ws.name
        self.activity(u, d, t0, t1, src, hn, False, 1.0)
        to = [x.email for x in R.sample(self.by_role["ops"], 3) if x is not u]
        self.email(t1 - R.uniform(120, 900), u, src, to, "Shift handover", [], "internal")
        return (src, hn, t0, t1, False)

    def trip_day(self, u, d):
        R = self.R
        off, ip = u.trip[d]
        st = (R.uniform(7.5, 10.0) - off) % 24
        st = max(st, 0.3)
        t0 = d * 86400.0 + st * 3600
        t1 = t0 + R.uniform(2.5, 7) * 3600
        src = self.vpn(u, t0, t1, ip, fails=1 if R.random() < 0.2 else 0)
        self.activity(u, d, t0, t1, src, None, True, 0.55)
        if R.random() < 0.3 and (u.servers or u.cluster):
            a = t0 + R.uniform(600, t1 - t0)
            self.ssh_session(self.gw, u.login, u.uid, a, R.uniform(300, 2400), ip,
                             "password" if u.gw_password else "publickey", u.key,
                             pre_fail=R.randint(0, 2) if u.gw_password else 0)
        return (src, None, t0, t1, True)

    def admin_work(self, u, d, t0, t1, src, scale):
        R = self.R
        span = max(600.0, t1 - t0)
        wss = [x.ws for x in self.users if x.ws.always_on]
        for _ in range(poisson(R, 26 * scale)):
            x = R.random()
            if x < 0.65:
                h = R.choice(self.servers)
            elif x < 0.85:
                h = R.choice(self.cnodes)
            else:
                h = R.choice(wss)
            ts = t0 + R.uniform(60, span - 60)
            dur = clamp(R.lognormvariate(math.log(600), 1.0), 20, 4 * 3600)
            self.user_ssh(u, h, ts, dur, src)
            tty = "pts/%d" % R.randint(0, 6)
            for _ in range(poisson(R, 2.0)):
                cmds = ADMIN_CMDS_U if h.os == "ubuntu" else ADMIN_CMDS_R
                cmd = R.choice(cmds).replace("{node}", R.choice(self.cnodes).name)
                self.sudo(h, u.login, u.uid, ts + R.uniform(3, dur), cmd, tty)
            if R.random() < 0.02:
                self.su_root(h, u.login, u.uid, ts + R.uniform(3, dur), R.uniform(20, 600), tty=tty)

    def web(self, u, d, t0, t1, src, hn, scale):
        R = self.R
        span = max(600.0, t1 - t0)
        n = poisson(R, u.http_mu * scale)
        if R.random() < 0.03:
            n += int(R.paretovariate(1.5) * 20)
        if n:
            doms = R.choices(u.sites, weights=u.site_w, k=n)
            for dom in doms:
                t = t0 + R.uniform(0, span)
                path = "/" + R.choice(["", "search", "a", "news", "articles", "docs", "en", "watch", "questions", "p", "api/v1/items", "static/js/app.js"])
                if dom == "www.linkedin.com":
                    path = R.choice(["/feed/", "/in/%s-%s/" % (R.choice(FIRST), R.choice(LAST)), "/notifications/", "/messaging/", "/jobs/"])
                st = 200 if R.random() < 0.93 else R.choice([301, 302, 304, 404, 403])
                self.http(t, u, src, hn, dom, path, status=st)
        if u.job_p and R.random() < u.job_p:
            for _ in range(R.randint(1, 4)):
                dom, p = R.choice(JOB_SITES)
                self.http(t0 + R.uniform(0, span), u, src, hn, dom, p.format(n=R.randint(10 ** 8, 10 ** 9), h="%012x" % R.getrandbits(48)))
        if u.cloud and R.random() < u.cloud_p * scale:
            total = int(clamp(R.lognormvariate(math.log(4e6), 1.8), 2e4, 3.5e9))
            self.upload(u, t0 + R.uniform(0, span), src, hn, CLOUD[u.cloud], u.cloud, total, R.uniform(300, 5400))
        if u.cloud and R.random() < 0.5:
            self.http(t0 + R.uniform(0, span), u, src, hn, CLOUD[u.cloud][0], "/home")
        sp = u.special_up.get(d)
        if sp:
            if sp[0] == "repo":
                spec = REPOS[sp[1]]
                total = int(R.lognormvariate(math.log(3e9), 0.9))
            else:
                spec = CLOUD["wetransfer"]
                total = int(R.lognormvariate(math.log(9e7), 0.8))
            self.upload(u, t0 + R.uniform(0, span * 0.7), src, hn, spec, sp[1], total, R.uniform(600, 7200))

    def upload(self, u, t, src, hn, spec, svc, total, window, ua=None):
        """Chunked upload of `total` bytes to a storage service within `window` seconds."""
        R = self.R
        browse, up, path, meth = spec
        self.http(t - R.uniform(5, 120), u, src, hn, browse, "/", ua=ua)
        chunk = R.choice([8, 16, 32, 50, 64, 100]) * 1048576
        n = max(1, int(math.ceil(total / float(chunk))))
        if n > 400:
            chunk = int(math.ceil(total / 400.0))
            n = 400
        tok = "%016x" % R.getrandbits(64)
        host = up.format(n3=R.randint(200, 320), n2=R.randint(10, 140), n1=R.randint(1, 18))
        off = 0
        for i in range(n):
            sz = min(chunk, total - off) if i < n - 1 else total - off
            pth = path.format(h=tok, h2="%08x" % R.getrandbits(32), off=off, n=i + 1, f="upload.tar")
            self.http(t + window * (i + R.random() * 0.5) / n, u, src, hn, host, pth, method=meth,
                      req=max(1, int(sz)) + R.randint(400, 900), resp=R.randint(80, 900), status=200, ua=ua)
            off += sz

    def mail(self, u, d, t0, t1, src, scale):
        R = self.R
        span = max(600.0, t1 - t0)
        col = [c for c in self.by_dept.get(u.dept, []) if c is not u] or [R.choice(self.users)]
        for _ in range(poisson(R, u.mail_mu * scale)):
            t = t0 + R.uniform(0, span)
            x = R.random()
            if x < 0.78:
                to = [c.email for c in R.sample(col, min(len(col), R.randint(1, 3)))]
                if R.random() < 0.2:
                    to.append(R.choice(self.users).email)
                dirn = "internal"
            else:
                to = ["%s.%s@%s" % (R.choice(FIRST), R.choice(LAST), R.choice(PARTNERS))]
                dirn = "outbound"
            atts = [self.att() for _ in range(R.randint(1, 2))] if R.random() < 0.28 else []
            self.email(t, u, src, to, R.choice(SUBJECTS), atts, dirn)
        if u.personal_p and R.random() < u.personal_p:
            for _ in range(R.choice([1, 1, 1, 1, 2, 2, 3])):
                atts = [self.att(big=R.random() < 0.2) for _ in range(R.randint(1, 2))] if R.random() < 0.6 else []
                self.email(t0 + R.uniform(0, span), u, src, [u.personal], R.choice(["", "fwd", "for home", "Fwd: tickets", "notes", "receipt", "photos", "slides"]), atts, "outbound")

    def files(self, u, d, t0, t1, src, scale):
        R = self.R
        span = max(600.0, t1 - t0)
        n = poisson(R, u.read_mu * scale)
        if R.random() < 0.03:
            n += int(R.uniform(5, 25) * u.read_mu)     # benign bulk-analysis day
        roots = u.shares + [u.home, u.home, "/srv/shares/common"]
        for _ in range(n):
            path, size = self.rand_file(R.choice(roots))
            self.fev(t0 + R.uniform(0, span), u.login, src, "files01", "file-read", path, size)
        for _ in range(poisson(R, u.read_mu * scale / 3.5)):
            path, size = self.rand_file(R.choice(roots))
            act = R.choice(["file-write", "file-write", "file-create", "file-delete", "file-rename"])
            self.fev(t0 + R.uniform(0, span), u.login, src, "files01", act, path, size)

    def procs(self, u, t0, t1, hn, scale):
        R = self.R
        lst = PROC_ROLE.get(u.role)
        if not lst:
            return
        span = max(600.0, t1 - t0)
        for _ in range(poisson(R, 2.5 * scale)):
            name, exe, args = R.choice(lst)
            self.pev(t0 + R.uniform(0, span), u.login, hn, name, exe, list(args))

    def usb(self, u, t, hn, model, serial, action):
        man, mod, label = model
        self.ecs(self.S_device, t, ["host"], ["change"] if action != "device-mounted" else ["info"], action,
                 "success", "udev.usb", u.login, host={"name": hn},
                 device={"id": serial, "manufacturer": man, "model": {"name": mod}},
                 labels={"bus": "usb", "class": "mass-storage" if label else "mtp"},
                 file={"path": "/media/%s/%s" % (u.login, label)} if (action == "device-mounted" and label) else None)

    def usb_copy_session(self, u, t, hn, model, serial, n, to_media, roots, gap=(1, 20)):
        R = self.R
        label = model[2]
        self.usb(u, t, hn, model, serial, "device-connected")
        self.usb(u, t + 1.5, hn, model, serial, "device-mounted")
        t += R.uniform(20, 120)
        for _ in range(n):
            path, size = self.rand_file(R.choice(roots))
            name = path.rsplit("/", 1)[1]
            if to_media:
                dst = "/media/%s/%s/%s" % (u.login, label, name)
                self.fev(t, u.login, None, hn, "file-copy", dst, size, labels={"source_path": path},
                         process={"name": R.choice(["nautilus", "cp", "rsync"])})
            else:
                srcp = "/media/%s/%s/%s" % (u.login, label, name)
                dst = "/home/%s/data/%s" % (u.login, name)
                self.fev(t, u.login, None, hn, "file-copy", dst, size, labels={"source_path": srcp},
                         process={"name": R.choice(["nautilus", "cp", "rsync"])})
            t += R.uniform(gap[0], gap[1])
        t += R.uniform(10, 300)
        self.usb(u, t, hn, model, serial, "device-disconnected")
        return t

    def usb_habit(self, u, d, t0, t1, hn):
        R = self.R
        if u.usb == 0:
            if R.random() < 0.01:      # phone plugged in to charge
                man, mod = R.choice(PHONES)
                t = t0 + R.uniform(0, t1 - t0)
                s = "%016X" % R.getrandbits(64)
                self.usb(u, t, hn, (man, mod, None), s, "device-connected")
                self.usb(u, t + R.uniform(600, 9000), hn, (man, mod, None), s, "device-disconnected")
            return
        if not hasattr(u, "usb_dev"):
            u.usb_dev = (R.choice(INSTR) if u.usb == 2 else R.choice(USB_MODELS), "%016X" % R.getrandbits(64))
        model, serial = u.usb_dev
        t = t0 + R.uniform(600, max(700, t1 - t0 - 900))
        if u.usb == 1:
            x = R.random()
            if x < 0.03:
                self.usb_copy_session(u, t, hn, model, serial, R.randint(1, 6), R.random() < 0.6,
                                      [u.home] + u.shares)
            elif x < 0.05:
                man, mod = R.choice(PHONES)
                s = "%016X" % R.getrandbits(64)
                self.usb(u, t, hn, (man, mod, None), s, "device-connected")
                self.usb(u, t + R.uniform(600, 9000), hn, (man, mod, None), s, "device-disconnected")
        else:
            x = R.random()
            if x < 0.3:      # instrument data import: from the stick to the home directory
                self.usb_copy_session(u, t, hn, model, serial, int(clamp(R.lognormvariate(math.log(40), 0.9), 3, 400)), False, ["/data"])
            elif x < 0.34:   # personal backup of own home directory to a stick
                if not hasattr(u, "bk_dev"):
                    u.bk_dev = (R.choice(USB_MODELS), "%016X" % R.getrandbits(64))
                self.usb_copy_session(u, t, hn, u.bk_dev[0], u.bk_dev[1], int(clamp(R.lognormvariate(math.log(80), 0.9), 10, 500)), True, ["/home/%s" % u.login], gap=(0.3, 6))

    # ---------------------------------------------------------------- finance
    def amount(self):
        R = self.R
        a = R.lognormvariate(math.log(2300), 1.15)
        if R.random() < 0.15:
            a = round(a, -2)
        return round(clamp(a, 25, 450000), 2)

    def fin_event(self, t, u, src, action, bene, amount=None, tid=None, batch=None, by=None, method=None):
        pay = {}
        if tid:
            pay["id"] = tid
        if amount is not None:
            pay["amount"] = amount
            pay["currency"] = "USD"
            pay["method"] = method or ("WIRE" if (bene["country"] != "US" or amount >= 50000) else "ACH")
        if bene is not None:
            pay["beneficiary"] = dict(bene)
        if batch:
            pay["batch_id"] = batch
        if by:
            pay["initiated_by"] = by
        typ = "creation" if action in ("transfer-initiated", "beneficiary-created", "batch-submitted") else "change"
        self.ecs(self.S_fin, t, "finance", typ, action, "success", "paysys.audit", u.login,
                 host={"name": "pay01"}, source={"ip": src}, payment=pay)

    def transfer(self, u, t, src, bene, amt, batch=None):
        R = self.R
        tid = [None]          # filled in chronologically when written
        self.fin_event(t, u, src, "transfer-initiated", bene, amt, tid, batch)
        if amt >= THRESH and batch is None:
            d = int(t // 86400)
            ta = t + R.uniform(0.2, 4.5) * 3600
            if (ta - d * 86400) / 3600.0 > 17.5:
                nd = d + 1
                while nd < self.ndays and self.wday[nd] >= 5:
                    nd += 1
                ta = nd * 86400.0 + R.uniform(8.6, 11.5) * 3600
            cands = [a for a in self.approvers if a is not u and self.present(a, int(ta // 86400))] or [a for a in self.approvers if a is not u]
            ap = R.choice(cands)
            saved, self.atk = self.atk, None     # the approver's event is not the initiator's activity
            self.fin_event(ta, ap, ap.ws.ip, "transfer-approved", bene, amt, tid, by=u.login)
            self.atk = saved
        return tid

    def fin_day(self, u, d, t0, t1, src):
        R = self.R
        span = max(600.0, t1 - t0)
        if u.fin_role == "payroll":
            return
        if u.fin_role == "clerk" and R.random() < 0.09:
            b = self.new_bene()
            u.benes.append(b)
            tb = t0 + R.uniform(0, span * 0.6)
            self.fin_event(tb, u, src, "beneficiary-created", b)
            for _ in range(R.randint(1, 2)):
                self.transfer(u, tb + R.uniform(600, 12000), src, b, self.amount())
        n = poisson(R, u.tx_mu)
        wts = [1.0 / (i + 1) for i in range(len(u.benes))]
        fx = self.fixed_amt
        for _ in range(n):
            b = R.choices(u.benes, weights=wts)[0]
            amt = fx[b["id"]] if (b["id"] in fx and R.random() < 0.85) else self.amount()
            self.transfer(u, t0 + R.uniform(0, span), src, b, amt)
        if d in self.monthend_days and u.fin_role == "clerk":
            ts = t0 + R.uniform(0.5, span / 3600.0 - 1.5) * 3600
            m = int(R.uniform(8, 28) * u.fin_mult)
            for i in range(m):
                b = R.choices(u.benes, weights=wts)[0]
                amt = fx[b["id"]] if b["id"] in fx else self.amount()
                self.transfer(u, ts + i * R.uniform(40, 200), src, b, amt)

    def payroll(self, d):
        R = self.R
        pu = self.payroll_user
        if not self.present(pu, d):
            pu = R.choice(self.clerks)
        t = d * 86400.0 + R.uniform(9.5, 11.0) * 3600
        src = pu.ws.ip
        batch = "PR-%s-%s" % (self.iso_d[d].replace("-", ""), "%04X" % R.getrandbits(16))
        emps = [u for u in self.users if u.arrive <= d and (u.depart is None or u.depart >= d - 14)]
        self.sso(t - 120, pu, src, "pay.%s" % ORG)
        self.ecs(self.S_fin, t, "finance", "creation", "batch-submitted", "success", "paysys.audit", pu.login,
                 host={"name": "pay01"}, source={"ip": src},
                 payment={"batch_id": batch, "count": len(emps), "currency": "USD"})
        tt = t + 5
        for u in emps:
            sal = {"admin": 4200, "ops": 2600, "finance": 3000, "hr": 2900, "staff": 2700, "student": 1300,
                   "dev": 4600, "researcher": 3900}[u.role]
            amt = round(sal * (1 + (u.uid % 37) / 60.0), 2)
            self.transfer(pu, tt, src, u.emp_bene, amt, batch=batch)
            tt += R.uniform(0.2, 2.5)
        ap = R.choice([a for a in self.approvers if self.present(a, d)] or self.approvers)
        self.ecs(self.S_fin, tt + R.uniform(600, 5400), "finance", "change", "batch-approved", "success",
                 "paysys.audit", ap.login, host={"name": "pay01"}, source={"ip": ap.ws.ip},
                 payment={"batch_id": batch, "count": len(emps)})

    # -------------------------------------------------------------- background
    def background(self, d):
        R = self.R
        base = d * 86400.0
        # cron (sysstat every 10 min on servers, hourly elsewhere), monitoring probes
        for h in self.servers:
            step = 600 if h.os == "ubuntu" else 3600
            k = 0
            while k * step < 86400:
                self.cron(h, base + k * step + (0 if step == 600 else 60) + R.uniform(0.3, 1.9))
                k += 1
            off = R.uniform(0, 290)
            k = 0
            while k * 300 + off < 86400:
                if R.random() < 0.8:
                    self.pubkey_probe(h, base + k * 300 + off + R.uniform(0, 0.4))
                k += 1
        for h in self.cnodes:
            for hr in range(24):
                self.cron(h, base + hr * 3600 + 60 + R.uniform(0, 1.5))
        for u in self.users:
            ws = u.ws
            if ws.always_on:
                for hr in range(24):
                    self.cron(ws, base + hr * 3600 + 1020 + R.uniform(0, 0.9))
        # user crontabs on the login nodes
        ln = self.hosts["login01"]
        for u in self.users:
            if u.cron and d >= u.arrive and (u.depart is None or d <= u.depart):
                for hr in range(0, 24, 6):
                    self.cron(ln, base + hr * 3600 + u.cron_min * 60 + R.uniform(0, 1), u.login, u.uid, R.uniform(2, 40))
        # nightly ansible run (service account) and backups
        if self.wday[d] < 5:
            t = base + 2.5 * 3600 + R.uniform(0, 300)
            mon = self.hosts["mon01"]
            for h in self.servers + R.sample(self.cnodes, 12):
                dur = R.uniform(20, 240)
                self.ssh_session(h, "ansible", 997, t, dur, mon.ip, "publickey", "ED25519 SHA256:q3V0kWm8rQy1nYf8m2bqk3N2eZ0m3S0wY2v9H7p4c1E")
                for j in range(R.randint(2, 6)):
                    tok = "".join(R.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(32))
                    self.A(h, t + 1 + j * dur / 7.0, "sudo:  ansible : TTY=unknown ; PWD=/home/ansible ; USER=root ; COMMAND=/bin/sh -c echo BECOME-SUCCESS-%s ; /usr/bin/python3 /home/ansible/.ansible/tmp/ansible-tmp-%d.%d-%d-%d/AnsiballZ_%s.py" % (tok, int(self.epoch0 + t), R.randint(10, 99), R.randint(1000, 99999), R.randint(10 ** 13, 10 ** 14), R.choice(["setup", "apt", "copy", "stat", "file", "systemd", "lineinfile"])))
                t += R.uniform(4, 30)
        bk = self.hosts["backup01"]
        t = base + 1.0 * 3600 + R.uniform(0, 200)
        for h in self.servers:
            if h is bk:
                continue
            dur = R.uniform(60, 1800)
            self.ssh_session(h, "bacula", 998, t, dur, bk.ip, "publickey", "RSA SHA256:7mJ0o5Jc4b3FvH2mY8pQ9w6rE1tZ0uK3xN5aL7sD2fG")
            t += R.uniform(20, 200)
        self.internet_noise(d)
        self.admin_tasks(d)
        for u, a, b in self.script_fail:
            self.script_noise(u, d, a, b)
        ln1 = self.hosts["login01"]
        for u in self.night_sync:
            if d >= u.arrive and (u.depart is None or d <= u.depart):
                t = base + u.sync_h * 3600 + R.uniform(0, 120)
                n = poisson(R, u.sync_n)
                roots = u.shares + [u.home]
                for i in range(n):
                    path, size = self.rand_file(R.choice(roots))
                    self.fev(t + i * R.uniform(0.5, 4), u.login, ln1.ip, "files01", "file-read", path, size)
        for u in self.failed_bf.get(d, []):
            self.targeted_fail(u, d)
        if d in self.spray_days:
            self.spray(d)
        if d in self.payroll_days:
            self.payroll(d)

    def pubkey_probe(self, h, t):
        p = Proc()
        self.A(h, t, "sshd[\x01]: Connection closed by 10.0.8.10 port %d [preauth]" % self.R.randint(32768, 60999), p)

    def internet_noise(self, d):
        R = self.R
        gw = self.gw
        base = d * 86400.0
        for _ in range(R.randint(5, 16)):
            ip = "%d.%d.%d.%d" % (R.choice(HOSTILE_OCTETS), R.randint(0, 255), R.randint(0, 255), R.randint(1, 254))
            t = base + R.uniform(0, 86000)
            n = int(clamp(R.lognormvariate(math.log(10), 1.2), 1, 500))
            names = SCAN_USERS
            for _ in range(n):
                x = R.random()
                if x < 0.03:
                    nm = R.choice(self.users).login
                    t = self.ssh_fail_conn(gw, nm, t, ip, R.choice([1, 1, 2, 3]))
                elif x < 0.3:
                    t = self.ssh_fail_conn(gw, "root", t, ip, R.choice([1, 1, 1, 2, 6]))
                else:
                    t = self.ssh_fail_conn(gw, R.choice(names), t, ip, 1, invalid=True)
                t += R.uniform(1, 40)
                if t > base + 86390:
                    break
        for _ in range(R.randint(3, 15)):
            ip = "%d.%d.%d.%d" % (R.choice(HOSTILE_OCTETS), R.randint(0, 255), R.randint(0, 255), R.randint(1, 254))
            port = R.randint(1024, 65000)
            t = base + R.uniform(0, 86300)
            msg = R.choice([
                "error: kex_exchange_identification: Connection closed by remote host",
                "error: kex_exchange_identification: read: Connection reset by peer",
                "Connection closed by %s port %d [preauth]" % (ip, port),
                "banner exchange: Connection from %s port %d: invalid format" % (ip, port),
                "Unable to negotiate with %s port %d: no matching key exchange method found. Their offer: diffie-hellman-group14-sha1,diffie-hellman-group-exchange-sha1,diffie-hellman-group1-sha1 [preauth]" % (ip, port),
                "Connection reset by %s port %d [preauth]" % (ip, port)])
            self.A(gw, t, "sshd[\x01]: " + msg, Proc())

    def script_noise(self, u, d, a, b):
        """A user's cron rsync to backup01 keeps using an expired password (internal source)."""
        R = self.R
        if d < a - 1 or d > b + 6 or not self.present(u, d) and d > b:
            return
        bk = self.hosts["backup01"]
        ln = self.hosts["login01"]
        base = d * 86400.0
        if d == a - 1:
            self.passwd_changed(u.ws, base + R.uniform(10, 16) * 3600, u.login)
            return
        for hr in range(24):
            t = base + hr * 3600 + 300 + u.cron_min + R.uniform(0, 2)
            if d < b or (d == b and hr < 14):
                self.ssh_fail_conn(bk, u.login, t, ln.ip, 1)
            else:
                self.ssh_session(bk, u.login, u.uid, t, R.uniform(30, 240), ln.ip, "password")

    def targeted_fail(self, u, d):
        R = self.R
        ip = self.pub_ip(HOSTILE_OCTETS)
        t = d * 86400.0 + R.uniform(0, 22) * 3600
        n = R.randint(30, 260)
        while n > 0:
            k = min(n, R.choice([3, 6, 6]))
            t = self.ssh_fail_conn(self.gw, u.login, t, ip, k) + R.uniform(0.5, 30)
            n -= k

    def spray(self, d):
        R = self.R
        ip = self.pub_ip(HOSTILE_OCTETS)
        t = d * 86400.0 + R.uniform(0, 20) * 3600
        for u in R.sample(self.users, min(len(self.users), R.randint(30, 120))):
            for _ in range(R.randint(1, 2)):
                self.sso(t, u, ip, "mail.%s" % ORG, "failure")
                t += R.uniform(2, 60)

    def admin_tasks(self, d):
        R = self.R
        base = d * 86400.0
        adm = [a for a in self.by_role["admin"] if self.present(a, d) and not (a.newcomer and a.arrive == d)]
        if not adm:
            return
        for nu in self.arrivals.get(d, []):
            a = R.choice(adm)
            t = base + R.uniform(8.0, 9.6) * 3600
            hosts = [nu.ws, self.gw]
            if nu.role in ("student", "researcher"):
                hosts += [self.hosts["login01"], self.hosts["login02"]]
            if nu.role == "dev":
                hosts += [self.hosts["git01"], self.hosts["build01"]]
            if nu.role == "admin":
                hosts = [nu.ws] + self.servers[:]
            grp = {"student": "research", "researcher": "research", "dev": "developers", "admin": "itstaff"}.get(nu.role, "users")
            for h in hosts:
                ts, te = self.user_ssh(a, h, t, R.uniform(120, 600), a.ws.ip)
                tt = ts + R.uniform(10, 40)
                self.sudo(h, a.login, a.uid, tt, "/usr/sbin/useradd -m -u %d -s /bin/bash -G %s %s" % (nu.uid, grp, nu.login), "pts/1")
                self.useradd(h, tt + 0.05, nu, [grp])
                self.sudo(h, a.login, a.uid, tt + R.uniform(5, 20), "/usr/bin/passwd %s" % nu.login, "pts/1", dur=R.uniform(8, 20))
                self.passwd_changed(h, tt + R.uniform(25, 35), nu.login)
                if nu.role == "admin":
                    cmd = "/usr/sbin/usermod -aG %s %s" % (h.group, nu.login)
                    t2 = tt + R.uniform(40, 70)
                    self.sudo(h, a.login, a.uid, t2, cmd, "pts/1")
                    self.usermod_add(h, t2 + 0.03, nu.login, h.group)
                t = te + R.uniform(20, 120)
        for u in self.docker_adds.get(d, []):
            a = R.choice(adm)
            h = self.hosts["build01"]
            t = base + R.uniform(9.5, 16) * 3600
            ts, te = self.user_ssh(a, h, t, R.uniform(60, 400), a.ws.ip)
            self.sudo(h, a.login, a.uid, ts + 15, "/usr/bin/gpasswd -a %s docker" % u.login, "pts/2")
            self.gpasswd_add(h, ts + 15.05, u.login, "docker")
        for u in self.lock_days.get(d, []):
            a = R.choice(adm)
            t = base + R.uniform(9.0, 15) * 3600
            for h in [self.gw, self.hosts["login01"], u.ws]:
                ts, te = self.user_ssh(a, h, t, R.uniform(60, 300), a.ws.ip)
                self.sudo(h, a.login, a.uid, ts + 10, "/usr/sbin/usermod -L -e 1 %s" % u.login, "pts/0")
                p = Proc()
                self.A(h, ts + 10.05, "usermod[\x01]: lock user '%s' password" % u.login, p)
                self.A(h, ts + 10.06, "usermod[\x01]: change user '%s' expiration from 'never' to '1970-01-02'" % u.login, p)
                t = te + R.uniform(30, 200)
        # on-call page at night
        if R.random() < 0.13:
            a = self.by_role["admin"][(d // 7) % len(self.by_role["admin"])]
            if self.present(a, d):
                t = base + R.uniform(0.5, 4.5) * 3600
                src = self.vpn(a, t, t + R.uniform(1200, 5400), R.choice(a.home_ips))
                for _ in range(R.randint(1, 4)):
                    h = R.choice(self.servers)
                    ts, te = self.user_ssh(a, h, t + R.uniform(60, 600), R.uniform(300, 2400), src)
                    for _ in range(R.randint(1, 4)):
                        cmds = ADMIN_CMDS_U if h.os == "ubuntu" else ADMIN_CMDS_R
                        self.sudo(h, a.login, a.uid, ts + R.uniform(5, te - ts), R.choice(cmds).replace("{node}", "cn001"), "pts/0")
        if d == self.maint_day:
            t = base + R.uniform(21.5, 22.5) * 3600
            vips = {}
            for h in self.servers:
                a = R.choice(self.by_role["admin"])
                if not self.present(a, d):
                    continue
                if a.login not in vips:
                    vips[a.login] = self.vpn(a, t - R.uniform(60, 600), base + R.uniform(26.5, 28) * 3600, R.choice(a.home_ips))
                ts, te = self.user_ssh(a, h, t, R.uniform(900, 3600), vips[a.login])
                cmd = "/usr/bin/apt-get -y dist-upgrade" if h.os == "ubuntu" else "/usr/bin/dnf -y update"
                self.sudo(h, a.login, a.uid, ts + 20, cmd, "pts/0", dur=R.uniform(200, 900))
                rb = ts + R.uniform(950, 1200)
                self.sudo(h, a.login, a.uid, rb - 1, "/usr/sbin/reboot", "pts/0", dur=0.5)
                self.reboot_host(h, rb)
                t += R.uniform(200, 900)

    # ------------------------------------------------------------------ attacks
    def run_attack(self, a):
        self.atk = a
        try:
            getattr(self, "atk_" + a.scen)(a)
        finally:
            self.atk = None

    def other_roots(self, u, k):
        R = self.R
        pool = SENSITIVE + ["/srv/shares/%s/%s" % (dp, p) for dp in sorted(DEPTS) for p in DEPTS[dp]]
        pool = [x for x in pool if x not in u.shares]
        return R.sample(pool, min(len(pool), k))

    def atk_off_hours_spree(self, a):
        R = self.R
        u, k = a.user, a.k
        base = a.d * 86400.0
        if a.variant == "night":
            st = R.uniform(22.3, 26.3)
            dur = (1.2 + 4.0 * k * R.uniform(0.6, 1.2)) * 3600
        elif a.variant == "weekend":
            st = R.uniform(19.5, 25.5)
            dur = (1.5 + 5.0 * k * R.uniform(0.6, 1.2)) * 3600
        else:
            st = R.uniform(1.2, 3.5)
            dur = min(u.start_h - st - 0.8, 1.2 + 3.0 * k) * 3600
        t0 = base + st * 3600
        t1 = t0 + max(1800, dur)
        remote = a.variant == "early" or R.random() < 0.65
        if remote:
            src = self.vpn(u, t0 - 60, t1 + 120, R.choice(u.home_ips))
            hn = None
        else:
            self.ws_login(u, t0, t1, cron=True)
            src, hn = u.ws.ip, u.ws.name
        span = t1 - t0
        targets = [h for h, w in u.servers] or [self.hosts["files01"]]
        for _ in range(int(2 + 16 * k * R.uniform(0.5, 1.3))):
            h = R.choice(targets)
            ts = t0 + R.uniform(0, span * 0.9)
            self.user_ssh(u, h, ts, R.uniform(120, span - (ts - t0) + 60), src)
        if u.cluster:
            self.cluster_use(u, a.d, t0, t1, src, 1.5)
        roots = u.shares + [u.home] + self.other_roots(u, R.randint(1, 4))
        for _ in range(int(25 + 520 * k * R.uniform(0.4, 1.2))):
            path, size = self.rand_file(R.choice(roots))
            self.fev(t0 + R.uniform(0, span), u.login, src, "files01", "file-read", path, size)
        for _ in range(int(3 + 30 * k)):
            path, size = self.rand_file(R.choice(u.shares + [u.home]))
            self.fev(t0 + R.uniform(0, span), u.login, src, "files01", R.choice(["file-write", "file-create"]), path, size)
        for _ in range(int(8 + 60 * k * R.random())):
            dom = R.choices(u.sites, weights=u.site_w)[0]
            self.http(t0 + R.uniform(0, span), u, src, hn, dom, "/")
        if hn and k > 0.4:
            self.pev(t0 + span * 0.8, u.login, hn, "tar", "/usr/bin/tar", ["tar", "czf", "/home/%s/out.tgz" % u.login, roots[-1]])
        if R.random() < 0.4:
            col = self.by_dept.get(u.dept, [u])
            self.email(t0 + R.uniform(0, span), u, src, [R.choice(col).email], R.choice(SUBJECTS), [], "internal")

    def atk_brute_force_takeover(self, a):
        R = self.R
        u, k = a.user, a.k
        gw = self.gw
        aip = self.pub_ip(HOSTILE_OCTETS)
        a.variant = R.choice(["ssh", "ssh", "vpn"])
        fails = int(10 + 260 * k * k * R.uniform(0.5, 1.2))
        slow = R.random() < 0.35
        t = a.d * 86400.0 + R.uniform(0, 23.5) * 3600
        if a.variant == "ssh":
            left = fails
            while left > 0:
                n = min(left, R.choice([3, 6, 6, 6, 1]))
                t = self.ssh_fail_conn(gw, u.login, t, aip, n, gap=(1.8, 6.5))
                t += R.uniform(60, 1500) if slow else R.uniform(0.3, 8)
                left -= n
                if R.random() < 0.04:
                    nm = R.choice(["root", "admin", "test"])
                    t = self.ssh_fail_conn(gw, nm, t, aip, 1, invalid=(nm != "root")) + R.uniform(1, 5)
            t += R.uniform(2, 200)
            sess = R.uniform(900, 5400) * (0.6 + k)
            ts, te = self.ssh_session(gw, u.login, u.uid, t, sess, aip, "password")
            hops = R.sample([h for h, w in u.servers] or [self.hosts["login01"]], 1)
            hops += R.sample([self.hosts[x] for x in ("files01", "login01", "git01", "db01", "build01", "hr01")], R.randint(0, 2 + int(2 * k)))
            src = gw.ip
            tt = ts + R.uniform(60, 400)
            for h in hops:
                dur = R.uniform(120, max(200, (te - tt) * 0.7))
                s, e = self.ssh_session(h, u.login, u.uid, tt, dur, src, "password")
                u.seen.add(h.name)
                if R.random() < 0.5:
                    self.sudo_denied(h, u.login, u.uid, s + R.uniform(20, dur), R.choice(["/bin/bash", "/usr/bin/cat /etc/shadow", "/usr/bin/id"]), "pts/%d" % R.randint(0, 3))
                tt = s + R.uniform(60, 600)
            fsrc = gw.ip
        else:
            te0 = t
            for i in range(fails):
                self.ecs(self.S_logon, te0, ["authentication"], ["start"], "vpn-login", "failure", "vpn.auth",
                         u.login, source={"ip": aip}, destination={"ip": "198.18.40.2", "domain": "vpn.%s" % ORG},
                         error={"message": "authentication failed"})
                te0 += R.uniform(60, 1200) if slow else R.uniform(1.5, 12)
            ts = te0 + R.uniform(5, 300)
            te = ts + R.uniform(1800, 7200) * (0.6 + k)
            vip = self.vpn(u, ts, te, aip)
            for h in R.sample([h for h, w in u.servers] or [self.hosts["login01"]], 1) + R.sample([self.hosts[x] for x in ("files01", "login01", "db01", "git01")], R.randint(0, 2)):
                s = ts + R.uniform(120, 1200)
                self.ssh_session(h, u.login, u.uid, s, R.uniform(120, 1800), vip, "password")
                u.seen.add(h.name)
            for _ in range(R.randint(3, 15)):
                dom = R.choice(["pastebin.com", "www.google.com", "transfer.sh", "ipinfo.io", "github.com"])
                self.http(ts + R.uniform(60, te - ts), u, vip, None, dom, "/", ua="curl/7.81.0" if R.random() < 0.5 else None)
            fsrc = vip
        roots = u.shares + [u.home] + self.other_roots(u, 3)
        for _ in range(int(5 + 300 * k * R.uniform(0.3, 1.1))):
            path, size = self.rand_file(R.choice(roots))
            self.fev(ts + R.uniform(120, max(300, te - ts)), u.login, fsrc, "files01", "file-read", path, size)
        if k > 0.55 and R.random() < 0.7:
            t2 = ts + R.uniform(14, 40) * 3600
            if a.variant == "ssh":
                self.ssh_session(gw, u.login, u.uid, t2, R.uniform(600, 3600), aip, "password")
            else:
                fsrc = self.vpn(u, t2, t2 + R.uniform(600, 3600), aip)
            for _ in range(int(10 + 100 * k * R.random())):
                path, size = self.rand_file(R.choice(roots))
                self.fev(t2 + R.uniform(60, 600), u.login, gw.ip if a.variant == "ssh" else fsrc, "files01", "file-read", path, size)

    def atk_removable_media_exfiltration(self, a):
        R = self.R
        u, k = a.user, a.k
        hn = u.ws.name
        base = a.d * 86400.0
        evening = R.random() < 0.35
        t = base + (R.uniform(18.0, 21.0) if evening else R.uniform(u.start_h + 2, u.start_h + 6.5)) * 3600
        if evening:
            self.ws_login(u, t - 60, t + 3 * 3600, cron=False)
        model = R.choice(USB_MODELS[3:] if k > 0.6 else USB_MODELS)
        serial = "%016X" % R.getrandbits(64)
        n = int(25 + 900 * k * R.uniform(0.4, 1.1))
        roots = u.shares + [u.home] + self.other_roots(u, R.randint(1, 3))
        for _ in range(int(n * R.uniform(0.1, 0.5))):
            path, size = self.rand_file(R.choice(roots))
            self.fev(t - R.uniform(60, 5400), u.login, u.ws.ip, "files01", "file-read", path, size)
        if k > 0.5 and R.random() < 0.5:
            self.pev(t + 30, u.login, hn, "tar", "/usr/bin/tar", ["tar", "czf", "/media/%s/%s/archive.tgz" % (u.login, model[2]), roots[-1]])
        end = self.usb_copy_session(u, t, hn, model, serial, n, True, roots, gap=(0.2, 6))
        if k > 0.6 and R.random() < 0.6:
            d2 = a.d + 1
            while d2 < self.ndays and self.wday[d2] >= 5:
                d2 += 1
            if d2 < self.ndays:
                t2 = d2 * 86400.0 + R.uniform(u.start_h + 1, u.start_h + 7) * 3600
                self.usb_copy_session(u, t2, hn, model, serial, int(n * R.uniform(0.2, 0.7)), True, roots, gap=(0.2, 6))

    def atk_lateral_movement(self, a):
        R = self.R
        u, k = a.user, a.k
        base = a.d * 86400.0
        n = int(10 + 28 * k * R.uniform(0.7, 1.1))
        pool_ws = [x.ws for x in self.users if x is not u and x.ws.always_on and x.ws.name not in u.seen]
        pool_srv = [h for h in self.servers if h.name not in u.seen and h is not self.gw]
        pool_cn = [h for h in self.cnodes if h.name not in u.seen]
        targets = []
        for _ in range(n):
            x = R.random()
            if x < 0.45 and pool_ws:
                h = pool_ws.pop(R.randrange(len(pool_ws)))
            elif x < 0.8 and pool_srv:
                h = pool_srv.pop(R.randrange(len(pool_srv)))
            elif pool_cn and not u.cluster:
                h = pool_cn.pop(R.randrange(len(pool_cn)))
            elif pool_ws:
                h = pool_ws.pop(R.randrange(len(pool_ws)))
            else:
                continue
            targets.append(h)
        night = R.random() < 0.35
        t = base + (R.uniform(19.5, 23.0) if night else R.uniform(u.start_h + 1, u.start_h + 5)) * 3600
        start = u.ws
        if night:
            self.ws_login(u, t - 120, t + 4 * 3600, cron=False)
        hops = [start]
        two_days = len(targets) >= 13 and R.random() < 0.4
        split = R.randint(6, len(targets) - 6) if two_days else len(targets)
        pw = R.random() < 0.4
        for i, h in enumerate(targets):
            if i == split:
                d2 = a.d + 1
                while d2 < self.ndays and self.wday[d2] >= 5:
                    d2 += 1
                t = d2 * 86400.0 + R.uniform(u.start_h + 0.5, u.start_h + 6) * 3600
                hops = [start]
            srch = R.choice(hops[-3:])
            if R.random() < 0.15:
                if pw:
                    self.ssh_fail_conn(h, u.login, t, srch.ip, R.randint(1, 3))
                else:
                    self.pubkey_reject(h, u.login, t, srch.ip)
                t += R.lognormvariate(math.log(90), 0.9)
                continue
            dur = clamp(R.lognormvariate(math.log(240), 1.0), 15, 3600)
            s, e = self.ssh_session(h, u.login, u.uid, t, dur, srch.ip, "password" if pw else "publickey", u.key)
            u.seen.add(h.name)
            if R.random() < 0.25:
                self.sudo_denied(h, u.login, u.uid, s + R.uniform(3, dur), "list", "pts/%d" % R.randint(0, 4))
            if R.random() < 0.6:
                hops.append(h)
            t += clamp(R.lognormvariate(math.log(150), 1.0), 10, 1800)

    def atk_privilege_escalation(self, a):
        R = self.R
        u, k = a.user, a.k
        base = a.d * 86400.0
        if u.role == "dev" and R.random() < 0.5:
            h = self.hosts["build01"]
        elif u.cluster and R.random() < 0.5:
            h = self.hosts["login01"]
        else:
            h = u.ws
        a.variant = R.choice(["su_root", "suid", "pwnkit", "sudoers"])
        t = base + R.uniform(u.start_h + 1.0, u.start_h + 7.5) * 3600
        if R.random() < 0.25:
            t = base + R.uniform(19, 23) * 3600
        tty = "pts/%d" % R.randint(0, 4)
        if h.kind != "ws":
            ts, te = self.user_ssh(u, h, t, R.uniform(1800, 7200), u.ws.ip)
        else:
            self.ws_login(u, t - 60, t + 3 * 3600, cron=False)
        hn = h.name
        tt = t + R.uniform(30, 300)
        self.pev(tt, u.login, hn, "id", "/usr/bin/id", ["id"])
        for _ in range(R.randint(0, 3)):
            tt += R.uniform(10, 120)
            self.sudo_denied(h, u.login, u.uid, tt, R.choice(["/bin/bash", "list", "/usr/bin/su -", "/usr/bin/cat /etc/shadow"]), tty)
        tt += R.uniform(60, 900)
        grp = h.group
        if a.variant == "su_root":
            tt = self.su_root(h, u.login, u.uid, tt, R.uniform(60, 400), fails=R.randint(0, 3), tty=tty)
            self.usermod_add(h, tt + R.uniform(10, 40), u.login, grp)
        elif a.variant == "suid":
            self.pev(tt, u.login, hn, "find", "/usr/bin/find", ["find", "/", "-perm", "-4000", "-type", "f"])
            tt += R.uniform(30, 600)
            self.pev(tt, u.login, hn, "find", "/usr/bin/find", ["find", ".", "-exec", "/bin/sh", "-p", ";", "-quit"], euser="root")
            self.pev(tt + 0.5, u.login, hn, "sh", "/usr/bin/dash" if h.os == "ubuntu" else "/usr/bin/bash", ["/bin/sh", "-p"], parent="find", euser="root")
            self.fev(tt + 20, u.login, None, hn, "chmod", "/var/tmp/.cache/dbus-helper", 125688, mode="4755",
                     process={"name": "chmod"})
            self.pev(tt + 40, u.login, hn, "gpasswd", "/usr/bin/gpasswd", ["gpasswd", "-a", u.login, grp], parent="sh", euser="root")
            self.gpasswd_add(h, tt + 40.02, u.login, grp)
        elif a.variant == "pwnkit":
            self.pev(tt, u.login, hn, "gcc", "/usr/bin/gcc", ["gcc", "-shared", "-fPIC", "-o", "pwnkit.so", "pwnkit.c"], cwd="/tmp/.x")
            tt += R.uniform(20, 200)
            self.pev(tt, u.login, hn, "pkexec", "/usr/bin/pkexec", ["pkexec"], parent="a.out", euser="root", cwd="/tmp/.x")
            self.A(h, tt + 0.01, "pkexec[\x01]: %s: The value for the SHELL variable was not found the /etc/shells file [USER=root] [TTY=/dev/%s] [CWD=/tmp/.x] [COMMAND=GCONV_PATH=./pwnkit.so:. SHELL=pwnkit CHARSET=PWNKIT GIO_USE_VFS=]" % (u.login, tty), Proc())
            self.pev(tt + 30, u.login, hn, "usermod", "/usr/sbin/usermod", ["usermod", "-aG", grp, u.login], parent="sh", euser="root", cwd="/tmp/.x")
            self.usermod_add(h, tt + 30.02, u.login, grp)
        else:
            self.pev(tt, u.login, hn, "find", "/usr/bin/find", ["find", "/", "-perm", "-4000", "-type", "f"])
            tt += R.uniform(30, 600)
            self.pev(tt, u.login, hn, "vim.basic", "/usr/bin/vim.basic", ["vim", "/etc/sudoers.d/90-%s" % u.login], euser="root")
            self.fev(tt + R.uniform(20, 90), u.login, None, hn, "file-create", "/etc/sudoers.d/90-%s" % u.login, 42,
                     process={"name": "vim.basic"})
        tt += R.uniform(60, 1200)
        cmds = ["/bin/bash", "/usr/bin/cat /etc/shadow", "/usr/bin/id", "/usr/bin/systemctl stop auditd",
                "/usr/bin/tail -n 50 /var/log/auth.log", "/usr/bin/apt install -y nmap", "/usr/bin/cp /bin/bash /var/tmp/.bk",
                "/usr/bin/chmod u+s /var/tmp/.bk", "/usr/bin/crontab -l -u root", "/usr/bin/ls -la /root"]
        for i in range(int(1 + 10 * k * R.uniform(0.5, 1.2))):
            self.sudo(h, u.login, u.uid, tt, cmds[0] if i == 0 else R.choice(cmds), tty)
            tt += R.uniform(20, 600)
        if k > 0.6 and R.random() < 0.6:
            bk = "sysupd" if R.random() < 0.5 else "%s-adm" % u.login[:6]
            self.sudo(h, u.login, u.uid, tt, "/usr/sbin/useradd -m -s /bin/bash -G %s %s" % (grp, bk), tty)
            fake = User()
            fake.login, fake.uid = bk, 1500 + R.randint(0, 90)
            self.useradd(h, tt + 0.05, fake, [grp])
        if k > 0.45 and R.random() < 0.6:
            d2 = a.d + R.randint(1, 3)
            if d2 < self.ndays:
                t2 = d2 * 86400.0 + R.uniform(u.start_h + 1, u.start_h + 8) * 3600
                if h.kind != "ws":
                    self.user_ssh(u, h, t2 - 120, R.uniform(900, 3600), u.ws.ip)
                for _ in range(R.randint(1, 5)):
                    self.sudo(h, u.login, u.uid, t2, R.choice(cmds), tty)
                    t2 += R.uniform(30, 900)

    def atk_cloud_upload(self, a):
        R = self.R
        u, k = a.user, a.k
        svc = R.choice([s for s in ATTACK_CLOUD if s != u.cloud])
        a.variant = svc
        base = a.d * 86400.0
        evening = R.random() < 0.35
        t = base + (R.uniform(18.5, 22.5) if evening else R.uniform(u.start_h + 1.5, u.start_h + 7)) * 3600
        if evening and R.random() < 0.6:
            src = self.vpn(u, t - 300, t + 4 * 3600, R.choice(u.home_ips))
            hn = None
        else:
            if evening:
                self.ws_login(u, t - 300, t + 3 * 3600, cron=False)
            src, hn = u.ws.ip, u.ws.name
        total = int(1.2e8 * (1 + 70 * k * k) * R.uniform(0.5, 1.4))
        rclone = hn is not None and R.random() < 0.35
        ua = "rclone/v1.65.2" if rclone else None
        roots = u.shares + [u.home] + self.other_roots(u, R.randint(0, 2))
        for _ in range(int(10 + 200 * k * R.random())):
            path, size = self.rand_file(R.choice(roots))
            self.fev(t - R.uniform(30, 3600), u.login, src, "files01", "file-read", path, size)
        if hn:
            if rclone:
                self.pev(t - 20, u.login, hn, "rclone", "/usr/local/bin/rclone", ["rclone", "copy", "/home/%s/export" % u.login, "remote:backup", "--transfers", "8"])
            elif R.random() < 0.5:
                self.pev(t - 200, u.login, hn, "zip", "/usr/bin/zip", ["zip", "-r", "/home/%s/share.zip" % u.login, roots[0]])
        parts = 1 if k < 0.6 else R.choice([1, 2])
        for p_ in range(parts):
            tt = t if p_ == 0 else t + R.uniform(20, 30) * 3600
            self.upload(u, tt, src, hn, CLOUD[svc], svc, total // parts, R.uniform(900, 3600 * (1 + 3 * k)), ua=ua)

    def departing_extra(self, u, d, a, info):
        R = self.R
        k = a.k
        p = (d - a.d0) / float(max(1, a.d1 - a.d0))
        base = d * 86400.0
        if info is None:
            if R.random() > 0.25 + 0.4 * p:
                return
            t0 = base + R.uniform(19.5, 22.5) * 3600
            t1 = t0 + R.uniform(0.5, 2.0) * 3600
            src = self.vpn(u, t0, t1, R.choice(u.home_ips))
            hn = None
        else:
            src, hn, t0, t1, remote = info
        span = max(600.0, t1 - t0)
        for _ in range(poisson(R, 0.5 + 11 * p * k)):
            dom, pth = R.choice(JOB_SITES)
            self.http(t0 + R.uniform(0, span), u, src, hn, dom, pth.format(n=R.randint(10 ** 8, 10 ** 9), h="%012x" % R.getrandbits(48)))
        if u.personal and R.random() < 0.15 + 0.65 * p * (0.4 + k):
            for _ in range(R.randint(1, 1 + int(3 * p * k + 0.5))):
                atts = [self.att(big=p > 0.5) for _ in range(R.randint(1, 3))]
                self.email(t0 + R.uniform(0, span), u, src, [u.personal], R.choice(["", "fwd", "docs", "for later", "notes", "backup"]), atts, "outbound")
        roots = self.other_roots(u, 3) + u.shares
        for _ in range(int((3 + 160 * p * k) * R.uniform(0.4, 1.1))):
            path, size = self.rand_file(R.choice(roots))
            self.fev(t0 + R.uniform(0, span), u.login, src, "files01", "file-read", path, size)
        if info is not None and R.random() < 0.1 + 0.35 * p:
            te = base + R.uniform(19.5, 23.0) * 3600
            tx = te + R.uniform(0.5, 2.0) * 3600
            s2 = self.vpn(u, te, tx, R.choice(u.home_ips))
            for _ in range(int(10 + 80 * p * k)):
                path, size = self.rand_file(R.choice(roots))
                self.fev(te + R.uniform(0, tx - te), u.login, s2, "files01", "file-read", path, size)
        if d == a.d1 or (d == a.d1 - 1 and k > 0.7):
            tt = t0 + R.uniform(0.3, 0.9) * span
            if a.variant == "usb" and hn:
                model = R.choice(USB_MODELS)
                if not hasattr(a, "serial"):
                    a.serial = (model, "%016X" % R.getrandbits(64))
                self.usb_copy_session(u, tt, hn, a.serial[0], a.serial[1], int(30 + 500 * k * R.uniform(0.5, 1.1)), True, roots + [u.home], gap=(0.2, 5))
            elif a.variant == "cloud" or (a.variant == "usb" and not hn):
                svc = R.choice([s for s in ATTACK_CLOUD if s != u.cloud])
                self.upload(u, tt, src, hn, CLOUD[svc], svc, int(1e8 * (1 + 40 * k * k) * R.uniform(0.5, 1.3)), R.uniform(900, 7200))
            elif u.personal:
                for _ in range(R.randint(2, 6)):
                    atts = [("%s_%s.zip" % (R.choice(FW1), R.choice(FW2)), int(R.uniform(8e6, 2.4e7)))]
                    self.email(tt, u, src, [u.personal], "", atts, "outbound")
                    tt += R.uniform(60, 900)

    def atk_transaction_velocity(self, a):
        R = self.R
        u, k = a.user, a.k
        a.variant = R.choice(["velocity", "structuring", "both"])
        src = u.ws.ip
        base = a.d * 86400.0
        if a.variant in ("velocity", "both"):
            nb = R.randint(2, 3 + int(6 * k))
            benes = [self.new_bene(fraud=True) for _ in range(nb)]
            late = R.random() < 0.3
            t = base + (R.uniform(17.4, 19.5) if late else R.uniform(10, 15.5)) * 3600
            if late:
                self.ws_login(u, t - 1800, t + 3 * 3600, cron=False)
            for b in benes:
                self.fin_event(t, u, src, "beneficiary-created", b)
                t += R.uniform(40, 600)
            n = int(8 + 34 * k * R.uniform(0.6, 1.1))
            win = R.uniform(20, 120) * 60
            for i in range(n):
                b = R.choice(benes)
                if a.variant == "both" and R.random() < 0.5:
                    amt = round(R.uniform(9000, 9990), 2)
                else:
                    amt = round(clamp(R.lognormvariate(math.log(4500), 0.6), 400, 14500), 2)
                self.transfer(u, t + win * (i + R.random()) / n, src, b, amt)
        if a.variant in ("structuring", "both"):
            nb = R.randint(1, 3)
            benes = [self.new_bene(fraud=True) for _ in range(nb)]
            d = a.d if a.variant == "structuring" else a.d + 1
            ndays = R.randint(1, 3)
            first = True
            while ndays > 0 and d < self.ndays:
                if self.wday[d] < 5:
                    t = d * 86400.0 + R.uniform(9.5, 16) * 3600
                    if first:
                        for b in benes:
                            self.fin_event(t - R.uniform(300, 3000), u, src, "beneficiary-created", b)
                        first = False
                    for _ in range(R.randint(2, 3 + int(5 * k))):
                        amt = round(R.uniform(9000, 9990), 2)
                        if R.random() < 0.2:
                            amt = float(R.choice([9500, 9800, 9900, 9750]))
                        self.transfer(u, t, src, R.choice(benes), amt)
                        t += R.uniform(120, 5400)
                    ndays -= 1
                d += 1

    # --------------------------------------------------------------------- run
    def extras(self):
        """A few hand-made oddities: NUL padding after an unclean shutdown, junk lines."""
        R = self.R
        ws = R.choice(self.users).ws
        d = R.randint(1, self.ndays - 2)
        self.A(ws, d * 86400.0 + 6.1 * 3600, "\x00" * R.randint(30, 200) + "systemd-logind[\x04]: New seat seat0.")
        self.E(self.S_http, d * 86400.0 + 12 * 3600 + 5, {"@timestamp": None, "message": "proxy01 converter: skipped 3 unparsable records"})

    def run(self):
        t_start = time.time()
        self.extras()
        for d in range(self.ndays):
            for u in self.users:
                self.user_day(u, d)
                for a in u.attacks:
                    if a.scen != "departing_employee" and a.d == d:
                        self.run_attack(a)
            self.background(d)
            self.flush((d + 1) * 86400.0)
        self.flush(float("inf"))
        for s in self.sinks:
            s.fh.close()
        # drop empty auth files? keep them all (a host with no events still has a file)
        labels = {
            "seed": self.seed,
            "start": self.iso_d[0],
            "end": self.iso_d[self.ndays - 1],
            "users": sorted(u.login for u in self.users),
            "attacks": [],
        }
        for a in sorted(self.attacks, key=lambda x: (x.scen, x.user.login)):
            if not a.days:
                continue
            labels["attacks"].append({"user": a.user.login, "scenario": a.scen,
                                      "days": [self.iso_d[x] for x in sorted(a.days)]})
        with open(os.path.join(self.out, "labels.json"), "w") as f:
            json.dump(labels, f, indent=1)
        el = time.time() - t_start
        tot = 0
        for s in self.sinks:
            tot += s.n
        sys.stderr.write("wrote %d lines in %d files, %d attacks, %.1fs\n" % (tot, len(self.sinks), len(labels["attacks"]), el))


def main():
    ap = argparse.ArgumentParser(description="Labelled UEBA corpus: auth.log + ECS NDJSON")
    ap.add_argument("--users", type=int, default=300)
    ap.add_argument("--days", type=int, default=35)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", required=True)
    ap.add_argument("--start", default="2024-02-05")
    a = ap.parse_args()
    if a.users < 60 or a.days < 14:
        ap.error("need at least 60 users and 14 days")
    Corpus(a).run()


if __name__ == "__main__":
    main()
