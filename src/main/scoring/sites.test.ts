import { describe, expect, it } from 'vitest'
import { publishingSiteOf, siteOf } from './sites'

describe('siteOf', () => {
  it('gives the registrable name of a host', () => {
    expect(siteOf('gfs262n11.userstorage.mega.co.nz')).toBe('mega.co.nz')
    expect(siteOf('Fup-EU-West-1.Figshare.com.')).toBe('figshare.com')
    expect(siteOf('www.ru.ac.za')).toBe('ru.ac.za')
    expect(siteOf('wetransfer.com')).toBe('wetransfer.com')
    expect(siteOf('intranet')).toBe('intranet')
  })

  it('keeps the tenant of a host that rents names out', () => {
    expect(siteOf('kestrel-open-data.s3.amazonaws.com')).toBe('kestrel-open-data.s3.amazonaws.com')
    expect(siteOf('kestrel-open-data.s3.eu-west-1.amazonaws.com')).toBe('kestrel-open-data.s3.amazonaws.com')
    expect(siteOf('karoomutual-my.sharepoint.com')).toBe('karoomutual-my.sharepoint.com')
    expect(siteOf('someone.github.io')).toBe('someone.github.io')
  })

  it('leaves addresses as they are', () => {
    expect(siteOf('203.0.113.9')).toBe('203.0.113.9')
    expect(siteOf('2001:db8::1')).toBe('2001:db8::1')
  })

  it('tells public research repositories from personal storage', () => {
    expect(publishingSiteOf('fup-eu-west-1.figshare.com')).toBe('figshare.com')
    expect(publishingSiteOf('Zenodo.org')).toBe('zenodo.org')
    expect(publishingSiteOf('dataverse.harvard.edu')).toBe('dataverse.harvard.edu')
    expect(publishingSiteOf('www.harvard.edu')).toBeUndefined()
    expect(publishingSiteOf('gfs270n121.userstorage.mega.co.nz')).toBeUndefined()
    expect(publishingSiteOf('content.dropboxapi.com')).toBeUndefined()
    expect(publishingSiteOf('notzenodo.org')).toBeUndefined()
  })
})
