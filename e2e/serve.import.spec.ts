import { readFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import { startArgusServe, type ServedWorkspace } from './helpers/argus-serve'

// Files dropped on the Import page with a real drop event: uploaded, imported in a worker,
// progress shown, counts and rejected lines listed. Fixtures are this repository's own.

let served: ServedWorkspace
test.beforeAll(async () => {
  served = await startArgusServe({ seed: false })
})
test.afterAll(async () => {
  await served?.stop()
})

test('imports files dropped on the Import page and lists their rejected lines', async ({ page }, testInfo) => {
  await page.goto(served.url)
  await page.getByRole('link', { name: 'Import', exact: true }).click()
  const files = [
    { name: 'auth.log', text: readFileSync('e2e/fixtures/auth.log', 'utf8') },
    { name: 'logon.csv', text: readFileSync('e2e/fixtures/logon.csv', 'utf8') },
  ]
  const dataTransfer = await page.evaluateHandle((list) => {
    const transfer = new DataTransfer()
    for (const file of list) transfer.items.add(new File([file.text], file.name, { type: 'text/plain' }))
    return transfer
  }, files)
  const zone = page.getByRole('region', { name: 'Import logs' })
  await zone.dispatchEvent('dragenter', { dataTransfer })
  await zone.dispatchEvent('dragover', { dataTransfer })
  await zone.dispatchEvent('drop', { dataTransfer })

  // Rows of the imports table (the finished-job summary lists the files too).
  const importRows = page.locator('tr[data-import-id]')
  const authRow = importRows.filter({ hasText: 'auth.log' })
  await expect(authRow).toContainText('linux-syslog', { timeout: 20_000 })
  await expect(authRow).toContainText('done')
  // 6 syslog lines become events, the 7th is rejected.
  await expect(authRow.getByRole('cell').nth(3)).toHaveText('6')
  const csvRow = importRows.filter({ hasText: 'logon.csv' })
  await expect(csvRow).toContainText('cert-insider')
  await expect(csvRow.getByRole('cell').nth(3)).toHaveText('3')

  await authRow.getByRole('button', { name: /rejected lines of/ }).click()
  const rejects = page.getByRole('table').filter({ hasText: 'this line is not syslog' })
  await expect(rejects).toBeVisible()
  await expect(rejects.getByRole('row').nth(1)).toContainText('6')
  await page.screenshot({ path: testInfo.outputPath('import.png'), fullPage: true })

  // Dropping the same file again adds nothing: it is recognised by its content.
  await zone.dispatchEvent('drop', { dataTransfer })
  await expect(page.getByText(/already imported as #\d+/).first()).toBeVisible({ timeout: 20_000 })
  await page.getByRole('link', { name: 'Dashboard', exact: true }).click()
  await expect(page.getByRole('main')).toContainText('9')
})
