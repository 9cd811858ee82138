import { KpiLinkCard } from '../../components/KpiLinkCard'
import { openCasesLimit, useOpenCases } from '../../hooks/use-cases'
import { routeHref } from '../../routes'

/** The open cases, counted from one page of the list (there is no count call; more than a page is rare). */
export function OpenCasesKpi() {
  const cases = useOpenCases()
  const page = cases.data
  const capped = page !== undefined && page.nextCursor !== null
  return (
    <KpiLinkCard
      label="Open cases"
      value={page?.items.length}
      loading={cases.loading && page === undefined}
      href={routeHref('cases', { status: 'open' })}
      note={cases.error ? 'could not count the cases' : capped ? `at least ${openCasesLimit}` : undefined}
    />
  )
}
