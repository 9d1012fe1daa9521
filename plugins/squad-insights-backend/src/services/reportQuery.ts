import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { isReportMonth } from '@squad-insights/backstage-plugin-squad-insights-common';

/** A report request as checked: the month, the tribe ref if any, and the wanted format. */
export interface ReportQuery {
  month: string;
  tribe?: string;
  format: 'json' | 'csv';
}

function text(name: string, value: unknown): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string')
    throw new InputError(`${name} must be given once, as text`);
  return value;
}

/**
 * Checks `month`, `tribe` and `format` as they arrive in the query string, each error naming
 * its field. A month that has not begun is refused (there is nothing to report); `format`
 * wins over the Accept header, which the router consults only when `format` is absent.
 */
export function parseReportQuery(
  raw: Record<string, unknown>,
  now: Date,
  accepted?: 'json' | 'csv',
): ReportQuery {
  const month = text('month', raw.month);
  if (!month)
    throw new InputError('month is required, as YYYY-MM (e.g. 2026-11)');
  if (!isReportMonth(month)) {
    throw new InputError(
      `month must be YYYY-MM (e.g. 2026-11); got ${JSON.stringify(month)}`,
    );
  }
  if (month > now.toISOString().slice(0, 7)) {
    throw new InputError(
      `month ${month} has not begun; there is nothing to report yet`,
    );
  }
  const tribeText = text('tribe', raw.tribe);
  let tribe: string | undefined;
  if (tribeText) {
    let ref;
    try {
      ref = parseEntityRef(tribeText, {
        defaultKind: 'group',
        defaultNamespace: 'default',
      });
    } catch {
      throw new InputError(
        `tribe must be a group entity ref such as group:default/commerce; got ${JSON.stringify(
          tribeText,
        )}`,
      );
    }
    if (ref.kind.toLocaleLowerCase('en-US') !== 'group') {
      throw new InputError(
        `tribe must be a group entity ref; ${JSON.stringify(tribeText)} is a ${
          ref.kind
        }`,
      );
    }
    tribe = stringifyEntityRef(ref);
  }
  const format = text('format', raw.format) ?? accepted ?? 'json';
  if (format !== 'json' && format !== 'csv') {
    throw new InputError(
      `format must be one of json, csv; got ${JSON.stringify(format)}`,
    );
  }
  return { month, tribe, format };
}
