// The deployment gate walk of the browser smoke test (issue #16, "done when"): a pipeline asks
// the gate for payment-processing's production deploy and is denied while its deliberate failure
// (logging.log-retention, demo/terraform/README.md) is unwaived; a reviewer grants a waiver and
// records an approved review; the next ask is allowed, and the Compliance tab lists both.
//
// The pipeline's token is the static external access token of e2e/app-config.e2e.yaml, which the
// smoke test adds when it starts the portal. A portal started by hand without that file answers
// 401 to it, and the walk says so.
import { randomBytes } from 'node:crypto';
import { guestApi } from './lib/portal.mjs';

const SERVICE = 'payment-processing';
const SERVICE_TITLE = 'Payment Processing';
const ENTITY_API = `/api/squad-insights/entities/default/component/${SERVICE}`;
const COMPLIANCE_TAB = `/catalog/default/component/${SERVICE}/compliance`;
const REVIEW_PAGE = '/squad-insights/compliance-review';
const CHECK = 'logging.log-retention';
/** The same default as e2e/app-config.e2e.yaml's `${SI_E2E_GATE_TOKEN:-…}`. */
const GATE_TOKEN =
  process.env.SI_E2E_GATE_TOKEN ?? 'e2e-demo-gate-token-not-a-secret';

/** Asks the gate as the pipeline does (`squad-insights gate`), with its own token. */
async function askGate(backendUrl, commit) {
  const res = await fetch(`${backendUrl}${ENTITY_API}/gate`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${GATE_TOKEN}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({ environment: 'production', commit }),
  });
  if (res.status === 401)
    throw new Error(
      'the gate refused the pipeline token (401): start the portal with e2e/app-config.e2e.yaml ' +
        '(backend.auth.externalAccess) and the same SI_E2E_GATE_TOKEN',
    );
  if (!res.ok)
    throw new Error(
      `POST ${ENTITY_API}/gate answered ${res.status}: ${(
        await res.text()
      ).slice(0, 300)}`,
    );
  return res.json();
}

const blocking = decision =>
  decision.reasons
    .filter(r => r.blocking)
    .map(r => (r.checkId ? `${r.code} ${r.checkId}` : r.code));

/**
 * Runs the walk as named checks, after complianceWalk (the portfolio is complete by then).
 * `page` is signed in as guest, a member of the Compliance Office (a reviewer group).
 */
export async function gateWalk({ page, appUrl, backendUrl, check, shot }) {
  const api = await guestApi(backendUrl);
  // A fresh commit per run: decisions and overrides are per commit.
  const commit = randomBytes(20).toString('hex');
  let denied;

  await check(
    `the gate denies ${SERVICE}'s production deploy on its unwaived ${CHECK}, and the portfolio lists it as denied at the last gate`,
    async () => {
      // The demo keeps its database across restarts: a waiver from an earlier run would let
      // the first ask through, so the walk starts from the unwaived failure.
      const { items: waivers } = await api.get(`${ENTITY_API}/waivers`);
      for (const w of waivers.filter(
        x => x.checkId === CHECK && x.status === 'active',
      )) {
        await api.post(`${ENTITY_API}/waivers/${w.id}/revoke`, {
          reason: 'The gate walk starts from the unwaived failure',
        });
      }
      // A critical service is not judged on facts older than the policy's maxFactsAge.
      await api.post(`${ENTITY_API}/refresh`);
      denied = await askGate(backendUrl, commit);
      if (
        denied.allowed ||
        !blocking(denied).includes(`check-failing ${CHECK}`)
      )
        throw new Error(
          `expected a denial on check-failing ${CHECK}; the gate answered allowed=${
            denied.allowed
          }, blocking [${blocking(denied).join(', ')}]`,
        );

      const { items } = await api.get(
        '/api/squad-insights/compliance/portfolio?lastGate=denied&limit=1000',
      );
      const row = items.find(r => r.name === SERVICE);
      if (row?.lastGate?.decisionId !== denied.id)
        throw new Error(
          `the portfolio's lastGate=denied rows [${items
            .map(r => r.name)
            .join(', ')}] lack ${SERVICE} with decision ${denied.id}`,
        );
      await page.goto(`${appUrl}${REVIEW_PAGE}`);
      await page.getByLabel('Last gate').selectOption('denied');
      await page.waitForURL(u => u.searchParams.get('lastGate') === 'denied');
      const table = page.getByRole('table', { name: 'Compliance portfolio' });
      await table
        .getByRole('row', { name: new RegExp(SERVICE_TITLE, 'i') })
        .getByText('denied', { exact: true })
        .waitFor();
      await shot('compliance-review-denied-at-last-gate');
    },
  );
  if (!denied) return;

  await check(
    'after a waiver and an approved review the gate allows the deploy, and the Compliance tab lists both decisions',
    async () => {
      const stamp = new Date().toISOString();
      const waiver = await api.post(`${ENTITY_API}/waivers`, {
        checkId: CHECK,
        justification: `Gate walk ${stamp}: the audit log moves to the 7-year archive`,
        expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      });
      try {
        await api.post(`${ENTITY_API}/reviews`, {
          decision: 'approved',
          comment: `Gate walk ${stamp}: approved with the log retention waiver`,
        });
        const allowed = await askGate(backendUrl, commit);
        if (!allowed.allowed)
          throw new Error(
            `the gate still denies: blocking [${blocking(allowed).join(', ')}]`,
          );

        await page.goto(`${appUrl}${COMPLIANCE_TAB}`);
        for (const [decision, label] of [
          [denied, 'Denied'],
          [allowed, 'Allowed'],
        ]) {
          const item = page.locator(
            `[aria-label="Gate decision ${decision.id}"]`,
          );
          await item.waitFor({ timeout: 120_000 });
          const text = await item.innerText();
          if (!text.includes(label) || !text.includes(commit.slice(0, 12)))
            throw new Error(
              `the tab's entry for decision ${decision.id} lacks "${label}" or the commit: ${text}`,
            );
        }
        await shot(`${SERVICE}-gate-decisions`);
      } finally {
        // The demo keeps its database: the next run's compliance walk needs payment-processing
        // failing PCI-DSS again, so the walk's waiver does not outlive it.
        await api.post(`${ENTITY_API}/waivers/${waiver.id}/revoke`, {
          reason: 'End of the gate walk: the demo failure stays unwaived',
        });
      }
    },
  );
}
