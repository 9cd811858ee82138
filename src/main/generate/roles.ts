// How each role works on an ordinary day: the means people of that role are drawn around.
// Rates are per working day; each person gets their own values around these (see organisation.ts).

/** Daily means of one role's activity, per format. */
export interface ActivityRates {
  emailSend: number
  emailView: number
  /** Proxy requests (ECS web) and CERT http visits. */
  web: number
  http: number
  /** ECS process starts, ECS file events, CERT file rows, ECS network connections. */
  process: number
  file: number
  certFile: number
  network: number
}

/** One role: who, when, where, and how much. */
export interface RoleProfile {
  department: string
  role: string
  /** Relative share of the headcount. */
  weight: number
  /** Mean first and last activity hour on a working day. */
  start: number
  end: number
  /** Servers pool (catalog-hosts `serverPools`) and how many of the role ssh to Linux at all. */
  serverPool: string
  sshShare: number
  /** Of those, how many use sudo as part of the job. */
  sudoShare: number
  programs: readonly string[]
  rates: ActivityRates
  /** Share of the role that ever uses removable media, and how often they do. */
  usbShare: number
  usbRate: number
  /** Payments a day (payments staff), or 0; card holders get a few a week. */
  payments: number
  cardShare: number
  remote: number
  weekend: number
  /** Other people's PCs touched a day (helpdesk work looks like lateral movement). */
  roaming: number
}

function rates(emailSend: number, emailView: number, web: number, http: number, process: number, file: number, certFile: number, network: number): ActivityRates {
  // Mail views, proxy requests and process starts are thinned: real feeds hold more, but the
  // mix matters more than the bulk and the output must stay small enough to regenerate at will.
  return { emailSend, emailView: emailView * 0.5, web: web * 0.7, http, process: process * 0.8, file, certFile, network }
}

const none = { usbShare: 0.05, usbRate: 0.03, payments: 0, cardShare: 0.1, remote: 0.08, weekend: 0.04, roaming: 0 }

export const roleProfiles: readonly RoleProfile[] = [
  {
    ...none, department: 'Engineering', role: 'Software Engineer', weight: 20, start: 9.6, end: 18.2, serverPool: 'developer',
    sshShare: 0.75, sudoShare: 0.25, programs: ['common', 'developer'], rates: rates(5, 14, 40, 14, 22, 16, 8, 14),
    remote: 0.15, weekend: 0.06,
  },
  {
    ...none, department: 'Engineering', role: 'Site Reliability Engineer', weight: 5, start: 9.0, end: 18.0, serverPool: 'operations',
    sshShare: 1, sudoShare: 0.9, programs: ['common', 'developer', 'administrator'], rates: rates(6, 18, 35, 12, 24, 10, 5, 20),
    remote: 0.2, weekend: 0.12, usbShare: 0.1,
  },
  {
    ...none, department: 'Engineering', role: 'Engineering Manager', weight: 2, start: 8.8, end: 18.0, serverPool: 'developer',
    sshShare: 0.3, sudoShare: 0, programs: ['common', 'developer'], rates: rates(16, 35, 30, 12, 14, 14, 8, 8), cardShare: 0.6,
  },
  {
    ...none, department: 'IT', role: 'Systems Administrator', weight: 4, start: 8.0, end: 17.2, serverPool: 'administrator',
    sshShare: 1, sudoShare: 1, programs: ['common', 'administrator'], rates: rates(7, 20, 30, 12, 26, 10, 6, 24),
    usbShare: 0.5, usbRate: 0.12, weekend: 0.1, roaming: 1,
  },
  {
    ...none, department: 'IT', role: 'Helpdesk Technician', weight: 4, start: 7.8, end: 16.6, serverPool: 'administrator',
    sshShare: 0.2, sudoShare: 0.5, programs: ['common', 'administrator'], rates: rates(10, 25, 28, 12, 20, 8, 6, 14),
    usbShare: 0.7, usbRate: 0.25, roaming: 5,
  },
  {
    ...none, department: 'Finance', role: 'Accountant', weight: 6, start: 8.2, end: 17.0, serverPool: 'finance', sshShare: 0, sudoShare: 0,
    programs: ['common', 'business'], rates: rates(12, 28, 22, 10, 14, 22, 12, 8), payments: 2,
  },
  {
    ...none, department: 'Finance', role: 'Payments Officer', weight: 4, start: 8.0, end: 16.8, serverPool: 'finance', sshShare: 0, sudoShare: 0,
    programs: ['common', 'business'], rates: rates(10, 24, 20, 8, 12, 18, 10, 8), payments: 18,
  },
  {
    ...none, department: 'Finance', role: 'Financial Analyst', weight: 3, start: 8.6, end: 17.8, serverPool: 'finance', sshShare: 0, sudoShare: 0,
    programs: ['common', 'business'], rates: rates(9, 22, 30, 12, 14, 24, 12, 8), payments: 0.3,
  },
  {
    ...none, department: 'Sales', role: 'Account Executive', weight: 14, start: 8.5, end: 17.6, serverPool: 'sales', sshShare: 0, sudoShare: 0,
    programs: ['common', 'business'], rates: rates(22, 40, 32, 14, 10, 10, 8, 6), usbShare: 0.3, usbRate: 0.08, cardShare: 0.8,
    remote: 0.35, weekend: 0.1,
  },
  {
    ...none, department: 'Sales', role: 'Sales Manager', weight: 3, start: 8.2, end: 18.0, serverPool: 'sales', sshShare: 0, sudoShare: 0,
    programs: ['common', 'business'], rates: rates(26, 45, 26, 12, 10, 10, 8, 6), usbShare: 0.2, cardShare: 0.9, remote: 0.25, weekend: 0.12,
  },
  {
    ...none, department: 'HR', role: 'HR Generalist', weight: 3, start: 8.5, end: 17.0, serverPool: 'people', sshShare: 0, sudoShare: 0,
    programs: ['common', 'business'], rates: rates(15, 30, 22, 10, 10, 14, 8, 6),
  },
  {
    ...none, department: 'HR', role: 'Recruiter', weight: 3, start: 8.8, end: 17.4, serverPool: 'people', sshShare: 0, sudoShare: 0,
    programs: ['common', 'business'], rates: rates(20, 35, 36, 16, 8, 8, 6, 6), remote: 0.2,
  },
  {
    ...none, department: 'Legal', role: 'Counsel', weight: 3, start: 9.0, end: 18.6, serverPool: 'business', sshShare: 0, sudoShare: 0,
    programs: ['common'], rates: rates(14, 30, 20, 10, 8, 16, 10, 6), weekend: 0.08,
  },
  {
    ...none, department: 'Marketing', role: 'Marketing Specialist', weight: 6, start: 9.2, end: 17.8, serverPool: 'business', sshShare: 0,
    sudoShare: 0, programs: ['common', 'business'], rates: rates(12, 26, 40, 16, 10, 12, 8, 6), usbShare: 0.25, cardShare: 0.4, remote: 0.2,
  },
  {
    ...none, department: 'Executive', role: 'Director', weight: 3, start: 8.0, end: 18.5, serverPool: 'business', sshShare: 0, sudoShare: 0,
    programs: ['common', 'business'], rates: rates(24, 50, 18, 8, 8, 8, 6, 6), cardShare: 1, remote: 0.25, weekend: 0.2,
  },
]
