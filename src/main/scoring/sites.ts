// The site a host name belongs to: what an organisation shares when several people use "the same
// place" (`gfs262n11.userstorage.mega.co.nz` and `gfs301n57.userstorage.mega.co.nz` are both Mega).
// A small offline stand-in for the Public Suffix List: the registrable name under a country's
// second level (`co.za`, `ac.uk`), and one name more under hosts that rent names to tenants, so one
// company's S3 bucket or SharePoint is not everyone's.

/** Second levels under a two-letter country code that are not themselves sites. */
const countrySecondLevels: readonly string[] = ['ac', 'co', 'com', 'edu', 'gov', 'govt', 'net', 'org', 'or', 'ne', 'go', 'gob', 'mil', 'nic', 'ltd', 'plc', 'sch']

/** Suffixes whose next label is a tenant of its own (a bucket, a SharePoint tenant, an app). */
const tenantSuffixes: readonly string[] = [
  's3.amazonaws.com', 'cloudfront.net', 'elasticbeanstalk.com', 'blob.core.windows.net', 'web.core.windows.net', 'azurewebsites.net',
  'sharepoint.com', 'storage.googleapis.com', 'appspot.com', 'web.app', 'firebaseapp.com', 'github.io', 'gitlab.io', 'herokuapp.com',
  'netlify.app', 'vercel.app', 'pages.dev', 'workers.dev', 'blogspot.com', 'wordpress.com',
]

/** Amazon's regional S3 names (`bucket.s3.eu-west-1.amazonaws.com`, `bucket.s3-eu-west-1.amazonaws.com`) as the global one. */
const regionalS3 = /\.s3[.-][a-z0-9-]+\.amazonaws\.com$/

/** The site of a host name, lower-cased; an IP address or a single label is its own site. */
export function siteOf(host: string): string {
  const name = host.toLowerCase().replace(/\.$/, '').replace(regionalS3, '.s3.amazonaws.com')
  if (/^[0-9.]+$/.test(name) || name.includes(':')) return name
  const labels = name.split('.')
  const tenant = tenantSuffixes.find((suffix) => name.endsWith(`.${suffix}`))
  if (tenant !== undefined) return labels.slice(-(tenant.split('.').length + 1)).join('.')
  const secondLevel = labels.length >= 3 && labels.at(-1)!.length === 2 && countrySecondLevels.includes(labels.at(-2)!)
  return labels.slice(secondLevel ? -3 : -2).join('.')
}

/**
 * Public research repositories (host names): depositing datasets and papers there is publishing,
 * a researcher's everyday work, and what lands there is public. Personal storage and file drops
 * are not listed.
 */
const publishingSites: readonly string[] = [
  'zenodo.org', 'figshare.com', 'osf.io', 'datadryad.org', 'dataverse.org', 'dataverse.harvard.edu', 'arxiv.org', 'biorxiv.org',
  'medrxiv.org', 'openneuro.org', 'pangaea.de', 'ssrn.com', 'researchgate.net', 'ebi.ac.uk',
]

/** The public research repository a host name belongs to, if it is one (`fup-eu-west-1.figshare.com`: figshare.com). */
export function publishingSiteOf(host: string): string | undefined {
  const name = host.toLowerCase().replace(/\.$/, '')
  return publishingSites.find((listed) => name === listed || name.endsWith(`.${listed}`))
}
