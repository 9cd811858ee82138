// Web destinations: what everyone visits, what each department visits, and the long tail that
// makes a first-seen domain an everyday event (so it cannot alone mean an attack).

export const commonDomains: readonly string[] = [
  'www.google.com', 'outlook.office365.com', 'halvorsen.sharepoint.com', 'teams.microsoft.com', 'www.bing.com', 'en.wikipedia.org',
  'www.bbc.co.uk', 'www.youtube.com', 'www.linkedin.com', 'www.weather.com', 'www.nytimes.com', 'www.amazon.com', 'intranet.halvorsen.example',
  'www.reuters.com', 'login.microsoftonline.com', 'www.cnn.com', 'maps.google.com', 'translate.google.com',
]

export const departmentDomains: Readonly<Record<string, readonly string[]>> = {
  Engineering: [
    'github.com', 'stackoverflow.com', 'www.npmjs.com', 'pypi.org', 'docs.python.org', 'developer.mozilla.org', 'hub.docker.com',
    'aws.amazon.com', 'kubernetes.io', 'go.dev', 'jira.halvorsen.example', 'confluence.halvorsen.example', 'news.ycombinator.com',
  ],
  IT: [
    'learn.microsoft.com', 'serverfault.com', 'www.vmware.com', 'support.microsoft.com', 'www.cisco.com', 'status.office365.com',
    'portal.azure.com', 'helpdesk.halvorsen.example', 'www.reddit.com', 'askubuntu.com', 'www.dell.com',
  ],
  Finance: [
    'www.bloomberg.com', 'www.xe.com', 'erp.halvorsen.example', 'www.ft.com', 'www.wsj.com', 'online.corporatebank.example',
    'www.irs.gov', 'www.sec.gov', 'www.investopedia.com',
  ],
  Sales: [
    'halvorsen.my.salesforce.com', 'www.zoominfo.com', 'app.hubspot.com', 'zoom.us', 'www.crunchbase.com', 'www.gartner.com',
    'docs.google.com', 'www.dropbox.com', 'wetransfer.com', 'www.expedia.com',
  ],
  HR: [
    'halvorsen.workday.com', 'www.indeed.com', 'www.glassdoor.com', 'www.shrm.org', 'www.monster.com', 'zoom.us', 'www.dol.gov',
  ],
  Legal: ['www.westlaw.com', 'www.lexisnexis.com', 'www.law.cornell.edu', 'eur-lex.europa.eu', 'www.courtlistener.com', 'docusign.net'],
  Marketing: [
    'www.canva.com', 'www.figma.com', 'business.facebook.com', 'x.com', 'www.instagram.com', 'analytics.google.com', 'www.dropbox.com',
    'mailchimp.com', 'www.adobe.com', 'wetransfer.com',
  ],
  Executive: ['www.ft.com', 'www.wsj.com', 'www.economist.com', 'www.bloomberg.com', 'zoom.us', 'halvorsen.workday.com'],
}

/** Private interests: a few per person. */
export const personalDomains: readonly string[] = [
  'www.espn.com', 'www.nba.com', 'www.allrecipes.com', 'www.etsy.com', 'www.ebay.com', 'open.spotify.com', 'www.netflix.com',
  'www.reddit.com', 'www.imdb.com', 'www.booking.com', 'www.tripadvisor.com', 'www.goodreads.com', 'www.strava.com', 'www.zillow.com',
  'www.theguardian.com', 'www.twitch.tv', 'www.pinterest.com', 'www.facebook.com', 'www.instagram.com', 'www.duolingo.com',
]

/** Job boards: browsed by recruiters for work, by a departing employee for themselves. */
export const jobDomains: readonly string[] = ['www.indeed.com', 'www.monster.com', 'www.glassdoor.com', 'www.careerbuilder.com', 'www.dice.com', 'www.ziprecruiter.com']

/** Storage services an exfiltration can go to; a few are used legitimately by some people. */
export const cloudStorageDomains: readonly string[] = [
  'mega.nz', 'www.mediafire.com', 'www.sendspace.com', 'wetransfer.com', 'www.dropbox.com', 'drive.google.com', 'www.box.com',
  'pcloud.com', 'file.io', 'gofile.io',
]

/** The company's own upload destinations, used every day. */
export const sanctionedUploadDomains: readonly string[] = ['halvorsen.sharepoint.com', 'halvorsen-my.sharepoint.com', 'outlook.office365.com']

const tailStems = ['blog', 'news', 'shop', 'cdn', 'forum', 'wiki', 'docs', 'travel', 'tech', 'daily', 'review', 'guide', 'media', 'market']
const tailWords = ['river', 'pixel', 'north', 'green', 'quant', 'urban', 'cobalt', 'maple', 'nova', 'orbit', 'sunny', 'atlas', 'lumen', 'harbor']
const tailTlds = ['com', 'net', 'org', 'io', 'co.uk', 'de', 'info']

/** One of ~1400 long-tail sites: search results, links from mail, news stories. */
export function tailDomain(pick: (count: number) => number): string {
  return `www.${tailWords[pick(tailWords.length)]}${tailStems[pick(tailStems.length)]}.${tailTlds[pick(tailTlds.length)]}`
}
