import type { Rule } from './rules'
import { reportingThresholds } from './features'

/** Job boards, global and national; of LinkedIn and XING only the job pages, as most people visit them for other reasons. */
const jobBoards = [
  'indeed.com', 'indeed.co.uk', 'monster.com', 'monster.co.uk', 'glassdoor.com', 'careerbuilder.com', 'dice.com', 'ziprecruiter.com',
  'simplyhired.com', 'snagajob.com', 'usajobs.gov', 'hired.com', 'wellfound.com', 'flexjobs.com', 'theladders.com', 'careerjet.com',
  'jooble.org', 'adzuna.com', 'totaljobs.com', 'reed.co.uk', 'cv-library.co.uk', 'stepstone.de', 'stepstone.com', 'seek.com.au',
  'naukri.com', 'jobstreet.com', 'workopolis.com', 'jobbank.gc.ca', 'linkedin.com/jobs', 'xing.com/jobs',
]

/**
 * Sites for handing files to anyone with a link, most with no account, and Mega's end-to-end
 * encrypted storage: the destinations public reports of data theft name most often. Business
 * sharing (Dropbox, Google Drive, OneDrive, Box, WeTransfer) is not listed: offices use it every day.
 */
const fileDropSites = [
  'mega.nz', 'mega.co.nz', 'mega.io', 'transfer.sh', 'temp.sh', 'gofile.io', 'file.io', 'sendspace.com', 'mediafire.com',
  'pcloud.com', 'anonfiles.com', 'bayfiles.com', 'catbox.moe', '0x0.st', 'pixeldrain.com', 'krakenfiles.com', 'ufile.io',
  'filebin.net', 'tmpfiles.org', 'oshi.at', 'uploadfiles.io',
]

/** Free webmail: where a person's own mailbox is, as opposed to a business's. */
const webmailDomains = [
  'gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'hotmail.co.uk', 'live.com', 'msn.com', 'yahoo.com', 'yahoo.co.uk',
  'ymail.com', 'icloud.com', 'me.com', 'mac.com', 'aol.com', 'proton.me', 'protonmail.com', 'pm.me', 'gmx.com', 'gmx.de', 'gmx.net',
  'web.de', 'mail.com', 'yandex.com', 'yandex.ru', 'mail.ru', 'zoho.com', 'tutanota.com', 'fastmail.com', 'webmail.co.za', 'qq.com', '163.com',
]

/** Command-line fragments of credential theft (T1003): Linux shadow files, Windows hives, NTDS, LSASS dumps. */
const credentialCommands = [
  '/etc/shadow', '/etc/gshadow', '/etc/master.passwd', 'unshadow', 'ntds.dit', 'hklm\\sam', 'hklm\\security', 'mimikatz', 'sekurlsa',
  'lsass.dmp', 'comsvcs.dll, minidump', 'comsvcs.dll minidump',
]

/**
 * Command-line fragments that blind the defenders (T1562, T1070): stopping or disabling audit,
 * logging and security tools, and erasing logs or shell history.
 */
const defenceEvasionCommands = [
  'systemctl stop auditd', 'systemctl disable auditd', 'systemctl mask auditd', 'service auditd stop', 'auditctl -e 0', 'auditctl -d',
  'systemctl stop rsyslog', 'systemctl disable rsyslog', 'service rsyslog stop', 'systemctl stop syslog', 'systemctl stop systemd-journald',
  'setenforce 0', 'systemctl stop apparmor', 'systemctl disable apparmor', 'ufw disable', 'iptables -f',
  'history -c', 'unset histfile', 'histfile=/dev/null', 'rm /var/log/', 'rm -f /var/log/', 'rm -rf /var/log', 'truncate -s 0 /var/log/',
  'wevtutil cl', 'wevtutil.exe cl', 'clear-eventlog', 'remove-eventlog', 'auditpol /clear', 'auditpol.exe /clear', 'set-mppreference -disable',
  'sc stop windefend', 'sc.exe stop windefend', 'sc config windefend', 'sc.exe config windefend',
]

/**
 * Command-line fragments that map the domain's privileged groups, rights and machines (T1069,
 * T1087, T1482, T1135): what comes before asking for a group or moving to a server. Everyday
 * look-ups (one's own account, `ipconfig`) are left out; an administrator who runs these daily
 * has them as a routine, counted at a quarter.
 */
const discoveryCommands = [
  'net group', 'net1 group', 'net localgroup administrators', 'net1 localgroup administrators', 'net view', 'whoami /priv', 'whoami /all',
  'get-adgroup', 'get-adcomputer', 'get-acl', 'get-domaingroup', 'get-netgroup', 'get-domaincomputer', 'invoke-sharefinder',
  'nltest', 'dsquery', 'adfind', 'sharphound', 'bloodhound',
]

/** Command-line fragments that plant a way back to root (T1548): setuid files, edits of the sudo rules. */
const elevationCommands = ['chmod u+s', 'chmod +s', 'chmod 4755', 'chmod 4777', 'chmod 4711', 'chmod 6755', '/etc/sudoers']

/**
 * The rule set a new workspace starts with (the analyst edits a copy stored in the workspace).
 * Severities are what a rule adds to the day's rules score; thresholds are set where ordinary
 * users rarely reach them (a few mistyped passwords, a handful of new hosts in a month).
 */
export const defaultRules: readonly Rule[] = [
  {
    id: 'brute-force-then-success', description: 'Several failed logons followed by a success from the same source: a guessed or stolen password.',
    severity: 0.9, technique: 'T1110', types: ['account_takeover', 'brute_force'], enabled: true,
    kind: 'failure_then_success', failures: 5, windowMinutes: 30, sameSource: true,
  },
  {
    id: 'failed-logon-burst', description: 'Many failed logons in a short time: password guessing.',
    severity: 0.5, technique: 'T1110.001', types: ['brute_force'], enabled: true,
    kind: 'failure_burst', failures: 10, windowMinutes: 10, overUsual: 2,
  },
  {
    // Recorded, not scored: scanners on the internet spray ssh and VPN logons every day, and an
    // account they failed against says nothing of its user. On the twelve independent corpora it
    // fired on 12,260 honest days and 4 attacked ones. The success rule below scores the spray that got in.
    id: 'password-spray', description: 'The account was among many that one source address failed against the same day (recorded, not scored).',
    severity: 0, technique: 'T1110.003', types: ['password_spray'], enabled: true,
    kind: 'password_spray', users: 5, requireSuccess: false,
  },
  {
    id: 'password-spray-success', description: 'A successful logon from a source address that failed against many accounts the same day.',
    severity: 0.9, technique: 'T1110.003', types: ['account_takeover', 'password_spray'], enabled: true,
    kind: 'password_spray', users: 5, requireSuccess: true,
  },
  {
    id: 'logon-burst', description: 'Many successful logons within minutes: scripted use of the account.',
    severity: 0.4, technique: 'T1078', types: ['lateral_movement'], enabled: true,
    kind: 'logon_burst', logons: 20, windowMinutes: 10, overUsual: 2,
  },
  {
    id: 'first-privilege-use', description: 'sudo, su or special privileges used for the first time by an account with a history.',
    severity: 0.6, technique: 'T1078.003', types: ['privilege_escalation'], enabled: true,
    kind: 'first_time_action', actions: ['sudo', 'su', 'privilege_use'], minHistoryDays: 5,
  },
  {
    // Not Debian's adm (it reads /var/log) or docker: admins add people to those while provisioning.
    id: 'admin-group-add', description: 'A member added to an administrative group.',
    severity: 0.8, technique: 'T1098', types: ['privilege_escalation'], enabled: true,
    kind: 'admin_group_add', groups: ['sudo', 'wheel', 'admin', 'root', 'administrators', 'domain admins', 'enterprise admins', 'schema admins'],
  },
  {
    id: 'first-account-management', description: 'Accounts created or group memberships changed for the first time by this account.',
    severity: 0.5, technique: 'T1136', types: ['privilege_escalation'], enabled: true,
    kind: 'first_time_action', actions: ['account_create', 'group_member_add', 'password_reset'], minHistoryDays: 5,
  },
  {
    // A helpdesk round touches new machines every week, some rounds larger than others: the burst is
    // judged against the user's own days, and must be half as large again as their largest usual one.
    id: 'new-host-burst', description: 'Four or more hosts used for the first time on one day, half as many again as on the user’s busiest usual days.',
    severity: 0.6, technique: 'T1021', types: ['lateral_movement'], enabled: true,
    kind: 'new_entity_burst', entity: 'hosts', count: 4, minHistoryDays: 5, overUsual: 1.5,
  },
  {
    // Beside new-host-burst: a new server or two is a project, ten in a day is a sweep across the network.
    id: 'new-host-sweep', description: 'Ten or more hosts used for the first time on one day, half as many again as on the user’s busiest usual days: a sweep across the network.',
    severity: 0.5, technique: 'T1021', types: ['lateral_movement'], enabled: true,
    kind: 'new_entity_burst', entity: 'hosts', count: 10, minHistoryDays: 5, overUsual: 1.5,
  },
  {
    id: 'new-destination-burst', description: 'Connections or logons to several never-reached addresses on one day.',
    severity: 0.5, technique: 'T1021', types: ['lateral_movement'], enabled: true,
    kind: 'new_entity_burst', entity: 'destinations', count: 5, minHistoryDays: 5, overUsual: 0,
  },
  {
    // Collection before theft: copying one's own files is everyday work, sweeping shares one never opened is not.
    id: 'new-location-burst', description: 'Files opened in several shares or folders the user never used before, on one day: collection.',
    severity: 0.4, technique: 'T1039', types: ['exfiltration'], enabled: true,
    kind: 'new_entity_burst', entity: 'locations', count: 4, minHistoryDays: 5, overUsual: 0,
  },
  {
    // Quieter than the burst: a share or two never opened before, after two weeks of history.
    id: 'new-location', description: 'Files opened in two or more shares or folders the user never used before, after two weeks of history.',
    severity: 0.2, technique: 'T1039', types: ['exfiltration'], enabled: true,
    kind: 'new_entity_burst', entity: 'locations', count: 2, minHistoryDays: 10, overUsual: 1.5,
  },
  {
    // A leaver gathers files over days, each of them unremarkable; the rise held day after day is the sign.
    id: 'sustained-file-rise', description: 'File activity well above the user\'s usual on each of the last three active days.',
    severity: 0.4, technique: null, types: ['behaviour_drift', 'volume_spike'], enabled: true,
    kind: 'sustained_rise', feature: 'file_events', days: 3, minZ: 3, minHistoryDays: 10,
  },
  {
    // Collection spread over days (a departing employee gathering what to take) is a campaign on each of them.
    id: 'sustained-collection', description: 'Shares or folders never used before opened on two or more of the last seven days.',
    severity: 0.5, technique: 'T1039', types: ['exfiltration', 'behaviour_drift'], enabled: true,
    kind: 'recurrence', rules: ['new-location', 'new-location-burst'], days: 7, count: 2,
  },
  {
    // Reading the password hashes is rarely anyone's daily work, administrators' included.
    id: 'credential-access', description: 'A command that reads or dumps stored credentials: /etc/shadow, the SAM or NTDS database, LSASS memory.',
    severity: 0.7, technique: 'T1003', types: ['privilege_escalation'], enabled: true,
    kind: 'command_match', patterns: credentialCommands,
  },
  {
    id: 'domain-discovery', description: 'A command that maps the domain: its privileged groups, access rights, machines or shares.',
    severity: 0.5, technique: 'T1069', types: ['privilege_escalation', 'lateral_movement'], enabled: true,
    kind: 'command_match', patterns: discoveryCommands,
  },
  {
    id: 'defence-evasion', description: 'A command that stops audit, logging or security tools, or erases logs or shell history.',
    severity: 0.7, technique: 'T1562', types: ['privilege_escalation'], enabled: true,
    kind: 'command_match', patterns: defenceEvasionCommands,
  },
  {
    id: 'elevation-backdoor', description: 'A command that plants a way back to root: a setuid file, or an edit of the sudo rules.',
    severity: 0.7, technique: 'T1548', types: ['privilege_escalation'], enabled: true,
    kind: 'command_match', patterns: elevationCommands,
  },
  {
    // sudo -l or a root command refused on a machine reached minutes ago: what comes after moving in.
    id: 'refused-on-new-host', description: 'sudo refused by its policy (not a mistyped password) on a host the user used for the first time that day: probing for rights.',
    severity: 0.6, technique: 'T1548.003', types: ['lateral_movement', 'privilege_escalation'], enabled: true,
    kind: 'refused_on_new_host', minHistoryDays: 5,
  },
  {
    id: 'removable-mass-copy', description: 'Many files written to removable media on one day.',
    severity: 0.8, technique: 'T1052.001', types: ['exfiltration'], enabled: true,
    kind: 'removable_mass_copy', copies: 20, requireDevice: false, overUsual: 2,
  },
  {
    id: 'upload-new-domain', description: 'Uploads to a domain the user never visited before.',
    severity: 1, technique: 'T1567.002', types: ['data_upload', 'exfiltration'], enabled: true,
    kind: 'upload_new_domain', minBytes: 1_000_000, minUploads: 3, minHistoryDays: 5, sharedBy: 3,
  },
  {
    // Beside upload-new-domain, not instead: a second finding when the new domain is a file drop, and one of its own when it is not new.
    id: 'upload-file-drop', description: 'Uploads to a file-drop site (Mega, transfer.sh, gofile, …): files handed to anyone with a link, outside the company.',
    severity: 0.6, technique: 'T1567.002', types: ['exfiltration', 'data_upload'], enabled: true,
    kind: 'upload_to_sites', sites: fileDropSites, minBytes: 1_000_000,
  },
  {
    id: 'off-hours-access', description: 'Substantial activity outside working hours by a user who rarely works then.',
    severity: 0.4, technique: 'T1078', types: ['after_hours'], enabled: true,
    kind: 'off_hours', minEvents: 10, maxUsualShare: 0.1, minHistoryDays: 3, hours: 'off_clock',
  },
  {
    // The clock rules above read the workspace's clock; this one the user's own, so it also sees a
    // spree in the small hours of an office in another time zone, or of someone on a late shift.
    id: 'unusual-hours-access', description: 'A working session at hours far from any the user is usually active in.',
    severity: 0.5, technique: 'T1078', types: ['after_hours'], enabled: true,
    kind: 'unusual_hours', minEvents: 20, minDayShare: 0.5, distance: 3, minHistoryDays: 5,
  },
  {
    // Beside off-hours-access: a long evening is common, a working session in the small hours by someone who never has one is not.
    id: 'night-access', description: 'A working session at night (22:00–06:00) by a user who is almost never active then.',
    severity: 0.5, technique: 'T1078', types: ['after_hours'], enabled: true,
    kind: 'off_hours', minEvents: 20, maxUsualShare: 0.05, minHistoryDays: 3, hours: 'night',
  },
  {
    // A flight-risk sign, not an attack: it adds weight to a drift the other detectors see. The
    // user's first weeks are the bar, so a recruiter's daily job-board work fires it only when it doubles.
    id: 'job-search', description: 'Visits to job boards by a user who does not usually visit them: a departing employee.',
    severity: 0.4, technique: null, types: ['behaviour_drift'], enabled: true,
    kind: 'domain_visits', domains: jobBoards, count: 2, overUsual: 2, minHistoryDays: 5,
  },
  {
    // Like job-search, a flight-risk sign. Over the twelve independent corpora it fired on 66 of
    // departing employees' 244 drift days and on 490 of 108,000 honest user-days (its recurrence on
    // 76 and 260); in `c` a third of the staff mail work home from their first weeks on, and are left alone.
    id: 'personal-mail', description: 'Emails with attachments to the user’s own personal mailbox (webmail), which they did not send in their first weeks: work taken home.',
    severity: 0.4, technique: null, types: ['behaviour_drift', 'exfiltration'], enabled: true,
    kind: 'personal_mail', domains: webmailDomains, count: 1, overUsual: 2, minHistoryDays: 5,
  },
  {
    id: 'sustained-personal-mail', description: 'Attachments mailed to the user’s personal mailbox on two or more of the last seven days.',
    severity: 0.5, technique: null, types: ['behaviour_drift', 'exfiltration'], enabled: true,
    kind: 'recurrence', rules: ['personal-mail'], days: 7, count: 2,
  },
  {
    // A job hunt over a week is a flight risk on every day of it, the days without job boards too.
    id: 'sustained-job-search', description: 'Job boards visited on two or more of the last seven days: a sustained job hunt.',
    severity: 0.5, technique: null, types: ['behaviour_drift'], enabled: true,
    kind: 'recurrence', rules: ['job-search'], days: 7, count: 2,
  },
  {
    // Recorded, not scored: late evenings and nights that keep coming in a week are a changed life
    // (a new shift) far more often than a campaign. On the twelve independent corpora it fired on
    // 401 honest days (96 people) and 24 attacked ones, and without it no attacked user left the
    // top K: the day's own off-hours, night and unusual-hours findings still score.
    id: 'sustained-off-hours', description: 'Off-hours or night activity, unusual for the user, on three or more of the last seven days (recorded, not scored).',
    severity: 0, technique: 'T1078', types: ['after_hours', 'behaviour_drift'], enabled: true,
    kind: 'recurrence', rules: ['off-hours-access', 'night-access', 'unusual-hours-access'], days: 7, count: 3,
  },
  {
    id: 'aml-threshold', description: 'Three or more transfers just under the 10,000 reporting threshold, and hardly any just over it (structuring).',
    severity: 0.8, technique: null, types: ['aml_threshold'], enabled: true,
    kind: 'threshold_structuring', threshold: 10_000, lowerFraction: 0.9, count: 3,
  },
  {
    // The reporting thresholds of common regimes (see `reportingThresholds`). Known suppliers paid
    // every day are a clerk's run; fresh beneficiaries under a threshold are not. Full severity:
    // it fired on 28 attacked days and 2 honest ones over the twelve independent corpora.
    id: 'structuring-to-new-payees', description: 'Three or more transfers just under a reporting threshold (10,000, 15,000, 25,000 or 50,000) to counterparties never paid before (structuring).',
    severity: 1, technique: null, types: ['aml_threshold'], enabled: true,
    kind: 'new_payee_structuring', thresholds: [...reportingThresholds.amounts], lowerFraction: reportingThresholds.lowerFraction, count: 3, minHistoryDays: 5,
  },
  {
    // Like payments to one new payee: structuring under a threshold this rule need not know (R 25,000, 10,000 €, …).
    id: 'split-to-new-payee', description: 'Four or more transfers of like amounts (within 15 %) in one day to a counterparty never paid before (a split sum).',
    severity: 0.8, technique: null, types: ['aml_threshold', 'transaction_velocity'], enabled: true,
    kind: 'payee_split', count: 4, spread: 0.15, minAmount: 1000, minHistoryDays: 5,
  },
  {
    // Over the twelve independent corpora: 20 attacked days (velocity, structuring and mule
    // attacks alike) and 2 honest ones; month-end runs pay at most 11 of 100–300 to one new payee.
    id: 'funnel-to-new-payee', description: 'Six or more of a day’s transfers, and at least 12 % of them, to one counterparty never paid before (money funnelled to a fresh account).',
    severity: 0.8, technique: null, types: ['transaction_velocity', 'aml_threshold'], enabled: true,
    kind: 'payee_funnel', count: 6, minShare: 0.12, minHistoryDays: 5,
  },
  {
    id: 'transaction-velocity', description: 'Five or more transfers within one hour, well above the user’s usual.',
    severity: 0.5, technique: null, types: ['transaction_velocity'], enabled: true,
    kind: 'event_velocity', actions: ['transfer'], count: 5, windowMinutes: 60, overUsual: 1.5, newObjectsOnly: false, minHistoryDays: 0,
  },
  {
    id: 'new-payee-velocity', description: 'Three or more transfers to never-paid counterparties within one hour (mule or fraud pattern).',
    severity: 0.7, technique: null, types: ['transaction_velocity'], enabled: true,
    kind: 'event_velocity', actions: ['transfer'], count: 3, windowMinutes: 60, overUsual: 2, newObjectsOnly: true, minHistoryDays: 10,
  },
]

/**
 * An edited rule set as the detector runs it: the analyst's rules, then every built-in rule added
 * since the set was saved (not among `knownDefaults`, the built-in ids of that day), so a new
 * release's rules reach edited workspaces while a rule the analyst deleted stays deleted. A new
 * recurrence rule comes only with the rules it counts.
 */
export function withNewDefaults(stored: readonly Rule[], knownDefaults: readonly string[]): Rule[] {
  const present = new Set(stored.map((rule) => rule.id))
  const added = defaultRules.filter((rule) => !knownDefaults.includes(rule.id) && !present.has(rule.id))
  for (const rule of added) present.add(rule.id)
  return [...stored, ...added.filter((rule) => rule.kind !== 'recurrence' || rule.rules.every((id) => present.has(id)))]
}
