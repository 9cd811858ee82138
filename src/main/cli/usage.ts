/** A mistake in how the command was called: exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError'
}

export const helpText = `Argus: user and entity behaviour analytics, offline, in one workspace file.

Usage: argus <command> [options]

Commands:
  serve [--db FILE] [--port N] [--host ADDR] [--read-only] [--open]
                          serve the Argus UI and API to a local browser (127.0.0.1 by default);
                          prints a URL with a per-run token
  ingest PATH... [--db FILE] [--format NAME] [--year YYYY] [--time-zone ZONE] [--mapping F=COL,...]
                          import log files, folders and archives (zip, tar, tar.gz, gz) into the
                          workspace, with a progress bar; Ctrl+C cancels (finished files stay).
                          --format skips detection (argus call imports:formats lists them);
                          --mapping maps columns for generic-csv / generic-json, e.g.
                          ts=Time,user=Account,action=Event (saved in the workspace)
  analyze PATH... [--db FILE] [--json] [ingest options]
                          import, score every user-day and rank the risky users
  listen [--db FILE] [--host ADDR] [--udp-port N] [--tcp-port N]
                          receive syslog (RFC 3164/5424 over UDP and TCP, 127.0.0.1:5514 by
                          default) into the workspace until Ctrl+C
  generate --users N --days D --out DIR [--seed S] [--start YYYY-MM-DD]
                          write a synthetic organisation with labelled attacks (logs in DIR/logs,
                          ground truth in DIR/labels.json)
  eval --labels FILE [--db FILE | --scores FILE] [--k N] [--labelled-only] [--json]
                          per-scenario recall, recall@K, average precision and user-day ROC AUC
                          of the workspace's scores against the labels
  call CHANNEL [JSON] [--db FILE]
                          make one API call against a workspace and print its JSON result
  audit verify [--db FILE]
                          check the audit trail's hash chain: exit 0 when whole, 1 naming the
                          first entry that was changed
  export alerts|events --format csv|json --out FILE [--user U] [--case N] [--db FILE]
                          write every matching alert or event (ECS field names) to FILE
  report CASE (--pdf FILE | --html FILE) [--db FILE]
                          write case CASE as one self-contained HTML file, or as PDF printed by
                          headless Chromium (ARGUS_CHROMIUM, else chromium on PATH)
  backup --out FILE [--db FILE]
                          copy the workspace with SQLite's online backup, also while it is in use
  restore FILE [--db FILE]
                          replace the workspace with a checked copy of the backup FILE
  version                 print the version
  help                    print this help

Options:
  --db FILE               the workspace file (default ./argus.db); created when missing
  -h, --help              print this help

Exit codes: 0 ok, 1 runtime error, 2 usage error.
`

/** A port option: a whole number 0-65535, or undefined when not given. */
export function parsePort(value: unknown, name: string): number | undefined {
  if (value === undefined) return undefined
  const port = Number(value)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError(`${name} must be a whole number from 0 to 65535, got '${String(value)}'`)
  }
  return port
}
