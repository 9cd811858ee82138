import { main } from './main'

// The CLI's entry (out/main/cli.js once built); bin/argus.js loads it.
process.exitCode = await main(process.argv.slice(2))
