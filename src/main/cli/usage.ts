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
  ingest PATH... [--db FILE] [--format NAME] [--year YYYY] [--time-zone ZONE]
                          import log files, folders and archives (zip, tar, tar.gz, gz) into the
                          workspace, with a progress bar; Ctrl+C cancels (finished files stay)
  analyze PATH... [--db FILE] [--json] [ingest options]
                          import, then rank risky users (scoring arrives in a later release)
  call CHANNEL [JSON] [--db FILE]
                          make one API call against a workspace and print its JSON result
  version                 print the version
  help                    print this help

Options:
  --db FILE               the workspace file (default ./argus.db); created when missing
  -h, --help              print this help

Exit codes: 0 ok, 1 runtime error, 2 usage error.
`
