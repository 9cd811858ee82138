import { useState, type FormEvent } from 'react'
import { ErrorBanner } from '../../components/ErrorBanner'
import { Panel } from '../../components/Panel'
import { useSyslog } from '../../hooks/use-syslog'

function parsePort(text: string): number | undefined | null {
  if (text.trim() === '') return undefined
  const port = Number(text)
  return Number.isInteger(port) && port >= 0 && port <= 65535 ? port : null
}

/** Start and stop the live syslog listener; its counters update while it runs. */
export function SyslogSection() {
  const syslog = useSyslog()
  const [host, setHost] = useState('127.0.0.1')
  const [udp, setUdp] = useState('5514')
  const [tcp, setTcp] = useState('5514')
  const status = syslog.status
  const running = status?.state === 'running' || status?.state === 'starting'
  const udpPort = parsePort(udp)
  const tcpPort = parsePort(tcp)
  const invalid = udpPort === null || tcpPort === null || (udpPort === undefined && tcpPort === undefined)

  function submit(event: FormEvent): void {
    event.preventDefault()
    if (running) return syslog.stop()
    if (invalid) return
    syslog.start({ host, ...(udpPort !== undefined && udpPort !== null ? { udpPort } : {}), ...(tcpPort !== undefined && tcpPort !== null ? { tcpPort } : {}) })
  }

  return (
    <Panel title="Syslog listener">
      <form className="syslog-form" onSubmit={submit} aria-label="Syslog listener">
        <label>
          Interface
          <input value={host} onChange={(event) => setHost(event.target.value)} disabled={running} className="mono" />
        </label>
        <label>
          UDP port
          <input value={udp} onChange={(event) => setUdp(event.target.value)} disabled={running} inputMode="numeric" placeholder="off" />
        </label>
        <label>
          TCP port
          <input value={tcp} onChange={(event) => setTcp(event.target.value)} disabled={running} inputMode="numeric" placeholder="off" />
        </label>
        <button type="submit" className="button" disabled={syslog.busy || (!running && invalid)}>
          {running ? 'Stop listening' : 'Start listening'}
        </button>
      </form>
      {!running && host !== '127.0.0.1' && host !== 'localhost' && host !== '::1' ? (
        <p className="hint">Another interface than loopback lets other machines send into this workspace.</p>
      ) : null}
      {invalid && !running ? <p className="hint">Ports are whole numbers from 0 to 65535; leave one empty to turn it off.</p> : null}
      {syslog.error ? <ErrorBanner title="The listener could not change state" error={syslog.error} /> : null}
      {status?.state === 'failed' && status.error ? <ErrorBanner title="The listener stopped" error={{ code: 'internal', message: status.error }} /> : null}
      {status && status.state !== 'stopped' ? (
        <dl className="facts" aria-live="polite">
          <dt>State</dt>
          <dd>{status.state}</dd>
          <dt>Listening on</dt>
          <dd className="mono">
            {status.host} {status.udpPort !== null ? `udp ${status.udpPort}` : ''} {status.tcpPort !== null ? `tcp ${status.tcpPort}` : ''}
          </dd>
          <dt>Received</dt>
          <dd className="numeric">{status.received.toLocaleString()}</dd>
          <dt>Parsed</dt>
          <dd className="numeric">{status.parsed.toLocaleString()}</dd>
          <dt>Rejected</dt>
          <dd className="numeric">{status.rejected.toLocaleString()}</dd>
          <dt>Dropped</dt>
          <dd className="numeric">{status.dropped.toLocaleString()}</dd>
        </dl>
      ) : (
        <p className="hint">
          Point a sender at it, e.g. <code>logger -n 127.0.0.1 -P 5514 -d --rfc5424 'hello'</code>. Messages go into this workspace as they arrive.
        </p>
      )}
    </Panel>
  )
}
