import type { ErrorShape } from '../../../shared/errors'

export interface ErrorBannerProps {
  error: Pick<ErrorShape, 'code' | 'message'>
  /** What failed, in the reader's words: "Could not load events". */
  title?: string
  onRetry?: () => void
}

export function ErrorBanner({ error, title = 'Something went wrong', onRetry }: ErrorBannerProps) {
  return (
    <div className="error-banner" role="alert">
      <div className="error-banner-text">
        <strong>{title}</strong>
        <span>
          <code className="error-code">{error.code}</code> {error.message}
        </span>
      </div>
      {onRetry ? (
        <button type="button" className="button" onClick={onRetry}>
          Retry
        </button>
      ) : null}
    </div>
  )
}
