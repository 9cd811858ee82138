import { ErrorBanner } from '../../components/ErrorBanner'
import { formatCount } from '../../format'
import type { AlertFeedState } from '../../hooks/use-alert-feed'

export interface AlertFeedFooterProps {
  feed: AlertFeedState
}

/** How much of the list is loaded, and the button that loads more (scrolling to the end does it too). */
export function AlertFeedFooter({ feed }: AlertFeedFooterProps) {
  const shown = feed.items.length
  return (
    <>
      {feed.error ? <ErrorBanner title="Could not load more alerts" error={feed.error} onRetry={feed.loadMore} /> : null}
      <div className="table-footer">
        <span className="muted numeric" aria-live="polite">
          {formatCount(shown)} {shown === 1 ? 'alert' : 'alerts'} shown
          {feed.capped ? ' — the most this view keeps; narrow the filters' : ''}
          {!feed.hasMore && !feed.capped ? ' — all loaded' : ''}
        </span>
        {feed.hasMore ? (
          <button type="button" className="button" onClick={feed.loadMore} disabled={feed.loadingMore}>
            {feed.loadingMore ? 'Loading…' : 'Load more'}
          </button>
        ) : null}
      </div>
    </>
  )
}
