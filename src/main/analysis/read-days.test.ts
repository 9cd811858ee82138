import { describe, expect, it } from 'vitest'
import { openWorkspace } from '../store/database'
import { addImport, folderPerTest } from '../store/test-workspace'
import { createDayReader } from './read-days'

const folder = folderPerTest()

describe('createDayReader', () => {
  it("gives an account change logged without an actor to the changed account, by the name the user column knows it", async () => {
    const workspace = await openWorkspace(folder.file('w.db'))
    try {
      const at = Date.UTC(2024, 2, 4, 9)
      addImport(workspace, 'security.log', [
        { ts: at, user: 'admin01', category: 'authentication', action: 'logon' },
        // Windows writes the changed account with its domain; syslog's usermod without one.
        { ts: at + 60_000, category: 'system', action: 'group_member_add', object: 'Administrators', attrs: { targetUser: 'EXAMPLE\\admin01' } },
        { ts: at + 120_000, category: 'system', action: 'group_member_add', object: 'sudo', attrs: { targetUser: 'Bob' } },
        // A machine account is nobody.
        { ts: at + 180_000, category: 'system', action: 'account_change', attrs: { targetUser: 'WKS-7$' } },
      ])
      const days = createDayReader(workspace.sqlite, 'UTC').read('2024-03-04')
      expect(days.map((day) => [day.user, day.events.map((event) => event.action)])).toEqual([
        ['admin01', ['logon', 'group_member_add']],
        ['bob', ['group_member_add']],
      ])
    } finally {
      await workspace.close()
    }
  })
})
