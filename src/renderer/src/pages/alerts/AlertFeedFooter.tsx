import { ErrorBanner } from '../../components/ErrorBanner'
import { Pager } from '../../components/Pager'
import type { AlertFeedState } from '../../hooks/use-alert-feed'

export interface AlertFeedFooterProps {
  feed: AlertFeedState
}

/** Which alerts are shown, and the way to the pages before and after. */
export function AlertFeedFooter({ feed }: AlertFeedFooterProps) {
  return (
    <>
      {feed.error ? <ErrorBanner title="Could not load that page of alerts" error={feed.error} onRetry={feed.reload} /> : null}
      <Pager pager={feed} rows="alerts" />
    </>
  )
}
