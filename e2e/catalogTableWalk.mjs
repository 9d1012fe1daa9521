// The catalog table part of the browser smoke test (issue #17, item 4): the catalog people
// browse shows compliance and footprint, and filters to the failing PCI DSS services.
// Expectations come from what the backend answers the same guest user at that moment.
import { guestApi } from './lib/portal.mjs';

const PCI_FAILING = { framework: 'PCI_DSS', status: 'failing' };

/** The entity link text (title or name) of every row of the catalog table. */
function listedEntities(page) {
  return page
    .locator('table tbody tr')
    .evaluateAll(rows =>
      rows
        .map(r => r.querySelector('a[href*="/catalog/"]')?.textContent?.trim())
        .filter(Boolean),
    );
}

const sameSet = (a, b) =>
  a.length === b.length &&
  [...a].sort().join('\n') === [...b].sort().join('\n');

/**
 * Runs after the compliance walk, which waits for a complete portfolio. `page` is signed in as
 * guest; `shot(name)` saves a screenshot of the current page.
 */
export async function catalogTableWalk({
  page,
  appUrl,
  backendUrl,
  check,
  shot,
}) {
  const api = await guestApi(backendUrl);

  await check(
    'the catalog table shows compliance and kg CO2e/month, and filters to failing PCI DSS services',
    async () => {
      // Every component, not only the guest's own: the same rows the API is asked about.
      await page.goto(`${appUrl}/?filters[kind]=component&filters[user]=all`);
      await page
        .getByRole('columnheader', { name: 'Compliance' })
        .first()
        .waitFor();
      await page
        .getByRole('columnheader', { name: 'kg CO2e/month' })
        .first()
        .waitFor();
      // One status chip and one footprint figure at least: the columns are filled, not "—".
      await page
        .locator('table tbody tr')
        .getByText('Failing', { exact: true })
        .first()
        .waitFor();
      await page
        .locator('table tbody tr td')
        .filter({ hasText: /^\d[\d,]*(\.\d)?$/ })
        .first()
        .waitFor();
      await shot('catalog-compliance-columns');

      await page
        .getByLabel('Compliance status', { exact: true })
        .selectOption(PCI_FAILING.status);
      await page
        .getByLabel('Compliance framework', { exact: true })
        .selectOption(PCI_FAILING.framework);
      const portfolio = await api.get(
        `/api/squad-insights/compliance/portfolio?${new URLSearchParams({
          ...PCI_FAILING,
          limit: '1000',
        })}`,
      );
      const expected = portfolio.items.map(r => r.title ?? r.name);
      if (expected.length === 0) {
        throw new Error(
          'the API lists no failing PCI DSS service; the demo should have one',
        );
      }
      await page
        .waitForFunction(names => {
          const shown = [...document.querySelectorAll('table tbody tr')]
            .map(r =>
              r.querySelector('a[href*="/catalog/"]')?.textContent?.trim(),
            )
            .filter(Boolean);
          return (
            shown.length === names.length && names.every(n => shown.includes(n))
          );
        }, expected)
        .catch(() => {});
      const shown = await listedEntities(page);
      if (!sameSet(shown, expected)) {
        throw new Error(
          `the catalog shows [${shown.join(', ')}], the API [${expected.join(
            ', ',
          )}]`,
        );
      }
      // Every row left says it fails, in the table's own compliance column.
      const statuses = await page
        .locator('table tbody tr')
        .evaluateAll(rows => rows.map(r => r.textContent ?? ''));
      if (!statuses.every(text => text.includes('Failing'))) {
        throw new Error(
          'a row of the filtered catalog does not show the Failing status',
        );
      }
      if (!page.url().includes('squadInsights')) {
        throw new Error(
          `the compliance filter is not in the URL: ${page.url()}`,
        );
      }
      await shot('catalog-pci-failing');
    },
  );
}
